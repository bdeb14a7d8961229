/** RpcTypedData: how the Functions host encodes each value it sends the Node worker over gRPC. */
export interface RpcTypedData {
  string?: string | null
  json?: string | null
  bytes?: Uint8Array | null
  http?: RpcHttp | null
  int?: number | null
  double?: number | null
  collectionString?: { string: string[] } | null
  collectionBytes?: { bytes: Uint8Array[] } | null
  [other: string]: unknown
}

/** The host's HTTP request message (the v4 `HttpRequest` is built from it). */
export interface RpcHttp {
  method: string
  url: string
  headers?: Record<string, string>
  body?: RpcTypedData
  params?: Record<string, string>
  query?: Record<string, string>
  [other: string]: unknown
}

/** One value as the host would type it: text as `string`, bytes as `bytes`, numbers as `int`/`double`, the rest as `json`. */
export function rpcData(value: unknown): RpcTypedData {
  if (typeof value === 'string') return { string: value }
  if (value instanceof Uint8Array) return { bytes: value }
  if (typeof value === 'number') return Number.isInteger(value) ? { int: value } : { double: value }
  return { json: JSON.stringify(value) }
}

/** Host-side trigger metadata (PascalCase keys, as the host sends them) as RpcTypedData: strings stay strings, the rest is JSON. */
export function rpcMetadata(metadata: Record<string, unknown>): Record<string, RpcTypedData> {
  const out: Record<string, RpcTypedData> = {}
  for (const [key, value] of Object.entries(metadata)) {
    if (value === undefined) continue
    out[key] = typeof value === 'string' ? { string: value } : { json: JSON.stringify(value) }
  }
  return out
}

/** What `rpcHttp` takes: a plain request, as a client sent it to the function URL. */
export interface RpcHttpInit {
  method?: string
  url: string
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** Route parameters the host matched. */
  params?: Record<string, string>
}

/**
 * An HTTP trigger input as the host sends it: `query` is the host's one-value-per-key map of the URL's query
 * (the full query string stays in `url`), the body is `{ string }` or `{ bytes }`.
 */
export function rpcHttp(init: RpcHttpInit): RpcTypedData {
  const query: Record<string, string> = {}
  for (const [k, v] of new URL(init.url).searchParams) query[k] = v
  const http: RpcHttp = {
    method: init.method ?? 'GET',
    url: init.url,
    headers: init.headers ?? {},
    params: init.params ?? {},
    query,
  }
  if (typeof init.body === 'string') http.body = { string: init.body }
  else if (init.body instanceof Uint8Array) http.body = { bytes: init.body }
  return { http }
}

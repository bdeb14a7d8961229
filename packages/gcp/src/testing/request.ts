/** A request as it goes on the wire to the function (what every builder here returns). */
export interface NativeRequest {
  method: string
  /** Path with its query string, e.g. `/orders?id=1&id=2`. */
  path: string
  /** Header name → value; an array sends one header line per value. */
  headers: Record<string, string | string[]>
  body?: string | Uint8Array | undefined
}

/** A JSON value a builder serializes. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined }

/** What `httpRequest` builds a request from. */
export interface HttpRequestOptions {
  method?: string
  path?: string
  /** Appended to `path`; arrays repeat the key. */
  query?: Record<string, string | readonly string[]> | string
  headers?: Record<string, string | string[]>
  /** Sent as one `Cookie` header. */
  cookies?: Record<string, string>
  /** Text and bytes are sent as is; any other value as JSON (`application/json` unless a content type is given). */
  body?: string | Uint8Array | Json | object
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((k) => k.toLowerCase() === name)
}

/** A plain HTTP request, as a client (or Cloud Scheduler, or a Pub/Sub push) sends it. */
export function httpRequest(options: HttpRequestOptions = {}): NativeRequest {
  const headers: Record<string, string | string[]> = { ...options.headers }
  let path = options.path ?? '/'
  const q = options.query
  if (q !== undefined) {
    const params = new URLSearchParams()
    if (typeof q === 'string') for (const [k, v] of new URLSearchParams(q)) params.append(k, v)
    else
      for (const [k, v] of Object.entries(q)) for (const one of typeof v === 'string' ? [v] : v) params.append(k, one)
    const search = params.toString()
    if (search) path += (path.includes('?') ? '&' : '?') + search
  }
  if (options.cookies) {
    headers.cookie = Object.entries(options.cookies)
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
      .join('; ')
  }
  let body: string | Uint8Array | undefined
  const b = options.body
  if (typeof b === 'string' || b instanceof Uint8Array) body = b
  else if (b !== undefined) {
    body = JSON.stringify(b)
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json'
  }
  return { method: options.method ?? (body === undefined ? 'GET' : 'POST'), path, headers, body }
}

/** Base64 of text, bytes or a JSON value (Pub/Sub `data`, Scheduler `customData`). */
export function toBase64(data: string | Uint8Array | Json | object): string {
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')
  return Buffer.from(typeof data === 'string' ? data : JSON.stringify(data), 'utf8').toString('base64')
}

let sequence = 0

/** A unique id for builders that need one (`1000000000000001`, `1000000000000002`, …: Pub/Sub's numeric style). */
export function nextId(): string {
  return String(1_000_000_000_000_000 + ++sequence)
}

export function isoTime(t: string | Date | undefined): string {
  return t === undefined ? new Date().toISOString() : typeof t === 'string' ? t : t.toISOString()
}

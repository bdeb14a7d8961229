import { randomUUID } from 'node:crypto'

/** A plain HTTP request, from which each builder makes its front door's native event. */
export interface HttpEventInit {
  /** Default `GET`, or `POST` when a body is given. */
  method?: string
  /** The path, optionally with a query string (`/orders?limit=5`). */
  path?: string
  /** Query parameters (decoded values; arrays repeat a key) or a raw query string. */
  query?: Readonly<Record<string, string | readonly string[]>> | string
  /** Request headers; arrays repeat a header. */
  headers?: Readonly<Record<string, string | readonly string[]>>
  /** Request cookies, as name → value or as `name=value` pairs. */
  cookies?: Readonly<Record<string, string>> | readonly string[]
  /** Text, bytes, or a JSON value (sent as `application/json`). */
  body?: string | Uint8Array | object | number | boolean | null
  /** Send a text body base64-encoded even where the front door would not. */
  isBase64Encoded?: boolean
  /** Route parameters (`pathParameters`). */
  params?: Readonly<Record<string, string>>
  requestId?: string
  sourceIp?: string
  /** When the request arrived; default now. */
  time?: Date
}

/** The request, flattened the way every builder needs it. */
export interface NormalizedHttp {
  method: string
  path: string
  query: Array<[string, string]>
  /** Names as given; `cookie` not included (see `cookies`). */
  headers: Array<[string, string]>
  cookies: string[]
  body: { bytes: Uint8Array; text: string | undefined } | undefined
  contentType: string | undefined
  forceBase64: boolean
  params: Record<string, string> | undefined
  requestId: string
  sourceIp: string
  time: Date
}

function queryPairs(init: HttpEventInit, fromPath: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [...new URLSearchParams(fromPath)]
  const q = init.query
  if (typeof q === 'string') pairs.push(...new URLSearchParams(q))
  else if (q)
    for (const [k, v] of Object.entries(q)) for (const one of typeof v === 'string' ? [v] : v) pairs.push([k, one])
  return pairs
}

/** Flattens a builder's input: query pairs, header pairs, cookie pairs and the body as bytes. */
export function normalizeHttp(init: HttpEventInit): NormalizedHttp {
  const raw = init.path ?? '/'
  const mark = raw.indexOf('?')
  const path = (mark < 0 ? raw : raw.slice(0, mark)) || '/'
  const search = mark < 0 ? '' : raw.slice(mark + 1)
  const headers: Array<[string, string]> = []
  const cookies: string[] = []
  for (const [k, v] of Object.entries(init.headers ?? {})) {
    for (const one of typeof v === 'string' ? [v] : v) {
      if (k.toLowerCase() === 'cookie')
        cookies.push(
          ...one
            .split(';')
            .map((c) => c.trim())
            .filter(Boolean),
        )
      else headers.push([k, one])
    }
  }
  const c = init.cookies
  if (Array.isArray(c)) cookies.push(...(c as readonly string[]))
  else if (c) for (const [k, v] of Object.entries(c)) cookies.push(`${k}=${encodeURIComponent(v)}`)
  let contentType = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1]
  let body: NormalizedHttp['body']
  const b = init.body
  if (typeof b === 'string') body = { bytes: Buffer.from(b, 'utf8'), text: b }
  else if (b instanceof Uint8Array) body = { bytes: b, text: undefined }
  else if (b !== undefined) {
    const text = JSON.stringify(b)
    body = { bytes: Buffer.from(text, 'utf8'), text }
    if (contentType === undefined) {
      contentType = 'application/json'
      headers.push(['content-type', contentType])
    }
  }
  return {
    method: (init.method ?? (body === undefined ? 'GET' : 'POST')).toUpperCase(),
    path,
    query: queryPairs(init, search),
    headers,
    cookies,
    body,
    contentType,
    forceBase64: init.isBase64Encoded === true,
    params: init.params ? { ...init.params } : undefined,
    requestId: init.requestId ?? randomUUID(),
    sourceIp: init.sourceIp ?? '203.0.113.10',
    time: init.time ?? new Date(),
  }
}

/** Header pairs grouped by lower-case name (first spelling kept), values in order. */
export function groupHeaders(pairs: ReadonlyArray<[string, string]>, lowercase: boolean): Map<string, string[]> {
  const spelled = new Map<string, string>()
  const out = new Map<string, string[]>()
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase()
    const key = lowercase ? lower : (spelled.get(lower) ?? name)
    spelled.set(lower, key)
    const list = out.get(key)
    if (list) list.push(value)
    else out.set(key, [value])
  }
  return out
}

/** The body as the front door sends it: base64 when binary by its rule (or forced), else text. */
export function encodeBody(http: NormalizedHttp, isText: (contentType: string | undefined) => boolean) {
  const body = http.body
  if (body === undefined) return { body: undefined, isBase64Encoded: false }
  if (body.text !== undefined && !http.forceBase64 && isText(http.contentType)) {
    return { body: body.text, isBase64Encoded: false }
  }
  return { body: Buffer.from(body.bytes).toString('base64'), isBase64Encoded: true }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Common Log Format time, as API Gateway writes `requestTime` (`12/Mar/2020:19:03:58 +0000`). */
export function clfTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${p(date.getUTCHours())}:${p(
    date.getUTCMinutes(),
  )}:${p(date.getUTCSeconds())} +0000`
}

/** A short id in API Gateway's style (`J7jk9g-7oAMEJGw=`). */
export const shortId = (): string =>
  Buffer.from(randomUUID().replaceAll('-', '').slice(0, 20), 'hex').toString('base64')

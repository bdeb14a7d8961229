import { bytesToText, textToBytes } from './body.js'
import { type Cookie, serializeCookie } from './cookies.js'

/** Headers a handler may return: a record (arrays repeat a header), pairs, or a Fetch `Headers`. */
export type ResponseHeaders =
  | Record<string, string | number | readonly string[] | undefined>
  | Iterable<readonly [string, string]>
  | Headers

/** A response body a handler may return: text, bytes, a JSON value, or a stream of chunks. */
export type ResponseBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array | string>
  | AsyncIterable<Uint8Array | string>
  | JsonValue
  | null
  | undefined

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue } | object

/** The plain-object response: every field optional. */
export interface HttpResponseInit {
  status?: number
  headers?: ResponseHeaders
  /** Set-Cookie values, as strings or cookie objects. */
  cookies?: ReadonlyArray<string | Cookie>
  body?: ResponseBody
}

/** Anything an `http` handler may return. */
export type HttpResult = HttpResponseInit | Response | undefined | null | void

/**
 * A response as every adapter receives it: lower-case header names (no `set-cookie`), cookies apart,
 * and a body that is text (send as is), bytes (send base64 where the provider needs it), a stream, or nothing.
 */
export interface ResponseParts {
  status: number
  headers: Record<string, string | string[]>
  cookies: string[]
  body: string | Uint8Array | ReadableStream<Uint8Array> | null
}

const JSON_TYPE = 'application/json'
const TEXT_TYPE = 'text/plain; charset=utf-8'

// Shared by every helper response without cookies: adapters read `cookies`, never add to it.
const NO_COOKIES: string[] = Object.freeze([]) as unknown as string[]

// What the helpers return: already in `ResponseParts` shape, so the hot path skips normalizing it.
class Parts implements ResponseParts {
  constructor(
    public status: number,
    public headers: Record<string, string | string[]>,
    public cookies: string[],
    public body: ResponseParts['body'],
  ) {}
}

function parts(
  status: number,
  type: string | undefined,
  init: Omit<HttpResponseInit, 'body'>,
  body: ResponseParts['body'],
): HttpResponseInit {
  if (!init.headers && !init.cookies)
    return new Parts(status, type === undefined ? {} : { 'content-type': type }, NO_COOKIES, body)
  const headers: Record<string, string | string[]> = init.headers ? toHeaderRecord(init.headers) : {}
  if (type !== undefined && !('content-type' in headers)) headers['content-type'] = type
  return new Parts(status, headers, collectCookies(headers, init.cookies), body)
}

/** A JSON response (`application/json`). */
export function json(value: unknown, init: Omit<HttpResponseInit, 'body'> = {}): HttpResponseInit {
  return parts(init.status ?? 200, JSON_TYPE, init, JSON.stringify(value) ?? 'null')
}

/** A text response (`text/plain; charset=utf-8` unless a content type is given). */
export function text(value: string, init: Omit<HttpResponseInit, 'body'> = {}): HttpResponseInit {
  return parts(init.status ?? 200, TEXT_TYPE, init, value)
}

/** A binary response; survives every provider (base64 where the provider needs it). */
export function binary(
  bytes: Uint8Array | ArrayBuffer,
  contentType = 'application/octet-stream',
  init: Omit<HttpResponseInit, 'body'> = {},
): HttpResponseInit {
  return parts(init.status ?? 200, contentType, init, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
}

/** A redirect (302 unless told otherwise). */
export function redirect(location: string, status: 301 | 302 | 303 | 307 | 308 = 302): HttpResponseInit {
  return parts(status, undefined, { headers: { location } }, null)
}

/** A response with no body (204 unless told otherwise). */
export function empty(status = 204, init: Omit<HttpResponseInit, 'body' | 'status'> = {}): HttpResponseInit {
  return parts(status, undefined, init, null)
}

/** Moves `set-cookie` out of a normalized header record and appends serialized cookies. */
function collectCookies(headers: Record<string, string | string[]>, extra?: ReadonlyArray<string | Cookie>): string[] {
  const cookies: string[] = []
  const setCookie = headers['set-cookie']
  if (setCookie !== undefined) {
    cookies.push(...(Array.isArray(setCookie) ? setCookie : [setCookie]))
    delete headers['set-cookie']
  }
  if (extra) for (const c of extra) cookies.push(typeof c === 'string' ? c : serializeCookie(c))
  return cookies
}

function toHeaderRecord(headers: ResponseHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  const add = (name: string, value: unknown): void => {
    if (value === undefined || value === null) return
    const key = name.toLowerCase()
    const prev = out[key]
    const next = Array.isArray(value) ? value.map(String) : String(value)
    if (prev === undefined) out[key] = next
    else out[key] = [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(next) ? next : [next])]
  }
  const proto = Object.getPrototypeOf(headers)
  if (proto === Object.prototype || proto === null) {
    for (const k in headers) add(k, (headers as Record<string, unknown>)[k])
  } else if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((v, k) => {
      if (k !== 'set-cookie') add(k, v)
    })
    const cookies = headers.getSetCookie()
    if (cookies.length) out['set-cookie'] = cookies
  } else if (Symbol.iterator in headers) {
    for (const [k, v] of headers as Iterable<readonly [string, string]>) add(k, v)
  } else {
    for (const k in headers) add(k, (headers as Record<string, unknown>)[k])
  }
  return out
}

const TEXTUAL =
  /^(text\/|application\/(json|javascript|ecmascript|xml|x-www-form-urlencoded|graphql|x-ndjson)\b|[^;]*\+(json|xml)\b)/i

/** Whether a content type is text that travels as UTF-8 (so it needs no base64). */
export function isTextContentType(contentType: string | null | undefined): boolean {
  if (!contentType || !TEXTUAL.test(contentType)) return false
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]
  return charset === undefined || /^utf-?8$/i.test(charset)
}

const isStream = (v: unknown): v is ReadableStream<Uint8Array | string> =>
  typeof ReadableStream !== 'undefined' && v instanceof ReadableStream
const isAsyncIterable = (v: unknown): v is AsyncIterable<Uint8Array | string> =>
  typeof v === 'object' && v !== null && Symbol.asyncIterator in v

function toByteStream(source: ReadableStream<Uint8Array | string> | AsyncIterable<Uint8Array | string>) {
  const iterator = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? textToBytes(value) : value)
    },
    async cancel(reason) {
      await iterator.return?.(reason)
    },
  })
}

function isWebResponse(v: unknown): v is Response {
  return typeof Response !== 'undefined' && v instanceof Response
}

/** Normalizes whatever a handler returned into `ResponseParts` (Web `Response` bodies stay streams). */
export function toResponseParts(result: HttpResult): ResponseParts {
  if (result === undefined || result === null) return { status: 204, headers: {}, cookies: [], body: null }
  if (result instanceof Parts) return result
  const proto = Object.getPrototypeOf(result)
  if (proto !== Object.prototype && proto !== null && isWebResponse(result)) {
    const headers = toHeaderRecord(result.headers)
    const cookies = (headers['set-cookie'] as string[] | undefined) ?? []
    delete headers['set-cookie']
    return { status: result.status, headers, cookies, body: result.body }
  }
  const init = result as HttpResponseInit
  const headers = init.headers ? toHeaderRecord(init.headers) : {}
  const cookies = collectCookies(headers, init.cookies)
  const status = init.status ?? 200
  const raw = init.body
  let body: ResponseParts['body'] = null
  let type = 'application/octet-stream'
  if (typeof raw === 'string') {
    body = raw
    type = TEXT_TYPE
  } else if (raw instanceof Uint8Array) body = raw
  else if (raw instanceof ArrayBuffer) body = new Uint8Array(raw)
  else if (isStream(raw) || isAsyncIterable(raw)) body = toByteStream(raw)
  else if (raw !== undefined && raw !== null) {
    body = JSON.stringify(raw)
    type = JSON_TYPE
  }
  if (body !== null) headers['content-type'] ??= type
  return { status, headers, cookies, body }
}

/** Reads a streamed body to its end: text when the content type is textual, else bytes. */
export async function bufferBody(parts: ResponseParts, limit = Number.POSITIVE_INFINITY): Promise<ResponseParts> {
  const body = parts.body
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) return parts
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw new ResponseTooLargeError(limit)
    }
    chunks.push(value)
  }
  const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks)
  const type = headerValue(parts.headers['content-type'])
  return { ...parts, body: isTextContentType(type) ? bytesToText(bytes) : bytes }
}

/** A response body past what the front door can carry (Lambda's 6 MB buffered limit, say). */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError'
  constructor(readonly limit: number) {
    super(
      `faasade: the response is larger than the ${limit}-byte limit of this front door; send less, or stream it where the front door can.`,
    )
  }
}

/** First value of a header that may repeat. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

import {
  type BodySource,
  type SyncBody,
  bytesToText,
  isSyncBody,
  knownSize,
  parseJson,
  syncBytes,
  textExceeds,
  tooLarge,
} from './body.js'
import { parseCookies } from './cookies.js'
import { badRequest } from './errors.js'
import { HeaderMap, type HeaderSource } from './headers.js'
import { QueryParams, type QuerySource } from './query.js'

/** What the adapter knows about an incoming HTTP request; everything costly is computed on first read. */
export interface HttpRequestInit {
  method: string
  /** Path without the query string, e.g. `/orders/42`. */
  path: string
  /** Raw query string without `?` (still percent-encoded), ready params or pairs, or a thunk producing them. */
  query?: QuerySource | (() => QuerySource) | undefined
  /** Query values the platform already decoded (API Gateway's `queryStringParameters`); used by `get` where exact. */
  decodedQuery?: Readonly<Record<string, string | undefined>> | null | undefined
  headers?: HeaderSource | HeaderMap | undefined
  /** Header names are already lower case and single-valued (HTTP API 2.0, Function URL): a faster path. */
  lowercaseHeaders?: boolean
  /** Cookie pairs that arrived outside the headers (AWS `cookies[]`); when set, the `cookie` header is ignored. */
  cookies?: readonly string[] | undefined
  body?: BodySource
  /** Client address, or a thunk that works it out on first read. */
  ip?: string | (() => string | undefined) | undefined
  params?: Readonly<Record<string, string | undefined>> | undefined
  /** The absolute URL when the platform gives one; otherwise built from Host and X-Forwarded-Proto. */
  url?: string | undefined
  native: unknown
}

/** The types a request's schemas produce. */
export interface RequestTypes {
  body: unknown
  query: unknown
  params: unknown
  headers: unknown
}

export interface DefaultRequestTypes {
  body: undefined
  query: Record<string, string | string[]>
  params: Record<string, string>
  headers: Record<string, string>
}

/** Values that passed the function's schemas (or the raw values where no schema was given). */
export interface ValidInput<T extends RequestTypes> {
  body: T['body']
  query: T['query']
  params: T['params']
  headers: T['headers']
}

const DEFAULT_LIMIT = 6 * 1024 * 1024

function parseBodyJson(text: string): unknown {
  if (text === '') throw badRequest('The request body is empty; JSON was expected.', { title: 'Malformed JSON' })
  return parseJson(text, 'request body')
}

const LOWERCASED = { lowercased: true } as const

/** One normalized HTTP request, the same on every cloud. */
export class HttpRequest<T extends RequestTypes = DefaultRequestTypes> {
  readonly method: string
  readonly path: string
  readonly native: unknown
  /** Route parameters (validated when the function declares a `params` schema). */
  params: T['params']
  /** The body as validated by the function's `body` schema; `undefined` without one. */
  body: T['body']
  #valid: ValidInput<T> | undefined
  #ip: { value: string | undefined } | undefined
  /** Bodies larger than this are refused with 413; set from the function's `maxBodyBytes`. */
  maxBodyBytes = DEFAULT_LIMIT

  #init: HttpRequestInit
  #query: QueryParams | undefined
  #headers: HeaderMap | undefined
  #cookies: Record<string, string> | undefined
  #url: string | undefined
  #bytes: Uint8Array | undefined
  #text: string | undefined

  constructor(init: HttpRequestInit) {
    this.#init = init
    const method = init.method
    // Every platform sends GET/POST upper case already; toUpperCase would still scan and copy.
    this.method = method === 'GET' || method === 'POST' ? method : method.toUpperCase()
    this.path = init.path || '/'
    this.native = init.native
    this.params = (init.params ?? {}) as T['params']
    this.body = undefined as T['body']
  }

  /** Everything the function's schemas validated. */
  get valid(): ValidInput<T> {
    this.#valid ??= { body: this.body, query: undefined, params: this.params, headers: undefined } as ValidInput<T>
    return this.#valid
  }

  /** The client's address, when the platform tells it. */
  get ip(): string | undefined {
    const ip = this.#init.ip
    return typeof ip === 'function' ? (this.#ip ??= { value: ip() }).value : ip
  }

  /** Query parameters with `URLSearchParams` semantics (`get`, `getAll`). */
  get query(): QueryParams {
    if (this.#query) return this.#query
    const q = this.#init.query
    this.#query = new QueryParams(typeof q === 'function' ? q() : q, this.#init.decodedQuery)
    return this.#query
  }

  /** Headers with Fetch `Headers` semantics; repeated values are kept (`getAll`). */
  get headers(): HeaderMap {
    if (this.#headers) return this.#headers
    const h = this.#init.headers
    this.#headers =
      h instanceof HeaderMap ? h : new HeaderMap(h, this.#init.lowercaseHeaders === true ? LOWERCASED : undefined)
    return this.#headers
  }

  /** Request cookies, name → value. */
  get cookies(): Record<string, string> {
    if (this.#cookies) return this.#cookies
    const pairs = this.#init.cookies ?? this.headers.getAll('cookie')
    this.#cookies = parseCookies(pairs)
    return this.#cookies
  }

  /** The absolute URL of the request. */
  get url(): string {
    if (this.#url) return this.#url
    if (this.#init.url) return (this.#url = this.#init.url)
    const h = this.headers
    const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'
    const proto = (h.get('x-forwarded-proto') ?? 'https').split(',')[0]?.trim()
    const q = this.#init.query
    const search = q === undefined ? '' : typeof q === 'string' ? q : this.query.toString()
    this.#url = `${proto}://${host.split(',')[0]?.trim()}${this.path}${search ? `?${search}` : ''}`
    return this.#url
  }

  /** Declared or known body size in bytes, without reading a streamed body. */
  declaredSize(): number | undefined {
    const known = knownSize(this.#init.body)
    if (known !== undefined) return known
    const length = this.headers.get('content-length')
    return length === null ? undefined : Number(length)
  }

  /** Whether the body is known, before reading it, to be larger than `maxBodyBytes`. */
  exceedsLimit(): boolean {
    const body = this.#init.body
    if (typeof body === 'string') return textExceeds(body, this.maxBodyBytes)
    const size = this.declaredSize()
    return size !== undefined && size > this.maxBodyBytes
  }

  /** The body bytes (read once, then cached); larger than `maxBodyBytes` is a 413. */
  bytes(): Promise<Uint8Array> {
    if (this.#bytes) return Promise.resolve(this.#bytes)
    const source = this.#init.body
    // Bodies already in memory resolve without an async frame: fewer promises per request on the hot path.
    if (isSyncBody(source)) {
      try {
        return Promise.resolve(this.#keep(syncBytes(source, 'request body')))
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return source.read().then((bytes) => this.#keep(bytes))
  }

  #keep(read: Uint8Array | ArrayBuffer): Uint8Array {
    if (read.byteLength > this.maxBodyBytes) throw tooLarge(this.maxBodyBytes)
    const bytes = read instanceof Uint8Array ? read : new Uint8Array(read)
    this.#bytes = bytes
    return bytes
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = await this.bytes()
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  }

  text(): Promise<string> {
    if (this.#text !== undefined) return Promise.resolve(this.#text)
    const source = this.#init.body
    if (!isSyncBody(source)) return this.bytes().then((bytes) => this.#textOf(bytes))
    try {
      return Promise.resolve(this.#syncText(source))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  /** The body parsed as JSON; an empty or malformed body is a 400 problem. */
  json<J = unknown>(): Promise<J> {
    const source = this.#init.body
    // A body still to be read: one reaction from its bytes to the parsed value.
    if (this.#text === undefined && !isSyncBody(source))
      return this.bytes().then((bytes) => parseBodyJson(this.#textOf(bytes)) as J)
    // A body already in memory is parsed at once: one resolved promise, no reactions (each is dear under GCP's domain).
    try {
      if (this.#text === undefined && source != null && typeof source === 'object' && 'json' in source) {
        return Promise.resolve(source.json as J)
      }
      return Promise.resolve(parseBodyJson(this.#text ?? this.#syncText(source as SyncBody)) as J)
    } catch (error) {
      return Promise.reject(error)
    }
  }

  #textOf(bytes: Uint8Array): string {
    this.#text = bytesToText(bytes)
    return this.#text
  }

  #syncText(source: SyncBody): string {
    if (typeof source === 'string') {
      if (textExceeds(source, this.maxBodyBytes)) throw tooLarge(this.maxBodyBytes)
      return (this.#text = source)
    }
    return (this.#text = bytesToText(this.#bytes ?? this.#keep(syncBytes(source, 'request body'))))
  }

  /** This request as a Web `Request` (for Fetch-style code). */
  toRequest(): Request {
    const headers = new Headers()
    for (const [k, v] of this.headers) headers.append(k, v)
    // AWS HTTP API and Function URLs move cookies out of the headers; a Fetch app reads them from `cookie`.
    if (this.#init.cookies?.length) headers.set('cookie', this.#init.cookies.join('; '))
    const init: globalThis.RequestInit & { duplex?: 'half' } = { method: this.method, headers }
    if (this.method !== 'GET' && this.method !== 'HEAD' && this.#init.body != null) {
      const read = () => this.bytes()
      init.body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          controller.enqueue(await read())
          controller.close()
        },
      })
      init.duplex = 'half'
    }
    return new Request(this.url, init)
  }
}

/** Builds the normalized request from what the adapter read off the native event. */
export function createRequest(init: HttpRequestInit): HttpRequest {
  return new HttpRequest(init)
}

import type { Request } from '@google-cloud/functions-framework'
import { contentTooLarge } from '@faasade/core'
import { type BodySource, type HttpRequest, createRequest } from '@faasade/core/adapter'

/**
 * The request's header lines as sent, from `req.rawHeaders` (Node's `req.headers` joins some repeats and drops
 * others, e.g. a second User-Agent). Shaped like Fetch `Headers` so core answers `get`/`has` straight from it,
 * with Fetch semantics (repeats joined by ", "), and indexes every line only when asked for all of them.
 */
class RawHeaders {
  readonly #raw: string[]

  constructor(raw: string[]) {
    this.#raw = raw
  }

  get(name: string): string | null {
    const key = name.toLowerCase()
    const raw = this.#raw
    let out: string | null = null
    for (let i = 0; i < raw.length; i += 2) {
      const n = raw[i] as string
      if (n.length === key.length && n.toLowerCase() === key) {
        out = out === null ? (raw[i + 1] as string) : `${out}, ${raw[i + 1]}`
      }
    }
    return out
  }

  has(name: string): boolean {
    return this.get(name) !== null
  }

  getSetCookie(): string[] {
    const raw = this.#raw
    const out: string[] = []
    for (let i = 0; i < raw.length; i += 2)
      if ((raw[i] as string).toLowerCase() === 'set-cookie') out.push(raw[i + 1] as string)
    return out
  }

  forEach(cb: (value: string, name: string) => void): void {
    const raw = this.#raw
    for (let i = 0; i < raw.length; i += 2) cb(raw[i + 1] as string, raw[i] as string)
  }
}

function hasUnreadBody(req: Request): boolean {
  const h = req.headers
  const declared = h['transfer-encoding'] !== undefined || Number(h['content-length']) > 0
  return declared && !req.readableEnded && !req.readableDidRead
}

async function readAll(req: Request, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buf.byteLength
    if (size > limit) {
      req.resume() // drain the rest so the 413 can still be sent on this connection
      throw contentTooLarge(`The request body is larger than the ${limit}-byte limit.`)
    }
    chunks.push(buf)
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)
}

// The media types the framework's JSON parsers take (body-parser's `type` options in its server.js).
const PARSED_JSON = /^application\/(?:cloudevents\+)?json\s*(?:;|$)/i

function isParsedJson(req: Request, body: unknown): boolean {
  if (typeof body !== 'object' || body === null || body instanceof Uint8Array) return false
  const type = req.headers['content-type']
  return type !== undefined && PARSED_JSON.test(type)
}

/**
 * The request body, exact bytes first: FF's body parsers keep the original bytes on `req.rawBody`
 * whatever they parsed (https://cloud.google.com/functions/docs/writing/write-http-functions#parsing_http_requests).
 * Without it (no parser ran, e.g. a plain Express app): a Buffer or string body, else the unread stream, else
 * an object some middleware parsed (re-serialized as JSON).
 */
function bodySource(req: Request, limit: () => number): BodySource {
  const body: unknown = req.body
  if (req.rawBody !== undefined) {
    // The framework's JSON parser already turned these bytes into `body` (it strips a BOM, which JSON.parse would not).
    return isParsedJson(req, body) ? { bytes: req.rawBody, json: body } : req.rawBody
  }
  if (typeof body === 'string' || body instanceof Uint8Array) return body
  if (hasUnreadBody(req)) return { read: () => readAll(req, limit()) }
  if (body !== null && typeof body === 'object') return { value: body }
  return null
}

/** The normalized request from the framework's Express request. */
export function fromExpressRequest(req: Request): HttpRequest {
  // originalUrl keeps the raw path and query even if a router rewrote req.url.
  const url = req.originalUrl || req.url || '/'
  const q = url.indexOf('?')
  const request: HttpRequest = createRequest({
    method: req.method,
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? undefined : url.slice(q + 1),
    headers: req.rawHeaders ? new RawHeaders(req.rawHeaders) : req.headers,
    body: bodySource(req, () => request.maxBodyBytes),
    // FF enables `trust proxy`, so req.ip is the client from X-Forwarded-For; worked out only if read.
    ip: () => req.ip,
    native: req,
  })
  return request
}

import type { BodySource, Context, HttpRequest, ResponseParts } from '@faasade/core/adapter'

/** One HTTP front door (API Gateway REST, HTTP API, Function URL, ALB): native event in, native result out. */
export interface FrontDoor<E = any, R = any> {
  /** The front door's own request id, when it has one (ALB has none). */
  requestId(event: E): string | undefined
  toRequest(event: E): HttpRequest
  /** The native result, in the variant the event asked for (the event is read again, never stored). */
  toResult(parts: ResponseParts, event: E, ctx: Context): R
  /** The largest result, as the JSON Lambda sends, this front door takes; past it the client would get a 502. */
  maxResultBytes: number
}

/** Shared by every event that lacks a collection (absent, `null` and `{}` all read the same). */
export const EMPTY: Readonly<Record<string, string>> = Object.freeze({})

/** A body as AWS sends it: text, or base64 when `isBase64Encoded` (never sniffed). */
export function fromAwsBody(body: unknown, isBase64Encoded: unknown): BodySource {
  if (typeof body !== 'string') return undefined
  return isBase64Encoded === true ? { base64: body } : body
}

/** A response body as AWS takes it: text as is, bytes as base64 with `isBase64Encoded: true`. */
export function toAwsBody(body: ResponseParts['body']): { body: string; isBase64Encoded: boolean } {
  if (typeof body === 'string') return { body, isBase64Encoded: false }
  if (body instanceof Uint8Array) {
    return {
      body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'),
      isBase64Encoded: true,
    }
  }
  return { body: '', isBase64Encoded: false }
}

/**
 * Header values as one string each (`, `-joined); cookies never pass through here. Core hands over a fresh
 * record per response, so when nothing repeats it is used as is.
 */
export function joinHeaders(headers: ResponseParts['headers']): Record<string, string> {
  for (const key in headers) {
    if (typeof headers[key] !== 'string') {
      const out: Record<string, string> = {}
      for (const name in headers) {
        const value = headers[name] as string | string[]
        out[name] = typeof value === 'string' ? value : value.join(', ')
      }
      return out
    }
  }
  return headers as Record<string, string>
}

/** Lambda's buffered response limit (6 MB), for API Gateway and Function URLs. */
export const MAX_BUFFERED_BYTES = 6 * 1024 * 1024

/** The `pathParameters` record, with `null` read as absent. */
export function paramsOf(value: unknown): Record<string, string | undefined> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, string | undefined>) : undefined
}

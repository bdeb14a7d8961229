import { HttpError, badRequest } from './errors.js'

/**
 * A request or message body as an adapter hands it over, decoded only when the handler reads it:
 * text, bytes, base64 text (AWS `isBase64Encoded`, Pub/Sub `data`, Kinesis), a value some platform
 * already parsed (Azure queue JSON), exact bytes with the JSON a framework already parsed from them (the Functions
 * Framework's `rawBody` and `body`), or an async reader (Azure's single-use `HttpRequest` body).
 */
export type BodySource =
  | null
  | undefined
  | string
  | Uint8Array
  | { readonly base64: string }
  | { readonly value: unknown }
  | { readonly bytes: Uint8Array; readonly json: unknown }
  | { readonly read: () => Promise<Uint8Array | ArrayBuffer> }

/** A body already in memory: everything but a stream still to be read. */
export type SyncBody = Exclude<BodySource, { readonly read: () => Promise<Uint8Array | ArrayBuffer> }>

export const EMPTY = new Uint8Array(0)

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const BASE64_WS = /\s+/g

/** Decodes standard base64 (padding optional, whitespace ignored); anything else is a 400. */
export function decodeBase64(text: string, what = 'body'): Uint8Array {
  const compact = text.includes('\n') || text.includes(' ') || text.includes('\r') ? text.replace(BASE64_WS, '') : text
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    throw badRequest(`The ${what} is marked base64 but is not valid base64.`, { title: 'Invalid base64' })
  }
  return Buffer.from(compact, 'base64')
}

export function bytesToText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

export function textToBytes(text: string): Uint8Array {
  return Buffer.from(text, 'utf8')
}

/** Parses JSON text; malformed JSON is a 400 that says where it broke. */
export function parseJson(text: string, what = 'body'): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw badRequest(`The ${what} is not valid JSON: ${(error as Error).message}`, { title: 'Malformed JSON' })
  }
}

/** A body source that needs no I/O can be read synchronously (everything but `{ read }`). */
export function isSyncBody(source: BodySource): source is SyncBody {
  return source == null || typeof source !== 'object' || source instanceof Uint8Array || !('read' in source)
}

function valueToText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof Uint8Array) return bytesToText(value)
  return JSON.stringify(value) ?? ''
}

/** Text of a body that is available without I/O. */
export function syncText(source: SyncBody, what?: string): string {
  if (source == null) return ''
  if (typeof source === 'string') return source
  if (source instanceof Uint8Array) return bytesToText(source)
  if ('base64' in source) return bytesToText(decodeBase64(source.base64, what))
  if ('bytes' in source) return bytesToText(source.bytes)
  return valueToText(source.value)
}

/** Bytes of a body that is available without I/O. */
export function syncBytes(source: SyncBody, what?: string): Uint8Array {
  if (source == null) return EMPTY
  if (typeof source === 'string') return textToBytes(source)
  if (source instanceof Uint8Array) return source
  if ('base64' in source) return decodeBase64(source.base64, what)
  if ('bytes' in source) return source.bytes
  const v = source.value
  return v instanceof Uint8Array ? v : textToBytes(valueToText(v))
}

/** JSON of a body available without I/O; an already-parsed value is returned as is. */
export function syncJson(source: SyncBody, what?: string): unknown {
  if (source != null && typeof source === 'object' && 'json' in source) return source.json
  if (source != null && typeof source === 'object' && 'value' in source) {
    const v = source.value
    return typeof v === 'string' || v instanceof Uint8Array ? parseJson(valueToText(v), what) : v
  }
  const text = syncText(source, what)
  if (text === '') throw badRequest(`The ${what ?? 'body'} is empty; JSON was expected.`, { title: 'Malformed JSON' })
  return parseJson(text, what)
}

/** Size in bytes when it is known without reading (base64 is sized from its length). */
export function knownSize(source: BodySource): number | undefined {
  if (source == null) return 0
  if (typeof source === 'string') return Buffer.byteLength(source)
  if (source instanceof Uint8Array) return source.byteLength
  if ('base64' in source) {
    const b = source.base64
    return Math.floor((b.length * 3) / 4) - (b.endsWith('==') ? 2 : b.endsWith('=') ? 1 : 0)
  }
  if ('bytes' in source) return source.bytes.byteLength
  return undefined
}

/** Whether text takes more than `limit` bytes as UTF-8; most text is cleared by its length alone (≤ 3 bytes a unit). */
export function textExceeds(text: string, limit: number): boolean {
  return text.length * 3 > limit && (text.length > limit || Buffer.byteLength(text) > limit)
}

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is larger than the ${limit}-byte limit.`)
}

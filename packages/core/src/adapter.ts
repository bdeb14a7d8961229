/**
 * The surface adapters build on: normalized requests, messages and contexts in; runners that apply
 * every policy (validation, errors, body limits, batch failures) once, for all clouds.
 * @module
 */
import { type FaasFunction, type Kind, isFaasFunction } from './define.js'
import { KindMismatchError } from './errors.js'

export { type BodySource, decodeBase64, bytesToText, textExceeds, textToBytes } from './body.js'
export {
  type Context,
  type ContextInit,
  type Provider,
  createContext,
  disposeContext,
  takeColdStart,
} from './context.js'
export { parseCookies, parseSetCookie, serializeCookie, type Cookie } from './cookies.js'
export { HeaderMap, type HeaderSource } from './headers.js'
export { QueryParams, type QuerySource } from './query.js'
export { type LogLevel, type LogRecord, type LogSink, jsonLineSink, serializeError } from './log.js'
export { type MessageInit, createMessage, toDate } from './message.js'
export { cloudEventExtensions } from './events.js'
export { type HttpRequestInit, HttpRequest, createRequest } from './request.js'
export {
  type ResponseParts,
  ResponseTooLargeError,
  bufferBody,
  headerValue,
  isTextContentType,
  toResponseParts,
} from './response.js'
export { type RunHttpOptions, errorResponse, overHttp, problemResponse, runHttp } from './run-http.js'
export { type BatchOptions, type BatchResult, runBatch, runEvent, runInvoke, runMessage } from './run-event.js'

/** Throws a `KindMismatchError` naming both kinds unless `fn` is one of `expected`. */
export function expectKind<K extends Kind>(
  fn: FaasFunction,
  expected: readonly K[],
  received: string,
): asserts fn is Extract<FaasFunction, { kind: K }> {
  if (!(expected as readonly Kind[]).includes(fn.kind)) throw new KindMismatchError(fn.kind, received)
}

/** A clear error when an adapter's `entry` is handed anything but a function made by one of the kind helpers. */
export function expectFaasFunction(fn: unknown, entry: string): asserts fn is FaasFunction {
  if (!isFaasFunction(fn)) {
    throw new TypeError(
      `faasade: ${entry}() takes a function made by http(), messages(), objects(), schedule(), events() or invoke().`,
    )
  }
}

/**
 * faasade core: one model for serverless functions. Define a function once with `http`, `messages`,
 * `objects`, `schedule`, `events` or `invoke`; run it on any cloud through that cloud's adapter.
 * @module
 */
export {
  http,
  messages,
  objects,
  schedule,
  events,
  invoke,
  isFaasFunction,
} from './define.js'
export type {
  Kind,
  FaasFunction,
  HttpFunction,
  HttpHandler,
  HttpDefinition,
  HttpOptions,
  HttpSchemas,
  HttpTypes,
  MessagesFunction,
  MessageHandler,
  MessagesOptions,
  ObjectsFunction,
  ScheduleFunction,
  EventsFunction,
  EventHandler,
  InvokeFunction,
  InvokeHandler,
} from './define.js'
export { json, text, binary, redirect, empty, isTextContentType } from './response.js'
export type { HttpResponseInit, HttpResult, ResponseBody, ResponseHeaders, JsonValue } from './response.js'
export {
  HttpError,
  ValidationError,
  KindMismatchError,
  UnknownEventError,
  statusText,
  badRequest,
  unauthorized,
  forbidden,
  notFound,
  methodNotAllowed,
  conflict,
  contentTooLarge,
  unsupportedMediaType,
  unprocessable,
  tooManyRequests,
  internalError,
} from './errors.js'
export type { ProblemDetails, HttpErrorOptions } from './errors.js'
export { HttpRequest } from './request.js'
export type { RequestTypes, DefaultRequestTypes, ValidInput } from './request.js'
export { HeaderMap } from './headers.js'
export { QueryParams } from './query.js'
export type { Context, Provider } from './context.js'
export type { Logger, LogLevel } from './log.js'
export type { Message } from './message.js'
export type { ObjectEvent, ScheduleEvent, CloudEvent } from './events.js'
export type { Cookie } from './cookies.js'
export type { StandardSchemaV1, InferOutput, ValidationIssue, ValidationResult } from './schema.js'
export type {
  HttpMethod,
  HttpDeploy,
  MessagesDeploy,
  ObjectsDeploy,
  ScheduleDeploy,
  EventsDeploy,
  InvokeDeploy,
} from './deploy.js'
export { fromFetch, toFetch, toNodeListener } from './fetch.js'
export type { FetchHandler, ToFetchOptions } from './fetch.js'

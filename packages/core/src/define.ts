import type { Context } from './context.js'
import type { EventsDeploy, HttpDeploy, InvokeDeploy, MessagesDeploy, ObjectsDeploy, ScheduleDeploy } from './deploy.js'
import type { CloudEvent, ObjectEvent, ScheduleEvent } from './events.js'
import type { Message } from './message.js'
import type { DefaultRequestTypes, HttpRequest, RequestTypes } from './request.js'
import type { HttpResult } from './response.js'
import type { InferOutput, StandardSchemaV1 } from './schema.js'

type Schema = StandardSchemaV1
type Awaitable<T> = T | Promise<T>
type Out<S, Fallback> = S extends Schema ? InferOutput<S> : Fallback

export type Kind = 'http' | 'messages' | 'objects' | 'schedule' | 'events' | 'invoke'

// ---- http ----

export interface HttpSchemas {
  body?: Schema | undefined
  query?: Schema | undefined
  params?: Schema | undefined
  headers?: Schema | undefined
}

export interface HttpOptions {
  /** Largest accepted request body in bytes; larger gets 413 before the handler runs. Default 6 MiB. */
  maxBodyBytes?: number
  deploy?: HttpDeploy
}

export type HttpTypes<B, Q, P, H> = {
  body: Out<B, undefined>
  query: Out<Q, DefaultRequestTypes['query']>
  params: Out<P, DefaultRequestTypes['params']>
  headers: Out<H, DefaultRequestTypes['headers']>
}

export type HttpHandler<T extends RequestTypes = DefaultRequestTypes> = (
  req: HttpRequest<T>,
  ctx: Context,
) => Awaitable<HttpResult>

export interface HttpFunction<T extends RequestTypes = DefaultRequestTypes> {
  readonly kind: 'http'
  readonly handler: HttpHandler<T>
  readonly schemas: HttpSchemas
  readonly options: HttpOptions
}

export type HttpDefinition<B, Q, P, H> = HttpOptions & {
  body?: B
  query?: Q
  params?: P
  headers?: H
  handler: HttpHandler<HttpTypes<B, Q, P, H>>
}

/**
 * An HTTP function.
 * @example
 * export const hello = http(async (req, ctx) => json({ hello: req.query.get('name') ?? 'world', via: ctx.provider }))
 */
export function http(handler: HttpHandler): HttpFunction
export function http<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  H extends Schema | undefined = undefined,
>(definition: HttpDefinition<B, Q, P, H>): HttpFunction<HttpTypes<B, Q, P, H>>
export function http(def: HttpHandler | HttpDefinition<Schema, Schema, Schema, Schema>): HttpFunction<any> {
  if (typeof def === 'function') return { kind: 'http', handler: def, schemas: {}, options: {} }
  const { handler, body, query, params, headers, ...options } = def
  return { kind: 'http', handler, schemas: { body, query, params, headers }, options }
}

// ---- messages ----

export interface MessagesOptions {
  /** Messages of one batch handled at once where order does not matter (SQS standard). Default 1. */
  concurrency?: number
  deploy?: MessagesDeploy
}

export type MessageHandler<T> = (message: Message<T>, ctx: Context) => Awaitable<unknown>

export interface MessagesFunction<T = undefined> {
  readonly kind: 'messages'
  readonly handler: MessageHandler<T>
  readonly schemas: { data?: Schema | undefined }
  readonly options: MessagesOptions
}

/** A message consumer: one message at a time; a throw fails only that message. */
export function messages(handler: MessageHandler<undefined>): MessagesFunction<undefined>
export function messages<S extends Schema | undefined = undefined>(
  definition: MessagesOptions & { data?: S; handler: MessageHandler<Out<S, undefined>> },
): MessagesFunction<Out<S, undefined>>
export function messages(
  def: MessageHandler<any> | (MessagesOptions & { data?: Schema; handler: MessageHandler<any> }),
): MessagesFunction<any> {
  if (typeof def === 'function') return { kind: 'messages', handler: def, schemas: {}, options: {} }
  const { handler, data, ...options } = def
  return { kind: 'messages', handler, schemas: { data }, options }
}

// ---- objects, schedule ----

export interface ObjectsFunction {
  readonly kind: 'objects'
  readonly handler: (event: ObjectEvent, ctx: Context) => Awaitable<unknown>
  readonly schemas: Record<string, never>
  readonly options: { deploy?: ObjectsDeploy }
}

/** A storage handler: an object was created or deleted. */
export function objects(
  def: ObjectsFunction['handler'] | { handler: ObjectsFunction['handler']; deploy?: ObjectsDeploy },
): ObjectsFunction {
  if (typeof def === 'function') return { kind: 'objects', handler: def, schemas: {}, options: {} }
  const { handler, ...options } = def
  return { kind: 'objects', handler, schemas: {}, options }
}

export interface ScheduleFunction {
  readonly kind: 'schedule'
  readonly handler: (event: ScheduleEvent, ctx: Context) => Awaitable<unknown>
  readonly schemas: Record<string, never>
  readonly options: { deploy?: ScheduleDeploy }
}

/** A scheduled job. */
export function schedule(
  def: ScheduleFunction['handler'] | { handler: ScheduleFunction['handler']; deploy?: ScheduleDeploy },
): ScheduleFunction {
  if (typeof def === 'function') return { kind: 'schedule', handler: def, schemas: {}, options: {} }
  const { handler, ...options } = def
  return { kind: 'schedule', handler, schemas: {}, options }
}

// ---- events ----

export type EventHandler<T> = (event: CloudEvent<T>, ctx: Context) => Awaitable<unknown>

export interface EventsFunction<T = unknown> {
  readonly kind: 'events'
  readonly handler: EventHandler<T>
  readonly schemas: { data?: Schema | undefined }
  readonly options: { deploy?: EventsDeploy }
}

/** A CloudEvent consumer (EventBridge, Eventarc, Event Grid). */
export function events(handler: EventHandler<unknown>): EventsFunction<unknown>
export function events<S extends Schema | undefined = undefined>(definition: {
  data?: S
  handler: EventHandler<Out<S, unknown>>
  deploy?: EventsDeploy
}): EventsFunction<Out<S, unknown>>
export function events(
  def: EventHandler<any> | { data?: Schema; handler: EventHandler<any>; deploy?: EventsDeploy },
): EventsFunction<any> {
  if (typeof def === 'function') return { kind: 'events', handler: def, schemas: {}, options: {} }
  const { handler, data, ...options } = def
  return { kind: 'events', handler, schemas: { data }, options }
}

// ---- invoke ----

export type InvokeHandler<I, O> = (input: I, ctx: Context) => Awaitable<O>

export interface InvokeFunction<I = unknown, O = unknown> {
  readonly kind: 'invoke'
  readonly handler: InvokeHandler<I, O>
  readonly schemas: { input?: Schema | undefined; output?: Schema | undefined }
  readonly options: { deploy?: InvokeDeploy }
}

/** A function called directly with a JSON payload (Lambda invoke; HTTP POST JSON on GCP and Azure). */
export function invoke<O>(handler: InvokeHandler<unknown, O>): InvokeFunction<unknown, O>
export function invoke<
  I extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
  O = Out<R, unknown>,
>(definition: {
  input?: I
  output?: R
  handler: InvokeHandler<Out<I, unknown>, R extends Schema ? InferOutput<R> : O>
  deploy?: InvokeDeploy
}): InvokeFunction<Out<I, unknown>, R extends Schema ? InferOutput<R> : O>
export function invoke(
  def:
    | InvokeHandler<any, any>
    | { input?: Schema; output?: Schema; handler: InvokeHandler<any, any>; deploy?: InvokeDeploy },
): InvokeFunction<any, any> {
  if (typeof def === 'function') return { kind: 'invoke', handler: def, schemas: {}, options: {} }
  const { handler, input, output, ...options } = def
  return { kind: 'invoke', handler, schemas: { input, output }, options }
}

/** Any faasade function. */
export type FaasFunction =
  | HttpFunction<any>
  | MessagesFunction<any>
  | ObjectsFunction
  | ScheduleFunction
  | EventsFunction<any>
  | InvokeFunction<any, any>

/** True for a value made by `http`, `messages`, `objects`, `schedule`, `events` or `invoke`. */
export function isFaasFunction(value: unknown): value is FaasFunction {
  const v = value as { kind?: unknown; handler?: unknown } | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.handler === 'function' &&
    ['http', 'messages', 'objects', 'schedule', 'events', 'invoke'].includes(v.kind as string)
  )
}

/**
 * Run any faasade function in-process, with plain inputs, as the adapters would (provider `local`).
 * @example
 * const res = await invokeLocal(hello, { path: '/hello', query: { name: 'Ada' } })
 * expect(res.json()).toEqual({ hello: 'Ada', via: 'local' })
 * @module
 */
import { bytesToText } from './body.js'
import { type Context, createContext } from './context.js'
import type {
  EventsFunction,
  FaasFunction,
  HttpFunction,
  InvokeFunction,
  MessagesFunction,
  ObjectsFunction,
  ScheduleFunction,
} from './define.js'
import type { CloudEvent, ObjectEvent, ScheduleEvent } from './events.js'
import type { LogRecord } from './log.js'
import { createMessage } from './message.js'
import { createRequest } from './request.js'
import { runHttp } from './run-http.js'
import { runBatch, runEvent, runInvoke } from './run-event.js'

export interface LocalOptions {
  requestId?: string
  functionName?: string
  /** Milliseconds until the deadline. */
  timeoutMs?: number
}

export interface LocalHttpRequest {
  method?: string
  /** Path, optionally with a query string. */
  path?: string
  query?: Record<string, string | readonly string[]> | string
  headers?: Record<string, string | readonly string[]>
  cookies?: Record<string, string>
  /** Text, bytes, or a JSON value (sent as `application/json`). */
  body?: string | Uint8Array | object | number | boolean | null
  params?: Record<string, string>
  ip?: string
}

export interface LocalResponse {
  status: number
  headers: Headers
  cookies: string[]
  body: string | Uint8Array | null
  text(): string
  json<T = unknown>(): T
  logs: LogRecord[]
}

export interface LocalMessage {
  id?: string
  /** Text, bytes, or a JSON value. */
  body?: string | Uint8Array | object | number | boolean | null
  attributes?: Record<string, string>
  attempt?: number
  publishedAt?: Date | string
}

let counter = 0

function localContext(options: LocalOptions, logs: LogRecord[]): Context {
  const timeout = options.timeoutMs
  return createContext({
    provider: 'local',
    requestId: options.requestId ?? `local-${++counter}`,
    functionName: options.functionName ?? 'local',
    deadline: timeout === undefined ? undefined : Date.now() + timeout,
    sink: (record) => logs.push(record),
    native: undefined,
  })
}

function buildQuery(query: LocalHttpRequest['query'], fromPath: string): string {
  const params = new URLSearchParams(fromPath)
  if (typeof query === 'string') for (const [k, v] of new URLSearchParams(query)) params.append(k, v)
  else if (query) {
    for (const [k, v] of Object.entries(query)) for (const one of typeof v === 'string' ? [v] : v) params.append(k, one)
  }
  return params.toString()
}

async function invokeHttp(
  fn: HttpFunction<any>,
  input: LocalHttpRequest,
  options: LocalOptions,
): Promise<LocalResponse> {
  const logs: LogRecord[] = []
  const [path = '/', search = ''] = (input.path ?? '/').split('?')
  const headers: Record<string, string | readonly string[]> = { host: 'localhost', ...input.headers }
  let body: string | Uint8Array | undefined
  if (typeof input.body === 'string' || input.body instanceof Uint8Array) body = input.body
  else if (input.body !== undefined) {
    body = JSON.stringify(input.body)
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json'
  }
  const cookies = input.cookies
    ? Object.entries(input.cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    : undefined
  const req = createRequest({
    method: input.method ?? (body === undefined ? 'GET' : 'POST'),
    path,
    query: buildQuery(input.query, search),
    headers,
    cookies,
    body,
    ip: input.ip ?? '127.0.0.1',
    params: input.params,
    native: input,
  })
  const parts = await runHttp(fn, req, localContext(options, logs))
  const out = new Headers()
  for (const [k, v] of Object.entries(parts.headers)) for (const one of Array.isArray(v) ? v : [v]) out.append(k, one)
  for (const c of parts.cookies) out.append('set-cookie', c)
  const resBody = parts.body as string | Uint8Array | null
  const asText = (): string => (resBody === null ? '' : typeof resBody === 'string' ? resBody : bytesToText(resBody))
  return {
    status: parts.status,
    headers: out,
    cookies: parts.cookies,
    body: resBody,
    text: asText,
    json: <T>() => JSON.parse(asText()) as T,
    logs,
  }
}

function messageBody(body: LocalMessage['body']): string | Uint8Array {
  if (body === undefined) return ''
  return typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)
}

/** Runs an http function on a plain request. */
export function invokeLocal(
  fn: HttpFunction<any>,
  input?: LocalHttpRequest,
  options?: LocalOptions,
): Promise<LocalResponse>
/** Runs a messages function on a batch; `failed` lists the ids of the messages whose handler threw. */
export function invokeLocal(
  fn: MessagesFunction<any>,
  input: readonly LocalMessage[],
  options?: LocalOptions,
): Promise<{ failed: string[]; logs: LogRecord[] }>
/** Runs an invoke function on a payload and returns its result (a validation failure throws). */
export function invokeLocal(fn: InvokeFunction<any, any>, input: unknown, options?: LocalOptions): Promise<unknown>
/** Runs an objects, schedule or events function; a handler failure throws. */
export function invokeLocal(
  fn: ObjectsFunction,
  input: Partial<ObjectEvent> & Pick<ObjectEvent, 'bucket' | 'key'>,
  options?: LocalOptions,
): Promise<{ logs: LogRecord[] }>
export function invokeLocal(
  fn: ScheduleFunction,
  input?: Partial<ScheduleEvent>,
  options?: LocalOptions,
): Promise<{ logs: LogRecord[] }>
export function invokeLocal(
  fn: EventsFunction<any>,
  input: Partial<CloudEvent> & Pick<CloudEvent, 'type'>,
  options?: LocalOptions,
): Promise<{ logs: LogRecord[] }>
export async function invokeLocal(fn: FaasFunction, input?: unknown, options: LocalOptions = {}): Promise<unknown> {
  const logs: LogRecord[] = []
  switch (fn.kind) {
    case 'http':
      return invokeHttp(fn, (input ?? {}) as LocalHttpRequest, options)
    case 'invoke':
      return runInvoke(fn, input, localContext(options, logs))
    case 'messages': {
      const list = input as readonly LocalMessage[]
      const batch = list.map((m, i) =>
        createMessage({
          id: m.id ?? `message-${i + 1}`,
          body: messageBody(m.body),
          attributes: m.attributes,
          attempt: m.attempt,
          publishedAt: m.publishedAt ?? new Date(),
          native: m,
        }),
      )
      const { failed } = await runBatch(fn, batch, localContext(options, logs))
      return { failed: failed.map((i) => batch[i]?.id as string), logs }
    }
    case 'objects': {
      const e = input as Partial<ObjectEvent> & Pick<ObjectEvent, 'bucket' | 'key'>
      const event: ObjectEvent = {
        size: undefined,
        etag: undefined,
        type: 'created',
        time: new Date(),
        native: e,
        ...e,
      }
      await runEvent(fn, event, localContext(options, logs))
      return { logs }
    }
    case 'schedule': {
      const e = (input ?? {}) as Partial<ScheduleEvent>
      await runEvent(fn, { scheduledAt: new Date(), isPastDue: false, native: e, ...e }, localContext(options, logs))
      return { logs }
    }
    case 'events': {
      const e = input as Partial<CloudEvent> & Pick<CloudEvent, 'type'>
      const event: CloudEvent = {
        id: `event-${++counter}`,
        source: 'local',
        subject: undefined,
        time: new Date(),
        data: undefined,
        specversion: '1.0',
        extensions: {},
        native: e,
        ...e,
      }
      await runEvent(fn, event, localContext(options, logs))
      return { logs }
    }
  }
}

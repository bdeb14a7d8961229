import { format } from 'node:util'
import type { HttpRequest, InvocationContext, RetryContext, TraceContext } from '@azure/functions'
import { azure } from '../_azure.js'
import { fromRpc, toTriggerMetadata } from './_convert.js'
import type { RpcInvocation } from './_host.js'
import { type RpcTypedData, rpcMetadata } from './rpc.js'

/** A line logged through `context.log`/`warn`/`error`… of a built context. */
export interface LogEntry {
  level: string
  message: string
}

/** What every builder takes besides the trigger's own fields. */
export interface InvocationContextInit {
  invocationId?: string
  functionName?: string
  /** The trigger binding type (`queueTrigger`, `httpTrigger`…) or the whole binding, as the worker sets it. */
  trigger?: string | { type: string; [key: string]: unknown }
  triggerMetadata?: Record<string, unknown>
  retryContext?: RetryContext
  traceContext?: TraceContext
  /** Collects what the handler logs through the context. */
  logs?: LogEntry[]
}

/** A trigger input and its context, ready for `handler(trigger, context)`, plus the host's form for the harness. */
export interface NativeInvocation<T = unknown> {
  trigger: T
  context: InvocationContext
  rpc: RpcInvocation
}

let counter = 0

/** An `InvocationContext` like the worker's: invocation id, function name, trigger binding, metadata, logs. */
export function invocationContext(init: InvocationContextInit = {}): InvocationContext {
  const id = init.invocationId ?? `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`
  const trigger = typeof init.trigger === 'string' ? { type: init.trigger } : init.trigger
  const logs = init.logs
  return new azure.InvocationContext({
    invocationId: id,
    functionName: init.functionName ?? 'testFunction',
    triggerMetadata: init.triggerMetadata,
    retryContext: init.retryContext,
    traceContext: init.traceContext,
    options: trigger ? { trigger: { name: `${trigger.type}Binding`, ...trigger } } : undefined,
    logHandler: (level, ...args) => logs?.push({ level, message: format(...args) }),
  })
}

/** What `azureHttp` takes. */
export interface AzureHttpInit {
  method?: string
  /** Absolute URL; default `http://localhost:7071/api<path>`. */
  url?: string
  path?: string
  headers?: Record<string, string>
  /** Text, bytes, or a JSON value (sent as `application/json`). Dropped for GET/HEAD, as the library does. */
  body?: string | Uint8Array | object
  params?: Record<string, string>
}

/** The library's own `HttpRequest`, as the worker builds it for an HTTP trigger. */
export function azureHttp(init: AzureHttpInit = {}): HttpRequest {
  const method = (init.method ?? (init.body === undefined ? 'GET' : 'POST')).toUpperCase()
  const headers = { ...init.headers }
  let body: { string: string } | { bytes: Uint8Array } | undefined
  if (method !== 'GET' && method !== 'HEAD' && init.body !== undefined) {
    if (typeof init.body === 'string') body = { string: init.body }
    else if (init.body instanceof Uint8Array) body = { bytes: init.body }
    else {
      body = { string: JSON.stringify(init.body) }
      if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json'
    }
  }
  const url = init.url ?? `http://localhost:7071/api${init.path ?? '/'}`
  return new azure.HttpRequest({ method, url, headers, body, params: init.params ?? {} })
}

export function build<T>(
  type: string,
  data: RpcTypedData,
  hostMetadata: Record<string, unknown>,
  init: InvocationContextInit,
  binding: Record<string, unknown> = {},
  convert: (v: unknown) => unknown = (v) => v,
): NativeInvocation<T> {
  const triggerMetadata = rpcMetadata(hostMetadata)
  // The library gives timers no trigger metadata (fromRpcTriggerMetadata.ts).
  const meta = type === 'timerTrigger' ? undefined : toTriggerMetadata(triggerMetadata)
  const context = invocationContext({ triggerMetadata: meta, ...init, trigger: init.trigger ?? { type, ...binding } })
  const rpc: RpcInvocation = { data, triggerMetadata, invocationId: context.invocationId }
  if (init.retryContext) rpc.retryContext = init.retryContext
  if (init.traceContext) rpc.traceContext = init.traceContext
  return { trigger: convert(fromRpc(data)) as T, context, rpc }
}

export const payload = (body: unknown): RpcTypedData =>
  typeof body === 'string'
    ? { string: body }
    : body instanceof Uint8Array
      ? { bytes: body }
      : { string: JSON.stringify(body) }

export const iso = (d: Date | string | undefined, fallback: Date): string =>
  (d === undefined ? fallback : new Date(d)).toISOString()

import type { HttpResponseInit, InvocationContext } from '@azure/functions'
import type {
  EventsFunction,
  FaasFunction,
  HttpFunction,
  InvokeFunction,
  MessagesFunction,
  ObjectsFunction,
  ScheduleFunction,
} from '@faasade/core'
import { KindMismatchError } from '@faasade/core'
import { runBatch, runEvent, runMessage } from '@faasade/core/adapter'
import { type AzureOptions, toContext } from './context.js'
import { type AzureTrigger, TRIGGER_NAMES, detectTrigger } from './detect.js'
import { BatchFailureError } from './errors.js'
import { failHttp, httpHandler } from './http/handler.js'
import type { Metadata } from './triggers/_metadata.js'
import { toBlobEvent } from './triggers/blob.js'
import { toEventHubMessages } from './triggers/event-hub.js'
import { gridEvents, isBlobEvent, toCloudEvent, toGridObjectEvent } from './triggers/event-grid.js'
import { toServiceBusMessages } from './triggers/service-bus.js'
import { toQueueMessage } from './triggers/storage-queue.js'
import { toScheduleEvent } from './triggers/timer.js'

/** A v4 HTTP handler, for `app.http`. */
export type AzureHttpHandler = (request: unknown, context: InvocationContext) => Promise<HttpResponseInit>

/** A v4 handler for any trigger: resolves to nothing, or (HTTP only) the response. */
export type AzureHandler = (trigger: unknown, context: InvocationContext) => Promise<HttpResponseInit | undefined>

type Run = (input: unknown, context: InvocationContext, meta: Metadata, trigger: AzureTrigger) => Promise<void>

/**
 * Wraps a non-HTTP run: an HTTP request reaching it gets a 500 problem (never a throw to the host), any
 * other foreign trigger a `KindMismatchError`, and a failure throws so the platform retries.
 */
function triggered(fn: FaasFunction, accepts: readonly AzureTrigger[], run: Run): AzureHandler {
  return async (input, context) => {
    const trigger = detectTrigger(input, context)
    if (!accepts.includes(trigger)) {
      const error = new KindMismatchError(fn.kind, TRIGGER_NAMES[trigger])
      if (trigger === 'http') return failHttp(error, context, undefined)
      throw error
    }
    await run(input, context, context.triggerMetadata ?? {}, trigger)
    return undefined
  }
}

function messagesHandler(fn: MessagesFunction<any>, options: AzureOptions): AzureHandler {
  return triggered(fn, ['storageQueue', 'serviceBus', 'eventHub'], async (input, context, meta, trigger) => {
    const ctx = toContext(context, options)
    if (trigger === 'storageQueue') return runMessage(fn, toQueueMessage(input, meta, context), ctx)
    const { batch, messages } =
      trigger === 'serviceBus' ? toServiceBusMessages(input, meta, context) : toEventHubMessages(input, meta, context)
    if (!batch) return runMessage(fn, messages[0] as (typeof messages)[number], ctx)
    // Every message runs even after one fails: Event Hubs checkpoints the batch whatever happens, so
    // stopping early would drop the rest; the failure is raised once the batch is done.
    const { failed } = await runBatch(fn, messages, ctx)
    if (failed.length)
      throw new BatchFailureError(
        failed.map((i) => messages[i]?.id as string),
        messages.length,
      )
  })
}

function objectsHandler(fn: ObjectsFunction, options: AzureOptions): AzureHandler {
  return triggered(fn, ['blob', 'eventGrid'], async (input, context, meta, trigger) => {
    if (trigger === 'blob') return runEvent(fn, toBlobEvent(input, meta, context), toContext(context, options))
    for (const raw of gridEvents(input)) {
      const event = toCloudEvent(raw, meta)
      if (!isBlobEvent(event)) throw new KindMismatchError(fn.kind, `an Azure Event Grid "${event.type}" event`)
      await runEvent(fn, toGridObjectEvent(event), toContext(context, options))
    }
  })
}

function scheduleHandler(fn: ScheduleFunction, options: AzureOptions): AzureHandler {
  return triggered(fn, ['timer'], (input, context) =>
    runEvent(fn, toScheduleEvent(input, context), toContext(context, options)),
  )
}

function eventsHandler(fn: EventsFunction<any>, options: AzureOptions): AzureHandler {
  return triggered(fn, ['eventGrid'], async (input, context, meta) => {
    for (const raw of gridEvents(input)) await runEvent(fn, toCloudEvent(raw, meta), toContext(context, options))
  })
}

/**
 * The Azure Functions v4 handler `(trigger, context)` for a faasade function, built once. Register it with the
 * matching `app.*` call yourself, or let `register()` do it.
 * @example
 * app.http('hello', { route: 'hello', handler: azureFunction(hello) })
 */
export function handle(fn: HttpFunction<any> | InvokeFunction<any, any>, options?: AzureOptions): AzureHttpHandler
export function handle(fn: FaasFunction, options?: AzureOptions): AzureHandler
export function handle(fn: FaasFunction, options: AzureOptions = {}): AzureHandler {
  switch (fn.kind) {
    case 'http':
    case 'invoke':
      return httpHandler(fn, options)
    case 'messages':
      return messagesHandler(fn, options)
    case 'objects':
      return objectsHandler(fn, options)
    case 'schedule':
      return scheduleHandler(fn, options)
    case 'events':
      return eventsHandler(fn, options)
    default:
      throw new TypeError(
        `faasade: handle() needs a function made by http(), invoke(), messages(), objects(), schedule() or events(); got ${typeof fn === 'object' && fn ? `kind ${JSON.stringify((fn as { kind?: unknown }).kind)}` : typeof fn}`,
      )
  }
}

/** Alias of `handle`, named for the platform. */
export const azureFunction: typeof handle = handle

import type { Request } from '@google-cloud/functions-framework'
import { UnknownEventError } from '@faasade/core'
import type { Context, ResponseParts } from '@faasade/core/adapter'
import { eventInvocation, gcpContext } from './context.js'
import { type Delivery, detect, eventIdOf, isObject } from './detect.js'
import { type EventKindFunction, type Run, prepare } from './dispatch.js'
import { httpInvocation } from './http/handler.js'
import { problemResponse } from '@faasade/core/adapter'
import { sendParts } from './http/response.js'
import type { Runtime } from './runtime.js'
import { asObject, str } from './triggers/values.js'
import type { GcpBackgroundHandler, GcpCloudEventHandler, GcpHttpHandler } from './types.js'

function shapeOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'an empty body'
  if (value instanceof Uint8Array) return 'a binary body'
  if (Array.isArray(value)) return 'a JSON array'
  if (!isObject(value)) return `a ${typeof value} body`
  return `an object with keys ${JSON.stringify(Object.keys(value).slice(0, 8))}`
}

/** Translates or throws an adapter error, which is logged here (the runners log handler failures themselves). */
function prepareOrLog(fn: EventKindFunction, d: Delivery | undefined, body: unknown, ctx: Context): Run {
  try {
    if (!d)
      throw new UnknownEventError('gcp', `${shapeOf(body)} is no Pub/Sub, Storage, Scheduler or CloudEvent delivery.`)
    return prepare(fn, d)
  } catch (error) {
    ctx.log.error((error as Error).message, { error })
    throw error
  }
}

/**
 * The error handed to the framework, which answers 500 (so the platform retries) and sends `message` as the body
 * outside production. Handler errors are replaced: their message and stack stay in the structured log.
 */
function forFramework(error: unknown, adapterError: boolean, ctx: Context): Error {
  const message = adapterError
    ? (error as Error).message
    : `faasade: the handler failed (request ${ctx.requestId}); see the logs. The platform retries the event if retries are on.`
  const out = new Error(message)
  out.stack = message // FF logs err.stack; the real one is already in the structured log
  return out
}

async function deliver(fn: EventKindFunction, d: Delivery | undefined, body: unknown, ctx: Context): Promise<void> {
  let run: Run
  try {
    run = prepareOrLog(fn, d, body, ctx)
  } catch (error) {
    throw forFramework(error, true, ctx)
  }
  try {
    await run(ctx)
  } catch (error) {
    throw forFramework(error, false, ctx)
  }
}

/** The CloudEvent signature: FF has already built the event (binary or structured, or converted a legacy one). */
export function cloudEventHandler(fn: EventKindFunction, rt: Runtime): GcpCloudEventHandler {
  return async function faasadeCloudEvent(event) {
    const d = detect({ body: event })
    const traceparent = str((event as { traceparent?: unknown } | undefined)?.traceparent)
    const ctx = gcpContext(rt, eventInvocation(d && eventIdOf(d), traceparent, event))
    await deliver(fn, d, event, ctx)
  }
}

/**
 * Rebuilds the request body FF split into `(data, context)`: a legacy context, the attributes of a CloudEvent
 * (structured, or binary of a type FF cannot convert), or an attribute-only push body left whole.
 */
function backgroundBody(data: unknown, context: unknown): unknown {
  if (!isObject(context)) return data
  if (typeof context.specversion === 'string') return { ...context, data }
  if (data === undefined && isObject(context.message) && typeof context.subscription === 'string') return context
  return { context, data }
}

/** The gen1 background signature `(data, context)`. */
export function backgroundHandler(fn: EventKindFunction, rt: Runtime): GcpBackgroundHandler {
  return async function faasadeBackground(data, context) {
    const body = backgroundBody(data, context)
    const d = detect({ body })
    const ctx = gcpContext(rt, eventInvocation(d && eventIdOf(d), undefined, { data, context }))
    await deliver(fn, d, body, ctx)
  }
}

const ACCEPTED: ResponseParts = { status: 204, headers: {}, cookies: [], body: null }

/**
 * The HTTP signature for event kinds: Pub/Sub push, Cloud Scheduler HTTP targets and CloudEvents or legacy events
 * POSTed to an HTTP function. 2xx acknowledges; any other status makes Pub/Sub and Eventarc redeliver.
 * https://cloud.google.com/pubsub/docs/push#receive_push
 */
export function eventHttpHandler(fn: EventKindFunction, rt: Runtime): GcpHttpHandler {
  return async function faasadeEventHttp(req, res) {
    const body = parsedBody(req)
    const d = detect({ headers: req.headers, body })
    const ctx = gcpContext(rt, httpInvocation(req, res, d && eventIdOf(d)))
    let parts = ACCEPTED
    let run: Run | undefined
    try {
      run = prepareOrLog(fn, d, body, ctx)
    } catch (error) {
      // A shape nobody recognises is the sender's fault (400); a wiring mistake is ours (500). Both are redelivered.
      parts =
        error instanceof UnknownEventError
          ? problemResponse(400, error.message, { title: 'Unrecognised event' })
          : problemResponse(500)
    }
    if (run) {
      try {
        await run(ctx)
      } catch {
        parts = problemResponse(500, 'The event was not processed; it will be redelivered.')
      }
    }
    await sendParts(res, parts, ctx)
  }
}

/** FF parsed JSON bodies already; a JSON body sent as another content type is parsed here. */
function parsedBody(req: Request): unknown {
  const body: unknown = req.body
  if (isObject(body) && !(body instanceof Uint8Array)) return body
  return asObject(body ?? req.rawBody) ?? body
}

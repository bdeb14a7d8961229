import type { FaasFunction, HttpFunction, InvokeFunction } from '@faasade/core'
import { expectFaasFunction } from '@faasade/core/adapter'
import type { EventKindFunction } from './dispatch.js'
import { backgroundHandler, cloudEventHandler, eventHttpHandler } from './event-handlers.js'
import { httpHandler } from './http/handler.js'
import { readRuntime } from './runtime.js'
import type {
  GcpBackgroundHandler,
  GcpCloudEventHandler,
  GcpHandler,
  GcpHttpHandler,
  GcpOptions,
  Signature,
} from './types.js'

/** The signature a function is served with unless told otherwise. */
export function defaultSignature(fn: FaasFunction): Signature {
  return fn.kind === 'http' || fn.kind === 'invoke' ? 'http' : 'cloudevent'
}

/**
 * The native Functions Framework handler for a faasade function, built once: `(req, res)` for `http` and
 * `invoke` functions, `(event) => Promise` (CloudEvent, gen2) for the event kinds, `(data, context) => Promise`
 * with `{ signature: 'event' }` (gen1), or `(req, res)` for the event kinds with `{ signature: 'http' }`.
 * @example
 * export const hello = cloudFunction(http(async (req) => json({ hello: req.query.get('name') ?? 'world' })))
 */
// Generic overloads: TS tries overloads first by subtype, where `HttpFunction<T>` is no subtype of `HttpFunction<any>`.
export function cloudFunction<F extends HttpFunction<any> | InvokeFunction<any, any>>(
  fn: F,
  options?: GcpOptions & { signature?: 'http' },
): GcpHttpHandler
export function cloudFunction<F extends EventKindFunction>(
  fn: F,
  options: GcpOptions & { signature: 'http' },
): GcpHttpHandler
export function cloudFunction<F extends EventKindFunction>(
  fn: F,
  options: GcpOptions & { signature: 'event' },
): GcpBackgroundHandler
export function cloudFunction<F extends EventKindFunction>(
  fn: F,
  options?: GcpOptions & { signature?: 'cloudevent' },
): GcpCloudEventHandler
export function cloudFunction<F extends FaasFunction>(
  fn: F,
  options?: F extends HttpFunction<any> | InvokeFunction<any, any> ? GcpOptions & { signature?: 'http' } : GcpOptions,
): GcpHandler
export function cloudFunction(fn: FaasFunction, options: GcpOptions = {}): GcpHandler {
  expectFaasFunction(fn, 'cloudFunction')
  const signature = options.signature ?? defaultSignature(fn)
  const rt = readRuntime(options.name)
  if (fn.kind === 'http' || fn.kind === 'invoke') {
    if (signature !== 'http') {
      throw new TypeError(`faasade: an ${fn.kind} function is served with the "http" signature, not "${signature}".`)
    }
    return httpHandler(fn, rt)
  }
  if (signature === 'http') return eventHttpHandler(fn, rt)
  if (signature === 'event') return backgroundHandler(fn, rt)
  if (signature === 'cloudevent') return cloudEventHandler(fn, rt)
  throw new TypeError(`faasade: unknown signature ${JSON.stringify(signature)}; use "http", "cloudevent" or "event".`)
}

/** `cloudFunction` under the verb every faasade adapter exports. */
export const handle: typeof cloudFunction = cloudFunction

/**
 * The gen1 background form `(data, context) => Promise` of an event function: export it and deploy with
 * `--no-gen2` (the framework serves it with `--signature-type=event`).
 * @example
 * export const onUpload = backgroundFunction(objects(async (object, ctx) => ctx.log.info('stored', { key: object.key })))
 */
export function backgroundFunction(
  fn: EventKindFunction,
  options: Omit<GcpOptions, 'signature'> = {},
): GcpBackgroundHandler {
  return cloudFunction(fn, { ...options, signature: 'event' })
}

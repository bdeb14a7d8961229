import { type Context, disposeContext } from './context.js'
import type { EventsFunction, InvokeFunction, MessagesFunction, ObjectsFunction, ScheduleFunction } from './define.js'
import { ValidationError } from './errors.js'
import type { CloudEvent, ObjectEvent, ScheduleEvent } from './events.js'
import { type Message, setMessageData } from './message.js'
import { type StandardSchemaV1, validate } from './schema.js'

/**
 * Runs an `invoke` function on a caller's payload. Input that fails the `input` schema throws a
 * `ValidationError`; a result that fails the `output` schema throws (a developer error, logged).
 */
export async function runInvoke(fn: InvokeFunction<any, any>, payload: unknown, ctx: Context): Promise<unknown> {
  try {
    let input = payload
    if (fn.schemas.input) {
      const r = await validate(fn.schemas.input, payload, 'input')
      if (!r.success) throw new ValidationError(r.issues)
      input = r.data
    }
    const result = await fn.handler(input, ctx)
    if (!fn.schemas.output) return result
    const r = await validate(fn.schemas.output, result, 'output')
    if (r.success) return r.data
    const error = new Error(`faasade: the handler's result failed its output schema: ${JSON.stringify(r.issues)}`)
    ctx.log.error(error.message, { issues: r.issues })
    throw error
  } finally {
    disposeContext(ctx)
  }
}

type EventFunction = ObjectsFunction | ScheduleFunction | EventsFunction<any>
type EventFor<F> = F extends ObjectsFunction ? ObjectEvent : F extends ScheduleFunction ? ScheduleEvent : CloudEvent

/**
 * Runs an `objects`, `schedule` or `events` function. A throw (or data failing the schema) is logged and
 * rethrown so the platform retries and, in the end, dead-letters the event.
 */
export async function runEvent<F extends EventFunction>(fn: F, event: EventFor<F>, ctx: Context): Promise<void> {
  try {
    if (fn.kind === 'events' && fn.schemas.data) {
      const ce = event as CloudEvent
      const r = await validate(fn.schemas.data, ce.data, 'data')
      if (!r.success) throw new ValidationError(r.issues, `Event ${ce.id} failed validation.`)
      await fn.handler({ ...ce, data: r.data }, ctx)
    } else {
      await (fn.handler as (e: unknown, c: Context) => unknown)(event, ctx)
    }
  } catch (error) {
    ctx.log.error('Event handler failed; the platform will retry it', { error, kind: fn.kind })
    throw error
  } finally {
    disposeContext(ctx)
  }
}

/** A message that failed, with why (already logged). */
interface Failure {
  error: unknown
}

async function validateData(message: Message<unknown>, schema: StandardSchemaV1): Promise<void> {
  const r = await validate(schema, message.json(), 'data')
  if (!r.success) throw new ValidationError(r.issues, `Message ${message.id} failed validation.`)
  setMessageData(message, r.data)
}

/**
 * Runs one message: `undefined` on success, a logged `Failure` otherwise. Stays synchronous when the handler is
 * (no schema, no promise), so a batch of a thousand pays no microtask per message.
 */
function handleOne(
  fn: MessagesFunction<any>,
  message: Message<unknown>,
  ctx: Context,
): Failure | undefined | Promise<Failure | undefined> {
  const fail = (error: unknown): Failure => {
    ctx.log.error('Message failed; it will be retried or dead-lettered', {
      error,
      messageId: message.id,
      attempt: message.attempt,
    })
    return { error }
  }
  try {
    const schema = fn.schemas.data
    if (schema) {
      return validateData(message, schema)
        .then(() => fn.handler(message, ctx))
        .then(() => undefined, fail)
    }
    const result = fn.handler(message, ctx)
    return result instanceof Promise ? result.then(() => undefined, fail) : undefined
  } catch (error) {
    return fail(error)
  }
}

/** Runs a `messages` function on one message; a failure (throw or invalid data) is logged and rethrown. */
export async function runMessage(fn: MessagesFunction<any>, message: Message<unknown>, ctx: Context): Promise<void> {
  try {
    const failure = await handleOne(fn, message, ctx)
    if (failure) throw failure.error
  } finally {
    disposeContext(ctx)
  }
}

export interface BatchOptions {
  /**
   * Order matters (FIFO queues, Kinesis and DynamoDB shards): messages run one by one, and after the first
   * failure the rest are reported failed without running, so nothing is processed out of order.
   */
  ordered?: boolean
}

/** Which messages of a batch failed, by index into the batch. */
export interface BatchResult {
  failed: number[]
}

/**
 * Runs a `messages` function over a batch. Each message succeeds or fails on its own; the result lists the
 * failures so the adapter can report them (SQS `batchItemFailures`, stream sequence numbers). Never throws.
 */
export async function runBatch(
  fn: MessagesFunction<any>,
  batch: readonly Message<unknown>[],
  ctx: Context,
  options: BatchOptions = {},
): Promise<BatchResult> {
  const failed: number[] = []
  try {
    const concurrency = options.ordered ? 1 : Math.max(1, fn.options.concurrency ?? 1)
    if (concurrency === 1) {
      for (let i = 0; i < batch.length; i++) {
        let outcome = handleOne(fn, batch[i] as Message<unknown>, ctx)
        if (outcome instanceof Promise) outcome = await outcome
        if (outcome) {
          failed.push(i)
          if (options.ordered) {
            for (let j = i + 1; j < batch.length; j++) failed.push(j)
            break
          }
        }
      }
      return { failed }
    }
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < batch.length) {
        const i = next++
        if (await handleOne(fn, batch[i] as Message<unknown>, ctx)) failed.push(i)
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker))
    return { failed: failed.sort((a, b) => a - b) }
  } finally {
    disposeContext(ctx)
  }
}

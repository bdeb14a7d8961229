import {
  type EventsFunction,
  KindMismatchError,
  type MessagesFunction,
  type ObjectsFunction,
  type ScheduleFunction,
} from '@faasade/core'
import { type Context, createMessage, runEvent, runMessage } from '@faasade/core/adapter'
import { type Delivery, describe, sourceOf } from './detect.js'
import { toCloudEvent } from './triggers/cloudevent.js'
import { pubsubMessage } from './triggers/pubsub.js'
import { scheduleEvent } from './triggers/scheduler.js'
import { objectEvent } from './triggers/storage.js'

/** The function kinds GCP delivers as events. */
export type EventKindFunction = MessagesFunction<any> | ObjectsFunction | ScheduleFunction | EventsFunction<any>

/** Runs the function on the translated input; throws when the handler failed (core has logged it). */
export type Run = (ctx: Context) => Promise<void>

/**
 * Translates a delivery for `fn`, or throws: `KindMismatchError` when the delivery belongs to another kind,
 * `UnknownEventError` when it lacks what the kind needs. Which kind takes what:
 * - `messages`: Pub/Sub (CloudEvent, push, legacy);
 * - `objects`: Cloud Storage (CloudEvent, legacy);
 * - `schedule`: Cloud Scheduler (CloudEvent, HTTP target) and Pub/Sub (a Pub/Sub-target job is a plain message);
 * - `events`: anything, as a CloudEvent.
 */
export function prepare(fn: EventKindFunction, d: Delivery): Run {
  const source = sourceOf(d)
  switch (fn.kind) {
    case 'messages':
      if (source === 'pubsub') {
        const message = createMessage(pubsubMessage(d))
        return (ctx) => runMessage(fn, message, ctx)
      }
      break
    case 'objects':
      if (source === 'storage') {
        const event = objectEvent(d)
        return (ctx) => runEvent(fn, event, ctx)
      }
      break
    case 'schedule':
      if (source === 'scheduler' || source === 'pubsub') {
        const event = scheduleEvent(d)
        return (ctx) => runEvent(fn, event, ctx)
      }
      break
    case 'events': {
      const event = toCloudEvent(d)
      return (ctx) => runEvent(fn, event, ctx)
    }
  }
  throw new KindMismatchError(fn.kind, describe(d))
}

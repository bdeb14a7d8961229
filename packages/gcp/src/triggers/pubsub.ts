import type { MessageInit } from '@faasade/core/adapter'
import { type Delivery, isObject } from '../detect.js'
import { asObject, positiveInt, str, stringMap } from './values.js'

/**
 * A Pub/Sub message from any of its three envelopes. Rules (research/event-quirks.md §2.3):
 * - `data` is base64 and may be binary or absent (a message may carry attributes only);
 * - push and Eventarc spell `messageId`/`message_id` and `publishTime`/`publish_time` both ways;
 * - `deliveryAttempt` is sent only with a dead-letter policy, beside `message` (accepted inside it too);
 * - legacy events carry the id and time in the context, not the message.
 * https://cloud.google.com/pubsub/docs/push#receive_push
 */
export function pubsubMessage(d: Delivery): MessageInit {
  let envelope: Record<string, unknown> | undefined
  let message: Record<string, unknown>
  let fallbackId: string | undefined
  let fallbackTime: string | undefined
  let native: unknown
  switch (d.rule) {
    case 'pubsub-push':
      envelope = d.push
      message = d.push.message
      native = d.push
      break
    case 'binary-cloudevent':
    case 'cloudevent':
      envelope = asObject(d.event.data)
      message = asObject(envelope?.message) ?? {}
      fallbackId = str(d.event.id)
      fallbackTime = str(d.event.time)
      native = d.event
      break
    case 'legacy-event':
    case 'legacy-flat-event':
      message = asObject(d.data) ?? {}
      fallbackId = str(d.context.eventId)
      fallbackTime = str(d.context.timestamp)
      native = { context: d.context, data: d.data }
      break
    default:
      throw new TypeError(`faasade: ${d.rule} is not a Pub/Sub delivery`)
  }
  const data = message.data
  return {
    id: str(message.messageId) ?? str(message.message_id) ?? fallbackId ?? '',
    body: typeof data === 'string' ? { base64: data } : isObject(data) ? { value: data } : '',
    attributes: stringMap(message.attributes),
    attempt: positiveInt(envelope?.deliveryAttempt ?? envelope?.delivery_attempt ?? message.deliveryAttempt),
    publishedAt: str(message.publishTime) ?? str(message.publish_time) ?? fallbackTime,
    native,
  }
}

import { cloudEvent } from './cloudevent.js'
import { type Json, type NativeRequest, httpRequest, isoTime, nextId, toBase64 } from './request.js'

/** A Pub/Sub message and where it was published. */
export interface PubsubMessageOptions {
  /** Text, bytes or a JSON value, base64-encoded on the wire. Omit for an attribute-only message. */
  data?: string | Uint8Array | Json | object
  attributes?: Record<string, string>
  messageId?: string
  publishTime?: string | Date
  orderingKey?: string
  /** Default `test-project`. */
  project?: string
  /** Default `test-topic`. */
  topic?: string
  /** Default `test-subscription`. */
  subscription?: string
}

/** A Pub/Sub message as a subscription delivers it. */
export interface PubsubDeliveryOptions extends PubsubMessageOptions {
  /** Sent only when the subscription has a dead-letter policy. */
  deliveryAttempt?: number
}

const MESSAGE_TYPE = 'type.googleapis.com/google.pubsub.v1.PubsubMessage'

function names(o: PubsubMessageOptions) {
  const project = o.project ?? 'test-project'
  return {
    topic: `projects/${project}/topics/${o.topic ?? 'test-topic'}`,
    subscription: `projects/${project}/subscriptions/${o.subscription ?? 'test-subscription'}`,
  }
}

/** The message as push and Eventarc send it: ids and times spelled both camelCase and snake_case. */
function messageJson(o: PubsubMessageOptions, id: string, time: string): Record<string, unknown> {
  const message: Record<string, unknown> = {}
  if (o.attributes) message.attributes = o.attributes
  if (o.data !== undefined) message.data = toBase64(o.data)
  message.messageId = id
  message.message_id = id
  message.publishTime = time
  message.publish_time = time
  if (o.orderingKey !== undefined) message.orderingKey = o.orderingKey
  return message
}

/** An Eventarc `google.cloud.pubsub.topic.v1.messagePublished` CloudEvent (binary mode by default). */
export function pubsubCloudEvent(
  options: PubsubDeliveryOptions & { mode?: 'binary' | 'structured'; path?: string } = {},
): NativeRequest {
  const id = options.messageId ?? nextId()
  const time = isoTime(options.publishTime)
  const { topic, subscription } = names(options)
  const data: Record<string, unknown> = { message: messageJson(options, id, time), subscription }
  if (options.deliveryAttempt !== undefined) data.deliveryAttempt = options.deliveryAttempt
  return cloudEvent({
    type: 'google.cloud.pubsub.topic.v1.messagePublished',
    source: `//pubsub.googleapis.com/${topic}`,
    id,
    time,
    data,
    mode: options.mode,
    path: options.path,
  })
}

/** The POST a push subscription sends to its endpoint. https://cloud.google.com/pubsub/docs/push */
export function pubsubPush(options: PubsubDeliveryOptions & { path?: string } = {}): NativeRequest {
  const id = options.messageId ?? nextId()
  const { subscription } = names(options)
  const body: Record<string, unknown> = {
    message: messageJson(options, id, isoTime(options.publishTime)),
    subscription,
  }
  if (options.deliveryAttempt !== undefined) body.deliveryAttempt = options.deliveryAttempt
  return httpRequest({ method: 'POST', path: options.path ?? '/', body })
}

/**
 * A gen1 Pub/Sub background event: `{ context, data }`, or with `flat: true` the oldest shape (context fields
 * beside `data`, `resource` a string, event type `providers/cloud.pubsub/eventTypes/topic.publish`).
 */
export function legacyPubsubEvent(options: PubsubMessageOptions & { flat?: boolean } = {}): NativeRequest {
  const eventId = options.messageId ?? nextId()
  const timestamp = isoTime(options.publishTime)
  const { topic } = names(options)
  const data: Record<string, unknown> = { '@type': MESSAGE_TYPE, attributes: options.attributes ?? {} }
  if (options.data !== undefined) data.data = toBase64(options.data)
  const body = options.flat
    ? { eventId, timestamp, eventType: 'providers/cloud.pubsub/eventTypes/topic.publish', resource: topic, data }
    : {
        context: {
          eventId,
          timestamp,
          eventType: 'google.pubsub.topic.publish',
          resource: { service: 'pubsub.googleapis.com', name: topic, type: MESSAGE_TYPE },
        },
        data,
      }
  return httpRequest({ method: 'POST', body })
}

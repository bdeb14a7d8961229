/** A CloudEvent as the framework hands it over (binary-mode attributes merged, or the structured body). */
export interface RawCloudEvent {
  id?: string
  type: string
  source?: string
  specversion: string
  subject?: string
  time?: string
  datacontenttype?: string
  data?: unknown
  data_base64?: string
  [attribute: string]: unknown
}

/** A gen1 background event context (`resource` is an object, or a string in the oldest flat shape). */
export interface LegacyContext {
  eventId?: string
  timestamp?: string
  eventType: string
  resource?: string | { service?: string; name?: string | null; type?: string } | null
  [key: string]: unknown
}

/** A Pub/Sub `PubsubMessage` as JSON (push, Eventarc and legacy events spell some fields both ways). */
export interface PubsubMessageJson {
  data?: string | null
  attributes?: Record<string, string> | null
  messageId?: string
  message_id?: string
  publishTime?: string
  publish_time?: string
  orderingKey?: string
  deliveryAttempt?: number | string
  [key: string]: unknown
}

/** The body of a push subscription's POST. */
export interface PushBody {
  message: PubsubMessageJson
  subscription: string
  deliveryAttempt?: number | string
  [key: string]: unknown
}

/** What arrived, by the rule that recognised it. */
export type Delivery =
  | { rule: 'binary-cloudevent' | 'cloudevent'; event: RawCloudEvent }
  | { rule: 'scheduler-http'; jobName: string | undefined; scheduleTime: string | undefined; body: unknown }
  | { rule: 'legacy-event' | 'legacy-flat-event'; context: LegacyContext; data: unknown }
  | { rule: 'pubsub-push'; push: PushBody }

export type Rule = Delivery['rule']

type Headers = Readonly<Record<string, string | string[] | undefined>>

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined)

function binaryAttributes(headers: Headers, body: unknown): RawCloudEvent {
  const event: Record<string, unknown> = {}
  for (const name in headers) if (name.startsWith('ce-')) event[name.slice(3)] = str(headers[name])
  // HTTP binding: Content-Type carries `datacontenttype` in binary mode.
  event.datacontenttype ??= str(headers['content-type'])
  event.data = body
  return event as RawCloudEvent
}

/**
 * Which GCP delivery a request or framework argument is. `headers` are present only on the HTTP signature
 * (the framework has already folded `ce-*` headers into the event for the CloudEvent signature).
 * Order matters: the header rules come first because a body can look like anything.
 */
export function detect(input: { headers?: Headers | undefined; body: unknown }): Delivery | undefined {
  const { headers, body } = input
  if (headers) {
    // 1. Binary-mode CloudEvent: all four required attributes as ce-* headers, exactly FF's isBinaryCloudEvent.
    //    https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#31-binary-content-mode
    if (headers['ce-type'] && headers['ce-specversion'] && headers['ce-source'] && headers['ce-id']) {
      return { rule: 'binary-cloudevent', event: binaryAttributes(headers, body) }
    }
    // 2. Cloud Scheduler HTTP target: Scheduler sets X-CloudScheduler (and the job name / schedule time headers).
    //    https://cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs#HttpTarget
    if (headers['x-cloudscheduler'] || str(headers['user-agent'])?.startsWith('Google-Cloud-Scheduler')) {
      const jobName = str(headers['x-cloudscheduler-jobname'])
      return { rule: 'scheduler-http', jobName, scheduleTime: str(headers['x-cloudscheduler-scheduletime']), body }
    }
  }
  if (!isObject(body)) return undefined
  // 3. Structured-mode CloudEvent (or the event FF built from a binary one): `specversion` + `type`.
  if (typeof body.specversion === 'string' && typeof body.type === 'string') {
    return { rule: 'cloudevent', event: body as RawCloudEvent }
  }
  // 4. Legacy background event `{ context: { eventId, timestamp, eventType, resource }, data }`.
  //    https://cloud.google.com/functions/1stgendocs/writing/write-event-driven-functions
  if (isObject(body.context) && typeof body.context.eventType === 'string') {
    return { rule: 'legacy-event', context: body.context as LegacyContext, data: body.data }
  }
  // 5. The oldest legacy shape: the context fields flat beside `data`, `resource` a string.
  if (typeof body.eventType === 'string' && 'resource' in body) {
    const { data, ...context } = body
    return { rule: 'legacy-flat-event', context: context as LegacyContext, data }
  }
  // 6. Raw Pub/Sub push `{ message, subscription }`. FF only converts it when `message.data` and `messageId`
  //    are non-empty; a message may carry attributes only, so this rule does not ask for them.
  //    https://cloud.google.com/pubsub/docs/push#receive_push
  if (isObject(body.message) && typeof body.subscription === 'string') {
    return { rule: 'pubsub-push', push: body as PushBody }
  }
  return undefined
}

/** Where an event comes from, which decides the kind of function that takes it. */
export type EventSource = 'pubsub' | 'storage' | 'scheduler' | 'other'

const PUBSUB_TYPES = new Set([
  'google.cloud.pubsub.topic.v1.messagePublished',
  'google.pubsub.topic.publish',
  'providers/cloud.pubsub/eventTypes/topic.publish',
])

/** The event type a delivery names (CloudEvent `type`, legacy `eventType`). */
export function eventType(d: Delivery): string | undefined {
  if (d.rule === 'binary-cloudevent' || d.rule === 'cloudevent') return d.event.type
  if (d.rule === 'legacy-event' || d.rule === 'legacy-flat-event') return d.context.eventType
  return undefined
}

export function sourceOf(d: Delivery): EventSource {
  if (d.rule === 'pubsub-push') return 'pubsub'
  if (d.rule === 'scheduler-http') return 'scheduler'
  const type = eventType(d) as string
  if (PUBSUB_TYPES.has(type)) return 'pubsub'
  if (
    type.startsWith('google.cloud.storage.object.v1.') ||
    type.startsWith('google.storage.object.') ||
    type.startsWith('providers/cloud.storage/eventTypes/')
  ) {
    return 'storage'
  }
  if (type === 'google.cloud.scheduler.job.v1.executed') return 'scheduler'
  return 'other'
}

/** The delivery's own id (CloudEvent id, legacy eventId, Pub/Sub messageId), if it has one. */
export function eventIdOf(d: Delivery): string | undefined {
  switch (d.rule) {
    case 'binary-cloudevent':
    case 'cloudevent':
      return str(d.event.id)
    case 'legacy-event':
    case 'legacy-flat-event':
      return str(d.context.eventId)
    case 'pubsub-push':
      return str(d.push.message.messageId) || str(d.push.message.message_id)
    case 'scheduler-http':
      return undefined
  }
}

const NOUN: Record<EventSource, string> = {
  pubsub: 'a Pub/Sub message',
  storage: 'a Cloud Storage event',
  scheduler: 'a Cloud Scheduler run',
  other: 'an event',
}
const VIA: Record<Rule, string> = {
  'binary-cloudevent': 'binary-mode CloudEvent',
  cloudevent: 'CloudEvent',
  'scheduler-http': 'Cloud Scheduler HTTP target',
  'legacy-event': 'legacy background event',
  'legacy-flat-event': 'legacy background event',
  'pubsub-push': 'Pub/Sub push',
}

/** "a Cloud Storage event (CloudEvent google.cloud.storage.object.v1.finalized)", for error messages. */
export function describe(d: Delivery): string {
  const type = eventType(d)
  return `${NOUN[sourceOf(d)]} (${VIA[d.rule]}${type ? ` ${type}` : ''})`
}

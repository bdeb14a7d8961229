import { type InvocationContextInit, type NativeInvocation, build, iso, payload } from './inputs.js'
import type { RpcTypedData } from './rpc.js'

/** A Storage Queue message (`app.storageQueue`): the text the host decoded, `DequeueCount`, `Id`, times. */
export function queueMessage(
  init: InvocationContextInit & { body: unknown; id?: string; dequeueCount?: number; insertionTime?: Date | string },
): NativeInvocation {
  const inserted = new Date(init.insertionTime ?? Date.now())
  const data = payload(init.body)
  return build(
    'queueTrigger',
    data,
    {
      QueueTrigger: data.string ?? undefined,
      DequeueCount: init.dequeueCount ?? 1,
      ExpirationTime: new Date(inserted.getTime() + 7 * 864e5).toISOString(),
      Id: init.id ?? '814b3b66-0200-4121-8ef3-405846a124bf',
      InsertionTime: inserted.toISOString(),
      NextVisibleTime: new Date(inserted.getTime() + 6e5).toISOString(),
      PopReceipt: 'AgAAAAMAAAAAAAAAY5ar20G42AE=',
    },
    init,
  )
}

/** A Service Bus message; `extension` 5 (default) sends `ApplicationProperties` (+ `UserProperties`), 4 only `UserProperties`. */
export function serviceBusMessage(
  init: InvocationContextInit & {
    body: unknown
    messageId?: string
    deliveryCount?: number
    enqueuedTimeUtc?: Date | string
    properties?: Record<string, unknown>
    contentType?: string
    extension?: 4 | 5
  },
): NativeInvocation {
  const props = init.properties ?? {}
  const enqueued = iso(init.enqueuedTimeUtc, new Date())
  return build(
    'serviceBusTrigger',
    payload(init.body),
    {
      DeliveryCount: init.deliveryCount ?? 1,
      LockToken: '00000000-0000-0000-0000-000000000000',
      EnqueuedTimeUtc: enqueued,
      ...(init.extension === 4 ? {} : { EnqueuedTime: enqueued, ApplicationProperties: props }),
      MessageId: init.messageId ?? 'a11f788b439b4c5daa6a9f173bf78d68',
      ContentType: init.contentType,
      SequenceNumber: 17,
      UserProperties: props,
    },
    init,
    { queueName: 'orders', connection: 'ServiceBusConnection' },
  )
}

interface HubEvent {
  body: unknown
  sequenceNumber?: number
  offset?: string
  enqueuedTimeUtc?: Date | string
  properties?: Record<string, unknown>
}

const partitionContext = (id: string) => ({ ConsumerGroupName: '$Default', EventHubPath: 'events', PartitionId: id })

/** One Event Hubs event (cardinality `one`). */
export function eventHubEvent(init: InvocationContextInit & HubEvent & { partitionId?: string }): NativeInvocation {
  const seq = init.sequenceNumber ?? 47
  const enqueued = iso(init.enqueuedTimeUtc, new Date())
  return build(
    'eventHubTrigger',
    payload(init.body),
    {
      Offset: init.offset ?? String(seq * 8),
      EnqueuedTimeUtc: enqueued,
      SequenceNumber: seq,
      Properties: init.properties ?? {},
      SystemProperties: {
        'x-opt-sequence-number': seq,
        'x-opt-offset': init.offset ?? String(seq * 8),
        'x-opt-enqueued-time': enqueued,
      },
      PartitionContext: partitionContext(init.partitionId ?? '0'),
    },
    init,
    { eventHubName: 'events', connection: 'EventHubConnection', cardinality: 'one' },
  )
}

/** A batch of Event Hubs events (cardinality `many`): an array input and parallel `…Array` metadata. */
export function eventHubBatch(
  events: readonly HubEvent[],
  init: InvocationContextInit & { partitionId?: string } = {},
): NativeInvocation<unknown[]> {
  const seq = events.map((e, i) => e.sequenceNumber ?? 100 + i)
  const enqueued = events.map((e) => iso(e.enqueuedTimeUtc, new Date()))
  const bytes = events.every((e) => e.body instanceof Uint8Array)
  const data: RpcTypedData = bytes
    ? { collectionBytes: { bytes: events.map((e) => e.body as Uint8Array) } }
    : {
        collectionString: { string: events.map((e) => (typeof e.body === 'string' ? e.body : JSON.stringify(e.body))) },
      }
  return build(
    'eventHubTrigger',
    data,
    {
      PartitionContext: partitionContext(init.partitionId ?? '0'),
      OffsetArray: seq.map((s, i) => events[i]?.offset ?? String(s * 8)),
      SequenceNumberArray: seq,
      EnqueuedTimeUtcArray: enqueued,
      PropertiesArray: events.map((e) => e.properties ?? {}),
      SystemPropertiesArray: seq.map((s, i) => ({ 'x-opt-sequence-number': s, 'x-opt-enqueued-time': enqueued[i] })),
    },
    init,
    { eventHubName: 'events', connection: 'EventHubConnection', cardinality: 'many' },
  )
}

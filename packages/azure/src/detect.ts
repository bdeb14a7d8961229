import type { InvocationContext } from '@azure/functions'
import { UnknownEventError } from '@faasade/core'

/** The Azure trigger an invocation came from. */
export type AzureTrigger = 'http' | 'storageQueue' | 'serviceBus' | 'eventHub' | 'blob' | 'timer' | 'eventGrid'

/** Binding types the worker puts on `context.options.trigger.type` (case-insensitive). */
const BY_BINDING: Record<string, AzureTrigger> = {
  httptrigger: 'http',
  queuetrigger: 'storageQueue',
  servicebustrigger: 'serviceBus',
  eventhubtrigger: 'eventHub',
  blobtrigger: 'blob',
  timertrigger: 'timer',
  eventgridtrigger: 'eventGrid',
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

const has = (meta: Record<string, unknown> | undefined, ...keys: string[]): boolean =>
  meta !== undefined && keys.some((k) => meta[k] !== undefined)

function isEventGridShape(v: unknown): boolean {
  const e = Array.isArray(v) ? v[0] : v
  if (!isObject(e)) return false
  return (typeof e.eventType === 'string' && 'eventTime' in e) || (typeof e.specversion === 'string' && 'type' in e)
}

/**
 * Which trigger delivered `input`. Azure has no wire envelope to sniff in the v4 model: the registered
 * binding says it (event-quirks §0, [AZ-IM]). The shape rules only serve handlers called outside the
 * worker, e.g. with a hand-made `InvocationContext` in a unit test.
 */
export function detectTrigger(input: unknown, context: InvocationContext): AzureTrigger {
  // 1. The worker copies the registered trigger binding onto every context: authoritative.
  const type = context.options?.trigger?.type
  const bound = typeof type === 'string' ? BY_BINDING[type.toLowerCase()] : undefined
  if (bound) return bound
  const meta = context.triggerMetadata
  // 2. An HTTP request: the library's HttpRequest (fetch-style `headers.get`, absolute `url`).
  if (isObject(input) && typeof input.method === 'string' && typeof input.url === 'string' && isObject(input.headers)) {
    return 'http'
  }
  // 3. Blob metadata always carries `blobTrigger` = "<container>/<name>" (fx azure/blob/*).
  if (has(meta, 'blobTrigger')) return 'blob'
  // 4. Storage queue metadata: `dequeueCount`, `popReceipt` (fx azure/queue/*).
  if (has(meta, 'dequeueCount', 'popReceipt')) return 'storageQueue'
  // 5. Service Bus metadata: `deliveryCount`, `lockToken` (+ `…Array` when batched) (fx azure/servicebus/*).
  if (has(meta, 'deliveryCount', 'lockToken', 'deliveryCountArray', 'lockTokenArray')) return 'serviceBus'
  // 6. Event Hubs metadata: `partitionContext`, `sequenceNumber`/`offset` (or their `…Array`) (fx azure/eventhub/*).
  if (has(meta, 'partitionContext', 'offset', 'offsetArray', 'sequenceNumberArray')) return 'eventHub'
  // 7. The timer object (`isPastDue`; the host's PascalCase form too).
  if (isObject(input) && (typeof input.isPastDue === 'boolean' || typeof input.IsPastDue === 'boolean')) return 'timer'
  // 8. One Event Grid event, in the Event Grid schema (`eventType`, `eventTime`) or CloudEvents (`specversion`).
  if (isEventGridShape(input)) return 'eventGrid'
  throw new UnknownEventError(
    'azure',
    `no trigger binding on the context (options.trigger.type = ${JSON.stringify(type)}) and the input matches no known trigger shape`,
  )
}

/** How a trigger is named in a `KindMismatchError`. */
export const TRIGGER_NAMES: Record<AzureTrigger, string> = {
  http: 'an Azure HTTP request',
  storageQueue: 'an Azure Storage Queue message',
  serviceBus: 'an Azure Service Bus message',
  eventHub: 'an Azure Event Hubs event',
  blob: 'an Azure blob trigger',
  timer: 'an Azure timer tick',
  eventGrid: 'an Azure Event Grid event',
}

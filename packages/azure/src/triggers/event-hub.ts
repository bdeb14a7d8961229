import type { InvocationContext } from '@azure/functions'
import type { Message } from '@faasade/core'
import { createMessage } from '@faasade/core/adapter'
import { retryAttempt } from '../context.js'
import { type Metadata, bodyOf, isBatch, isRecord, itemMetadata, toAttributes, toTime } from './_metadata.js'

/** Numbers the extension sends as strings or numbers ("3696" and 3696 both seen for offsets) (observed). */
const str = (v: unknown): string | undefined => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined)

/**
 * One event. Its id is `<partition>:<sequenceNumber>` (sequence numbers restart in every partition), and the
 * attempt comes from the retry policy: Event Hubs has no delivery count.
 * @see https://learn.microsoft.com/azure/azure-functions/functions-bindings-event-hubs-trigger#event-metadata
 */
function toMessage(input: unknown, meta: Metadata, partition: string | undefined, attempt: number, fallbackId: string) {
  const system = isRecord(meta.systemProperties) ? meta.systemProperties : {}
  const sequence = str(meta.sequenceNumber) ?? str(system['x-opt-sequence-number']) ?? str(meta.offset)
  return createMessage({
    id: sequence === undefined ? fallbackId : partition === undefined ? sequence : `${partition}:${sequence}`,
    body: bodyOf(input),
    attributes: toAttributes(meta.properties),
    attempt,
    publishedAt: toTime(meta.enqueuedTimeUtc ?? system['x-opt-enqueued-time']),
    native: { input, metadata: meta },
  })
}

/** The events of one Event Hubs invocation: cardinality `one` (scalar metadata) or `many` (parallel `…Array`s). */
export function toEventHubMessages(input: unknown, meta: Metadata, context: InvocationContext) {
  const partitionContext = isRecord(meta.partitionContext) ? meta.partitionContext : {}
  const partition = str(partitionContext.partitionId)
  const attempt = retryAttempt(context)
  if (!isBatch(context, meta, 'sequenceNumberArray')) {
    return { batch: false, messages: [toMessage(input, meta, partition, attempt, context.invocationId)] }
  }
  const items = Array.isArray(input) ? input : [input]
  const messages: Message<unknown>[] = items.map((item, i) =>
    toMessage(item, itemMetadata(meta, i), partition, attempt, `${context.invocationId}:${i}`),
  )
  return { batch: true, messages }
}

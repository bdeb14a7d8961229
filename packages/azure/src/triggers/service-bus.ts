import type { InvocationContext } from '@azure/functions'
import type { Message } from '@faasade/core'
import { createMessage } from '@faasade/core/adapter'
import { type Metadata, bodyOf, isBatch, itemMetadata, toAttributes, toCount, toTime } from './_metadata.js'

/**
 * One Service Bus message. Extension 5.x sends `applicationProperties` (and `userProperties` for back-compat);
 * 4.x sends only `userProperties`: read either. Note the library lower-cases the first letter of every
 * property name (`Priority` arrives as `priority`; `$AzureWebJobsParentId` keeps its `$`).
 * @see https://learn.microsoft.com/azure/azure-functions/functions-bindings-service-bus-trigger#message-metadata
 */
function toMessage(input: unknown, meta: Metadata, context: InvocationContext): Message<unknown> {
  return createMessage({
    id: typeof meta.messageId === 'string' ? meta.messageId : context.invocationId,
    body: bodyOf(input),
    attributes: toAttributes(meta.applicationProperties ?? meta.userProperties),
    attempt: toCount(meta.deliveryCount) ?? 1,
    publishedAt: toTime(meta.enqueuedTimeUtc ?? meta.enqueuedTime),
    native: { input, metadata: meta },
  })
}

/** The messages of one Service Bus invocation: one, or a batch with `…Array` metadata (cardinality `many`). */
export function toServiceBusMessages(input: unknown, meta: Metadata, context: InvocationContext) {
  if (!isBatch(context, meta, 'messageIdArray')) return { batch: false, messages: [toMessage(input, meta, context)] }
  const items = Array.isArray(input) ? input : [input]
  return { batch: true, messages: items.map((item, i) => toMessage(item, itemMetadata(meta, i), context)) }
}

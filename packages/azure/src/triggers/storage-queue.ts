import type { InvocationContext } from '@azure/functions'
import type { Message } from '@faasade/core'
import { createMessage } from '@faasade/core/adapter'
import { type Metadata, bodyOf, toCount, toTime } from './_metadata.js'

/**
 * One Storage Queue message. The host has already decoded the extension's base64 message encoding
 * (`extensions.queues.messageEncoding`, default base64), so the input is the message text, parsed when it is
 * JSON. Metadata: `id`, `dequeueCount` (the attempt; the message goes to `<queue>-poison` after
 * `maxDequeueCount`, default 5), `insertionTime`. `metadata.queueTrigger` is NOT used for the body: the library
 * camel-cases its keys ({"Name":1} becomes {"name":1}), while the input keeps the payload as sent.
 * @see https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue-trigger#message-metadata
 */
export function toQueueMessage(input: unknown, meta: Metadata, context: InvocationContext): Message<unknown> {
  return createMessage({
    id: typeof meta.id === 'string' ? meta.id : context.invocationId,
    body: bodyOf(input),
    attempt: toCount(meta.dequeueCount) ?? 1,
    publishedAt: toTime(meta.insertionTime),
    native: { input, metadata: meta },
  })
}

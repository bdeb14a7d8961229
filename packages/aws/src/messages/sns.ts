import type { Message, MessagesFunction } from '@faasade/core'
import { createMessage, runBatch, runMessage } from '@faasade/core/adapter'
import type { Context as LambdaContext, SNSEvent, SNSEventRecord, SNSMessageAttributes } from 'aws-lambda'
import { fromAwsContext } from '../context.js'
import { EMPTY } from '../http/front-door.js'
import { readRecords } from '../reject.js'

/** SNS attributes are `{ Type, Value }`; a Binary attribute's Value stays base64 text. */
function fromSnsAttributes(attributes: SNSMessageAttributes | undefined): Readonly<Record<string, string>> {
  let out: Record<string, string> | undefined
  for (const name in attributes) {
    const value = attributes[name]?.Value
    if (typeof value !== 'string') continue
    out ??= {}
    out[name] = value
  }
  return out ?? EMPTY
}

/** One SNS record (PascalCase keys) as a message. https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html */
export function fromSnsRecord(record: SNSEventRecord): Message<unknown> {
  const sns = record.Sns
  return createMessage({
    id: sns.MessageId,
    body: sns.Message,
    attributes: fromSnsAttributes(sns.MessageAttributes),
    attempt: 1,
    publishedAt: sns.Timestamp,
    native: record,
  })
}

/**
 * SNS invokes asynchronously with one record: a failure rethrows so Lambda retries (twice) and then sends
 * the event to the on-failure destination or DLQ. https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html
 */
export async function serveSns(fn: MessagesFunction<any>, event: SNSEvent, native: LambdaContext): Promise<void> {
  const records = event.Records
  const batch = readRecords(records, fromSnsRecord, 'sns')
  const ctx = fromAwsContext(native)
  if (batch.length === 1) return runMessage(fn, batch[0] as Message<unknown>, ctx)
  const { failed } = await runBatch(fn, batch, ctx)
  if (failed.length > 0) {
    const ids = failed.map((i) => batch[i]?.id).join(', ')
    throw new Error(
      `faasade: ${failed.length} of ${batch.length} SNS messages failed (${ids}); Lambda will retry the event.`,
    )
  }
}

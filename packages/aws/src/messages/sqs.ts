import type { Message, MessagesFunction } from '@faasade/core'
import { createMessage, runBatch } from '@faasade/core/adapter'
import type { Context as LambdaContext, SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda'
import { fromAwsContext } from '../context.js'
import { EMPTY } from '../http/front-door.js'
import { readRecords } from '../reject.js'

/** Message attributes as strings: `stringValue`, or the base64 text of `binaryValue` (never decoded). */
function fromSqsAttributes(attributes: SQSMessageAttributes | undefined): Readonly<Record<string, string>> {
  let out: Record<string, string> | undefined
  for (const name in attributes) {
    const attribute = attributes[name]
    const value = attribute?.stringValue ?? attribute?.binaryValue
    if (value === undefined) continue
    out ??= {}
    out[name] = value
  }
  return out ?? EMPTY
}

/**
 * One SQS record as a message. The body is passed on as is, so an SNS→SQS fan-out without raw delivery
 * arrives as the SNS envelope JSON (the adapter does not guess which envelope a body is).
 * https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html
 */
export function fromSqsRecord(record: SQSRecord): Message<unknown> {
  const system = record.attributes
  return createMessage({
    id: record.messageId,
    body: record.body,
    attributes: fromSqsAttributes(record.messageAttributes),
    attempt: Number(system?.ApproximateReceiveCount) || 1,
    publishedAt: system?.SentTimestamp,
    native: record,
  })
}

/** FIFO queues (name ending in `.fifo`) deliver in order within a message group. */
const isFifo = (record: SQSRecord | undefined): boolean =>
  record !== undefined &&
  (record.eventSourceARN?.endsWith('.fifo') === true || record.attributes?.MessageGroupId !== undefined)

/**
 * Runs a batch and reports the failed messages by id in `batchItemFailures` (honoured when the event
 * source mapping has ReportBatchItemFailures). On a FIFO queue the first failure stops the batch and every
 * message after it is reported too, so nothing is processed out of order.
 */
export async function serveSqs(
  fn: MessagesFunction<any>,
  event: SQSEvent,
  native: LambdaContext,
): Promise<SQSBatchResponse> {
  const records = event.Records
  const batch = readRecords(records, fromSqsRecord, 'sqs')
  const { failed } = await runBatch(fn, batch, fromAwsContext(native), { ordered: isFifo(records[0]) })
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = []
  for (const i of failed) batchItemFailures.push({ itemIdentifier: (records[i] as SQSRecord).messageId })
  return { batchItemFailures }
}

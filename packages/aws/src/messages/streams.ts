import type { Message, MessagesFunction } from '@faasade/core'
import { runBatch } from '@faasade/core/adapter'
import type { Context as LambdaContext, SQSBatchResponse } from 'aws-lambda'
import { fromAwsContext } from '../context.js'
import type { AwsTrigger } from '../detect.js'
import { readRecords } from '../reject.js'

/**
 * Runs a Kinesis or DynamoDB stream batch in order. The first failure stops the batch; it and every record
 * after it are reported by sequence number, and Lambda resumes the shard from the lowest one.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html (batch item failures)
 */
export async function serveStream<R>(
  fn: MessagesFunction<any>,
  records: readonly R[],
  toMessage: (record: R) => Message<unknown>,
  sequenceNumber: (record: R) => string | undefined,
  trigger: AwsTrigger,
  native: LambdaContext,
): Promise<SQSBatchResponse> {
  const batch = readRecords(records, toMessage, trigger)
  const { failed } = await runBatch(fn, batch, fromAwsContext(native), { ordered: true })
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = []
  for (const i of failed) batchItemFailures.push({ itemIdentifier: sequenceNumber(records[i] as R) ?? '' })
  return { batchItemFailures }
}

import type { Message } from '@faasade/core'
import { createMessage } from '@faasade/core/adapter'
import type { KinesisStreamRecord } from 'aws-lambda'

/**
 * One Kinesis record as a message: `data` is base64 (decoded when read), `approximateArrivalTimestamp`
 * is epoch seconds, and the id is `eventID` (`shardId:sequenceNumber`).
 * https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 */
export function fromKinesisRecord(record: KinesisStreamRecord): Message<unknown> {
  const kinesis = record.kinesis
  const arrival = kinesis.approximateArrivalTimestamp
  return createMessage({
    id: record.eventID,
    body: typeof kinesis.data === 'string' ? { base64: kinesis.data } : '',
    attributes: { partitionKey: kinesis.partitionKey, sequenceNumber: kinesis.sequenceNumber },
    attempt: 1,
    publishedAt: typeof arrival === 'number' ? Math.round(arrival * 1000) : undefined,
    native: record,
  })
}

/** The id Lambda expects in `batchItemFailures` for a Kinesis record. */
export const kinesisSequence = (record: KinesisStreamRecord): string | undefined => record.kinesis?.sequenceNumber

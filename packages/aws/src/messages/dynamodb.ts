import type { Message } from '@faasade/core'
import { createMessage } from '@faasade/core/adapter'
import type { DynamoDBRecord } from 'aws-lambda'
import { type Unmarshalled, unmarshall } from './unmarshall.js'

/** What `message.json()` gives for a DynamoDB stream record. */
export interface DynamoDBChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE'
  keys: { [key: string]: Unmarshalled }
  /** The item after the change (stream view NEW_IMAGE or NEW_AND_OLD_IMAGES; absent on REMOVE). */
  newImage?: { [key: string]: Unmarshalled }
  /** The item before the change (stream view OLD_IMAGE or NEW_AND_OLD_IMAGES; absent on INSERT). */
  oldImage?: { [key: string]: Unmarshalled }
}

/** The change a stream record describes, with its images unmarshalled to plain JSON. */
export function toDynamoDBChange(record: DynamoDBRecord): DynamoDBChange {
  const stream = record.dynamodb ?? {}
  const change: DynamoDBChange = {
    eventName: record.eventName ?? 'MODIFY',
    keys: stream.Keys ? unmarshall(stream.Keys) : {},
  }
  if (stream.NewImage) change.newImage = unmarshall(stream.NewImage)
  if (stream.OldImage) change.oldImage = unmarshall(stream.OldImage)
  return change
}

/**
 * One DynamoDB stream record as a message whose JSON body is a `DynamoDBChange`; the typed record is
 * on `message.native`. https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html
 */
export function fromDynamoDBRecord(record: DynamoDBRecord): Message<unknown> {
  const stream = record.dynamodb
  const created = stream?.ApproximateCreationDateTime
  const attributes: Record<string, string> = { eventName: record.eventName ?? '' }
  if (stream?.SequenceNumber !== undefined) attributes.sequenceNumber = stream.SequenceNumber
  return createMessage({
    id: record.eventID ?? stream?.SequenceNumber ?? '',
    body: { value: toDynamoDBChange(record) },
    attributes,
    attempt: 1,
    // Epoch seconds.
    publishedAt: typeof created === 'number' ? Math.round(created * 1000) : undefined,
    native: record,
  })
}

/** The id Lambda expects in `batchItemFailures` for a DynamoDB record. */
export const dynamoSequence = (record: DynamoDBRecord): string | undefined => record.dynamodb?.SequenceNumber

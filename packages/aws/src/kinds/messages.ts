/**
 * `@faasade/aws/messages`: the Lambda handler for `messages()` functions only (SQS, SNS, Kinesis, DynamoDB streams).
 * @module
 */
import type { MessagesFunction } from '@faasade/core'
import type { DynamoDBStreamEvent, KinesisStreamEvent, SNSEvent, SQSEvent } from 'aws-lambda'
import { detectTrigger } from '../detect.js'
import { dynamoSequence, fromDynamoDBRecord } from '../messages/dynamodb.js'
import { fromKinesisRecord, kinesisSequence } from '../messages/kinesis.js'
import { serveSns } from '../messages/sns.js'
import { serveSqs } from '../messages/sqs.js'
import { serveStream } from '../messages/streams.js'
import { rejectEvent } from '../reject.js'
import type { LambdaBatchResponse, LambdaHandler, LambdaMessagesEvent } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of a `messages` function: per-message failures go back as the batch response. */
export function handle(fn: MessagesFunction<any>): LambdaHandler<LambdaMessagesEvent, LambdaBatchResponse | void> {
  checkKind(fn, 'messages')
  return async (event, context) => {
    const trigger = detectTrigger(event)
    switch (trigger) {
      case 'sqs':
        return serveSqs(fn, event as SQSEvent, context)
      case 'sns':
        return serveSns(fn, event as SNSEvent, context)
      case 'kinesis':
        return serveStream(
          fn,
          (event as KinesisStreamEvent).Records,
          fromKinesisRecord,
          kinesisSequence,
          trigger,
          context,
        )
      case 'dynamodb':
        return serveStream(
          fn,
          (event as DynamoDBStreamEvent).Records,
          fromDynamoDBRecord,
          dynamoSequence,
          trigger,
          context,
        )
      default:
        throw rejectEvent(fn.kind, trigger, event)
    }
  }
}

/** `handle` under the name the AWS docs use. */
export const lambda: typeof handle = handle

/** AWS SQS batches (10 and 1,000 messages) with partial batch failure (`batchItemFailures`). */
import { messages } from '@faasade/core'
import type { Context as LambdaContext, SQSBatchItemFailure, SQSEvent } from 'aws-lambda'
import type { Case } from '../case.js'
import { sqsBatch } from '../inputs/aws.js'
import { readSqs } from '../outcome.js'
import { type QueueOrder, processOrder } from '../work.js'
import { faasadeLambda, lambdaVariant, logError } from './_lambda.js'

/**
 * The floor: each message parsed and processed on its own; a failure is logged (Lambda's JSON log line, the
 * same fields faasade writes) and reported by id, so only that message is retried.
 */
export const rawSqs = async (event: SQSEvent, context: LambdaContext) => {
  const batchItemFailures: SQSBatchItemFailure[] = []
  for (const record of event.Records) {
    try {
      await processOrder(JSON.parse(record.body) as QueueOrder)
    } catch (error) {
      logError('Message failed; it will be retried or dead-lettered', error, context.awsRequestId, {
        messageId: record.messageId,
        attempt: Number(record.attributes.ApproximateReceiveCount),
      })
      batchItemFailures.push({ itemIdentifier: record.messageId })
    }
  }
  return { batchItemFailures }
}

export const faasadeSqs = messages(async (message) => processOrder(message.json<QueueOrder>()))

function sqsCase(n: number): Case {
  const batch = sqsBatch(n)
  const event = () => batch
  return {
    id: `aws-sqs-${n}`,
    title: `AWS SQS batch of ${n.toLocaleString('en-US')} (${Math.floor(n / 100)} failing)`,
    items: n,
    target: { kind: 'per-item', max: 300 },
    read: readSqs,
    variants: [
      lambdaVariant('raw', 'floor', () => rawSqs, event),
      lambdaVariant('faasade', 'faasade', () => faasadeLambda(faasadeSqs), event),
    ],
  }
}

export const awsSqs10 = sqsCase(10)
export const awsSqs1000 = sqsCase(1000)

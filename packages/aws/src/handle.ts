import {
  type EventsFunction,
  type FaasFunction,
  type HttpFunction,
  type InvokeFunction,
  type MessagesFunction,
  type ObjectsFunction,
  type ScheduleFunction,
  isFaasFunction,
} from '@faasade/core'
import { runEvent, runInvoke } from '@faasade/core/adapter'
import type { DynamoDBStreamEvent, KinesisStreamEvent, S3Event, SNSEvent, SQSEvent } from 'aws-lambda'
import { fromAwsContext } from './context.js'
import { detectTrigger } from './detect.js'
import { fromEventBridgeEvent, fromScheduledEvent } from './events/eventbridge.js'
import { fromS3Record } from './events/s3.js'
import { frontDoorFor, serveHttp } from './http/serve.js'
import { type StreamingLambdaHandler, awslambdaGlobal, streamHttp } from './http/stream.js'
import { dynamoSequence, fromDynamoDBRecord } from './messages/dynamodb.js'
import { fromKinesisRecord, kinesisSequence } from './messages/kinesis.js'
import { serveSns } from './messages/sns.js'
import { serveSqs } from './messages/sqs.js'
import { serveStream } from './messages/streams.js'
import { readRecords, rejectEvent } from './reject.js'
import type {
  LambdaBatchResponse,
  LambdaEventBridgeEvent,
  LambdaHandler,
  LambdaHttpEvent,
  LambdaHttpResult,
  LambdaMessagesEvent,
  LambdaOptions,
  ScheduledEvent,
} from './types.js'

// Not async: returning serveHttp's promise as is saves a promise and its extra ticks on the hot path.
function httpHandler(fn: HttpFunction<any>): LambdaHandler<any, any> {
  return (event, context) => {
    const trigger = detectTrigger(event)
    const door = frontDoorFor(trigger)
    if (door === undefined) return Promise.reject(rejectEvent(fn.kind, trigger, event))
    return serveHttp(fn, door, trigger, event, context)
  }
}

function messagesHandler(fn: MessagesFunction<any>): LambdaHandler<any, any> {
  return async (event, context) => {
    const trigger = detectTrigger(event)
    switch (trigger) {
      case 'sqs':
        return serveSqs(fn, event as SQSEvent, context)
      case 'sns':
        return serveSns(fn, event as SNSEvent, context)
      case 'kinesis':
        return serveStream(fn, (event as KinesisStreamEvent).Records, fromKinesisRecord, kinesisSequence, trigger, context)
      case 'dynamodb':
        return serveStream(fn, (event as DynamoDBStreamEvent).Records, fromDynamoDBRecord, dynamoSequence, trigger, context)
      default:
        throw rejectEvent(fn.kind, trigger, event)
    }
  }
}

function objectsHandler(fn: ObjectsFunction): LambdaHandler<any, void> {
  return async (event, context) => {
    const trigger = detectTrigger(event)
    if (trigger !== 's3') throw rejectEvent(fn.kind, trigger, event)
    // One record per notification in practice; each runs with its own context, and a failure stops the rest.
    for (const objectEvent of readRecords((event as S3Event).Records, fromS3Record, trigger)) {
      await runEvent(fn, objectEvent, fromAwsContext(context))
    }
  }
}

function scheduleHandler(fn: ScheduleFunction): LambdaHandler<any, void> {
  return async (event, context) => {
    const trigger = detectTrigger(event)
    if (trigger !== 'schedule') throw rejectEvent(fn.kind, trigger, event)
    await runEvent(fn, fromScheduledEvent(event), fromAwsContext(context))
  }
}

// A scheduled rule's event is an EventBridge event too, so an events() function takes both.
function eventsHandler(fn: EventsFunction<any>): LambdaHandler<any, void> {
  return async (event, context) => {
    const trigger = detectTrigger(event)
    if (trigger !== 'eventbridge' && trigger !== 'schedule') throw rejectEvent(fn.kind, trigger, event)
    await runEvent(fn, fromEventBridgeEvent(event), fromAwsContext(context))
  }
}

// Direct invocation has no envelope: whatever the caller sent is the payload, so nothing is detected.
function invokeHandler(fn: InvokeFunction<any, any>): LambdaHandler<any, any> {
  return async (event, context) => runInvoke(fn, event, fromAwsContext(context))
}

/**
 * The native Lambda handler for a faasade function, built once: it detects the trigger of each event,
 * serves it, and answers in that trigger's own shape.
 * @example
 * export const handler = handle(hello)
 */
export function handle(
  fn: HttpFunction<any>,
  options: LambdaOptions & { streaming: true },
): LambdaHandler<LambdaHttpEvent, LambdaHttpResult> | StreamingLambdaHandler
export function handle(fn: HttpFunction<any>, options?: LambdaOptions): LambdaHandler<LambdaHttpEvent, LambdaHttpResult>
export function handle(fn: MessagesFunction<any>): LambdaHandler<LambdaMessagesEvent, LambdaBatchResponse | void>
export function handle(fn: ObjectsFunction): LambdaHandler<S3Event, void>
export function handle(fn: ScheduleFunction): LambdaHandler<ScheduledEvent, void>
export function handle(fn: EventsFunction<any>): LambdaHandler<LambdaEventBridgeEvent, void>
export function handle<O>(fn: InvokeFunction<any, O>): LambdaHandler<unknown, Awaited<O>>
export function handle(fn: FaasFunction, options?: LambdaOptions): LambdaHandler<any, any> | StreamingLambdaHandler
export function handle(fn: FaasFunction, options: LambdaOptions = {}): LambdaHandler<any, any> | StreamingLambdaHandler {
  if (!isFaasFunction(fn)) {
    throw new TypeError('faasade: handle() takes a function made by http(), messages(), objects(), schedule(), events() or invoke().')
  }
  switch (fn.kind) {
    case 'http': {
      const awslambda = options.streaming ? awslambdaGlobal() : undefined
      return awslambda ? streamHttp(fn, awslambda) : httpHandler(fn)
    }
    case 'messages':
      return messagesHandler(fn)
    case 'objects':
      return objectsHandler(fn)
    case 'schedule':
      return scheduleHandler(fn)
    case 'events':
      return eventsHandler(fn)
    case 'invoke':
      return invokeHandler(fn)
  }
}

/**
 * `handle` under the name the AWS docs use: `export const handler = lambda(fn)`.
 * @example
 * export const handler = lambda(hello)
 */
export const lambda: typeof handle = handle

/**
 * Run faasade functions on AWS Lambda: `lambda(fn)` returns the native handler, which detects the trigger
 * (API Gateway REST and HTTP API, Function URL, ALB, SQS, SNS, S3, EventBridge, Kinesis, DynamoDB, direct
 * invocation) and answers in its shape; `streamHandle(fn)` gives the response-streaming handler of an http function.
 * Each kind also has its own entry (`@faasade/aws/http`, `/messages`, …) so a bundle carries only its triggers.
 * @module
 */
export { handle, lambda } from './handle.js'
export { streamHandle } from './kinds/http.js'
export { detectTrigger } from './detect.js'
export { toDynamoDBChange } from './messages/dynamodb.js'
export { unmarshall } from './messages/unmarshall.js'
export type { AwsTrigger } from './detect.js'
export type { DynamoDBChange } from './messages/dynamodb.js'
export type { Unmarshalled } from './messages/unmarshall.js'
export type { AwsLambdaGlobal, ResponseStreamLike, StreamingLambdaHandler, StreamPrelude } from './http/stream.js'
export type {
  LambdaBatchResponse,
  LambdaContext,
  LambdaEventBridgeEvent,
  LambdaHandler,
  LambdaHttpEvent,
  LambdaHttpResult,
  LambdaMessagesEvent,
} from './types.js'

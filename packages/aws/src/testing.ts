/**
 * Builders of the native events Lambda sends, a Lambda context, an invoker that behaves like the runtime,
 * and a reader for HTTP results, so a function can be tested against every AWS trigger in-process.
 * @example
 * const res = readHttpResult(await invokeLambda(lambda(hello), apiGatewayV2({ path: '/hello', query: { name: 'Ada' } })))
 * expect(res.json()).toEqual({ hello: 'Ada', via: 'aws' })
 * @module
 */
export { alb, apiGatewayV1, apiGatewayV2, functionUrl, httpApiV1 } from './testing/http-events.js'
export { dynamodb, marshall, marshallValue } from './testing/dynamodb.js'
export { encodeS3Key, kinesis, s3, sns, sqs } from './testing/records.js'
export { eventBridge, scheduledEvent } from './testing/eventbridge.js'
export { invokeLambda, lambdaContext } from './testing/invoke.js'
export { readHttpResult } from './testing/read-result.js'
export {
  HTTP_INTEGRATION_CONTENT_TYPE,
  createResponseStream,
  fakeAwslambda,
  installAwslambda,
  isStreamingHandler,
} from './testing/awslambda-fake.js'
export type { HttpEventInit } from './testing/http-input.js'
export type { DynamoDBChangeInit } from './testing/dynamodb.js'
export type { MessageBody, SqsMessageInit } from './testing/records.js'
export type { StreamedResponse } from './testing/invoke.js'
export type { HttpResultView } from './testing/read-result.js'
export type { RecordingStream } from './testing/awslambda-fake.js'

import type {
  ALBEvent,
  ALBResult,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyResult,
  APIGatewayProxyStructuredResultV2,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  KinesisStreamEvent,
  Context,
  S3Event,
  SNSEvent,
  SQSEvent,
  ScheduledEvent,
  SQSBatchResponse,
} from 'aws-lambda'

/** A native Lambda handler: async, two parameters (Node 24 refuses handlers declaring three). */
export type LambdaHandler<E = unknown, R = unknown> = (event: E, context: LambdaContext) => Promise<R>

/** Any event an `http` function is served from: API Gateway REST / HTTP API 1.0, HTTP API 2.0 and Function URL, ALB. */
export type LambdaHttpEvent = APIGatewayProxyEvent | APIGatewayProxyEventV2 | ALBEvent

/** What an `http` handler returns, in the shape of the front door that called it. */
export type LambdaHttpResult = APIGatewayProxyResult | APIGatewayProxyStructuredResultV2 | ALBResult

/** Any event a `messages` function is served from. */
export type LambdaMessagesEvent = SQSEvent | SNSEvent | KinesisStreamEvent | DynamoDBStreamEvent

/** The partial batch response of SQS, Kinesis and DynamoDB streams (SNS returns nothing). */
export type LambdaBatchResponse = SQSBatchResponse

/** An EventBridge event of any detail-type. */
export type LambdaEventBridgeEvent = EventBridgeEvent<string, unknown>

/** The context Lambda passes every handler (`@types/aws-lambda`'s `Context`). */
export type LambdaContext = Context

export type { S3Event, ScheduledEvent }

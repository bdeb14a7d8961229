import { randomUUID } from 'node:crypto'
import type { Context as LambdaContext } from 'aws-lambda'
import type { StreamingLambdaHandler } from '../http/stream.js'
import { type RecordingStream, createResponseStream, isStreamingHandler } from './awslambda-fake.js'

/** A Lambda context as the Node runtime builds it; `timeoutMs` (default 3000) sets the deadline. */
export function lambdaContext(
  init: {
    functionName?: string
    awsRequestId?: string
    timeoutMs?: number
    memoryLimitInMB?: string
    functionVersion?: string
  } = {},
): LambdaContext {
  const functionName = init.functionName ?? 'my-function'
  const deadline = Date.now() + (init.timeoutMs ?? 3000)
  const gone = (name: string) => (): never => {
    throw new Error(`context.${name}() does not exist on nodejs24.x: return or throw from an async handler.`)
  }
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: init.functionVersion ?? '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: init.memoryLimitInMB ?? '128',
    awsRequestId: init.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2024/01/01/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: gone('done'),
    fail: gone('fail'),
    succeed: gone('succeed'),
  }
}

/** What a streaming handler sent, as `invokeLambda` records it. */
export interface StreamedResponse {
  readonly streamed: true
  readonly contentType: string | undefined
  readonly chunks: readonly Uint8Array[]
}

/**
 * Invokes a handler as the Lambda runtime does: rejects handlers declaring three parameters (Node 24),
 * passes a response stream to streaming handlers, and returns the result as it would travel (JSON).
 */
export function invokeLambda<E, R>(
  handler: (event: E, context: LambdaContext) => Promise<R>,
  event: NoInfer<E>,
  context?: LambdaContext,
): Promise<R>
export function invokeLambda(
  handler: StreamingLambdaHandler | ((event: any, context: LambdaContext) => Promise<unknown>),
  event: unknown,
  context?: LambdaContext,
): Promise<unknown>
export async function invokeLambda(
  handler: StreamingLambdaHandler | ((event: any, context: LambdaContext) => Promise<unknown>),
  event: unknown,
  context: LambdaContext = lambdaContext(),
): Promise<unknown> {
  if (isStreamingHandler(handler)) {
    const stream: RecordingStream = createResponseStream()
    await (handler as StreamingLambdaHandler)(event, stream, context)
    await stream.finished()
    const response: StreamedResponse = { streamed: true, contentType: stream.contentType, chunks: stream.chunks }
    return response
  }
  // https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html (callback handlers removed on nodejs24.x)
  if (handler.length >= 3) {
    throw new Error(
      'Runtime.CallbackHandlerDeprecated: the handler declares 3 or more parameters, which nodejs24.x refuses.',
    )
  }
  const result = await (handler as (event: unknown, context: LambdaContext) => Promise<unknown>)(event, context)
  return result === undefined ? result : JSON.parse(JSON.stringify(result))
}

import { type Context, createContext } from '@faasade/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import { lambdaSink, writeLambdaLog } from './log.js'

/**
 * The faasade context for one invocation. `requestId` is API Gateway's / the Function URL's
 * `requestContext.requestId` when the event has one (pass it as `frontDoorId`), else Lambda's
 * `awsRequestId`; when they differ the log lines carry `awsRequestId` too.
 */
export function fromAwsContext(native: LambdaContext | undefined, frontDoorId?: string): Context {
  const awsRequestId = native?.awsRequestId ?? ''
  const requestId = frontDoorId || awsRequestId
  // https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
  // Fixed for the invocation, so computing it when first asked gives the same value and spares two clock
  // reads (Date.now here and inside getRemainingTimeInMillis) on every invocation that never asks.
  const clock = native !== undefined && typeof native.getRemainingTimeInMillis === 'function' ? native : undefined
  return createContext({
    provider: 'aws',
    requestId,
    functionName: native?.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? '',
    deadline: clock && (() => Date.now() + clock.getRemainingTimeInMillis()),
    sink: requestId === awsRequestId ? lambdaSink : (record) => writeLambdaLog(record, awsRequestId),
    native,
  })
}

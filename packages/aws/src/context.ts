import { type Context, createContext } from '@faasade/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import { lambdaSink } from './log.js'

// Shared functions of the Lambda context, not closures: nothing is allocated for them per invocation.
const lambdaDeadline = (native: LambdaContext): number => Date.now() + native.getRemainingTimeInMillis()
const awsRequestIdField = (native: LambdaContext) => ({ awsRequestId: native.awsRequestId })

/**
 * The faasade context for one invocation. `requestId` is API Gateway's / the Function URL's
 * `requestContext.requestId` when the event has one (pass it as `frontDoorId`), else Lambda's
 * `awsRequestId`; when they differ the log lines carry `awsRequestId` too.
 */
export function fromAwsContext(native: LambdaContext | undefined, frontDoorId?: string): Context {
  const awsRequestId = native?.awsRequestId ?? ''
  const requestId = frontDoorId || awsRequestId
  return createContext({
    provider: 'aws',
    requestId,
    functionName: native?.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? '',
    // https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
    // Fixed for the invocation, so computing it when first asked gives the same value and spares two clock
    // reads (Date.now here and inside getRemainingTimeInMillis) on every invocation that never asks.
    deadline: typeof native?.getRemainingTimeInMillis === 'function' ? lambdaDeadline : undefined,
    sink: lambdaSink,
    // Lambda's own id correlates with the runtime's START/END/REPORT lines.
    logFields: requestId === awsRequestId ? undefined : awsRequestIdField,
    native,
  })
}

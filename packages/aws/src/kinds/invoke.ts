/**
 * `@faasade/aws/invoke`: the Lambda handler for `invoke()` functions only (direct invocation).
 * @module
 */
import type { InvokeFunction } from '@faasade/core'
import { runInvoke } from '@faasade/core/adapter'
import { fromAwsContext } from '../context.js'
import type { LambdaHandler } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of an `invoke` function. Direct invocation has no envelope: whatever arrives is the payload. */
export function handle<O>(fn: InvokeFunction<any, O>): LambdaHandler<unknown, Awaited<O>> {
  checkKind(fn, 'invoke')
  const handler: LambdaHandler<unknown, any> = (event, context) => runInvoke(fn, event, fromAwsContext(context))
  return handler
}

/** `handle` under the name the AWS docs use. */
export const lambda: typeof handle = handle

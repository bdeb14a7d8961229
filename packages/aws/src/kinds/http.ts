/**
 * `@faasade/aws/http`: the Lambda handler for `http()` functions only (API Gateway REST and HTTP API, Function
 * URL, ALB), so a deployed bundle carries no other trigger's code. `faasade build` imports it for http functions.
 * @module
 */
import type { HttpFunction } from '@faasade/core'
import { detectTrigger } from '../detect.js'
import { frontDoorFor, serveHttp } from '../http/serve.js'
import { type StreamingLambdaHandler, awslambdaGlobal, streamHttp } from '../http/stream.js'
import { rejectEvent } from '../reject.js'
import type { LambdaHandler, LambdaHttpEvent, LambdaHttpResult } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of an `http` function: buffered, for every HTTP front door. */
export function handle(fn: HttpFunction<any>): LambdaHandler<LambdaHttpEvent, LambdaHttpResult> {
  checkKind(fn, 'http')
  // Not async: returning serveHttp's promise as is saves a promise and its extra ticks on the hot path.
  const buffered: LambdaHandler<any, any> = (event, context) => {
    const trigger = detectTrigger(event)
    const door = frontDoorFor(trigger)
    if (door === undefined) return Promise.reject(rejectEvent(fn.kind, trigger, event))
    return serveHttp(fn, door, trigger, event, context)
  }
  return buffered
}

/** `handle` under the name the AWS docs use. */
export const lambda: typeof handle = handle

/**
 * The response-streaming handler of an `http` function (Function URL in `RESPONSE_STREAM` mode), where the runtime
 * has the `awslambda` global; without it, the buffered `handle(fn)`. A separate export, so a function that does
 * not stream carries none of its code.
 * @example
 * export const handler = streamHandle(download)
 */
export function streamHandle(
  fn: HttpFunction<any>,
): StreamingLambdaHandler | LambdaHandler<LambdaHttpEvent, LambdaHttpResult> {
  checkKind(fn, 'http', 'streamHandle')
  const awslambda = awslambdaGlobal()
  return awslambda ? streamHttp(fn, awslambda) : handle(fn)
}

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
import type { LambdaHandler, LambdaHttpEvent, LambdaHttpResult, LambdaOptions } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of an `http` function, or a response-streaming one with `{ streaming: true }` on a runtime that has it. */
export function handle(
  fn: HttpFunction<any>,
  options: LambdaOptions & { streaming: true },
): LambdaHandler<LambdaHttpEvent, LambdaHttpResult> | StreamingLambdaHandler
export function handle(fn: HttpFunction<any>, options?: LambdaOptions): LambdaHandler<LambdaHttpEvent, LambdaHttpResult>
export function handle(
  fn: HttpFunction<any>,
  options: LambdaOptions = {},
): LambdaHandler<any, any> | StreamingLambdaHandler {
  checkKind(fn, 'http')
  const awslambda = options.streaming ? awslambdaGlobal() : undefined
  if (awslambda) return streamHttp(fn, awslambda)
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

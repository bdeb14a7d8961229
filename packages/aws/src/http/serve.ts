import type { HttpFunction } from '@faasade/core'
import {
  type Context,
  type HttpRequest,
  type ResponseParts,
  ResponseTooLargeError,
  type RunHttpOptions,
  errorResponse,
  runHttp,
  textExceeds,
} from '@faasade/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import { fromAwsContext } from '../context.js'
import type { AwsTrigger } from '../detect.js'
import { malformed } from '../reject.js'
import { alb } from './alb.js'
import { apiGatewayV1 } from './apigw-v1.js'
import { apiGatewayV2 } from './apigw-v2.js'
import type { FrontDoor } from './front-door.js'

const FRONT_DOORS: Partial<Record<AwsTrigger, FrontDoor>> = {
  'rest-api': apiGatewayV1,
  'http-api-v1': apiGatewayV1,
  'http-api-v2': apiGatewayV2,
  'function-url': apiGatewayV2,
  alb,
}

/** The front door that serves a trigger, if it is an HTTP one. */
export const frontDoorFor = (trigger: AwsTrigger): FrontDoor | undefined => FRONT_DOORS[trigger]

/** The normalized request; an event that breaks its own envelope's rules is a clear error, not a TypeError. */
export function requestOf(door: FrontDoor, event: unknown, trigger: AwsTrigger): HttpRequest {
  try {
    return door.toRequest(event)
  } catch (error) {
    throw malformed(trigger, error)
  }
}

type Writer = (parts: ResponseParts, req: HttpRequest, ctx: Context) => unknown

/**
 * Whether a result, as the JSON the runtime sends, is larger than `limit`. Only a body near the limit can be: JSON
 * escapes grow text at most 6×, so smaller bodies are cleared by their length and only larger ones are serialized.
 */
function resultExceeds(result: { body?: unknown }, limit: number): boolean {
  const body = result.body
  return typeof body === 'string' && body.length > limit / 8 && textExceeds(JSON.stringify(result), limit)
}

/** The native result of a buffered response; past the front door's limit, a 500 problem and a log line instead. */
function writerFor(door: FrontDoor): Writer {
  const limit = door.maxResultBytes
  return (parts, req, ctx) => {
    const event = req.native
    const result = door.toResult(parts, event, ctx)
    if (resultExceeds(result, limit)) {
      return door.toResult(errorResponse(new ResponseTooLargeError(limit), ctx), event, ctx)
    }
    return result
  }
}

interface Serving {
  options: RunHttpOptions
  write: Writer
}

// Made once, at load: nothing is allocated for serving per invocation.
const SERVING: Partial<Record<AwsTrigger, Serving>> = Object.fromEntries(
  Object.entries(FRONT_DOORS).map(([trigger, door]) => [
    trigger,
    { options: { maxResponseBytes: door.maxResultBytes }, write: writerFor(door) },
  ]),
)

/** Serves one buffered HTTP invocation: core runs the function (never throws), the front door writes the native result. */
export function serveHttp(
  fn: HttpFunction<any>,
  door: FrontDoor,
  trigger: AwsTrigger,
  event: unknown,
  native: LambdaContext,
): Promise<unknown> {
  let req: HttpRequest
  try {
    req = requestOf(door, event, trigger)
  } catch (error) {
    return Promise.reject(error)
  }
  const { options, write } = SERVING[trigger] as Serving
  return runHttp(fn, req, fromAwsContext(native, door.requestId(event)), options, write)
}

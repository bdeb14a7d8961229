import type { HttpFunction } from '@faasade/core'
import { type Context, type ResponseParts, runHttp } from '@faasade/core/adapter'
import type { Context as LambdaContext } from 'aws-lambda'
import { fromAwsContext } from '../context.js'
import { detectTrigger } from '../detect.js'
import { rejectEvent } from '../reject.js'
import { joinHeaders } from './front-door.js'
import { frontDoorFor, requestOf } from './serve.js'

/** The writable stream Lambda hands a streaming handler (a Node `Writable`, described structurally). */
export interface ResponseStreamLike {
  write(chunk: string | Uint8Array): boolean
  end(): void
  setContentType?(contentType: string): void
  once?(event: string, listener: (...args: any[]) => void): unknown
  off?(event: string, listener: (...args: any[]) => void): unknown
  readonly destroyed?: boolean
}

/** The HTTP metadata a Function URL reads before the body (`HttpResponseStream.from`). */
export interface StreamPrelude {
  statusCode: number
  headers: Record<string, string>
  cookies?: string[]
}

/** The part of the runtime's `awslambda` global that streaming uses (deploy.md §1.4). */
export interface AwsLambdaGlobal {
  streamifyResponse<H extends (...args: any[]) => any>(handler: H): H
  HttpResponseStream: { from(stream: ResponseStreamLike, prelude: StreamPrelude): ResponseStreamLike }
}

/** A handler wrapped by `awslambda.streamifyResponse`: the runtime passes it a response stream. */
export type StreamingLambdaHandler = (
  event: any,
  responseStream: ResponseStreamLike,
  context: LambdaContext,
) => Promise<void>

/** The runtime's `awslambda` global, when it is there (it can be turned off with AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA). */
export function awslambdaGlobal(): AwsLambdaGlobal | undefined {
  const g = (globalThis as unknown as { awslambda?: Partial<AwsLambdaGlobal> }).awslambda
  return typeof g?.streamifyResponse === 'function' && typeof g.HttpResponseStream?.from === 'function'
    ? (g as AwsLambdaGlobal)
    : undefined
}

/** Resolves once the stream can take more (or is gone), so a slow client holds back the producer. */
function drained(stream: ResponseStreamLike): Promise<void> {
  if (typeof stream.once !== 'function') return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off?.('drain', done)
      stream.off?.('close', done)
      stream.off?.('error', done)
      resolve()
    }
    stream.once?.('drain', done)
    stream.once?.('close', done)
    stream.once?.('error', done)
  })
}

/** Writes the body chunk by chunk, as it is produced; the prelude goes out with the first write. */
async function writeBody(stream: ResponseStreamLike, body: ResponseParts['body'], ctx: Context): Promise<void> {
  if (body === null || typeof body === 'string' || body instanceof Uint8Array) {
    // Even an empty body writes once: the runtime only sends the prelude (status, headers) on a write.
    stream.write(body ?? '')
    stream.end()
    return
  }
  const reader = body.getReader()
  let wrote = false
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      wrote = true
      if (!stream.write(value)) {
        await drained(stream)
        if (stream.destroyed) {
          await reader.cancel()
          return
        }
      }
    }
  } catch (error) {
    // The status is already sent: rethrowing lets the runtime end the stream with its error trailer.
    ctx.log.error('The response body failed while streaming', { error })
    throw error
  }
  if (!wrote) stream.write('')
  stream.end()
}

/**
 * A response-streaming handler for Function URLs in RESPONSE_STREAM mode (and InvokeWithResponseStream):
 * the status, headers and cookies go out first as the HTTP prelude, then each chunk as the function makes it.
 * https://docs.aws.amazon.com/lambda/latest/dg/config-rs-write-functions.html
 */
export function streamHttp(fn: HttpFunction<any>, awslambda: AwsLambdaGlobal): StreamingLambdaHandler {
  return awslambda.streamifyResponse(
    async (event: unknown, responseStream: ResponseStreamLike, context: LambdaContext) => {
      const trigger = detectTrigger(event)
      const door = frontDoorFor(trigger)
      if (door === undefined) throw rejectEvent(fn.kind, trigger, event)
      const req = requestOf(door, event, trigger)
      const ctx = fromAwsContext(context, door.requestId(event))
      const parts = await runHttp(fn, req, ctx, { stream: true })
      const prelude: StreamPrelude = { statusCode: parts.status, headers: joinHeaders(parts.headers) }
      if (parts.cookies.length > 0) prelude.cookies = parts.cookies
      await writeBody(awslambda.HttpResponseStream.from(responseStream, prelude), parts.body, ctx)
    },
  )
}

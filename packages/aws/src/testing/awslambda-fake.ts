import { Writable } from 'node:stream'
import type { AwsLambdaGlobal, ResponseStreamLike, StreamPrelude } from '../http/stream.js'

/** The marker the runtime's `streamifyResponse` puts on a handler (aws-lambda-ric). */
export const STREAMING_MARKER: unique symbol = Symbol.for('aws.lambda.runtime.handler.streaming') as never

/** The content type `HttpResponseStream.from` sets: a JSON prelude, 8 NUL bytes, then the body. */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response'

/** A response stream that records every chunk in the order it was written. */
export interface RecordingStream extends ResponseStreamLike {
  readonly contentType: string | undefined
  /** Each write as it reached the stream, prelude and delimiter included. */
  readonly chunks: readonly Uint8Array[]
  readonly ended: boolean
  /** Resolves when the stream has been ended and every chunk recorded. */
  finished(): Promise<void>
}

class ResponseRecorder extends Writable implements RecordingStream {
  contentType: string | undefined
  readonly chunks: Uint8Array[] = []
  ended = false
  _onBeforeFirstWrite: ((write: (chunk: string | Uint8Array) => void) => void) | undefined
  #first = true
  #finished: Promise<void>

  constructor(highWaterMark?: number) {
    super(highWaterMark === undefined ? {} : { highWaterMark })
    this.#finished = new Promise((resolve, reject) => {
      this.once('finish', () => resolve())
      this.once('error', reject)
    })
  }

  setContentType(contentType: string): void {
    this.contentType = contentType
  }

  // As in the runtime: the first write lets HttpResponseStream put its prelude in front.
  override write(chunk: any, ...rest: any[]): boolean {
    if (this.#first) {
      this.#first = false
      this._onBeforeFirstWrite?.((c) => super.write(c))
    }
    return super.write(chunk, ...rest)
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(new Uint8Array(chunk))
    callback()
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.ended = true
    callback()
  }

  finished(): Promise<void> {
    return this.#finished
  }
}

/** A response stream like the one Lambda passes a streaming handler, recording what it is sent. */
export function createResponseStream(options: { highWaterMark?: number } = {}): RecordingStream {
  return new ResponseRecorder(options.highWaterMark)
}

/** A stand-in for the runtime's `awslambda` global, following its documented contract (deploy.md §1.4). */
export const fakeAwslambda: AwsLambdaGlobal = {
  streamifyResponse(handler) {
    ;(handler as unknown as Record<symbol, unknown>)[STREAMING_MARKER] = 'response'
    return handler
  },
  HttpResponseStream: {
    from(stream: ResponseStreamLike, prelude: StreamPrelude): ResponseStreamLike {
      stream.setContentType?.(HTTP_INTEGRATION_CONTENT_TYPE)
      const json = JSON.stringify(prelude)
      ;(stream as ResponseRecorder)._onBeforeFirstWrite = (write) => {
        write(json)
        write(new Uint8Array(8))
      }
      return stream
    },
  },
}

/**
 * Installs the fake `awslambda` global (as the Lambda runtime does before loading a handler) and returns a
 * function that removes it again.
 */
export function installAwslambda(): () => void {
  const g = globalThis as unknown as { awslambda?: unknown }
  const had = 'awslambda' in g
  const previous = g.awslambda
  g.awslambda = fakeAwslambda
  return () => {
    if (had) g.awslambda = previous
    else delete g.awslambda
  }
}

/** Whether a handler was wrapped by `awslambda.streamifyResponse`. */
export const isStreamingHandler = (handler: unknown): boolean =>
  typeof handler === 'function' && (handler as unknown as Record<symbol, unknown>)[STREAMING_MARKER] === 'response'

import type { HttpRequest as AzureHttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions'
import type { Context, HttpFunction, InvokeFunction } from '@faasade/core'
import { KindMismatchError } from '@faasade/core'
import { errorResponse, overHttp, problemResponse, runHttp } from '@faasade/core/adapter'
import { type AzureOptions, toContext } from '../context.js'
import { TRIGGER_NAMES, detectTrigger } from '../detect.js'
import { isStreamingEnabled } from '../stream.js'
import { fromAzureRequest } from './request.js'
import { toAzureResponse } from './response.js'

/**
 * Answers an error with an explicit problem response. An HTTP handler must never throw to the host: some Core
 * Tools versions hang instead of answering 500, and in stream mode nothing is ever sent.
 * @see https://github.com/Azure/azure-functions-nodejs-library/issues/324
 */
export function failHttp(error: unknown, context: InvocationContext, ctx: Context | undefined): HttpResponseInit {
  if (ctx) return toAzureResponse(errorResponse(error, ctx))
  try {
    context.error(`faasade: request failed before the handler ran: ${(error as Error)?.stack ?? String(error)}`)
  } catch {}
  return toAzureResponse(problemResponse(500))
}

const STREAM = { stream: true } as const
const BUFFER = { stream: false } as const

/** A v4 HTTP handler: the library's HttpRequest in, an `HttpResponseInit` out, errors as problem+json. */
export function httpHandler(fn: HttpFunction<any> | InvokeFunction<any, any>, options: AzureOptions) {
  const served = overHttp(fn)
  // Not async: runHttp's own promise, with the answer written in its one reaction, is the handler's result.
  return (request: unknown, context: InvocationContext): Promise<HttpResponseInit> => {
    const r = request as AzureHttpRequest | null
    const url: unknown = r?.url
    const method: unknown = r?.method
    if (typeof url !== 'string' || typeof method !== 'string') {
      // Wired to a non-HTTP trigger: reject, so the message is retried rather than acknowledged by a 500 answer.
      return Promise.reject(new KindMismatchError(fn.kind, TRIGGER_NAMES[detectTrigger(request, context)]))
    }
    let ctx: Context | undefined
    try {
      ctx = toContext(context, options)
      const req = fromAzureRequest(r as AzureHttpRequest, url, method)
      return runHttp(served, req, ctx, (options.stream ?? isStreamingEnabled()) ? STREAM : BUFFER, toAzureResponse)
    } catch (error) {
      return Promise.resolve(failHttp(error, context, ctx))
    }
  }
}

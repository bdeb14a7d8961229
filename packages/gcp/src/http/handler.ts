import type { Request, Response } from '@google-cloud/functions-framework'
import type { HttpFunction, InvokeFunction } from '@faasade/core'
import { type ResponseParts, errorResponse, overHttp, runHttp } from '@faasade/core/adapter'
import { type Invocation, gcpContext, pickRequestId } from '../context.js'
import { type TraceContext, parseTrace } from '../log.js'
import type { Runtime } from '../runtime.js'
import type { GcpHttpHandler } from '../types.js'
import { fromExpressRequest } from './request.js'
import { sendParts } from './response.js'

// GCP can stream: HTTP/1.1 chunked responses reach the client as written.
const STREAM = { stream: true } as const

const EXECUTION_ID = 'function-execution-id'

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** `pickRequestId` for a request; FF's `req.executionId` is already the Function-Execution-Id header or a new id. */
function requestIdOf(req: Request, eventId: string | undefined): string {
  if (eventId === undefined && req.executionId) return req.executionId
  return pickRequestId({
    executionHeader: header(req, EXECUTION_ID),
    eventId,
    frameworkId: req.executionId,
    cloudTrace: header(req, 'x-cloud-trace-context'),
    traceparent: header(req, 'traceparent'),
  })
}

/** An invocation that arrived as an HTTP request. */
class HttpInvocation implements Invocation {
  readonly requestId: string
  readonly native: { req: Request; res: Response }

  constructor(req: Request, res: Response, eventId?: string) {
    this.requestId = requestIdOf(req, eventId)
    this.native = { req, res }
  }

  trace(): TraceContext | undefined {
    const { req } = this.native
    return parseTrace(header(req, 'x-cloud-trace-context'), header(req, 'traceparent'))
  }

  /** Follows the framework's timeout controller (`req.abortController`) and the client closing the connection. */
  signal(): AbortSignal {
    const { req, res } = this.native
    const controller = new AbortController()
    const upstream = req.abortController?.signal
    if (upstream?.aborted) controller.abort(upstream.reason)
    else upstream?.addEventListener('abort', () => controller.abort(upstream.reason), { once: true })
    const gone = (): void => {
      if (!res.writableFinished) controller.abort(new DOMException('The client closed the connection.', 'AbortError'))
    }
    if (res.closed) gone()
    else res.once('close', gone)
    return controller.signal
  }
}

/** The invocation behind an HTTP request, for `gcpContext`. */
export function httpInvocation(req: Request, res: Response, eventId?: string): Invocation {
  return new HttpInvocation(req, res, eventId)
}

/** The `(req, res)` handler for an `http` function, or an `invoke` function reached by HTTP POST JSON. */
export function httpHandler(fn: HttpFunction<any> | InvokeFunction<any, any>, rt: Runtime): GcpHttpHandler {
  // No async/await, and no promise handed back to FF (it would chain a `.catch`): FF runs each request inside a
  // domain, whose async hook makes every promise costly. Nothing here rejects: runHttp never throws, sendParts
  // catches, and a streamed body handles its own errors.
  const served = overHttp(fn)
  return function faasadeHttp(req, res) {
    const ctx = gcpContext(rt, httpInvocation(req, res))
    const send = (parts: ResponseParts) => sendParts(res, parts, ctx)
    try {
      void runHttp(served, fromExpressRequest(req), ctx, STREAM, send)
    } catch (error) {
      send(errorResponse(error, ctx))
    }
  }
}

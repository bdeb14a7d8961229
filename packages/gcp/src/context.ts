import { randomUUID } from 'node:crypto'
import { type Context, type ContextInit, type LogSink, createContext } from '@faasade/core/adapter'
import { type TraceContext, gcpSink, parseTrace } from './log.js'
import type { Runtime } from './runtime.js'

/** The ids an invocation may carry; `pickRequestId` chooses one. */
export interface InvocationIds {
  /** `Function-Execution-Id` request header (set by the gen1 front end). */
  executionHeader?: string | undefined
  /** CloudEvent `id`, legacy `eventId`, Pub/Sub `messageId`: stable across redeliveries of one event. */
  eventId?: string | undefined
  /** The id the framework generated for this request (`req.executionId`). */
  frameworkId?: string | undefined
  cloudTrace?: string | undefined
  traceparent?: string | undefined
}

/**
 * The one request-id rule: the `Function-Execution-Id` header, else the event's id, else the framework's
 * execution id, else the trace id, else a random UUID.
 */
export function pickRequestId(ids: InvocationIds): string {
  return (
    ids.executionHeader ||
    ids.eventId ||
    ids.frameworkId ||
    parseTrace(ids.cloudTrace, ids.traceparent)?.traceId ||
    randomUUID()
  )
}

/** One invocation as the adapter sees it; what costs something is computed only when the handler asks. */
export interface Invocation {
  readonly requestId: string
  readonly native: unknown
  /** The trace the invocation belongs to, read when the handler first logs. */
  trace(): TraceContext | undefined
  /** The platform's cancellation, built when the handler first reads `ctx.signal`. */
  signal(): AbortSignal | undefined
}

/** An event delivered as a function argument (CloudEvent or background signature). */
export function eventInvocation(
  eventId: string | undefined,
  traceparent: string | undefined,
  native: unknown,
): Invocation {
  return {
    requestId: pickRequestId({ eventId, traceparent }),
    native,
    trace: () => parseTrace(undefined, traceparent),
    signal: () => undefined,
  }
}

// core reads `sink` and `signal` only when the handler first logs or reads `ctx.signal`. Prototype getters keep
// both lazy without the cost of an object literal with accessors on every request.
class GcpContextInit implements ContextInit {
  readonly provider = 'gcp' as const
  readonly requestId: string
  readonly functionName: string
  readonly deadline: number | undefined
  readonly native: unknown
  readonly #project: string | undefined
  readonly #invocation: Invocation

  constructor(rt: Runtime, invocation: Invocation) {
    this.requestId = invocation.requestId
    this.functionName = rt.functionName
    this.deadline = rt.timeoutMs === undefined ? undefined : Date.now() + rt.timeoutMs
    this.native = invocation.native
    this.#project = rt.project
    this.#invocation = invocation
  }

  get sink(): LogSink {
    return gcpSink(this.#project, this.#invocation.trace())
  }

  get signal(): AbortSignal | undefined {
    return this.#invocation.signal()
  }
}

/** The faasade context for one invocation. */
export function gcpContext(rt: Runtime, invocation: Invocation): Context {
  return createContext(new GcpContextInit(rt, invocation))
}

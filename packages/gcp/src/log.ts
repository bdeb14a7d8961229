import { type LogRecord, type LogSink, jsonLineSink } from '@faasade/core/adapter'

/** A trace context parsed from `X-Cloud-Trace-Context` or W3C `traceparent`. */
export interface TraceContext {
  traceId: string
  /** 16 hex digits, as Cloud Logging's `spanId` wants. */
  spanId: string | undefined
  sampled: boolean | undefined
}

const SEVERITY = { debug: 'DEBUG', info: 'INFO', warn: 'WARNING', error: 'ERROR' } as const
const CLOUD_TRACE = /^([0-9a-fA-F]{32})(?:\/(\d+))?(?:;o=([01]))?/
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})/

/**
 * Reads the trace a request belongs to. `X-Cloud-Trace-Context: TRACE/SPAN;o=1` (span id in decimal) first,
 * then `traceparent` (Cloud Run adds or rewrites it).
 * https://cloud.google.com/trace/docs/trace-context
 */
export function parseTrace(cloudTrace: string | undefined, traceparent: string | undefined): TraceContext | undefined {
  const c = cloudTrace ? CLOUD_TRACE.exec(cloudTrace) : null
  if (c) {
    const span = c[2] ? BigInt(c[2]).toString(16).padStart(16, '0') : undefined
    return {
      traceId: (c[1] as string).toLowerCase(),
      spanId: span,
      sampled: c[3] === undefined ? undefined : c[3] === '1',
    }
  }
  const t = traceparent ? TRACEPARENT.exec(traceparent) : null
  if (t) return { traceId: t[1] as string, spanId: t[2], sampled: (Number.parseInt(t[3] as string, 16) & 1) === 1 }
  return undefined
}

/**
 * One Cloud Logging structured entry: `severity`, `message`, `time`, the trace fields when a trace header came in
 * (only with a known project: the field must be `projects/<id>/traces/<trace>`), then the record's fields.
 * https://cloud.google.com/logging/docs/structured-logging#special-payload-fields
 */
export function toLogEntry(record: LogRecord, project: string | undefined, trace: TraceContext | undefined) {
  const entry: Record<string, unknown> = {
    severity: SEVERITY[record.level],
    message: record.message,
    time: new Date(record.time).toISOString(),
    requestId: record.requestId,
    functionName: record.functionName,
  }
  if (trace && project) {
    entry['logging.googleapis.com/trace'] = `projects/${project}/traces/${trace.traceId}`
    if (trace.spanId) entry['logging.googleapis.com/spanId'] = trace.spanId
    if (trace.sampled !== undefined) entry['logging.googleapis.com/trace_sampled'] = trace.sampled
  }
  for (const key in record.fields) if (!(key in entry)) entry[key] = record.fields[key]
  // Error Reporting groups entries whose payload carries the stack in `stack_trace`.
  // https://cloud.google.com/error-reporting/docs/formatting-error-messages
  const error = record.fields.error as { stack?: unknown } | undefined
  if (record.level === 'error' && typeof error?.stack === 'string' && !('stack_trace' in entry)) {
    entry.stack_trace = error.stack
  }
  return entry
}

/** A sink writing one JSON line per record to stdout (stderr for warn/error), which Cloud Logging parses. */
export function gcpSink(project: string | undefined, trace: TraceContext | undefined): LogSink {
  return jsonLineSink((record) => toLogEntry(record, project, trace))
}

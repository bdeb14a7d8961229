import type { LogRecord, LogSink } from '@faasade/core/adapter'

const LEVELS = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const

interface SerializedError {
  name?: unknown
  message?: unknown
  stack?: unknown
}

const isSerializedError = (v: unknown): v is SerializedError =>
  typeof v === 'object' && v !== null && 'message' in v && ('stack' in v || 'name' in v)

/**
 * A record in Lambda's JSON log format: `timestamp`, `level`, `requestId`, `message`, then the fields; an
 * `error` field becomes `errorType`/`errorMessage`/`stackTrace` as the runtime writes errors.
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html
 */
export function toLambdaLog(record: LogRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    timestamp: new Date(record.time).toISOString(),
    level: LEVELS[record.level],
    requestId: record.requestId,
    message: record.message,
  }
  const fields = record.fields
  for (const key in fields) {
    const value = fields[key]
    if (key === 'error' && isSerializedError(value)) {
      out.errorType = value.name ?? 'Error'
      out.errorMessage = value.message
      if (typeof value.stack === 'string') out.stackTrace = value.stack.split('\n')
    } else if (!(key in out)) out[key] = value
  }
  return out
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value)
  } catch {
    // Circular fields or BigInts must not turn a log call into a failed invocation.
    const seen = new WeakSet<object>()
    return JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString()
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[Circular]'
        seen.add(v)
      }
      return v
    })
  }
}

/** One line per record; stdout is read by CloudWatch as is (console.* would be wrapped again by the runtime). */
export const lambdaSink: LogSink = (record) => {
  process.stdout.write(`${safeStringify(toLambdaLog(record))}\n`)
}

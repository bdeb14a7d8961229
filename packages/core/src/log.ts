export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** One structured log entry, before a provider formats it. */
export interface LogRecord {
  level: LogLevel
  message: string
  /** Extra fields; an `error` field holding an Error is expanded to `{ name, message, stack }`. */
  fields: Record<string, unknown>
  requestId: string
  functionName: string
  time: number
}

/** Where a provider writes log records (stdout JSON on AWS and GCP, `context.log` on Azure). */
export type LogSink = (record: LogRecord) => void

/** A structured logger that carries the invocation's request id. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  /** A logger that adds `fields` to every record. */
  child(fields: Record<string, unknown>): Logger
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function minLevel(): number {
  const env = (typeof process !== 'undefined' ? process.env.FAASADE_LOG_LEVEL : undefined)?.toLowerCase()
  return RANK[env as LogLevel] ?? RANK.info
}

/** An Error as plain JSON fields (stacks go to logs, never to clients). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const out: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack }
    if (error.cause !== undefined) out.cause = serializeError(error.cause)
    return out
  }
  return { message: String(error) }
}

function expand(fields: Record<string, unknown>): Record<string, unknown> {
  for (const key in fields) {
    if (fields[key] instanceof Error) return { ...fields, [key]: serializeError(fields[key]) }
  }
  return fields
}

class SinkLogger implements Logger {
  constructor(
    private readonly sink: LogSink,
    private readonly requestId: string,
    private readonly functionName: string,
    private readonly base: Record<string, unknown>,
    private readonly min: number,
  ) {}

  private write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
    if (RANK[level] < this.min) return
    const merged = fields ? { ...this.base, ...expand(fields) } : this.base
    this.sink({
      level,
      message,
      fields: merged,
      requestId: this.requestId,
      functionName: this.functionName,
      time: Date.now(),
    })
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields)
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields)
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields)
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields)
  }
  child(fields: Record<string, unknown>): Logger {
    return new SinkLogger(this.sink, this.requestId, this.functionName, { ...this.base, ...fields }, this.min)
  }
}

/** A logger writing to `sink`, tagging every record with the request id and function name. */
export function createLogger(
  sink: LogSink,
  requestId: string,
  functionName: string,
  fields: Record<string, unknown> = {},
): Logger {
  return new SinkLogger(sink, requestId, functionName, fields, minLevel())
}

/** One JSON line per record on stdout/stderr, with the fields spread at the top level. */
export function jsonLineSink(format: (record: LogRecord) => Record<string, unknown>): LogSink {
  return (record) => {
    const line = `${JSON.stringify(format(record))}\n`
    if (record.level === 'error' || record.level === 'warn') process.stderr.write(line)
    else process.stdout.write(line)
  }
}

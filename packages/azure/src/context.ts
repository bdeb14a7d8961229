import type { InvocationContext } from '@azure/functions'
import type { Context } from '@faasade/core'
import { type LogRecord, type LogSink, createContext } from '@faasade/core/adapter'

/** Options every Azure handler accepts. */
export interface AzureOptions {
  /**
   * The app's function timeout in ms (host.json `functionTimeout`). Azure tells a worker no deadline, so
   * `ctx.deadline` stays undefined unless this is given; with it, the deadline is invocation start + timeout.
   */
  timeoutMs?: number
  /**
   * Pass streamed response bodies through to Azure. Only for apps that called
   * `app.setup({ enableHttpStream: true })` (or `enableStreaming()`); otherwise bodies are buffered.
   */
  stream?: boolean
}

function format(record: LogRecord): string {
  for (const _ in record.fields) {
    try {
      return `${record.message} ${JSON.stringify(record.fields)}`
    } catch {
      return record.message
    }
  }
  return record.message
}

/**
 * Logs go through the invocation's own `context.*` methods: the worker tags them with the invocation id,
 * so Application Insights correlates them with the request.
 */
function azureSink(context: InvocationContext): LogSink {
  return (record) => {
    const line = format(record)
    if (record.level === 'error') context.error(line)
    else if (record.level === 'warn') context.warn(line)
    else if (record.level === 'debug') context.debug(line)
    else context.info(line)
  }
}

/** The faasade context of one invocation. */
export function toContext(context: InvocationContext, options: AzureOptions): Context {
  return createContext({
    provider: 'azure',
    requestId: context.invocationId,
    functionName: context.functionName,
    deadline: options.timeoutMs === undefined ? undefined : Date.now() + options.timeoutMs,
    sink: azureSink(context),
    native: context,
  })
}

/**
 * Delivery attempt from a retry policy (`retryContext.retryCount` is 0 on the first run); 1 without one.
 * @see https://learn.microsoft.com/azure/azure-functions/functions-bindings-error-pages
 */
export function retryAttempt(context: InvocationContext): number {
  const count = context.retryContext?.retryCount
  return typeof count === 'number' && count >= 0 ? count + 1 : 1
}

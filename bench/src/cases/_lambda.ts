/** Variants of a Lambda case: a native handler built once, then called with the case's event. */
import type { Context as LambdaContext } from 'aws-lambda'
import type { Role, Variant } from '../case.js'
import { lambdaContext } from '../inputs/aws.js'

export type LambdaHandler = (event: any, context: LambdaContext) => Promise<unknown>

/** A variant whose handler is built by `make` (once) and invoked with `event()` each time. */
export function lambdaVariant(
  name: string,
  role: Role,
  make: () => LambdaHandler | Promise<LambdaHandler>,
  event: () => unknown,
): Variant {
  return {
    name,
    role,
    async build() {
      const handler = await make()
      return { invoke: () => handler(event(), lambdaContext) }
    },
  }
}

/** The faasade adapter, imported when first built (its package may still be in progress). */
export async function faasadeLambda(fn: unknown): Promise<LambdaHandler> {
  const aws = (await import('@faasade/aws')) as unknown as { lambda: (fn: unknown) => LambdaHandler }
  return aws.lambda(fn)
}

/** The JSON responses a careful hand-written handler returns. */
export const jsonResult = (body: unknown, statusCode = 200) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

export const problemResult = (status: number, title: string) => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title, status }),
})

/** Lambda's JSON log line for an error, as a careful hand-written handler logs it (faasade logs the same). */
export function logError(message: string, error: unknown, requestId: string, fields: Record<string, unknown> = {}) {
  const e = error instanceof Error ? error : new Error(String(error))
  const line = {
    timestamp: new Date().toISOString(),
    level: 'ERROR',
    requestId,
    message,
    ...fields,
    errorType: e.name,
    errorMessage: e.message,
    stackTrace: e.stack?.split('\n'),
  }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

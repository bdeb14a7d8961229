import type { Registration } from './_stub.js'
import type { RpcTypedData } from './rpc.js'

/** One invocation as the host sends it (RpcInvocationRequest), minus what the harness fills in. */
export interface RpcInvocation {
  /** The trigger's input data. */
  data?: RpcTypedData
  /** Trigger metadata as the host sends it (PascalCase keys; see `rpcMetadata`). */
  triggerMetadata?: Record<string, RpcTypedData>
  retryContext?: {
    retryCount: number
    maxRetryCount: number
    exception?: { message?: string; source?: string; stackTrace?: string }
  }
  traceContext?: { traceParent?: string; traceState?: string; attributes?: Record<string, string> }
  invocationId?: string
}

/** A log line the worker would forward to the host (user logs through `context.log`, system logs from the library). */
export interface WorkerLog {
  level: string
  category: string
  message: string
}

/** The HTTP answer the host sends the client. */
export interface HostHttpResponse {
  status: number
  headers: Record<string, string>
  /** RpcHttpCookie objects, as the host gets them (`httpOnly: { value: true }`…). */
  cookies: Array<Record<string, unknown>>
  body: Uint8Array
  text(): string
  json<T = unknown>(): T
}

/** What one invocation produced, as the worker reports it to the host. */
export interface WorkerResult {
  invocationId: string
  /** RpcInvocationResponse from `getResponse` (absent when the function failed). */
  response?: { invocationId: string; outputData?: unknown[]; returnValue?: unknown }
  /** Why the invocation failed: the host retries / dead-letters (or, for HTTP, answers 500). */
  error?: unknown
  /** HTTP triggers: what the host answers (its own 500 when the invocation failed). */
  http?: HostHttpResponse
  logs: WorkerLog[]
}

/** The outcome of delivering a message until it succeeds or the platform gives up. */
export interface DeliveryResult {
  attempts: WorkerResult[]
  succeeded: boolean
  /** Where the platform moves a message that failed every attempt (`<queue>-poison`, the dead-letter queue…). */
  deadLettered: string | undefined
}

export function hostHttp(error: unknown, response: WorkerResult['response']): HostHttpResponse | undefined {
  // A failed HTTP invocation: the host answers 500 itself (functions-nodejs-worker InvocationHandler).
  let status = 500
  let headers: Record<string, string> = {}
  let cookies: HostHttpResponse['cookies'] = []
  let body = new Uint8Array(0)
  if (!error) {
    const http = (response?.returnValue as { http?: Record<string, any> } | undefined)?.http
    if (!http) return undefined
    status = Number(http.statusCode ?? 200)
    headers = http.headers ?? {}
    cookies = http.cookies ?? []
    const b = http.body as RpcTypedData | undefined
    body = b?.bytes ? new Uint8Array(b.bytes) : new TextEncoder().encode(b?.string ?? '')
  }
  const text = () => new TextDecoder().decode(body)
  return { status, headers, cookies, body, text, json: <T>() => JSON.parse(text()) as T }
}

export const REDELIVERY: Record<string, { counter?: string; max: number; deadLetter: (r: Registration) => string }> = {
  queuetrigger: { counter: 'DequeueCount', max: 5, deadLetter: (r) => `${r.trigger.queueName}-poison` },
  servicebustrigger: {
    counter: 'DeliveryCount',
    max: 10,
    deadLetter: (r) => `${r.trigger.queueName ?? r.trigger.topicName}/$deadletterqueue`,
  },
  blobtrigger: { max: 5, deadLetter: () => 'webjobs-blobtrigger-poison' },
}

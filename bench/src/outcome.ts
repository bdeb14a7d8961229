/** Readers from each cloud's native result to a comparable `Outcome`. */
import azure from '@azure/functions'
import type { HttpResponseInit } from '@azure/functions'
import type { Outcome } from './case.js'

const { HttpResponse } = azure

/** `application/json; charset=utf-8` → `application/json`. */
export function mime(type: string | null | undefined): string | null {
  return type ? (type.split(';')[0] as string).trim().toLowerCase() : null
}

/** `name=value` of each Set-Cookie value, sorted (attributes are serialized differently by each library). */
export function cookiePairs(values: readonly string[]): string[] {
  return values.map((v) => (v.split(';')[0] as string).trim()).sort()
}

function parseBody(type: string | null, text: string): unknown {
  return type === 'application/json' || type?.endsWith('+json') ? JSON.parse(text) : text
}

interface LambdaHttpResult {
  statusCode: number
  headers?: Record<string, string | number | boolean>
  multiValueHeaders?: Record<string, (string | number | boolean)[]>
  cookies?: string[]
  body?: string
  isBase64Encoded?: boolean
}

/** A Lambda HTTP result (API Gateway REST / HTTP API / Function URL). */
export function readLambdaHttp(result: unknown): Outcome {
  const r = result as LambdaHttpResult
  const headers: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(r.multiValueHeaders ?? {}))
    (headers[k.toLowerCase()] ??= []).push(...v.map(String))
  for (const [k, v] of Object.entries(r.headers ?? {})) {
    const list = (headers[k.toLowerCase()] ??= [])
    if (!list.includes(String(v))) list.push(String(v))
  }
  const type = mime(headers['content-type']?.[0])
  const text = r.isBase64Encoded ? Buffer.from(r.body ?? '', 'base64').toString('utf8') : (r.body ?? '')
  const cookies = [...(r.cookies ?? []), ...(headers['set-cookie'] ?? [])]
  return { status: r.statusCode, type, cookies: cookiePairs(cookies), body: parseBody(type, text) }
}

/** An SQS partial-batch response. */
export function readSqs(result: unknown): Outcome {
  const r = result as { batchItemFailures?: { itemIdentifier: string }[] } | undefined
  return { failures: (r?.batchItemFailures ?? []).map((f) => f.itemIdentifier).sort() }
}

/** An Azure v4 HTTP result, read through the library's own `HttpResponse` as the worker does. */
export async function readAzureHttp(result: unknown): Promise<Outcome> {
  const res = result instanceof HttpResponse ? result : new HttpResponse(result as HttpResponseInit)
  const type = mime(res.headers.get('content-type'))
  const cookies = [...res.cookies.map((c) => `${c.name}=${c.value}`), ...res.headers.getSetCookie()]
  return { status: res.status, type, cookies: cookiePairs(cookies), body: parseBody(type, await res.text()) }
}

/** A response read off the wire (GCP through the Functions Framework's server). */
export interface WireResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function readWire(result: unknown): Outcome {
  const r = result as WireResponse
  const type = mime(r.headers['content-type'] as string | undefined)
  const setCookie = r.headers['set-cookie']
  const cookies = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]
  return { status: r.status, type, cookies: cookiePairs(cookies), body: parseBody(type, r.body) }
}

import { HTTP_INTEGRATION_CONTENT_TYPE } from './awslambda-fake.js'
import type { StreamedResponse } from './invoke.js'

/** A native HTTP result read back the way a client would see it. */
export interface HttpResultView {
  status: number
  /** ALB's status line text, when present. */
  statusDescription: string | undefined
  /** Every header the client gets, Set-Cookie included (`getSetCookie()`). */
  headers: Headers
  /** The Set-Cookie values, in order. */
  cookies: string[]
  bytes: Uint8Array
  text: string
  json<T = unknown>(): T
  /** Which result shape it was read from. */
  shape: 'v1' | 'v2' | 'alb' | 'stream'
}

interface NativeResult {
  statusCode?: number
  statusDescription?: string
  headers?: Record<string, string | number | boolean>
  multiValueHeaders?: Record<string, Array<string | number | boolean>>
  cookies?: string[]
  body?: string
  isBase64Encoded?: boolean
}

function view(
  status: number,
  headers: Headers,
  bytes: Uint8Array,
  shape: HttpResultView['shape'],
  statusDescription?: string,
): HttpResultView {
  const text = Buffer.from(bytes).toString('utf8')
  return {
    status,
    statusDescription,
    headers,
    cookies: headers.getSetCookie(),
    bytes,
    text,
    json: () => JSON.parse(text),
    shape,
  }
}

function readStream(result: StreamedResponse): HttpResultView {
  const all = Buffer.concat(result.chunks.map((c) => Buffer.from(c)))
  if (result.contentType !== HTTP_INTEGRATION_CONTENT_TYPE) return view(200, new Headers(), all, 'stream')
  // The prelude is JSON (which never holds a NUL byte), then 8 NUL bytes, then the body.
  const end = all.indexOf(Buffer.alloc(8))
  if (end < 0) throw new Error('faasade: the streamed response has no HTTP prelude delimiter')
  const prelude = JSON.parse(all.subarray(0, end).toString('utf8')) as NativeResult
  const headers = new Headers()
  for (const [k, v] of Object.entries(prelude.headers ?? {})) headers.append(k, String(v))
  for (const c of prelude.cookies ?? []) headers.append('set-cookie', c)
  return view(prelude.statusCode ?? 200, headers, new Uint8Array(all.subarray(end + 8)), 'stream')
}

/**
 * Reads any front door's native HTTP result (REST/HTTP API 1.0, HTTP API 2.0/Function URL, ALB either
 * mode, or a streamed response from `invokeLambda`) back into status, headers, cookies and body.
 * As API Gateway does, `multiValueHeaders` wins over `headers` for a name in both.
 */
export function readHttpResult(result: unknown): HttpResultView {
  if (typeof result === 'object' && result !== null && (result as StreamedResponse).streamed === true) {
    return readStream(result as StreamedResponse)
  }
  const r = result as NativeResult
  // HTTP API and Function URLs read a result without statusCode as a JSON body with status 200.
  if (typeof r !== 'object' || r === null || typeof r.statusCode !== 'number') {
    const headers = new Headers({ 'content-type': 'application/json' })
    return view(200, headers, Buffer.from(JSON.stringify(result) ?? '', 'utf8'), 'v2')
  }
  const headers = new Headers()
  const multi = r.multiValueHeaders ?? {}
  const inMulti = new Set(Object.keys(multi).map((k) => k.toLowerCase()))
  for (const [k, v] of Object.entries(r.headers ?? {})) if (!inMulti.has(k.toLowerCase())) headers.append(k, String(v))
  for (const [k, list] of Object.entries(multi)) for (const v of list) headers.append(k, String(v))
  for (const c of r.cookies ?? []) headers.append('set-cookie', c)
  const body = r.body ?? ''
  const bytes = r.isBase64Encoded
    ? new Uint8Array(Buffer.from(body, 'base64'))
    : new Uint8Array(Buffer.from(body, 'utf8'))
  const shape =
    r.statusDescription !== undefined
      ? 'alb'
      : r.cookies !== undefined || r.multiValueHeaders === undefined
        ? 'v2'
        : 'v1'
  return view(r.statusCode, headers, bytes, shape, r.statusDescription)
}

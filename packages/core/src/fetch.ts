import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { type Context, type Provider, createContext } from './context.js'
import { type HttpFunction, type HttpOptions, http } from './define.js'
import { jsonLineSink } from './log.js'
import { createRequest } from './request.js'
import type { ResponseParts } from './response.js'
import { runHttp } from './run-http.js'

/** A Fetch-style handler: Hono's `app.fetch`, itty-router, or a hand-written one. */
export type FetchHandler = (request: Request) => Response | Promise<Response>

/**
 * Mounts a Fetch-style app as a faasade `http` function, so it runs on every cloud's adapter unchanged.
 * @example
 * const app = new Hono().get('/hello/:name', (c) => c.json({ hello: c.req.param('name') }))
 * export const api = fromFetch(app.fetch)
 */
export function fromFetch(handler: FetchHandler | { fetch: FetchHandler }, options: HttpOptions = {}): HttpFunction {
  const fetch = typeof handler === 'function' ? handler : handler.fetch.bind(handler)
  return http({ ...options, handler: (req) => fetch(req.toRequest()) })
}

export interface ToFetchOptions {
  /** What `ctx.provider` says; `local` by default. */
  provider?: Provider
  /** Function name in logs. */
  functionName?: string
}

const sink = jsonLineSink((r) => ({
  time: new Date(r.time).toISOString(),
  level: r.level,
  requestId: r.requestId,
  message: r.message,
  ...r.fields,
}))

function toWebResponse(parts: ResponseParts): Response {
  const headers = new Headers()
  for (const [name, value] of Object.entries(parts.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  for (const cookie of parts.cookies) headers.append('set-cookie', cookie)
  const nullBody = parts.status === 204 || parts.status === 304 || parts.status < 200
  return new Response(nullBody ? null : (parts.body as BodyInit | null), { status: parts.status, headers })
}

/**
 * Exposes a faasade `http` function as a Fetch handler, for any Fetch runtime (Workers-style
 * `export default { fetch }`, Deno, Bun, or Node through `toNodeListener`). Responses stream.
 */
export function toFetch(fn: HttpFunction<any>, options: ToFetchOptions = {}): (request: Request) => Promise<Response> {
  const provider = options.provider ?? 'local'
  const functionName = options.functionName ?? 'fetch'
  return async (request) => {
    const url = new URL(request.url)
    const req = createRequest({
      method: request.method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: request.headers,
      body: request.body ? { read: async () => new Uint8Array(await request.arrayBuffer()) } : null,
      url: request.url,
      native: request,
    })
    const ctx: Context = createContext({
      provider,
      requestId: request.headers.get('x-request-id') ?? crypto.randomUUID(),
      functionName,
      sink,
      native: request,
      signal: request.signal,
    })
    return toWebResponse(await runHttp(fn, req, ctx, { stream: true }))
  }
}

/** A `node:http` request listener serving a Fetch handler (chunks are written as they come). */
export function toNodeListener(fetch: (request: Request) => Promise<Response> | Response) {
  return async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    try {
      const host = incoming.headers.host ?? 'localhost'
      const headers = new Headers()
      for (let i = 0; i < incoming.rawHeaders.length; i += 2) {
        headers.append(incoming.rawHeaders[i] as string, incoming.rawHeaders[i + 1] as string)
      }
      const method = incoming.method ?? 'GET'
      const hasBody = method !== 'GET' && method !== 'HEAD'
      const init: RequestInit & { duplex?: 'half' } = { method, headers }
      if (hasBody) {
        init.body = Readable.toWeb(incoming) as unknown as ReadableStream<Uint8Array>
        init.duplex = 'half'
      }
      const response = await fetch(new Request(`http://${host}${incoming.url ?? '/'}`, init))
      const out: Record<string, string | string[]> = {}
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') out[name] = value
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length) out['set-cookie'] = cookies
      outgoing.writeHead(response.status, out)
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) outgoing.write(chunk)
      }
      outgoing.end()
    } catch {
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/problem+json' })
      outgoing.end('{"type":"about:blank","title":"Internal Server Error","status":500}')
    }
  }
}

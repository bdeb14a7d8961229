import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { getTestServer } from '@google-cloud/functions-framework/testing'
import type { FaasFunction } from '@faasade/core'
import { cloudFunction, defaultSignature } from '../handle.js'
import { register } from '../register.js'
import type { Signature } from '../types.js'
import type { NativeRequest } from './request.js'

/** What the function answered, as the platform receives it. */
export interface NativeResponse {
  status: number
  headers: Headers
  /** Header lines exactly as sent: `[name, value, name, value, …]`. */
  rawHeaders: string[]
  /** One entry per `Set-Cookie` line. */
  cookies: string[]
  body: Uint8Array
  text(): string
  json<T = unknown>(): T
}

/** A faasade function served by the real Functions Framework on a loopback port. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  send(request: NativeRequest, options?: { timeoutMs?: number }): Promise<NativeResponse>
  close(): Promise<void>
}

/** How `serve` runs the function. */
export interface ServeOptions {
  /** Default: `http` for `http`/`invoke`, `cloudevent` for the event kinds; `event` serves the gen1 form. */
  signature?: Signature
  /** Registered name; default a fresh `faasade-test-<n>`. */
  name?: string
  /** The framework's request timeout (`CLOUD_RUN_TIMEOUT_SECONDS`), which arms `req.abortController`. */
  timeoutSeconds?: number
}

type FrameworkOptions = Record<string, unknown>
type GetServer = (fn: unknown, options: FrameworkOptions) => http.Server

/**
 * FF's own `getServer` (what its `main` runs). `getTestServer` only serves registered functions, and registration
 * cannot express the gen1 `event` signature or a timeout, so this loads it from the installed framework.
 */
function frameworkGetServer(): GetServer {
  const require = createRequire(import.meta.url)
  const entry = require.resolve('@google-cloud/functions-framework/testing')
  return (require(path.join(path.dirname(entry), 'server.js')) as { getServer: GetServer }).getServer
}

let served = 0

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, () => {
      resolve((server.address() as { port: number }).port)
    })
  })
}

function send(port: number, agent: http.Agent, request: NativeRequest, timeoutMs: number): Promise<NativeResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      agent,
      method: request.method,
      path: request.path,
      headers: request.headers,
    })
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`faasade: no response within ${timeoutMs} ms`)))
    req.once('error', reject)
    req.once('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.once('error', reject)
      res.once('end', () => {
        const headers = new Headers()
        const raw = res.rawHeaders
        for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string)
        const body = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          headers,
          rawHeaders: raw,
          cookies: headers.getSetCookie(),
          body,
          text: () => body.toString('utf8'),
          json: <T>() => JSON.parse(body.toString('utf8')) as T,
        })
      })
    })
    req.end(request.body)
  })
}

/**
 * Serves a faasade function (or the name of one already `register`ed) through the real Functions Framework on
 * 127.0.0.1, for tests: `send` builder output to it and read the native response. Close it when done.
 * @example
 * const server = await serve(onMessage)
 * const res = await server.send(pubsubCloudEvent({ data: { id: 1 } }))
 * expect(res.status).toBe(204)
 * await server.close()
 */
export async function serve(fn: FaasFunction | string, options: ServeOptions = {}): Promise<TestServer> {
  let server: http.Server
  if (typeof fn === 'string') server = getTestServer(fn)
  else {
    const signature = options.signature ?? defaultSignature(fn)
    const name = options.name ?? `faasade-test-${++served}`
    if (signature === 'event' || options.timeoutSeconds) {
      server = frameworkGetServer()(cloudFunction(fn, { name, signature }), {
        signatureType: signature,
        enableExecutionId: false,
        timeoutMilliseconds: (options.timeoutSeconds ?? 0) * 1000,
        port: '0',
        target: name,
        sourceLocation: '',
        printHelp: false,
        ignoredRoutes: null,
      })
    } else {
      register(name, fn, { signature })
      server = getTestServer(name)
    }
  }
  const port = await listen(server)
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY })
  return {
    url: `http://127.0.0.1:${port}`,
    send: (request, o) => send(port, agent, request, o?.timeoutMs ?? 10_000),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

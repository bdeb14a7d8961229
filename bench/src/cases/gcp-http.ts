/**
 * GCP HTTP through the Functions Framework (5.0.5): each variant is registered with the framework and served
 * by `getTestServer(name)`, the same Express server the runtime builds (body parsers, execution-id and
 * timeout middleware), listening on loopback in this process and called over a keep-alive connection.
 * The framework hands a function only real Express `req`/`res` objects, which exist only on a socket; one
 * keep-alive socket on one thread is the least noise around them, and every variant pays the same
 * client + kernel + framework cost, so any difference is the handler's own.
 */
import * as ff from '@google-cloud/functions-framework'
import { getTestServer } from '@google-cloud/functions-framework/testing'
import { Agent, type Server, request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Case, Invoker, Role, Variant } from '../case.js'
import { faasadeGet, faasadePost } from '../functions.js'
import { order } from '../inputs/aws.js'
import { type WireResponse, readWire } from '../outcome.js'
import { type Order, greet, summarize } from '../work.js'

type HttpFunction = Parameters<typeof ff.http>[1]

interface WireRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

const baseHeaders = {
  accept: 'application/json',
  'accept-language': 'en-GB,en;q=0.9',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) bench/1.0',
  'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1;o=1',
  'x-forwarded-for': '192.182.149.40',
  'x-forwarded-proto': 'https',
  traceparent: '00-105445aa7843bc8bf206b12000100000-0000000000000001-01',
}

const getRequest: WireRequest = { method: 'GET', path: '/hello?name=alice&limit=5', headers: baseHeaders }
const orderText = JSON.stringify(order)
const postRequest: WireRequest = {
  method: 'POST',
  path: '/orders',
  headers: {
    ...baseHeaders,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(orderText)),
  },
  body: orderText,
}

function send(agent: Agent, port: number, r: WireRequest): Promise<WireResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, agent, method: r.method, path: r.path, headers: r.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(r.body)
  })
}

/** Serves the function registered as `name` on loopback; one keep-alive connection. */
async function serve(name: string, r: WireRequest): Promise<Invoker> {
  const server: Server = getTestServer(name)
  // Rounds of other cases run between this variant's rounds: keep the idle connection open meanwhile
  // (Node's default closes it after 5 s, and the client would then write to a dead socket).
  server.keepAliveTimeout = 0
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  return {
    invoke: () => send(agent, port, r),
    async close() {
      agent.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

let seq = 0

function gcpVariant(
  name: string,
  role: Role,
  register: (fnName: string) => void | Promise<void>,
  r: WireRequest,
): Variant {
  return {
    name,
    role,
    async build() {
      // Names must be unique per process: the framework's registry is global.
      const fnName = `bench-${name}-${++seq}`
      await register(fnName)
      return serve(fnName, r)
    },
  }
}

async function registerFaasade(fnName: string, fn: unknown): Promise<void> {
  const gcp = (await import('@faasade/gcp')) as unknown as { register: (name: string, fn: unknown) => void }
  gcp.register(fnName, fn)
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The GET floor: Express `req`/`res` as the framework hands them over. */
export const rawGcpGet: HttpFunction = (req, res) => {
  try {
    res.json(greet(text(req.query.name), text(req.query.limit), req.get('user-agent'), req.get('accept-language')))
  } catch (error) {
    console.error(error)
    res
      .status(500)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
  }
}

/** The POST floor: the framework already parsed the JSON body (a malformed one is its 400). */
export const rawGcpPost: HttpFunction = (req, res) => {
  try {
    res.json(summarize(req.body as Order))
  } catch (error) {
    console.error(error)
    res
      .status(500)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
  }
}

export const gcpHttpGet: Case = {
  id: 'gcp-http-get',
  roundsFactor: 2,
  title: 'GCP HTTP GET through the Functions Framework (query + headers → JSON)',
  target: { kind: 'ratio', max: 1.05 },
  read: readWire,
  variants: [
    gcpVariant('raw', 'floor', (n) => ff.http(n, rawGcpGet), getRequest),
    gcpVariant('faasade', 'faasade', (n) => registerFaasade(n, faasadeGet), getRequest),
  ],
}

export const gcpHttpPost: Case = {
  id: 'gcp-http-post',
  roundsFactor: 2,
  title: 'GCP HTTP POST JSON through the Functions Framework (body → JSON)',
  target: { kind: 'ratio', max: 1.05 },
  read: readWire,
  variants: [
    gcpVariant('raw', 'floor', (n) => ff.http(n, rawGcpPost), postRequest),
    gcpVariant('faasade', 'faasade', (n) => registerFaasade(n, faasadePost), postRequest),
  ],
}

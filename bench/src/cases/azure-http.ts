/**
 * Azure Functions v4 HTTP: the handler called with the library's own `HttpRequest`, then its result turned into
 * what the worker sends the host. That second step is the worker's `toRpcHttp` (@azure/functions 4.16.5,
 * src/converters/toRpcHttp.ts): `new HttpResponse(result)`, headers, cookies, `arrayBuffer()`. It is timed for
 * every variant alike because that is where a `jsonBody` is serialized: without it the floor would do less work.
 */
import azure from '@azure/functions'
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions'
import { azureHonoHandler } from '@marplex/hono-azurefunc-adapter'
import { Hono } from 'hono'
import type { Case, Role, Variant } from '../case.js'
import { faasadeGet, faasadePost } from '../functions.js'
import { azureContext, azureGet, azurePost } from '../inputs/azure.js'
import { readAzureHttp } from '../outcome.js'
import { type Order, greet, summarize } from '../work.js'

const { HttpResponse } = azure

type AzureHandler = (request: HttpRequest, context: InvocationContext) => Promise<unknown>

/** What the worker does with an HTTP result before it goes to the host. */
async function toWorkerResponse(result: unknown) {
  const response = result instanceof HttpResponse ? result : new HttpResponse(result as HttpResponseInit)
  const headers: Record<string, string> = {}
  for (const [key, value] of response.headers.entries()) headers[key] = value
  const cookies = response.cookies.map((c) => ({ ...c }))
  const body = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers, cookies, body }
}

/** Reads the worker's response back into something `readAzureHttp` understands. */
function fromWorkerResponse(r: Awaited<ReturnType<typeof toWorkerResponse>>): HttpResponseInit {
  return { status: r.status, headers: r.headers, cookies: r.cookies, body: Buffer.from(r.body).toString('utf8') }
}

function azureVariant(
  name: string,
  role: Role,
  make: () => AzureHandler | Promise<AzureHandler>,
  request: () => HttpRequest,
): Variant {
  return {
    name,
    role,
    async build() {
      const handler = await make()
      return { invoke: async () => toWorkerResponse(await handler(request(), azureContext)) }
    },
  }
}

async function faasadeAzure(fn: unknown): Promise<AzureHandler> {
  const mod = (await import('@faasade/azure')) as unknown as { azureFunction: (fn: unknown) => AzureHandler }
  return mod.azureFunction(fn)
}

const problem = (status: number, title: string): HttpResponseInit => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({ type: 'about:blank', title, status }),
})

/** The GET floor: the idiomatic v4 handler. */
export async function rawAzureGet(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    const q = request.query
    const h = request.headers
    return { jsonBody: greet(q.get('name'), q.get('limit'), h.get('user-agent'), h.get('accept-language')) }
  } catch (error) {
    context.error('Unhandled error in handler', error)
    return problem(500, 'Internal Server Error')
  }
}

/** The POST floor: `request.json()` with a 400 for malformed JSON. */
export async function rawAzurePost(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  try {
    let order: Order
    try {
      order = (await request.json()) as Order
    } catch {
      return problem(400, 'Malformed JSON')
    }
    return { jsonBody: summarize(order) }
  } catch (error) {
    context.error('Unhandled error in handler', error)
    return problem(500, 'Internal Server Error')
  }
}

const honoGet = new Hono().get('/api/hello', (c) =>
  c.json(greet(c.req.query('name'), c.req.query('limit'), c.req.header('user-agent'), c.req.header('accept-language'))),
)
const honoPost = new Hono().post('/api/orders', async (c) => c.json(summarize(await c.req.json<Order>())))

const read = async (result: unknown) =>
  readAzureHttp(fromWorkerResponse(result as Awaited<ReturnType<typeof toWorkerResponse>>))

export const azureHttpGet: Case = {
  id: 'azure-http-get',
  warmupMs: 1000,
  minMsFactor: 4,
  isolate: true,
  title: 'Azure v4 HTTP GET (new HttpRequest per call; query + headers → JSON)',
  target: { kind: 'ratio', max: 1.1 },
  read,
  variants: [
    azureVariant('raw', 'floor', () => rawAzureGet, azureGet),
    azureVariant('faasade', 'faasade', () => faasadeAzure(faasadeGet), azureGet),
    azureVariant('hono', 'peer', () => azureHonoHandler(honoGet.fetch) as AzureHandler, azureGet),
  ],
}

export const azureHttpPost: Case = {
  id: 'azure-http-post',
  warmupMs: 1000,
  minMsFactor: 4,
  isolate: true,
  title: 'Azure v4 HTTP POST JSON (new HttpRequest per call → JSON)',
  target: { kind: 'ratio', max: 1.1 },
  read,
  variants: [
    azureVariant('raw', 'floor', () => rawAzurePost, azurePost),
    azureVariant('faasade', 'faasade', () => faasadeAzure(faasadePost), azurePost),
    azureVariant('hono', 'peer', () => azureHonoHandler(honoPost.fetch) as AzureHandler, azurePost),
  ],
}

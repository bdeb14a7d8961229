import { http, invoke, json, notFound } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/fixtures.js'
import { azure } from '../_azure.js'
import { register } from '../index.js'
import { createWorkerHarness, rpcHttp, rpcMetadata } from '../testing.js'

// The harness must exist before the first app.* call: the library caches the core API it finds.
const worker = createWorkerHarness()

const echo = http(async (req, ctx) =>
  json(
    {
      method: req.method,
      path: req.path,
      url: req.url,
      tags: req.query.getAll('tag'),
      params: req.params,
      ua: req.headers.get('user-agent'),
      body: req.method === 'GET' ? null : await req.text(),
      requestId: ctx.requestId,
      functionName: ctx.functionName,
      provider: ctx.provider,
      ip: req.ip,
    },
    {
      status: 201,
      cookies: [
        'session=abc; Path=/; HttpOnly; SameSite=Lax; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
        { name: 'theme', value: 'dark blue', maxAge: 60 },
      ],
    },
  ),
)
register('echo', echo, { route: 'items/{id}', methods: ['GET', 'POST'], authLevel: 'function' })

const fail = http(async () => {
  throw new Error('database is down')
})
register('fail', fail, { route: 'fail' })

const missing = http(async () => {
  throw notFound('No such order.')
})
register('missing', missing)

const binaryFn = http(async () => ({
  status: 200,
  headers: { 'content-type': 'image/png' },
  body: new Uint8Array([0, 255, 1, 254]),
}))
register('binary', binaryFn)

const add = invoke(async (input: unknown) => {
  const { a, b } = input as { a: number; b: number }
  return { sum: a + b }
})
register('add', add)

describe('app.http registration (captured through @azure/functions-core)', () => {
  it('registers an httpTrigger binding with route, methods and authLevel, plus the $return http output', () => {
    const reg = worker.registrations.get('echo')
    expect(reg).toBeDefined()
    expect(reg?.trigger).toMatchObject({
      type: 'httpTrigger',
      direction: 'in',
      route: 'items/{id}',
      methods: ['GET', 'POST'],
      authLevel: 'function',
    })
    expect(reg?.returnBinding).toMatchObject({ type: 'http', direction: 'out', name: '$return' })
    expect(reg?.rawBindings.map((b) => JSON.parse(b).type).sort()).toEqual(['http', 'httpTrigger'])
  })

  it('urlFor gives the URL the host serves (api prefix, route parameters filled)', () => {
    expect(worker.urlFor('echo', { id: '42' })).toBe('http://localhost:7071/api/items/42')
    expect(worker.urlFor('add')).toBe('http://localhost:7071/api/add')
    expect(worker.urlFor('echo', { id: 'a b' }, { routePrefix: '' })).toBe('http://localhost:7071/items/a%20b')
  })

  it('an invoke function is an HTTP POST', () => {
    expect(worker.registrations.get('add')?.trigger).toMatchObject({
      type: 'httpTrigger',
      methods: ['POST'],
      authLevel: 'anonymous',
    })
  })
})

const hooked: string[] = []
azure.app.hook.preInvocation((c) => void hooked.push(`pre:${c.invocationContext.functionName}`))
azure.app.hook.postInvocation((c) => void hooked.push(`post:${(c.result as { status?: number } | undefined)?.status}`))

describe('HTTP through the library invocation model', () => {
  it("runs the app's invocation hooks around the handler, as the worker does", async () => {
    hooked.length = 0
    await worker.invoke('missing', { data: rpcHttp({ url: 'http://localhost:7071/api/missing' }) })
    expect(hooked).toEqual(['pre:missing', 'post:404'])
  })

  it('maps request and response field by field (status, headers, cookies objects, JSON body)', async () => {
    const res = await worker.invoke('echo', {
      invocationId: 'inv-1',
      data: rpcHttp({
        method: 'POST',
        url: 'http://localhost:7071/api/items/42?tag=a&tag=b',
        headers: { 'User-Agent': 'Mozilla/5.0', 'Content-Type': 'text/plain', 'X-Forwarded-For': '203.0.113.7:51234' },
        body: 'hello',
        params: { id: '42' },
      }),
      triggerMetadata: fixture('http', 'library-rpc-trigger-metadata'),
    })
    expect(res.error).toBeUndefined()
    const out = res.http
    expect(out?.status).toBe(201)
    expect(out?.headers['content-type']).toBe('application/json')
    expect(out?.json()).toEqual({
      method: 'POST',
      path: '/api/items/42',
      url: 'http://localhost:7071/api/items/42?tag=a&tag=b',
      tags: ['a', 'b'],
      params: { id: '42' },
      ua: 'Mozilla/5.0',
      body: 'hello',
      requestId: 'inv-1',
      functionName: 'echo',
      provider: 'azure',
      ip: '203.0.113.7',
    })
    expect(out?.cookies).toEqual([
      expect.objectContaining({
        name: 'session',
        value: 'abc',
        path: { value: '/' },
        httpOnly: { value: true },
        sameSite: 'lax',
        expires: { value: { seconds: Date.UTC(2037, 9, 21, 7, 28) / 1000 } },
      }),
      expect.objectContaining({ name: 'theme', value: 'dark blue', maxAge: { value: 60 }, sameSite: 'none' }),
    ])
  })

  it('a thrown error answers an explicit 500 problem (the invocation itself succeeds) and logs the stack', async () => {
    const res = await worker.invoke('fail', { data: rpcHttp({ url: 'http://localhost:7071/api/fail' }) })
    expect(res.error).toBeUndefined()
    expect(res.http?.status).toBe(500)
    expect(res.http?.headers['content-type']).toBe('application/problem+json')
    expect(res.http?.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
    expect(res.http?.text()).not.toContain('database is down')
    const log = res.logs.find((l) => l.category === 'user' && l.level === 'error')
    expect(log?.message).toContain('Unhandled error in handler')
    expect(log?.message).toContain('database is down')
  })

  it('an HttpError answers its own status with the problem body', async () => {
    const res = await worker.invoke('missing', { data: rpcHttp({ url: 'http://localhost:7071/api/missing' }) })
    expect(res.http?.status).toBe(404)
    expect(res.http?.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such order.' })
  })

  it('binary bodies reach the host byte for byte', async () => {
    const res = await worker.invoke('binary', { data: rpcHttp({ url: 'http://localhost:7071/api/binary' }) })
    expect(res.http?.headers['content-type']).toBe('image/png')
    expect([...(res.http?.body ?? [])]).toEqual([0, 255, 1, 254])
  })

  it('invoke: POST JSON in, JSON result out; malformed JSON is a 400 problem', async () => {
    const ok = await worker.invoke('add', {
      data: rpcHttp({
        method: 'POST',
        url: 'http://localhost:7071/api/add',
        headers: { 'content-type': 'application/json' },
        body: '{"a":2,"b":3}',
      }),
    })
    expect(ok.http?.status).toBe(200)
    expect(ok.http?.json()).toEqual({ sum: 5 })
    const bad = await worker.invoke('add', {
      data: rpcHttp({ method: 'POST', url: 'http://localhost:7071/api/add', body: '{"a":' }),
    })
    expect(bad.http?.status).toBe(400)
    expect(bad.http?.json()).toMatchObject({ title: 'Malformed JSON', status: 400 })
  })

  it('the custom-handler host payload, fed to a Node worker as RpcHttp, reaches the handler intact', async () => {
    const host = fixture('http', 'docs-custom-handler-host-payload').Data.req
    const headers = Object.fromEntries(
      Object.entries(host.Headers as Record<string, string[]>).map(([k, v]) => [k, v.join(', ')]),
    )
    const res = await worker.invoke('echo', {
      data: {
        http: {
          method: host.Method,
          url: host.Url,
          headers,
          query: JSON.parse(host.Query),
          params: { id: '1005' },
          body: { string: host.Body },
        },
      },
      triggerMetadata: rpcMetadata({ Headers: host.Headers }),
    })
    expect(res.http?.json()).toMatchObject({
      method: 'POST',
      path: '/api/order',
      body: host.Body,
      params: { id: '1005' },
    })
  })
})

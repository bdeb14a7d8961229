import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { http } from './define.js'
import { fromFetch, toFetch, toNodeListener } from './fetch.js'
import { json } from './response.js'
import { invokeLocal } from './testing.js'

const app = new Hono()
  .get('/users/:id', (c) => c.json({ id: c.req.param('id'), tags: c.req.queries('tag') ?? [] }))
  .post('/echo', async (c) => {
    setCookie(c, 'seen', 'yes', { httpOnly: true })
    setCookie(c, 'theme', 'dark')
    return c.json({ got: await c.req.json(), session: getCookie(c, 'session') ?? null }, 201)
  })
  .get('/logo.bin', (c) =>
    c.body(new Uint8Array([0, 1, 254, 255]), 200, { 'content-type': 'application/octet-stream' }),
  )
  .get('/boom', () => {
    throw new Error('kaput')
  })

describe('fromFetch mounts a Hono app as an http function', () => {
  const fn = fromFetch(app)

  it('routes with params and repeated query keys', async () => {
    const res = await invokeLocal(fn, { path: '/users/42?tag=a&tag=b' })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ id: '42', tags: ['a', 'b'] })
  })

  it('reads JSON and cookies, sets several cookies', async () => {
    const res = await invokeLocal(fn, { method: 'POST', path: '/echo', cookies: { session: 's1' }, body: { a: 1 } })
    expect(res.status).toBe(201)
    expect(res.json()).toEqual({ got: { a: 1 }, session: 's1' })
    expect(res.cookies).toEqual(['seen=yes; Path=/; HttpOnly', 'theme=dark; Path=/'])
  })

  it('keeps a binary download as bytes', async () => {
    const res = await invokeLocal(fn, { path: '/logo.bin' })
    expect(res.body).toEqual(new Uint8Array([0, 1, 254, 255]))
  })

  it("answers Hono's own 500 for a thrown error and its 404 for an unknown route", async () => {
    expect((await invokeLocal(fn, { path: '/boom' })).status).toBe(500)
    expect((await invokeLocal(fn, { path: '/nope' })).status).toBe(404)
  })
})

describe('toFetch through a plain node:http server on loopback', () => {
  let server: Server
  let base: string
  const fn = http(async (req) => {
    if (req.path === '/stream') {
      return {
        headers: { 'content-type': 'text/plain' },
        body: (async function* () {
          yield 'one,'
          await new Promise((r) => setTimeout(r, 20))
          yield 'two'
        })(),
      }
    }
    return json(
      { method: req.method, q: req.query.get('q'), body: req.method === 'POST' ? await req.text() : null },
      { cookies: ['a=1', 'b=2'] },
    )
  })

  beforeAll(async () => {
    server = createServer(toNodeListener(toFetch(fn)))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('serves GET and POST with both cookies', async () => {
    const get = await fetch(`${base}/x?q=1`)
    expect(await get.json()).toEqual({ method: 'GET', q: '1', body: null })
    expect(get.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    const post = await fetch(`${base}/x`, { method: 'POST', body: 'hello' })
    expect(await post.json()).toEqual({ method: 'POST', q: null, body: 'hello' })
  })

  it('streams chunks in order', async () => {
    const res = await fetch(`${base}/stream`)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const chunks: string[] = []
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      chunks.push(new TextDecoder().decode(value))
    }
    expect(chunks.join('')).toBe('one,two')
    expect(chunks.length).toBeGreaterThanOrEqual(2)
  })
})

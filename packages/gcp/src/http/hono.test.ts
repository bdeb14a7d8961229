import { fromFetch } from '@faasade/core'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { streamText } from 'hono/streaming'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/logs.js'
import { type TestServer, httpRequest, serve } from '../testing.js'

// A Fetch app mounted with core's fromFetch runs through the GCP adapter unchanged.
const app = new Hono()
  .get('/users/:id', (c) => c.json({ id: c.req.param('id'), tags: c.req.queries('tag') ?? [] }))
  .post('/echo', async (c) => c.json({ got: await c.req.json(), session: getCookie(c, 'session') ?? null }))
  .get('/login', (c) => {
    setCookie(c, 'session', 'abc', { httpOnly: true, path: '/' })
    setCookie(c, 'theme', 'dark', { path: '/' })
    return c.text('welcome')
  })
  .get('/download', (c) =>
    c.body(new Uint8Array([0, 1, 2, 253, 254, 255]), 200, { 'content-type': 'application/octet-stream' }),
  )
  .get('/forbidden', () => {
    throw new HTTPException(403, { message: 'not you' })
  })
  .get('/crash', () => {
    throw new Error('internal detail')
  })
  .get('/stream', (c) =>
    streamText(c, async (s) => {
      for (const word of ['one ', 'two ', 'three']) await s.write(word)
    }),
  )

describe('a Hono app through fromFetch and the Functions Framework', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await serve(fromFetch(app))
  })
  afterAll(() => server.close())

  it('routes with params and repeated query keys', async () => {
    const res = await server.send(httpRequest({ path: '/users/42', query: { tag: ['a', 'b'] } }))
    expect([res.status, res.json()]).toEqual([200, { id: '42', tags: ['a', 'b'] }])
  })

  it('JSON in and out, with the request cookie', async () => {
    const res = await server.send(
      httpRequest({ method: 'POST', path: '/echo', cookies: { session: 's1' }, body: { n: 1 } }),
    )
    expect(res.json()).toEqual({ got: { n: 1 }, session: 's1' })
  })

  it('several Set-Cookie lines', async () => {
    const res = await server.send(httpRequest({ path: '/login' }))
    expect(res.cookies).toEqual(['session=abc; Path=/; HttpOnly', 'theme=dark; Path=/'])
    expect(res.text()).toBe('welcome')
  })

  it('a binary download, byte for byte', async () => {
    const res = await server.send(httpRequest({ path: '/download' }))
    expect(res.body).toEqual(Buffer.from([0, 1, 2, 253, 254, 255]))
  })

  it("Hono's own errors and 404", async () => {
    const forbidden = await server.send(httpRequest({ path: '/forbidden' }))
    expect([forbidden.status, forbidden.text()]).toEqual([403, 'not you'])
    const missing = await server.send(httpRequest({ path: '/nope' }))
    expect(missing.status).toBe(404)
    const logs = captureLogs()
    try {
      const crash = await server.send(httpRequest({ path: '/crash' }))
      expect(crash.status).toBe(500)
      expect(crash.text()).not.toContain('internal detail')
    } finally {
      logs.restore()
    }
  })

  it('a streamed body arrives chunked and complete', async () => {
    const res = await server.send(httpRequest({ path: '/stream' }))
    expect(res.headers.get('transfer-encoding')).toBe('chunked')
    expect(res.text()).toBe('one two three')
  })
})

import { binary, http, invoke, json, notFound, redirect, text } from '@faasade/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { rawRequest } from '../../test/fixtures.js'
import { captureLogs } from '../../test/logs.js'
import { type TestServer, httpRequest, serve } from '../testing.js'

const echo = http(async (req, ctx) =>
  json({
    method: req.method,
    path: req.path,
    query: [...req.query],
    userAgents: req.headers.getAll('user-agent'),
    userAgent: req.headers.get('User-Agent'),
    hasMulti: req.headers.has('X-MULTI'),
    multi: req.headers.getAll('x-multi'),
    contentType: req.headers.get('content-type'),
    cookies: req.cookies,
    ip: req.ip,
    body: Buffer.from(await req.bytes()).toString('base64'),
    provider: ctx.provider,
  }),
)

describe('HTTP requests through the Functions Framework', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await serve(echo)
  })
  afterAll(() => server.close())

  it('serves the documented POST JSON call (fixture http/docs-calling-http-post-json) with its exact bytes', async () => {
    const res = await server.send(rawRequest('http', 'docs-calling-http-post-json'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const seen = res.json<Record<string, unknown>>()
    expect(seen.method).toBe('POST')
    expect(seen.path).toBe('/FUNCTION_NAME')
    expect(seen.contentType).toBe('application/json')
    expect(Buffer.from(seen.body as string, 'base64').toString()).toBe('{"name":"Keyboard Cat"}')
    expect(seen.provider).toBe('gcp')
  })

  // FF parses each of these content types differently; rawBody keeps the bytes whatever ran.
  it.each([
    ['application/json', Buffer.from('{ "a" :  1,\n "b": [ ] }')],
    ['text/plain', Buffer.from('line one\r\nline two  ')],
    ['application/x-www-form-urlencoded', Buffer.from('a=1&a=2&b=%20x+y')],
    ['application/octet-stream', Buffer.from([0, 1, 2, 254, 255, 0x80, 0x0d, 0x0a])],
    ['application/cloudevents+json', Buffer.from('{"specversion" : "1.0"}')],
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ])('keeps the exact request bytes for %s', async (type, bytes) => {
    const res = await server.send(httpRequest({ method: 'PUT', headers: { 'content-type': type }, body: bytes }))
    expect(Buffer.from(res.json<{ body: string }>().body, 'base64')).toEqual(bytes)
  })

  it("req.json() is the framework's parse of a JSON body (a BOM included), while the bytes stay exact", async () => {
    const both = await serve(
      http(async (req) =>
        json({ json: await req.json(), text: await req.text(), bytes: (await req.bytes()).byteLength }),
      ),
    )
    try {
      for (const type of ['application/json; charset=utf-8', 'application/cloudevents+json']) {
        const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":[1,{"b":"\u2713"}]}')])
        const res = await both.send(httpRequest({ method: 'POST', headers: { 'content-type': type }, body }))
        expect(res.status).toBe(200)
        expect(res.json()).toEqual({
          json: { a: [1, { b: '✓' }] },
          text: '\ufeff{"a":[1,{"b":"\u2713"}]}',
          bytes: body.byteLength,
        })
      }
      // A form is parsed into an object too, but it is not JSON: req.json() parses the bytes (and says they are not JSON).
      const form = await both.send(
        httpRequest({
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: Buffer.from('a=1'),
        }),
      )
      expect(form.status).toBe(400)
      expect(form.json<{ title: string }>().title).toBe('Malformed JSON')
    } finally {
      await both.close()
    }
  })

  it('keeps repeated header lines, even those Node collapses in req.headers', async () => {
    const res = await server.send(
      httpRequest({ headers: { 'user-agent': ['first', 'second'], 'x-multi': ['a', 'b,c'] } }),
    )
    const seen = res.json<{ userAgents: string[]; userAgent: string; hasMulti: boolean; multi: string[] }>()
    expect(seen.userAgents).toEqual(['first', 'second'])
    expect(seen.userAgent).toBe('first, second') // Fetch semantics; Node's req.headers keeps only 'first'
    expect(seen.hasMulti).toBe(true)
    expect(seen.multi).toEqual(['a', 'b,c'])
  })

  it('keeps repeated and encoded query keys and the raw path', async () => {
    const res = await server.send(httpRequest({ path: '/orders/a%20b?id=1&id=2&q=a+b&e=%E2%9C%93&empty=' }))
    const seen = res.json<{ path: string; query: [string, string][] }>()
    expect(seen.path).toBe('/orders/a%20b')
    expect(seen.query).toEqual([
      ['id', '1'],
      ['id', '2'],
      ['q', 'a b'],
      ['e', '✓'],
      ['empty', ''],
    ])
  })

  it('reads cookies from every Cookie line', async () => {
    const res = await server.send(httpRequest({ headers: { cookie: ['a=1; b=hello%20world', 'c="quoted"'] } }))
    expect(res.json<{ cookies: unknown }>().cookies).toEqual({ a: '1', b: 'hello world', c: 'quoted' })
  })

  it('takes the client ip from X-Forwarded-For (the framework trusts the proxy)', async () => {
    const behind = await server.send(httpRequest({ headers: { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' } }))
    expect(behind.json<{ ip: string }>().ip).toBe('203.0.113.7')
    const direct = await server.send(httpRequest())
    expect(direct.json<{ ip: string }>().ip).toBe('127.0.0.1')
  })
})

describe('HTTP responses through the Functions Framework', () => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
  const fn = http(async (req) => {
    switch (req.path) {
      case '/text':
        return text('héllo', {
          status: 201,
          headers: { 'x-one': '1', 'x-many': ['a', 'b'] },
          cookies: ['a=1; Path=/', { name: 'b', value: 'x y', httpOnly: true, sameSite: 'Lax' }, 'c=3; Secure'],
        })
      case '/binary':
        return binary(bytes, 'image/png')
      case '/object':
        return { status: 202, body: { ok: true, list: [1, 2] } }
      case '/web':
        return new Response('from a Response', { status: 203, headers: { 'x-web': 'yes', 'set-cookie': 'w=1' } })
      case '/redirect':
        return redirect('https://example.com/next', 307)
      case '/empty':
        return undefined
      default:
        throw notFound(`No route ${req.path}`)
    }
  })
  let server: TestServer
  beforeAll(async () => {
    server = await serve(fn)
  })
  afterAll(() => server.close())

  it('sends status, headers, several Set-Cookie lines and a text body', async () => {
    const res = await server.send(httpRequest({ path: '/text' }))
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(res.headers.get('x-one')).toBe('1')
    const many = res.rawHeaders.filter((_, i, raw) => i % 2 === 1 && raw[i - 1]?.toLowerCase() === 'x-many')
    expect(many).toEqual(['a', 'b'])
    // one line per cookie, never comma-joined
    expect(res.cookies).toEqual(['a=1; Path=/', 'b=x%20y; HttpOnly; SameSite=Lax', 'c=3; Secure'])
    expect(res.text()).toBe('héllo')
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength('héllo')))
  })

  it('sends binary bodies byte for byte', async () => {
    const res = await server.send(httpRequest({ path: '/binary' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.body).toEqual(Buffer.from(bytes))
  })

  it('sends JSON for a plain-object body', async () => {
    const res = await server.send(httpRequest({ path: '/object' }))
    expect(res.status).toBe(202)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.json()).toEqual({ ok: true, list: [1, 2] })
  })

  it('sends a Web Response (status, headers, cookie, body)', async () => {
    const res = await server.send(httpRequest({ path: '/web' }))
    expect(res.status).toBe(203)
    expect(res.headers.get('x-web')).toBe('yes')
    expect(res.cookies).toEqual(['w=1'])
    expect(res.text()).toBe('from a Response')
  })

  it('sends redirects, 204 for no result, and problem+json for HttpErrors', async () => {
    const moved = await server.send(httpRequest({ path: '/redirect' }))
    expect([moved.status, moved.headers.get('location')]).toEqual([307, 'https://example.com/next'])
    const empty = await server.send(httpRequest({ path: '/empty' }))
    expect([empty.status, empty.body.length]).toEqual([204, 0])
    const missing = await server.send(httpRequest({ path: '/nope' }))
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
    expect(missing.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No route /nope' })
  })

  it('answers HEAD without a body', async () => {
    const res = await server.send(httpRequest({ method: 'HEAD', path: '/text' }))
    expect(res.status).toBe(201)
    expect(res.body.length).toBe(0)
  })
})

describe('HTTP errors and bad input', () => {
  const fn = http({
    query: z.object({ n: z.coerce.number().int() }),
    maxBodyBytes: 16,
    handler: async (req) => {
      if (req.query.get('crash')) throw new Error('db password is hunter2')
      if (req.method === 'POST') return json(await req.json())
      return json({ n: req.valid.query.n })
    },
  })
  let server: TestServer
  beforeAll(async () => {
    server = await serve(fn)
  })
  afterAll(() => server.close())

  it('answers a crash with a generic 500: no message, no stack; the stack and request id go to the log', async () => {
    const logs = captureLogs()
    try {
      const res = await server.send(
        httpRequest({ path: '/?n=1&crash=1', headers: { 'function-execution-id': 'exec-crash' } }),
      )
      expect(res.status).toBe(500)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
      expect(res.text()).not.toContain('hunter2')
      expect(res.headers.get('x-google-status')).toBeNull() // faasade answered, not the framework's crash path
      const line = logs.lines.find((l) => l.requestId === 'exec-crash')
      expect(line?.severity).toBe('ERROR')
      expect(line?.error.message).toBe('db password is hunter2')
      expect(line?.stack_trace).toContain('http.test.ts')
    } finally {
      logs.restore()
    }
  })

  it('answers a validation failure with 400 listing each issue path', async () => {
    const res = await server.send(httpRequest({ path: '/?n=abc' }))
    expect(res.status).toBe(400)
    const problem = res.json<{ title: string; issues: { path: string }[] }>()
    expect(problem.title).toBe('Validation failed')
    expect(problem.issues.map((i) => i.path)).toEqual(['query.n'])
  })

  it('answers malformed JSON with 400 naming the problem', async () => {
    const res = await server.send(
      httpRequest({ path: '/?n=1', headers: { 'content-type': 'text/plain' }, body: '{"a":' }),
    )
    expect(res.status).toBe(400)
    expect(res.json<{ title: string }>().title).toBe('Malformed JSON')
  })

  it('answers 413 for a body over maxBodyBytes before the handler runs', async () => {
    const res = await server.send(httpRequest({ path: '/?n=1', body: { text: 'far more than sixteen bytes' } }))
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('invoke functions over HTTP (POST JSON)', () => {
  const add = invoke({
    input: z.object({ a: z.number(), b: z.number() }),
    handler: async ({ a, b }) => ({ sum: a + b }),
  })
  let server: TestServer
  beforeAll(async () => {
    server = await serve(add)
  })
  afterAll(() => server.close())

  it('returns the JSON result', async () => {
    const res = await server.send(httpRequest({ body: { a: 2, b: 3 } }))
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ sum: 5 })
  })

  it('answers invalid input with 400', async () => {
    const res = await server.send(httpRequest({ body: { a: 'two' } }))
    expect(res.status).toBe(400)
    expect(
      res
        .json<{ issues: { path: string }[] }>()
        .issues.map((i) => i.path)
        .sort(),
    ).toEqual(['input.a', 'input.b'])
  })
})

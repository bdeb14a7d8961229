import { http, json, messages, text } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/fixtures.js'
import { azureFunction, handle } from '../index.js'
import { type LogEntry, azureHttp, invocationContext } from '../testing.js'
import { clientIp } from './request.js'

const ctx = (logs?: LogEntry[]) => invocationContext({ trigger: 'httpTrigger', functionName: 'api', logs })

describe('HTTP request from the library HttpRequest', () => {
  it('reads headers case-insensitively, repeated query keys, route params, cookies and the body once', async () => {
    let seen: unknown
    const fn = http(async (req) => {
      const first = await req.text()
      const again = await req.json()
      seen = {
        contentType: req.headers.get('CONTENT-TYPE'),
        q: req.query.getAll('q'),
        one: req.query.get('one'),
        params: req.params,
        cookies: req.cookies,
        first,
        again,
        native: req.native === request,
      }
      return text('ok')
    })
    const request = azureHttp({
      method: 'POST',
      url: 'http://localhost:7071/api/orders/7?q=a&q=b&one=1',
      headers: { 'Content-Type': 'application/json', Cookie: 'sid=xyz; theme=dark%20blue' },
      body: { n: 1 },
      params: { id: '7' },
    })
    const res = await handle(fn)(request, ctx())
    expect(res.status).toBe(200)
    expect(seen).toEqual({
      contentType: 'application/json',
      q: ['a', 'b'],
      one: '1',
      params: { id: '7' },
      cookies: { sid: 'xyz', theme: 'dark blue' },
      first: '{"n":1}',
      again: { n: 1 },
      native: true,
    })
  })

  it('the raw request fixture (POST JSON to 127.0.0.1) parses as JSON', async () => {
    const raw = fixture('http', 'docs-custom-handler-raw-request')
    const fn = http(async (req) => json({ got: await req.json(), host: req.url }))
    const res = await handle(fn)(azureHttp(raw), ctx())
    expect(JSON.parse(res.body as string)).toEqual({
      got: { id: 1005, quantity: 2, color: 'black' },
      host: 'http://127.0.0.1:7071/api/order',
    })
  })

  it('the library-init fixture: query from the host map when the URL carries none, params, body string', async () => {
    const init = fixture('http', 'library-rpc-http-init')
    const request = new (await import('@azure/functions')).HttpRequest(init)
    const fn = http(async (req) =>
      json({ e: req.query.get('e'), c: req.params.c, a: req.headers.get('a'), body: await req.text() }),
    )
    const res = await handle(fn)(request, ctx())
    expect(JSON.parse(res.body as string)).toEqual({ e: 'f', c: 'd', a: 'b', body: 'body1' })
  })

  it('multipart form bodies survive for Fetch-style parsing (toRequest().formData())', async () => {
    const raw = fixture('http', 'library-multipart-form-request')
    const fn = http(async (req) => {
      const form = await req.toRequest().formData()
      return json({ name: form.get('name'), greeting: form.get('greeting') })
    })
    const res = await handle(fn)(azureHttp(raw), ctx())
    expect(JSON.parse(res.body as string)).toEqual({ name: 'Azure Functions', greeting: 'Hello' })
  })

  it('the signed-in user stays on the native request (x-ms-client-principal)', async () => {
    const principal = Buffer.from(
      JSON.stringify({ identityProvider: 'github', userId: 'u1', userDetails: 'ada', userRoles: ['anonymous'] }),
    ).toString('base64')
    let user: unknown
    const fn = http(async (req) => {
      user = (req.native as { user: unknown }).user
      return undefined
    })
    const res = await handle(fn)(azureHttp({ path: '/me', headers: { 'x-ms-client-principal': principal } }), ctx())
    expect(res.status).toBe(204)
    expect(user).toMatchObject({ type: 'StaticWebApps', id: 'u1', username: 'ada', identityProvider: 'github' })
  })

  it.each([
    ['203.0.113.7:51234', '203.0.113.7'],
    ['203.0.113.7:51234, 10.0.0.1', '203.0.113.7'],
    ['203.0.113.7', '203.0.113.7'],
    ['[2001:db8::1]:51234', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
  ])('client ip from X-Forwarded-For %s → %s', (header, ip) => {
    expect(clientIp(new Headers({ 'x-forwarded-for': header }))).toBe(ip)
  })

  it('a body larger than maxBodyBytes is a 413 problem before the handler runs', async () => {
    let ran = false
    const fn = http({
      maxBodyBytes: 4,
      handler: async () => {
        ran = true
        return text('no')
      },
    })
    const res = await handle(fn)(
      azureHttp({ method: 'POST', path: '/up', body: 'more than four', headers: { 'content-length': '14' } }),
      ctx(),
    )
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body as string)).toMatchObject({ status: 413, title: 'Content Too Large' })
    expect(ran).toBe(false)
  })
})

describe('HTTP response as HttpResponseInit', () => {
  it('repeated headers become pairs; Set-Cookie lines become cookie objects', async () => {
    const fn = http(async () => ({
      status: 202,
      headers: {
        vary: ['accept', 'origin'],
        'x-one': '1',
        'set-cookie': 'a=1; Secure; Domain=example.com; Expires=Wed, 21 Oct 2037 07:28:00 GMT',
      },
      cookies: [{ name: 'b', value: 'x y', sameSite: 'Strict', httpOnly: true, path: '/p' }],
      body: 'done',
    }))
    const res = await handle(fn)(azureHttp({ path: '/' }), ctx())
    expect(res.status).toBe(202)
    expect(res.headers).toEqual([
      ['vary', 'accept'],
      ['vary', 'origin'],
      ['x-one', '1'],
      ['content-type', 'text/plain; charset=utf-8'],
    ])
    expect(res.cookies).toEqual([
      { name: 'a', value: '1', secure: true, domain: 'example.com', expires: new Date('2037-10-21T07:28:00Z') },
      { name: 'b', value: 'x y', sameSite: 'Strict', httpOnly: true, path: '/p' },
    ])
    expect(res.body).toBe('done')
  })

  it('single-valued headers are passed as a record, bytes as bytes', async () => {
    const fn = http(async () => ({
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([1, 2, 3]),
    }))
    const res = await handle(fn)(azureHttp({ path: '/' }), ctx())
    expect(res.headers).toEqual({ 'content-type': 'application/octet-stream' })
    expect(res.body).toEqual(new Uint8Array([1, 2, 3]))
    expect(res.cookies).toBeUndefined()
  })

  it('a streamed body is buffered unless streaming is on, and passed through when it is', async () => {
    const chunks = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('a'))
          c.enqueue(new TextEncoder().encode('b'))
          c.close()
        },
      })
    const fn = http(async () => ({ headers: { 'content-type': 'text/plain' }, body: chunks() }))
    const buffered = await handle(fn)(azureHttp({ path: '/' }), ctx())
    expect(buffered.body).toBe('ab')
    const streamed = await handle(fn, { stream: true })(azureHttp({ path: '/' }), ctx())
    expect(streamed.body).toBeInstanceOf(ReadableStream)
    expect(await new Response(streamed.body as ReadableStream).text()).toBe('ab')
  })
})

describe('HTTP errors never throw to the host', () => {
  it('a thrown error is a generic 500 problem; the stack goes to context.error only', async () => {
    const logs: LogEntry[] = []
    const fn = http(async () => {
      throw new Error('secret detail')
    })
    const res = await azureFunction(fn)(azureHttp({ path: '/' }), ctx(logs))
    expect(res.status).toBe(500)
    expect(res.body).not.toContain('secret')
    expect(logs).toHaveLength(1)
    expect(logs[0]?.level).toBe('error')
    expect(logs[0]?.message).toMatch(
      /^Unhandled error in handler \{"error":\{"name":"Error","message":"secret detail","stack":/,
    )
  })

  it('a messages function behind an HTTP trigger answers 500 and logs the kind mismatch', async () => {
    const logs: LogEntry[] = []
    const fn = messages(async () => {})
    const res = await handle(fn)(azureHttp({ path: '/' }), ctx(logs))
    expect(res?.status).toBe(500)
    expect(logs[0]?.message).toContain('this is a "messages" function but it received an Azure HTTP request')
  })

  it('an http function behind a queue trigger throws KindMismatchError (the message is retried, not acknowledged)', async () => {
    const fn = http(async () => text('x'))
    await expect(handle(fn)('payload', invocationContext({ trigger: 'queueTrigger' }))).rejects.toThrow(
      'this is a "http" function but it received an Azure Storage Queue message',
    )
  })
})

describe('wrapping', () => {
  it('handle() refuses something that is not a faasade function', () => {
    expect(() => handle({ kind: 'cron', handler: () => {} } as never)).toThrow(
      /handle\(\) needs a function made by http\(\).*got kind "cron"/,
    )
  })
})

describe('context', () => {
  it('requestId, functionName, provider, native; no deadline unless timeoutMs is given', async () => {
    const seen: unknown[] = []
    const fn = http(async (_req, c) => {
      seen.push({
        id: c.requestId,
        name: c.functionName,
        provider: c.provider,
        deadline: c.deadline,
        native: c.native === context,
      })
      return undefined
    })
    const context = invocationContext({ trigger: 'httpTrigger', invocationId: 'abc', functionName: 'f' })
    await handle(fn)(azureHttp({ path: '/' }), context)
    expect(seen[0]).toEqual({ id: 'abc', name: 'f', provider: 'azure', deadline: undefined, native: true })
    const before = Date.now()
    let deadline = 0
    const timed = http(async (_req, c) => {
      deadline = c.deadline ?? 0
      return undefined
    })
    await handle(timed, { timeoutMs: 60_000 })(azureHttp({ path: '/' }), context)
    expect(deadline).toBeGreaterThanOrEqual(before + 60_000)
    expect(deadline).toBeLessThanOrEqual(Date.now() + 60_000)
  })

  it('logs go through context.info/warn/debug/error as "message {json fields}"', async () => {
    const logs: LogEntry[] = []
    const fn = http(async (_req, c) => {
      c.log.info('plain')
      c.log.warn('careful', { orderId: 7 })
      c.log.error('bad', { code: 'E1' })
      return undefined
    })
    await handle(fn)(azureHttp({ path: '/' }), ctx(logs))
    expect(logs).toEqual([
      { level: 'information', message: 'plain' },
      { level: 'warning', message: 'careful {"orderId":7}' },
      { level: 'error', message: 'bad {"code":"E1"}' },
    ])
  })
})

describe('query sources', () => {
  it.each([
    [
      'repeated keys come from the URL',
      { url: 'http://h/api/x?tag=a&tag=b', query: { tag: 'a,b' } },
      { tag: ['a', 'b'] },
    ],
    [
      'one parameter: the same either way',
      { url: 'http://h/api/x?name=Ada', query: { name: 'Ada' } },
      { name: ['Ada'] },
    ],
    ['no query in the URL: the host map', { url: 'http://h/api/x', query: { e: 'f' } }, { e: ['f'] }],
    ['an empty host map with a URL query: the URL', { url: 'http://h/api/x?name=Ada', query: {} }, { name: ['Ada'] }],
  ])('%s', async (_name, init, expected) => {
    const { HttpRequest } = await import('@azure/functions')
    let got: Record<string, string[]> = {}
    const fn = http(async (req) => {
      got = Object.fromEntries([...new Set(req.query.keys())].map((k) => [k, req.query.getAll(k)]))
      return undefined
    })
    await handle(fn)(new HttpRequest({ method: 'GET', ...init }), ctx())
    expect(got).toEqual(expected)
  })
})

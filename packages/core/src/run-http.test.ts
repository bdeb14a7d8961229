import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createContext } from './context.js'
import { http, invoke } from './define.js'
import { HttpError, notFound } from './errors.js'
import type { LogRecord } from './log.js'
import { createRequest } from './request.js'
import { json } from './response.js'
import { overHttp, runHttp } from './run-http.js'

function setup(init: Partial<Parameters<typeof createRequest>[0]> = {}) {
  const logs: LogRecord[] = []
  const ctx = createContext({
    provider: 'local',
    requestId: 'req-1',
    functionName: 'fn',
    sink: (r) => logs.push(r),
    native: null,
  })
  const req = createRequest({
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/json' },
    native: null,
    ...init,
  })
  return { ctx, req, logs }
}

const create = http({
  body: z.object({ name: z.string().min(1), qty: z.number().int().positive() }),
  query: z.object({ dry: z.enum(['yes', 'no']).optional() }),
  params: z.object({ id: z.coerce.number() }),
  handler: async (req) =>
    json({ id: req.params.id, name: req.body.name, dry: req.valid.query.dry ?? 'no' }, { status: 201 }),
})

describe('runHttp', () => {
  it('validates body, query and params and hands typed values to the handler', async () => {
    const { ctx, req } = setup({ body: '{"name":"ada","qty":2}', query: 'dry=yes', params: { id: '7' } })
    const res = await runHttp(create, req, ctx)
    expect(res.status).toBe(201)
    expect(JSON.parse(res.body as string)).toEqual({ id: 7, name: 'ada', dry: 'yes' })
  })

  it('answers a validation failure with 400 problem+json listing every issue path', async () => {
    const { ctx, req } = setup({ body: '{"name":"","qty":-1}', query: 'dry=maybe', params: { id: 'x' } })
    const res = await runHttp(create, req, ctx)
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toBe('application/problem+json')
    const problem = JSON.parse(res.body as string)
    expect(problem).toMatchObject({ status: 400, title: 'Validation failed' })
    expect(problem.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.name',
      'body.qty',
      'params.id',
      'query.dry',
    ])
  })

  it('answers malformed JSON with a 400 that names the problem', async () => {
    const { ctx, req } = setup({ body: '{"name":', params: { id: '1' } })
    const res = await runHttp(create, req, ctx)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body as string)).toMatchObject({
      title: 'Malformed JSON',
      detail: expect.stringMatching(/not valid JSON/),
    })
  })

  it('answers invalid base64 with 400', async () => {
    const fn = http(async (req) => json(await req.json()))
    const { ctx, req } = setup({ body: { base64: '!!!not base64' } })
    const res = await runHttp(fn, req, ctx)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body as string).title).toBe('Invalid base64')
  })

  it('turns an HttpError into its status with problem details and headers', async () => {
    const fn = http(() => {
      throw new HttpError(429, 'Slow down', { headers: { 'Retry-After': '3' }, extensions: { limit: 10 } })
    })
    const { ctx, req } = setup()
    const res = await runHttp(fn, req, ctx)
    expect(res).toMatchObject({
      status: 429,
      headers: { 'retry-after': '3', 'content-type': 'application/problem+json' },
    })
    expect(JSON.parse(res.body as string)).toEqual({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: 'Slow down',
      limit: 10,
    })
    expect(
      JSON.parse(
        (
          await runHttp(
            http(() => {
              throw notFound()
            }),
            setup().req,
            ctx,
          )
        ).body as string,
      ).status,
    ).toBe(404)
  })

  it('hides an unexpected error behind a generic 500 and logs its stack with the request id', async () => {
    const fn = http(() => {
      throw new Error('secret database password in message')
    })
    const { ctx, req, logs } = setup()
    const res = await runHttp(fn, req, ctx)
    expect(res.status).toBe(500)
    expect(res.body).toBe('{"type":"about:blank","title":"Internal Server Error","status":500}')
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ level: 'error', requestId: 'req-1' })
    expect((logs[0]?.fields.error as { stack: string }).stack).toMatch(/secret database password/)
  })

  it('refuses a body over the limit with 413 before the handler runs', async () => {
    let ran = false
    const fn = http({
      maxBodyBytes: 4,
      handler: () => {
        ran = true
      },
    })
    const { ctx, req } = setup({ body: 'too long' })
    expect((await runHttp(fn, req, ctx)).status).toBe(413)
    expect(ran).toBe(false)
  })

  it('trusts content-length for bodies it cannot size', async () => {
    const fn = http({ maxBodyBytes: 4, handler: () => undefined })
    const { ctx, req } = setup({
      headers: { 'content-length': '5000' },
      body: { read: async () => new Uint8Array(5000) },
    })
    expect((await runHttp(fn, req, ctx)).status).toBe(413)
  })

  it('serves an invoke function over HTTP POST JSON through overHttp, and an http function as it is', async () => {
    const plain = http(() => json({ ok: true }))
    expect(overHttp(plain)).toBe(plain)
    const fn = overHttp(
      invoke({ input: z.object({ n: z.number() }).optional(), handler: (input) => ({ doubled: (input?.n ?? 0) * 2 }) }),
    )
    const ok = await runHttp(fn, setup({ body: '{"n":21}' }).req, setup().ctx)
    expect(ok.headers['content-type']).toBe('application/json')
    expect(JSON.parse(ok.body as string)).toEqual({ doubled: 42 })
    // An empty body is no payload, not malformed JSON.
    expect(JSON.parse((await runHttp(fn, setup({ body: '' }).req, setup().ctx)).body as string)).toEqual({ doubled: 0 })
    const bad = await runHttp(fn, setup({ body: '{"n":"x"}' }).req, setup().ctx)
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body as string).issues[0].path).toBe('input.n')
  })

  it('buffers a streamed response unless the adapter can stream', async () => {
    const fn = http(() => new Response('streamed', { headers: { 'content-type': 'text/plain' } }))
    expect((await runHttp(fn, setup().req, setup().ctx)).body).toBe('streamed')
    expect((await runHttp(fn, setup().req, setup().ctx, { stream: true })).body).toBeInstanceOf(ReadableStream)
    const big = await runHttp(
      http(() => ({
        body: (async function* () {
          yield 'x'.repeat(10)
        })(),
      })),
      setup().req,
      setup().ctx,
      { maxResponseBytes: 5 },
    )
    expect(big.status).toBe(500)
  })

  it('hands the response to `write` once, success or failure, and resolves to what it returns; only its own throw rejects', async () => {
    const seen: number[] = []
    const write = (parts: { status: number }) => {
      seen.push(parts.status)
      return { native: parts.status }
    }
    const ok = setup({ body: '{"name":"ada","qty":2}', params: { id: '7' } })
    await expect(runHttp(create, ok.req, ok.ctx, {}, write)).resolves.toEqual({ native: 201 })
    const boom = setup()
    const failing = http(() => {
      throw new Error('secret')
    })
    await expect(runHttp(failing, boom.req, boom.ctx, {}, write)).resolves.toEqual({ native: 500 })
    expect(seen).toEqual([201, 500])
    const again = setup({ body: '{"name":"ada","qty":2}', params: { id: '7' } })
    const broken = () => {
      throw new TypeError('writer bug')
    }
    await expect(runHttp(create, again.req, again.ctx, {}, broken)).rejects.toThrow('writer bug')
  })
})

import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { http, events, invoke, messages } from './define.js'
import type { CloudEvent } from './events.js'
import type { Message } from './message.js'
import { json } from './response.js'

describe('types follow from schemas', () => {
  it('http: body, params, query and headers are inferred', () => {
    http({
      body: z.object({ name: z.string() }),
      params: z.object({ id: z.coerce.number() }),
      query: z.object({ page: z.coerce.number().optional() }),
      headers: z.object({ 'x-tenant': z.string() }),
      handler: (req) => {
        expectTypeOf(req.body).toEqualTypeOf<{ name: string }>()
        expectTypeOf(req.params).toEqualTypeOf<{ id: number }>()
        expectTypeOf(req.valid.query).toEqualTypeOf<{ page?: number | undefined }>()
        expectTypeOf(req.valid.headers).toEqualTypeOf<{ 'x-tenant': string }>()
        return json({ ok: true })
      },
    })
  })

  it('http without schemas: no body, string params, URLSearchParams query', () => {
    http((req) => {
      expectTypeOf(req.body).toEqualTypeOf<undefined>()
      expectTypeOf(req.params).toEqualTypeOf<Record<string, string>>()
      expectTypeOf(req.query.getAll('a')).toEqualTypeOf<string[]>()
      expectTypeOf(req.headers.get('x')).toEqualTypeOf<string | null>()
    })
  })

  it('messages and events: data is the schema output', () => {
    messages({
      data: z.object({ sku: z.string(), qty: z.number() }),
      handler: (m) => {
        expectTypeOf(m).toEqualTypeOf<Message<{ sku: string; qty: number }>>()
      },
    })
    messages((m) => expectTypeOf(m.data).toEqualTypeOf<undefined>())
    events({
      data: z.object({ id: z.string() }),
      handler: (e) => expectTypeOf(e).toEqualTypeOf<CloudEvent<{ id: string }>>(),
    })
  })

  it('invoke: input and result types', () => {
    const fn = invoke({ input: z.object({ n: z.number() }), handler: ({ n }) => ({ doubled: n * 2 }) })
    expectTypeOf(fn.handler).parameter(0).toEqualTypeOf<{ n: number }>()
    expectTypeOf(fn.handler).returns.toEqualTypeOf<{ doubled: number } | Promise<{ doubled: number }>>()
  })

  it('rejects a handler that misuses a validated body', () => {
    http({
      body: z.object({ name: z.string() }),
      // @ts-expect-error name is a string, not a number
      handler: (req) => json(req.body.name.toFixed(1)),
    })
  })
})

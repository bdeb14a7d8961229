import { describe, expect, it } from 'vitest'
import { http, invoke, messages, objects, schedule, events } from './define.js'
import { json } from './response.js'
import { invokeLocal } from './testing.js'

describe('invokeLocal', () => {
  it('runs an http function with query, headers, cookies and a JSON body', async () => {
    const fn = http(async (req, ctx) =>
      json(
        {
          q: req.query.getAll('q'),
          h: req.headers.get('x-h'),
          c: req.cookies.s,
          b: await req.json(),
          via: ctx.provider,
        },
        { cookies: ['k=v'] },
      ),
    )
    const res = await invokeLocal(fn, {
      path: '/p?q=1',
      query: { q: '2' },
      headers: { 'X-H': 'h' },
      cookies: { s: 'a b' },
      body: { x: 1 },
    })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ q: ['1', '2'], h: 'h', c: 'a b', b: { x: 1 }, via: 'local' })
    expect(res.cookies).toEqual(['k=v'])
    expect(res.headers.get('content-type')).toBe('application/json')
  })

  it('reports failed messages by id', async () => {
    const fn = messages((m) => {
      if (m.json<{ ok: boolean }>().ok === false) throw new Error('no')
    })
    const out = await invokeLocal(fn, [
      { id: 'a', body: { ok: true } },
      { id: 'b', body: { ok: false } },
    ])
    expect(out.failed).toEqual(['b'])
    expect(out.logs[0]?.fields.messageId).toBe('b')
  })

  it('runs objects, schedule, events and invoke functions', async () => {
    const seen: string[] = []
    await invokeLocal(
      objects((e) => {
        seen.push(`${e.bucket}/${e.key}`)
      }),
      { bucket: 'b', key: 'k' },
    )
    await invokeLocal(
      schedule((e) => {
        seen.push(String(e.isPastDue))
      }),
    )
    await invokeLocal(
      events((e) => {
        seen.push(e.type)
      }),
      { type: 'order.created' },
    )
    expect(seen).toEqual(['b/k', 'false', 'order.created'])
    expect(
      await invokeLocal(
        invoke((x: unknown) => ({ echo: x })),
        5,
      ),
    ).toEqual({ echo: 5 })
    await expect(
      invokeLocal(
        objects(() => {
          throw new Error('retry me')
        }),
        { bucket: 'b', key: 'k' },
      ),
    ).rejects.toThrow('retry me')
  })
})

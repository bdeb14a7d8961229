import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createContext } from './context.js'
import { events, invoke, messages } from './define.js'
import { ValidationError } from './errors.js'
import type { LogRecord } from './log.js'
import { createMessage } from './message.js'
import { runBatch, runEvent, runInvoke, runMessage } from './run-event.js'

const ctx = (logs: LogRecord[] = []) =>
  createContext({ provider: 'local', requestId: 'r', functionName: 'f', sink: (r) => logs.push(r), native: null })
const msg = (id: string, body: string) => createMessage({ id, body, native: null })

describe('runBatch', () => {
  const seen: string[] = []
  const fn = messages({
    data: z.object({ n: z.number() }),
    handler: (m) => {
      seen.push(m.id)
      if (m.data.n < 0) throw new Error('negative')
    },
  })

  it('fails only the messages whose handler threw or whose data failed validation', async () => {
    seen.length = 0
    const logs: LogRecord[] = []
    const batch = [
      msg('a', '{"n":1}'),
      msg('b', '{"n":-1}'),
      msg('c', '{"n":"x"}'),
      msg('d', 'not json'),
      msg('e', '{"n":2}'),
    ]
    expect(await runBatch(fn, batch, ctx(logs))).toEqual({ failed: [1, 2, 3] })
    expect(seen).toEqual(['a', 'b', 'e'])
    expect(logs.map((l) => l.fields.messageId)).toEqual(['b', 'c', 'd'])
  })

  it('in ordered mode stops at the first failure and reports the rest unprocessed', async () => {
    seen.length = 0
    const batch = [msg('a', '{"n":1}'), msg('b', '{"n":-1}'), msg('c', '{"n":3}')]
    expect(await runBatch(fn, batch, ctx(), { ordered: true })).toEqual({ failed: [1, 2] })
    expect(seen).toEqual(['a', 'b'])
  })

  it('runs messages concurrently when asked, still reporting failures by index', async () => {
    let active = 0
    let peak = 0
    const slow = messages({
      concurrency: 3,
      handler: async (m) => {
        active++
        peak = Math.max(peak, active)
        await new Promise((r) => setTimeout(r, 5))
        active--
        if (m.id === 'x2') throw new Error('boom')
      },
    })
    const batch = Array.from({ length: 6 }, (_, i) => msg(`x${i}`, ''))
    expect(await runBatch(slow, batch, ctx())).toEqual({ failed: [2] })
    expect(peak).toBe(3)
  })
})

describe('runMessage, runEvent, runInvoke', () => {
  it('rethrows a failed single message so the platform retries it', async () => {
    const fn = messages(() => {
      throw new Error('nope')
    })
    await expect(runMessage(fn, msg('a', 'x'), ctx())).rejects.toThrow('nope')
  })

  it('validates CloudEvent data and rethrows invalid events', async () => {
    let got: unknown
    const fn = events({
      data: z.object({ id: z.string() }),
      handler: (e) => {
        got = e.data.id
      },
    })
    const base = {
      id: '1',
      source: 's',
      type: 't',
      subject: undefined,
      time: undefined,
      specversion: '1.0',
      extensions: {},
      native: null,
    }
    await runEvent(fn, { ...base, data: { id: 'x' } }, ctx())
    expect(got).toBe('x')
    await expect(runEvent(fn, { ...base, data: { id: 1 } }, ctx())).rejects.toBeInstanceOf(ValidationError)
  })

  it('checks invoke input and output schemas', async () => {
    const fn = invoke({
      input: z.object({ a: z.number() }),
      output: z.object({ b: z.number() }),
      handler: ({ a }) => ({ b: a }),
    })
    expect(await runInvoke(fn, { a: 1 }, ctx())).toEqual({ b: 1 })
    await expect(runInvoke(fn, { a: 'x' }, ctx())).rejects.toBeInstanceOf(ValidationError)
    const wrong = invoke({ output: z.object({ b: z.number() }), handler: () => ({ b: 'no' }) as never })
    await expect(runInvoke(wrong, {}, ctx())).rejects.toThrow(/output schema/)
  })
})

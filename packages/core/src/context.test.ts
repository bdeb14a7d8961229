import { describe, expect, it, vi } from 'vitest'
import { createContext, disposeContext } from './context.js'
import type { LogRecord } from './log.js'

describe('Context', () => {
  it('computes remaining time and aborts its signal shortly before the deadline', async () => {
    vi.useFakeTimers()
    try {
      const ctx = createContext({
        provider: 'aws',
        requestId: 'r',
        functionName: 'f',
        deadline: Date.now() + 2000,
        sink: () => {},
        native: null,
      })
      expect(ctx.remainingMs()).toBe(2000)
      const signal = ctx.signal
      vi.advanceTimersByTime(1700)
      expect(signal.aborted).toBe(false)
      vi.advanceTimersByTime(150)
      expect(signal.aborted).toBe(true)
      expect((signal.reason as DOMException).name).toBe('TimeoutError')
      disposeContext(ctx)
    } finally {
      vi.useRealTimers()
    }
  })

  it('follows an upstream signal and has no deadline when the platform gives none', () => {
    const upstream = new AbortController()
    const ctx = createContext({
      provider: 'gcp',
      requestId: 'r',
      functionName: 'f',
      sink: () => {},
      native: null,
      signal: upstream.signal,
    })
    expect(ctx.remainingMs()).toBe(Number.POSITIVE_INFINITY)
    upstream.abort(new Error('client went away'))
    expect(ctx.signal.aborted).toBe(true)
  })

  it('logs structured records carrying the request id, with errors expanded and child fields', () => {
    const logs: LogRecord[] = []
    const ctx = createContext({
      provider: 'local',
      requestId: 'req-9',
      functionName: 'fn',
      sink: (r) => logs.push(r),
      native: null,
    })
    ctx.log.child({ orderId: 'o1' }).warn('late', { error: new TypeError('bad') })
    ctx.log.debug('hidden below the default level')
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({
      level: 'warn',
      message: 'late',
      requestId: 'req-9',
      functionName: 'fn',
      fields: { orderId: 'o1', error: { name: 'TypeError', message: 'bad' } },
    })
  })

  it('reports a cold start once per process', () => {
    const make = () =>
      createContext({ provider: 'local', requestId: 'r', functionName: 'f', sink: () => {}, native: null })
    make()
    expect(make().coldStart).toBe(false)
  })
})

describe('Context.deadline given lazily', () => {
  it('asks the platform once, when first read', () => {
    let asked = 0
    const ctx = createContext({
      provider: 'aws',
      requestId: 'r',
      functionName: 'f',
      sink: () => {},
      native: null,
      deadline: () => (asked++, 12345),
    })
    expect(asked).toBe(0)
    expect(ctx.deadline).toBe(12345)
    expect(ctx.deadline).toBe(12345)
    expect(asked).toBe(1)
  })

  it('reads sink, log fields, signal and deadline only when the handler first asks (adapters pass dear getters)', () => {
    const reads: string[] = []
    const records: LogRecord[] = []
    const native = { id: 'n-1' }
    const init = {
      provider: 'gcp' as const,
      requestId: 'r',
      functionName: 'f',
      native,
      deadline: (n: typeof native) => (reads.push(`deadline:${n.id}`), 4_102_444_800_000),
      get sink() {
        reads.push('sink')
        return (r: LogRecord) => records.push(r)
      },
      get logFields() {
        reads.push('logFields')
        return (n: typeof native) => ({ nativeId: n.id })
      },
      get signal() {
        reads.push('signal')
        return undefined
      },
    }
    const ctx = createContext(init)
    expect(reads).toEqual([])
    ctx.log.info('hi')
    expect(reads).toEqual(['logFields', 'sink'])
    expect(records[0]?.fields).toEqual({ nativeId: 'n-1' })
    void ctx.signal
    expect(reads).toEqual(['logFields', 'sink', 'signal', 'deadline:n-1'])
    disposeContext(ctx)
  })
})

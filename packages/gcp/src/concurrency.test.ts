import { http, json } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../test/logs.js'
import { httpRequest, serve } from './testing.js'

// A gen2 instance serves up to 1,000 requests at once: no state may leak between invocations.
describe('1,000 concurrent requests through the framework on a loopback port', () => {
  it('every response and log line carries its own request data and id', { timeout: 60_000 }, async () => {
    let inFlight = 0
    let maxInFlight = 0
    const fn = http(async (req, ctx) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight)
      const { n } = await req.json<{ n: number }>()
      await new Promise((r) => setTimeout(r, (n * 7) % 13)) // interleave completions
      ctx.log.info('handled', { n })
      inFlight--
      return json({ n, requestId: ctx.requestId, query: req.query.get('n'), header: req.headers.get('x-n') })
    })
    const server = await serve(fn)
    const logs = captureLogs()
    let responses: { status: number; body: Record<string, unknown> }[]
    try {
      responses = await Promise.all(
        Array.from({ length: 1000 }, async (_, n) => {
          // even requests carry an execution id; odd ones get the framework's generated id
          const headers: Record<string, string> = { 'x-n': String(n) }
          if (n % 2 === 0) headers['function-execution-id'] = `exec-${n}`
          const res = await server.send(httpRequest({ path: `/?n=${n}`, headers, body: { n } }), { timeoutMs: 30_000 })
          return { status: res.status, body: res.json<Record<string, unknown>>() }
        }),
      )
    } finally {
      logs.restore()
      await server.close()
    }
    expect(maxInFlight).toBeGreaterThan(1)
    const ids = new Set<unknown>()
    responses.forEach(({ status, body }, n) => {
      expect(status).toBe(200)
      expect(body).toMatchObject({ n, query: String(n), header: String(n) })
      if (n % 2 === 0) expect(body.requestId).toBe(`exec-${n}`)
      ids.add(body.requestId)
    })
    expect(ids.size).toBe(1000)
    const handled = logs.lines.filter((l) => l.message === 'handled')
    expect(handled).toHaveLength(1000)
    for (const line of handled) expect(line.requestId).toBe(responses[line.n as number]?.body.requestId)
  })
})

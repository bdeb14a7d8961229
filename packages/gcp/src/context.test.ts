import http from 'node:http'
import { type Context, http as httpFn, json, messages } from '@faasade/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { captureLogs } from '../test/logs.js'
import { pickRequestId } from './context.js'
import {
  type NativeRequest,
  type TestServer,
  httpRequest,
  legacyPubsubEvent,
  pubsubCloudEvent,
  pubsubPush,
  schedulerJob,
  serve,
} from './testing.js'

const ENV = [
  'CLOUD_RUN_TIMEOUT_SECONDS',
  'FUNCTION_TARGET',
  'K_SERVICE',
  'GOOGLE_CLOUD_PROJECT',
  'GCLOUD_PROJECT',
] as const
let saved: Record<string, string | undefined> = {}
let servers: TestServer[] = []
beforeEach(() => {
  saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]))
  for (const k of ENV) delete process.env[k]
})
afterEach(async () => {
  for (const k of ENV)
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  await Promise.all(servers.map((s) => s.close()))
  servers = []
})
const track = (s: TestServer) => {
  servers.push(s)
  return s
}

const whoAmI = httpFn((_, ctx) =>
  json({ requestId: ctx.requestId, functionName: ctx.functionName, deadline: ctx.deadline }),
)

describe('requestId: Function-Execution-Id, else the event id, else the framework execution id, else the trace id', () => {
  it('HTTP: the Function-Execution-Id header (gen1 front end)', async () => {
    const server = track(await serve(whoAmI))
    const res = await server.send(httpRequest({ headers: { 'function-execution-id': 'exec-42' } }))
    expect(res.json()).toMatchObject({ requestId: 'exec-42' })
  })

  it("HTTP without it: the framework's generated execution id, distinct per request", async () => {
    const server = track(await serve(whoAmI))
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await server.send(httpRequest())).json<{ requestId: string }>().requestId),
    )
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{6,12}$/)
    expect(new Set(ids).size).toBe(3)
  })

  it.each<[string, 'cloudevent' | 'http' | 'event', NativeRequest, string]>([
    ['a CloudEvent: its id', 'cloudevent', pubsubCloudEvent({ data: 'x', messageId: 'ce-7' }), 'ce-7'],
    ['a gen1 event: its eventId', 'event', legacyPubsubEvent({ data: 'x', messageId: 'ev-8' }), 'ev-8'],
    ['a push: its messageId', 'http', pubsubPush({ data: 'x', messageId: 'push-9' }), 'push-9'],
    [
      'a push with Function-Execution-Id: the header',
      'http',
      {
        ...pubsubPush({ data: 'x', messageId: 'push-10' }),
        headers: { 'content-type': 'application/json', 'function-execution-id': 'exec-10' },
      },
      'exec-10',
    ],
  ])('%s', async (_, signature, request, expected) => {
    const ids: string[] = []
    const server = track(
      await serve(
        messages(async (_, ctx) => void ids.push(ctx.requestId)),
        { signature },
      ),
    )
    expect((await server.send(request)).status).toBe(204)
    expect(ids).toEqual([expected])
  })

  it('a Scheduler HTTP run (no event id): the framework execution id', async () => {
    const ids: string[] = []
    const { schedule } = await import('@faasade/core')
    const server = track(
      await serve(
        schedule(async (_, ctx) => void ids.push(ctx.requestId)),
        { signature: 'http' },
      ),
    )
    expect((await server.send(schedulerJob())).status).toBe(204)
    expect(ids[0]).toMatch(/^[0-9a-z]{6,12}$/)
  })

  it('outside the framework: the trace id, else a UUID', () => {
    expect(pickRequestId({ cloudTrace: '105445aa7843bc8bf206b12000100000/1;o=1' })).toBe(
      '105445aa7843bc8bf206b12000100000',
    )
    expect(pickRequestId({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' })).toBe(
      '0af7651916cd43dd8448eb211c80319c',
    )
    expect(pickRequestId({})).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('functionName and deadline come from the platform environment (read when the handler is built)', () => {
  it('registered name first, then FUNCTION_TARGET, then K_SERVICE, then "function"', async () => {
    process.env.FUNCTION_TARGET = 'target-fn'
    process.env.K_SERVICE = 'service-fn'
    const named = track(await serve(whoAmI, { name: 'registered-fn' }))
    expect((await named.send(httpRequest())).json()).toMatchObject({ functionName: 'registered-fn' })
    const { cloudFunction } = await import('./index.js')
    const results: string[] = []
    const probe = httpFn((_, ctx) => {
      results.push(ctx.functionName)
      return json({})
    })
    for (const env of ['both', 'service', 'none']) {
      if (env === 'service') delete process.env.FUNCTION_TARGET
      if (env === 'none') delete process.env.K_SERVICE
      const handler = cloudFunction(probe)
      // a bare Node server: the handler also runs outside the framework
      const server = http.createServer((req, res) => void handler(req as never, res as never))
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/`)
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
    expect(results).toEqual(['target-fn', 'service-fn', 'function'])
  })

  it('CLOUD_RUN_TIMEOUT_SECONDS gives a deadline of start + timeout', async () => {
    process.env.CLOUD_RUN_TIMEOUT_SECONDS = '30'
    const server = track(await serve(httpFn((_, ctx) => json({ left: ctx.remainingMs(), deadline: ctx.deadline }))))
    const before = Date.now()
    const { left, deadline } = (await server.send(httpRequest())).json<{ left: number; deadline: number }>()
    expect(left).toBeGreaterThan(0)
    expect(left).toBeLessThanOrEqual(30_000)
    expect(deadline).toBeGreaterThanOrEqual(before + 30_000 - 1000)
    expect(deadline).toBeLessThanOrEqual(Date.now() + 30_000)
  })

  it('no timeout configured: no deadline', async () => {
    const server = track(
      await serve(httpFn((_, ctx) => json({ deadline: ctx.deadline ?? null, left: String(ctx.remainingMs()) }))),
    )
    expect((await server.send(httpRequest())).json()).toEqual({ deadline: null, left: 'Infinity' })
  })
})

describe('ctx.signal follows the client and the framework timeout', () => {
  function waitForAbort(onStart: () => void) {
    let resolveReason!: (reason: unknown) => void
    const reason = new Promise<unknown>((r) => {
      resolveReason = r
    })
    const fn = httpFn(async (_, ctx: Context) => {
      onStart()
      await new Promise<void>((r) => ctx.signal.addEventListener('abort', () => r(), { once: true }))
      resolveReason(ctx.signal.reason)
      return json({ aborted: true })
    })
    return { fn, reason }
  }

  it('aborts when the client closes the connection', async () => {
    let started!: () => void
    const running = new Promise<void>((r) => {
      started = r
    })
    const { fn, reason } = waitForAbort(() => started())
    const server = track(await serve(fn))
    const req = http.get(server.url, { agent: false })
    req.on('error', () => {})
    await running
    req.destroy()
    const r = (await reason) as DOMException
    expect(r.name).toBe('AbortError')
    expect(r.message).toBe('The client closed the connection.')
  })

  it("aborts on the framework's timeout (req.abortController)", async () => {
    const { fn, reason } = waitForAbort(() => {})
    const server = track(await serve(fn, { timeoutSeconds: 1 }))
    const res = server.send(httpRequest(), { timeoutMs: 5000 }).catch(() => undefined)
    expect(await reason).toBe('timeout')
    await res
  })
})

describe('logs: GCP structured logging, one JSON line per record', () => {
  const logger = httpFn((_, ctx) => {
    ctx.log.info('order placed', { orderId: 7, message: 'not mine' })
    ctx.log.warn('stock low')
    return json({})
  })

  it('severity, message, time, ids, fields, and the trace from X-Cloud-Trace-Context', async () => {
    process.env.GOOGLE_CLOUD_PROJECT = 'my-project'
    const server = track(await serve(logger, { name: 'shop' }))
    const logs = captureLogs()
    try {
      await server.send(
        httpRequest({
          headers: {
            'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/123;o=1',
            'function-execution-id': 'e1',
          },
        }),
      )
    } finally {
      logs.restore()
    }
    expect(logs.lines).toHaveLength(2)
    const [info, warn] = logs.lines
    expect(info).toEqual({
      severity: 'INFO',
      message: 'order placed',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      requestId: 'e1',
      functionName: 'shop',
      'logging.googleapis.com/trace': 'projects/my-project/traces/105445aa7843bc8bf206b12000100000',
      'logging.googleapis.com/spanId': '000000000000007b',
      'logging.googleapis.com/trace_sampled': true,
      orderId: 7,
    })
    expect(warn).toMatchObject({ severity: 'WARNING', message: 'stock low', requestId: 'e1' })
  })

  it('the trace from traceparent when X-Cloud-Trace-Context is absent', async () => {
    process.env.GOOGLE_CLOUD_PROJECT = 'my-project'
    const server = track(await serve(logger))
    const logs = captureLogs()
    try {
      await server.send(
        httpRequest({ headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00' } }),
      )
    } finally {
      logs.restore()
    }
    expect(logs.lines[0]).toMatchObject({
      'logging.googleapis.com/trace': 'projects/my-project/traces/0af7651916cd43dd8448eb211c80319c',
      'logging.googleapis.com/spanId': 'b7ad6b7169203331',
      'logging.googleapis.com/trace_sampled': false,
    })
  })

  it('a CloudEvent: the trace from the traceparent the framework copied into the event', async () => {
    process.env.GOOGLE_CLOUD_PROJECT = 'my-project'
    const server = track(await serve(messages(async (_, ctx) => ctx.log.info('got it'))))
    const logs = captureLogs()
    try {
      const request = pubsubCloudEvent({ data: 'x' })
      request.headers.traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'
      await server.send(request)
    } finally {
      logs.restore()
    }
    expect(logs.lines[0]?.['logging.googleapis.com/trace']).toBe(
      'projects/my-project/traces/4bf92f3577b34da6a3ce929d0e0e4736',
    )
  })

  it('no trace field without a trace header, nor without a project', async () => {
    const server = track(await serve(logger))
    const logs = captureLogs()
    try {
      await server.send(httpRequest())
      await server.send(httpRequest({ headers: { 'x-cloud-trace-context': '105445aa7843bc8bf206b12000100000/1' } }))
    } finally {
      logs.restore()
    }
    expect(logs.lines).toHaveLength(4)
    for (const line of logs.lines)
      expect(Object.keys(line).some((k) => k.startsWith('logging.googleapis.com/'))).toBe(false)
  })
})

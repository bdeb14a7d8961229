import http from 'node:http'
import { http as httpFn, json } from '@faasade/core'
import { afterEach, describe, expect, it } from 'vitest'
import { cloudFunction } from '../index.js'

// Without the framework's body parsers there is no req.rawBody: the adapter reads the request stream itself.
describe('outside the Functions Framework (a bare node:http server)', () => {
  let server: http.Server | undefined
  afterEach(async () => {
    server?.closeAllConnections()
    await new Promise((r) => server?.close(r))
  })

  async function start(fn: Parameters<typeof cloudFunction>[0]): Promise<string> {
    const handler = cloudFunction(fn as never) as unknown as http.RequestListener
    server = http.createServer((req, res) => void handler(req, res))
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r))
    return `http://127.0.0.1:${(server?.address() as { port: number }).port}`
  }

  it('reads the unparsed body stream (chunked too)', async () => {
    const url = await start(
      httpFn(async (req) => json({ text: await req.text(), path: req.path, q: req.query.getAll('a') })),
    )
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('hello '))
        c.enqueue(new TextEncoder().encode('stream'))
        c.close()
      },
    })
    const res = await fetch(`${url}/x?a=1&a=2`, { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(await res.json()).toEqual({ text: 'hello stream', path: '/x', q: ['1', '2'] })
  })

  it('refuses an unparsed body over maxBodyBytes with 413 while reading it', async () => {
    const url = await start(httpFn({ maxBodyBytes: 8, handler: async (req) => json({ text: await req.text() }) }))
    const body = new ReadableStream({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode('0123456789'))
        c.close()
      },
    })
    const res = await fetch(url, { method: 'POST', body, duplex: 'half' } as RequestInit)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

import http from 'node:http'
import { http as httpFn } from '@faasade/core'
import { afterEach, describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/logs.js'
import { type TestServer, serve } from '../testing.js'

/** Opens a GET and reports each chunk as it arrives; bounded by a timeout. */
function get(url: string, onChunk: (chunk: string, res: http.IncomingMessage) => void = () => {}) {
  return new Promise<{ res: http.IncomingMessage; chunks: string[]; aborted: boolean }>((resolve, reject) => {
    const req = http.get(url, { agent: false }, (res) => {
      const chunks: string[] = []
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        chunks.push(c)
        onChunk(c, res)
      })
      res.on('end', () => resolve({ res, chunks, aborted: false }))
      res.on('error', () => resolve({ res, chunks, aborted: true }))
    })
    req.setTimeout(5000, () => req.destroy(new Error('timed out waiting for the stream')))
    req.on('error', reject)
  })
}

describe('streamed responses through the Functions Framework', () => {
  let server: TestServer | undefined
  afterEach(() => server?.close())

  it('sends the first chunk before the last one is produced, in order', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    server = await serve(
      httpFn(() => ({
        status: 200,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        cookies: ['s=1', 't=2'],
        body: (async function* () {
          yield 'first;'
          await gate // produced only once the client has the first chunk
          yield 'second;'
          yield 'third'
        })(),
      })),
    )
    const received: string[] = []
    const { res, chunks } = await get(server.url, (chunk) => {
      received.push(chunk)
      if (received.length === 1) release()
    })
    expect(received[0]).toBe('first;')
    expect(chunks.join('')).toBe('first;second;third')
    expect(res.headers['transfer-encoding']).toBe('chunked')
    expect(res.headers['content-length']).toBeUndefined()
    expect(res.headers['set-cookie']).toEqual(['s=1', 't=2'])
  })

  it('keeps the order of many chunks from a ReadableStream', async () => {
    server = await serve(
      httpFn(
        () =>
          new Response(
            new ReadableStream({
              async start(controller) {
                for (let i = 0; i < 200; i++) {
                  controller.enqueue(new TextEncoder().encode(`${i},`))
                  if (i % 20 === 0) await new Promise((r) => setImmediate(r))
                }
                controller.close()
              },
            }),
            { status: 206, headers: { 'content-type': 'text/csv' } },
          ),
      ),
    )
    const { res, chunks } = await get(server.url)
    expect(res.statusCode).toBe(206)
    expect(chunks.join('')).toBe(Array.from({ length: 200 }, (_, i) => `${i},`).join(''))
  })

  it('a stream failing before its first chunk becomes a clean 500 problem', async () => {
    const logs = captureLogs()
    try {
      server = await serve(
        httpFn(() => ({
          headers: { 'content-type': 'text/plain' },
          body: (async function* (): AsyncGenerator<string> {
            throw new Error('no data today')
          })(),
        })),
      )
      const { res, chunks } = await get(server.url)
      expect(res.statusCode).toBe(500)
      expect(res.headers['content-type']).toBe('application/problem+json')
      expect(JSON.parse(chunks.join(''))).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
      expect(
        logs.lines.some((l) => l.message === 'The response stream failed' && l.error.message === 'no data today'),
      ).toBe(true)
    } finally {
      logs.restore()
    }
  })

  it('a stream failing mid-way cuts the connection instead of ending as if complete', async () => {
    const logs = captureLogs()
    try {
      server = await serve(
        httpFn(() => ({
          headers: { 'content-type': 'text/plain' },
          body: (async function* () {
            yield 'partial'
            await new Promise((r) => setTimeout(r, 5))
            throw new Error('lost the upstream')
          })(),
        })),
      )
      const { chunks, aborted } = await get(server.url)
      expect(chunks.join('')).toBe('partial')
      expect(aborted).toBe(true)
      expect(logs.lines.some((l) => l.error?.message === 'lost the upstream' && l.severity === 'ERROR')).toBe(true)
    } finally {
      logs.restore()
    }
  })

  it('cancels the stream when the client goes away', async () => {
    let finished!: (reason: string) => void
    const cleanedUp = new Promise<string>((resolve) => {
      finished = resolve
    })
    server = await serve(
      httpFn(() => ({
        body: (async function* () {
          try {
            for (let i = 0; ; i++) {
              yield `tick ${i}\n`
              await new Promise((r) => setTimeout(r, 2))
            }
          } finally {
            finished('generator closed')
          }
        })(),
      })),
    )
    await new Promise<void>((resolve, reject) => {
      const req = http.get(server!.url, { agent: false }, (res) => {
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', () => {})
      req.setTimeout(5000, () => reject(new Error('no first chunk')))
    })
    expect(await cleanedUp).toBe('generator closed')
  })
})

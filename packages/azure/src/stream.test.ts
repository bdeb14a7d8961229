import { http } from '@faasade/core'
import { afterAll, describe, expect, it } from 'vitest'
import { enableStreaming, isStreamingEnabled, register } from './index.js'
import { createWorkerHarness } from './testing.js'

// Its own file: `app.setup({ enableHttpStream: true })` switches the whole library copy (this test process)
// to stream mode, where requests and responses travel over the library's HTTP proxy instead of gRPC.
const worker = createWorkerHarness()
enableStreaming()
afterAll(() => worker.dispose())

// The second chunk is produced only once the client has received the first: a buffered answer would never
// deliver chunk 0, and the producer records that it gave up waiting.
let firstChunkArrived: () => void = () => {}
const produced: string[] = []
const feed = http(async () => ({
  status: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-feed': '1' },
  cookies: [{ name: 'seen', value: 'yes', httpOnly: true }],
  body: (async function* () {
    produced.push('one')
    yield 'one,'
    const arrived = await Promise.race([
      new Promise<boolean>((resolve) => {
        firstChunkArrived = () => resolve(true)
      }),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
    ])
    produced.push(arrived ? 'two' : 'gave-up')
    yield 'two,'
    produced.push('three')
    yield 'three'
  })(),
}))
register('feed', feed, { route: 'feed' })

const broken = http(async () => {
  throw new Error('stream setup failed')
})
register('broken', broken)

describe('HTTP streaming (app.setup({ enableHttpStream: true }) through the library proxy)', () => {
  it('chunks arrive in order, and the first is sent before the last is produced', async () => {
    expect(isStreamingEnabled()).toBe(true)
    const arrivals: string[] = []
    const { result, response } = await worker.invokeStream(
      'feed',
      { url: 'http://localhost:7071/api/feed', headers: { accept: 'text/plain' } },
      {
        onChunk: (chunk, i) => {
          arrivals.push(`${i}:${Buffer.from(chunk).toString()}:${produced.join('|')}`)
          if (i === 0) firstChunkArrived()
        },
      },
    )
    expect(result.error).toBeUndefined()
    expect(response?.status).toBe(200)
    expect(response?.headers['x-feed']).toBe('1')
    expect(response?.headers['set-cookie']).toEqual(['seen=yes; HttpOnly'])
    expect(response?.text()).toBe('one,two,three')
    expect(produced).toEqual(['one', 'two', 'three'])
    // When chunk 0 arrived, "three" had not been produced yet.
    expect(arrivals[0]).toBe('0:one,:one')
  })

  it('an error still answers a 500 problem over the stream (the host would otherwise never answer)', async () => {
    const { result, response } = await worker.invokeStream('broken', { url: 'http://localhost:7071/api/broken' })
    expect(result.error).toBeUndefined()
    expect(response?.status).toBe(500)
    expect(response?.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(response?.text() ?? '')).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
    })
  })
})

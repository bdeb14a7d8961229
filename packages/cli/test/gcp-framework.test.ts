import { readFile, rm } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { type FrameworkProcess, prepareSource, startFramework } from './harness/framework.js'

// The built gcp/source folder served by the Functions Framework's own CLI (as Cloud Run functions starts it),
// loading index.js through package.json `main`, called over HTTP on 127.0.0.1.

const MODULE = fileURLToPath(new URL('./fixtures/app/functions.ts', import.meta.url))
let work: string
let source: string
const servers = new Map<string, FrameworkProcess>()

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'faasade-gcp-'))
  await build({ module: MODULE, target: 'gcp', out: join(work, 'out') })
  source = await prepareSource(join(work, 'out', 'gcp', 'source'))
  const targets = [
    ['hello', 'http'],
    ['echo', 'http'],
    ['consume', 'cloudevent'],
    ['consume_gen1', 'event'],
  ] as const
  await Promise.all(targets.map(async ([t, s]) => servers.set(t, await startFramework(source, t, s))))
}, 120_000)

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.stop()))
  await rm(work, { recursive: true, force: true })
  if (source) await rm(source, { recursive: true, force: true })
})

const url = (target: string) => (servers.get(target) as FrameworkProcess).url
const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('gcp/source served by the Functions Framework CLI', () => {
  it('is a prebuilt source folder: main, engines, an empty gcp-build and no build script', async () => {
    const pkg = JSON.parse(await readFile(join(source, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({
      main: 'index.js',
      type: 'module',
      engines: { node: '>=22' },
      scripts: { 'gcp-build': '' },
    })
    expect(pkg.scripts.build).toBeUndefined()
    expect(pkg.dependencies['@google-cloud/functions-framework']).toMatch(/^\^5\./)
    expect(await readFile(join(source, '.gcloudignore'), 'utf8')).toContain('node_modules/')
  })

  it('answers HTTP: repeated query keys, cookies in, several Set-Cookie lines and JSON out', async () => {
    const res = await fetch(`${url('hello')}/?name=Ada&tag=a&tag=b`, { headers: { cookie: 'session=s1' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.getSetCookie()).toEqual(['seen=1; Path=/; HttpOnly', 'theme=dark'])
    expect(await res.json()).toEqual({ hello: 'Ada', tags: ['a', 'b'], session: 's1', via: 'gcp' })
  })

  it('validates the body: 201 when valid, 400 problem+json listing the path when not', async () => {
    const ok = await fetch(url('echo'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    })
    expect([ok.status, await ok.json()]).toEqual([201, { echoed: 'hi' }])
    const bad = await fetch(url('echo'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":1}',
    })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    expect(JSON.stringify(await bad.json())).toContain('text')
  })

  it('takes a binary-mode Pub/Sub CloudEvent: 204 when handled, 500 + X-Google-Status error when the handler throws', async () => {
    const send = (n: number, id: string) =>
      fetch(url('consume'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'ce-id': id,
          'ce-specversion': '1.0',
          'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
          'ce-source': '//pubsub.googleapis.com/projects/demo-project/topics/numbers',
          'ce-time': '2026-11-24T10:00:00.000Z',
        },
        body: JSON.stringify({
          message: { data: b64(JSON.stringify({ n })), messageId: id, publishTime: '2026-11-24T10:00:00.000Z' },
          subscription: 'projects/demo-project/subscriptions/numbers-sub',
        }),
      })
    const ok = await send(7, 'ce-1')
    expect(ok.status).toBe(204)
    const failed = await send(-7, 'ce-2')
    expect(failed.status).toBe(500)
    expect(failed.headers.get('x-google-status')).toBe('error')
    const log = (servers.get('consume') as FrameworkProcess).output()
    const line = log.split('\n').find((l) => l.includes('"consumed"'))
    expect(JSON.parse(line as string)).toMatchObject({ severity: 'INFO', message: 'consumed', n: 7 })
  })

  it('takes a legacy Pub/Sub event through the gen1 background export (--signature-type=event)', async () => {
    const send = (n: number) =>
      fetch(url('consume_gen1'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          context: {
            eventId: `legacy-${n}`,
            timestamp: '2026-11-24T10:00:00.000Z',
            eventType: 'google.pubsub.topic.publish',
            resource: {
              service: 'pubsub.googleapis.com',
              name: 'projects/demo-project/topics/numbers',
              type: 'type.googleapis.com/google.pubsub.v1.PubsubMessage',
            },
          },
          data: {
            '@type': 'type.googleapis.com/google.pubsub.v1.PubsubMessage',
            attributes: { a: '1' },
            data: b64(JSON.stringify({ n })),
          },
        }),
      })
    expect((await send(3)).status).toBe(204)
    const failed = await send(-3)
    expect(failed.status).toBe(500)
    expect(failed.headers.get('x-google-status')).toBe('error')
  })
})

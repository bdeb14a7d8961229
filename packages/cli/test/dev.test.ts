import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { type DevServer, startDev } from '../src/dev/server.js'
import { type CliDev, startCliDev } from './harness/cli-process.js'

const MODULE = fileURLToPath(new URL('./fixtures/app/functions.ts', import.meta.url))
const servers: Array<DevServer | CliDev> = []
const scratch: string[] = []

afterAll(async () => {
  await Promise.all(servers.map((s) => ('close' in s ? s.close() : s.stop())))
  await Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true })))
})

async function dev(target: 'aws' | 'gcp' | 'azure', module = MODULE): Promise<DevServer> {
  const s = await startDev({ module, target, port: 0, watch: false, log: () => {} })
  servers.push(s)
  return s
}

describe('faasade dev', () => {
  it.each([
    ['aws', '/hello/Ada', 'aws', '/2015-03-31/functions/sum/invocations'],
    ['gcp', '/hello?name=Ada', 'gcp', '/sum'],
    ['azure', '/api/hello/Ada', 'azure', '/api/sum'],
  ] as const)(
    '%s: real HTTP in, the native shape through the adapter, real HTTP out',
    async (target, path, via, sumPath) => {
      const s = await startCliDev([MODULE, '--target', target, '--port', '0', '--no-watch'])
      servers.push(s)
      const sep = path.includes('?') ? '&' : '?'
      const res = await fetch(`${s.url}${path}${sep}tag=a&tag=b`, { headers: { cookie: 'session=s1' } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(res.headers.getSetCookie()).toEqual(['seen=1; Path=/; HttpOnly', 'theme=dark'])
      expect(await res.json()).toEqual({ hello: 'Ada', tags: ['a', 'b'], session: 's1', via })
      const bad = await fetch(`${s.url}${target === 'azure' ? '/api' : ''}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      expect(bad.status).toBe(400)
      expect(bad.headers.get('content-type')).toBe('application/problem+json')
      const sum = await fetch(`${s.url}${sumPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":2,"b":5}',
      })
      expect(await sum.json()).toEqual({ total: 7 })
    },
  )

  it('answers 404 and 405 as problems for what no function serves', async () => {
    const s = await dev('aws')
    expect((await fetch(`${s.url}/nothing`)).status).toBe(404)
    const wrong = await fetch(`${s.url}/hello/Ada`, { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(await wrong.json()).toMatchObject({ status: 405 })
    expect(s.routes).toContain('GET /hello/{name} → hello')
  })

  it('reloads when a source file changes', async () => {
    const dir = fileURLToPath(new URL(`./fixtures/tmp-reload-${process.pid}`, import.meta.url))
    scratch.push(dir)
    await mkdir(dir, { recursive: true })
    const file = join(dir, 'fn.ts')
    const source = (word: string) =>
      `import { http, text } from '@faasade/core'\nexport const word = http(async () => text('${word}'))\n`
    await writeFile(file, source('before'))
    const s = await startDev({ module: file, target: 'aws', port: 0, log: () => {} })
    servers.push(s)
    expect(await (await fetch(`${s.url}/word`)).text()).toBe('before')
    await writeFile(file, source('after'))
    await expect
      .poll(async () => (await fetch(`${s.url}/word`)).text(), { timeout: 15_000, interval: 100 })
      .toBe('after')
  })

  it('says so when the port is in use', async () => {
    const blocker = createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const { port } = blocker.address() as { port: number }
    try {
      await expect(startDev({ module: MODULE, target: 'aws', port, watch: false })).rejects.toThrow(
        `Port ${port} is already in use; pick another with --port.`,
      )
    } finally {
      blocker.close()
    }
  })

  it('says so when the module has nothing to serve', async () => {
    const none = fileURLToPath(new URL('./fixtures/bad/missing-deploy.ts', import.meta.url))
    await expect(startDev({ module: none, target: 'aws', port: 0 })).rejects.toThrow(
      /has no http or invoke function to serve/,
    )
    expect(await readFile(MODULE, 'utf8')).toContain('export const hello')
  })
})

import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type WorkerHarness, createWorkerHarness, rpcData, rpcHttp, rpcMetadata } from '@faasade/azure/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { readZip } from './harness/unzip.js'

// The built azure/app loaded the way the Azure Node worker loads it: @azure/functions-core answered by the
// stand-in, package.json `main` read, index.js imported against the app's own node_modules/@azure/functions,
// registrations captured and invoked through the library's own invocation model.

const MODULE = fileURLToPath(new URL('./fixtures/app/functions.ts', import.meta.url))
let work: string
let app: string
let worker: WorkerHarness

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'faasade-azure-'))
  await build({ module: MODULE, target: 'azure', out: join(work, 'out') })
  app = join(work, 'out', 'azure', 'app')
  worker = createWorkerHarness()
  await worker.loadApp(app)
}, 120_000)

afterAll(async () => {
  await worker?.dispose()
  await rm(work, { recursive: true, force: true })
})

const json = async (file: string) => JSON.parse(await readFile(file, 'utf8'))

describe('azure/app loaded as the worker loads it', () => {
  it('is a v4 app: host.json with the extension bundle, package.json main, @azure/functions installed, zip without local settings', async () => {
    expect(await json(join(app, 'host.json'))).toMatchObject({
      version: '2.0',
      extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
    })
    const pkg = await json(join(app, 'package.json'))
    expect(pkg).toMatchObject({ main: 'index.js', type: 'module' })
    const lib = await json(join(app, 'node_modules', '@azure', 'functions', 'package.json'))
    expect(pkg.dependencies['@azure/functions']).toBe(`^${lib.version}`)
    for (const dep of Object.keys(lib.dependencies))
      expect(existsSync(join(app, 'node_modules', dep, 'package.json'))).toBe(true)
    expect(await json(join(app, 'local.settings.json'))).toMatchObject({
      Values: { FUNCTIONS_WORKER_RUNTIME: 'node', AzureWebJobsStorage: 'UseDevelopmentStorage=true' },
    })
    const paths = readZip(await readFile(join(work, 'out', 'azure', 'app.zip'))).map((e) => e.path)
    expect(paths).toContain('index.js')
    expect(paths).toContain('host.json')
    expect(paths).toContain('node_modules/@azure/functions/package.json')
    expect(paths).not.toContain('local.settings.json')
  })

  it('registers every faasade export with the trigger its deploy settings name (and nothing else)', () => {
    expect([...worker.registrations.keys()].sort()).toEqual(['boom', 'consume', 'echo', 'hello', 'sum'])
    const trigger = (name: string) => worker.registrations.get(name)?.trigger
    expect(trigger('hello')).toMatchObject({
      type: 'httpTrigger',
      route: 'hello/{name}',
      methods: ['GET'],
      authLevel: 'anonymous',
    })
    expect(trigger('echo')).toMatchObject({
      type: 'httpTrigger',
      route: 'echo',
      methods: ['POST'],
      authLevel: 'function',
    })
    expect(trigger('sum')).toMatchObject({ type: 'httpTrigger', route: 'sum', methods: ['POST'] })
    expect(trigger('consume')).toMatchObject({
      type: 'queueTrigger',
      queueName: 'numbers',
      connection: 'AzureWebJobsStorage',
    })
  })

  it('answers HTTP through the library: route params, cookies both ways, JSON', async () => {
    const res = await worker.invoke('hello', {
      data: rpcHttp({
        url: 'http://localhost:7071/api/hello/Ada?tag=a&tag=b',
        headers: { cookie: 'session=s9' },
        params: { name: 'Ada' },
      }),
    })
    expect(res.error).toBeUndefined()
    expect(res.http?.status).toBe(200)
    expect(res.http?.json()).toEqual({ hello: 'Ada', tags: ['a', 'b'], session: 's9', via: 'azure' })
    expect(res.http?.cookies.map((c) => [c.name, c.value])).toEqual([
      ['seen', '1'],
      ['theme', 'dark'],
    ])
  })

  it('answers a crash with an explicit 500 problem (never a throw to the host) and an invoke over HTTP POST', async () => {
    const crash = await worker.invoke('boom', { data: rpcHttp({ url: 'http://localhost:7071/api/boom' }) })
    expect(crash.error).toBeUndefined()
    expect(crash.http?.status).toBe(500)
    expect(crash.http?.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
    const sum = await worker.invoke('sum', {
      data: rpcHttp({
        method: 'POST',
        url: 'http://localhost:7071/api/sum',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1,"b":2}',
      }),
    })
    expect(sum.http?.json()).toEqual({ total: 3 })
  })

  it('acknowledges a good queue message and retries a failing one until the poison queue', async () => {
    const meta = rpcMetadata({
      Id: 'q-1',
      DequeueCount: 1,
      InsertionTime: '2026-11-24T10:00:00+00:00',
      PopReceipt: 'p',
    })
    const ok = await worker.invoke('consume', { data: rpcData({ n: 5 }), triggerMetadata: meta })
    expect(ok.error).toBeUndefined()
    const bad = await worker.deliver('consume', { data: rpcData({ n: -5 }), triggerMetadata: meta })
    expect(bad.succeeded).toBe(false)
    expect(bad.attempts).toHaveLength(5)
    expect(bad.deadLettered).toBe('numbers-poison')
  })
})

import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { createWorkerHarness, queueMessage, rpcHttp } from '../testing.js'
import { expandMain, globToRegExp } from './load-app.js'

const pkgDir = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(import.meta.url)
const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** An app folder as the CLI builds it: the bundle with @azure/functions external, and its own node_modules copy. */
async function makeApp(format: 'cjs' | 'esm', main: string, outfile: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `faasade-azure-${format}-`))
  dirs.push(dir)
  const lib = realpathSync(join(pkgDir, 'node_modules/@azure/functions'))
  const deps = dirname(dirname(lib)) // the .pnpm folder holding the library's own dependencies
  for (const name of ['@azure/functions', '@azure/functions-extensions-base', 'cookie']) {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true })
    cpSync(realpathSync(join(deps, name)), join(dir, 'node_modules', name), { recursive: true, dereference: true })
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'app',
      main,
      ...(format === 'esm' ? { type: 'module' } : {}),
      dependencies: { '@azure/functions': '^4.16.0' },
    }),
  )
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0' }))
  await build({
    entryPoints: [join(pkgDir, 'test/apps/hello.ts')],
    outfile: join(dir, outfile),
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    conditions: ['source'],
    external: ['@azure/functions'],
    logLevel: 'silent',
  })
  return dir
}

describe('loadApp: an app folder loaded the way the Azure worker loads it', () => {
  it('CJS bundle behind a package.json main glob, using its own node_modules/@azure/functions', async () => {
    const dir = await makeApp('cjs', 'dist/functions/*.js', 'dist/functions/hello.js')
    const worker = createWorkerHarness()
    expect(await worker.loadApp(dir)).toEqual(['dist/functions/hello.js'])
    expect([...worker.registrations.keys()]).toEqual(['hello', 'orders'])
    expect(
      Object.keys(require.cache).some((f) => f.startsWith(realpathSync(dir)) && f.includes('@azure/functions')),
    ).toBe(true)
    expect(worker.registrations.get('hello')?.trigger).toMatchObject({
      type: 'httpTrigger',
      route: 'hello',
      methods: ['GET'],
    })
    expect(worker.registrations.get('orders')?.trigger).toMatchObject({
      type: 'queueTrigger',
      queueName: 'orders',
      connection: 'AzureWebJobsStorage',
    })

    const res = await worker.invoke('hello', { data: rpcHttp({ url: 'http://localhost:7071/api/hello?name=Ada' }) })
    expect(res.http?.status).toBe(200)
    expect(res.http?.json()).toEqual({ hello: 'Ada', via: 'azure' })

    const ok = await worker.invoke('orders', queueMessage({ body: '{"id":1}', id: 'o-1' }).rpc)
    expect(ok.error).toBeUndefined()
    expect(ok.logs).toContainEqual({ level: 'information', category: 'user', message: 'order received {"id":"o-1"}' })
    const poisoned = await worker.deliver('orders', queueMessage({ body: 'boom' }).rpc)
    expect(poisoned.deadLettered).toBe('orders-poison')
    await worker.dispose()

    // Loaded again (a dev server reloading), the app registers again with the new harness.
    const again = createWorkerHarness()
    await again.loadApp(dir)
    expect([...again.registrations.keys()]).toEqual(['hello', 'orders'])
    await again.dispose()
  })

  it('ESM bundle (package.json type module) through a native import()', async () => {
    const dir = await makeApp('esm', 'dist/index.js', 'dist/index.js')
    const worker = createWorkerHarness()
    await worker.loadApp(dir)
    const res = await worker.invoke('hello', { data: rpcHttp({ url: 'http://localhost:7071/api/hello' }) })
    expect(res.http?.json()).toEqual({ hello: 'world', via: 'azure' })
    await worker.dispose()
    const again = createWorkerHarness()
    await again.loadApp(dir)
    expect([...again.registrations.keys()]).toEqual(['hello', 'orders'])
    await again.dispose()
  })

  it('a main that matches nothing fails like the worker does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faasade-azure-empty-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: 'dist/*.js' }))
    await expect(createWorkerHarness().loadApp(dir)).rejects.toThrow('Found zero files matching the supplied pattern')
  })
})

describe('globs for package.json main', () => {
  it.each([
    ['dist/src/functions/*.js', 'dist/src/functions/a.js', true],
    ['dist/src/functions/*.js', 'dist/src/functions/sub/a.js', false],
    ['dist/**/*.js', 'dist/a.js', true],
    ['dist/**/*.js', 'dist/x/y/a.js', true],
    ['./index.js', 'index.js', true],
    ['dist/{a,b}.js', 'dist/b.js', true],
    ['dist/?.js', 'dist/ab.js', false],
  ])('%s matches %s: %s', (glob, file, matches) => {
    expect(globToRegExp(glob).test(file)).toBe(matches)
  })

  it('a plain path is taken as is when it exists', () => {
    expect(expandMain(pkgDir, 'package.json')).toEqual(['package.json'])
    expect(expandMain(pkgDir, 'nope.js')).toEqual([])
  })
})

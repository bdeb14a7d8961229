import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import net from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fixture, rawRequest } from '../test/fixtures.js'
import { type NativeRequest, httpRequest, legacyPubsubEvent, pubsubCloudEvent, pubsubPush } from './testing.js'

// The framework's own CLI (build/src/main.js, what `functions-framework` and the platform run) loading
// test/cli/functions.ts by `--source`, with tsx so the TypeScript sources load as they are.
const require = createRequire(import.meta.url)
const MAIN = path.join(path.dirname(require.resolve('@google-cloud/functions-framework/testing')), 'main.js')
const PACKAGE = new URL('..', import.meta.url).pathname

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

interface Cli {
  child: ChildProcess
  port: number
  output: () => string
  logs: () => Record<string, unknown>[]
}
let running: ChildProcess | undefined
afterEach(() => {
  if (running?.exitCode === null) running.kill('SIGKILL')
  running = undefined
})

async function start(target: string, signature: string, env: Record<string, string> = {}): Promise<Cli> {
  const port = await freePort()
  const args = ['--import', 'tsx', '--conditions=source', MAIN, `--target=${target}`, `--signature-type=${signature}`]
  args.push('--source=test/cli/functions.ts', `--port=${port}`)
  const child = spawn(process.execPath, args, {
    cwd: PACKAGE,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    timeout: 30_000,
  })
  running = child
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  child.stderr.on('data', (c) => (out += c))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the framework did not start:\n${out}`)), 20_000)
    child.stdout.on('data', () => {
      if (out.includes('URL: http')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', () => reject(new Error(`the framework exited:\n${out}`)))
  })
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
  return { child, port, output: () => out, logs }
}

async function send(cli: Cli, r: NativeRequest) {
  const headers = new Headers()
  for (const [k, v] of Object.entries(r.headers)) for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one)
  const res = await fetch(`http://127.0.0.1:${cli.port}${r.path}`, {
    method: r.method,
    headers,
    body: r.body as string | undefined,
    signal: AbortSignal.timeout(10_000),
  })
  return { status: res.status, text: await res.text(), headers: res.headers }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20))
}

describe('the Functions Framework CLI serving faasade exports (as deployed)', { timeout: 60_000 }, () => {
  it('gen1: an exported backgroundFunction with --signature-type=event takes both legacy shapes and push', async () => {
    const cli = await start('onMessage', 'event', { FUNCTION_TARGET: 'onMessage' })
    expect((await send(cli, httpRequest({ body: fixture('legacy-pubsub', 'conformance-context-data') }))).status).toBe(
      204,
    )
    expect((await send(cli, httpRequest({ body: fixture('legacy-pubsub', 'conformance-flat-legacy') }))).status).toBe(
      204,
    )
    expect((await send(cli, pubsubPush({ data: 'pushed', messageId: 'p1' }))).status).toBe(204)
    const failed = await send(cli, legacyPubsubEvent({ data: 'fail', messageId: 'f1' }))
    expect(failed.status).toBe(500)
    expect(failed.headers.get('x-google-status')).toBe('error')
    await until(() => cli.logs().length >= 4)
    const received = cli.logs().filter((l) => l.message === 'received')
    expect(received.map((l) => [l.id, l.text, l.functionName])).toEqual([
      ['aaaaaa-1111-bbbb-2222-cccccccccccc', 'test message 3', 'onMessage'],
      ['aaaaaa-1111-bbbb-2222-cccccccccccc', 'This is a sample message', 'onMessage'],
      ['p1', 'pushed', 'onMessage'],
      ['f1', 'fail', 'onMessage'],
    ])
  })

  it('gen2: an exported cloudFunction with --signature-type=cloudevent takes binary CloudEvents', async () => {
    const cli = await start('onEvent', 'cloudevent')
    expect((await send(cli, rawRequest('cloudevent-pubsub', 'conformance-binary-mode-request'))).status).toBe(204)
    expect((await send(cli, pubsubCloudEvent({ data: 'hi', messageId: 'c2', deliveryAttempt: 3 }))).status).toBe(204)
    await until(() => cli.logs().length >= 2)
    expect(cli.logs().map((l) => [l.id, l.text, l.attempt])).toEqual([
      ['aaaaaa-1111-bbbb-2222-cccccccccccc', 'test message 3', 1],
      ['c2', 'hi', 3],
    ])
  })

  it('a registered function overrides --signature-type (register wins, as on GCP)', async () => {
    const cli = await start('registered', 'http')
    expect(cli.output()).toContain('Signature type: cloudevent')
    expect((await send(cli, pubsubCloudEvent({ data: 'reg', messageId: 'r1' }))).status).toBe(204)
    await until(() => cli.logs().length >= 1)
    expect(cli.logs()[0]).toMatchObject({ id: 'r1', text: 'reg', functionName: 'registered' })
  })

  it('HTTP: the default signature; CLOUD_RUN_TIMEOUT_SECONDS sets the deadline', async () => {
    const cli = await start('hello', 'http', { CLOUD_RUN_TIMEOUT_SECONDS: '120', K_SERVICE: 'hello-svc' })
    const before = Date.now()
    const res = await send(cli, httpRequest({ query: { name: 'Ada' } }))
    expect(res.status).toBe(200)
    const body = JSON.parse(res.text) as { hello: string; functionName: string; deadline: number }
    expect(body).toMatchObject({ hello: 'Ada', functionName: 'hello-svc' })
    expect(body.deadline).toBeGreaterThan(before + 110_000)
    expect(body.deadline).toBeLessThanOrEqual(Date.now() + 120_000)
  })
})

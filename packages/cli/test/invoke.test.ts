import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './harness/cli-process.js'

// `faasade invoke` as a user runs it: one native event in, the native result printed, the exit code telling
// whether the platform would have seen a failure.

const MODULE = fileURLToPath(new URL('./fixtures/app/functions.ts', import.meta.url))
const event = (name: string) => fileURLToPath(new URL(`./fixtures/events/${name}`, import.meta.url))
const invoke = (fn: string, target: string, file: string) =>
  runCli(['invoke', MODULE, fn, '--target', target, '--event', event(file)])

describe('faasade invoke', () => {
  it('aws: prints the handler result for a direct invocation', async () => {
    const r = await invoke('sum', 'aws', 'sum.json')
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, { total: 3 }])
  })

  it('aws: prints the runtime error JSON and exits 1 when the function fails', async () => {
    const r = await invoke('sum', 'aws', 'sum-negative.json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ errorType: 'OrderError', errorMessage: 'negative: -1' })
  })

  it('aws: an SQS batch answers with batchItemFailures', async () => {
    const r = await invoke('consume', 'aws', 'aws-sqs.json')
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, { batchItemFailures: [{ itemIdentifier: 'm-2' }] }])
  })

  it('gcp: a structured Pub/Sub CloudEvent through the Functions Framework answers 204', async () => {
    const r = await invoke('consume', 'gcp', 'gcp-pubsub-cloudevent.json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 204 })
    expect(r.stdout + r.stderr).not.toContain('cannot take')
  })

  it('gcp: a failing legacy event answers 500 with X-Google-Status error and exits 1', async () => {
    const r = await invoke('consume', 'gcp', 'gcp-legacy-pubsub-negative.json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 500, headers: { 'x-google-status': 'error' } })
  })

  it('gcp and azure: an HTTP request prints status, headers and the JSON body', async () => {
    const gcp = JSON.parse((await invoke('hello', 'gcp', 'http-hello.json')).stdout)
    expect(gcp).toMatchObject({ status: 200, body: { tags: ['x'], session: 's7', via: 'gcp' } })
    const azure = JSON.parse((await invoke('hello', 'azure', 'http-hello.json')).stdout)
    expect(azure).toMatchObject({ status: 200, body: { hello: 'Ada', tags: ['x'], session: 's7', via: 'azure' } })
    expect(azure.cookies).toEqual(['seen=1; Path=/; HttpOnly', 'theme=dark'])
  })

  it('azure: a queue message is acknowledged, a failing one is an error the host would retry', async () => {
    const ok = await invoke('consume', 'azure', 'azure-queue.json')
    expect(ok.code).toBe(0)
    const bad = await invoke('consume', 'azure', 'azure-queue-negative.json')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).error).toContain('cannot take -4')
  })

  it.each([
    [['invoke', MODULE, 'nope', '--target', 'aws', '--event', event('sum.json')], /has no export named "nope"/],
    [
      ['invoke', MODULE, 'schema', '--target', 'aws', '--event', event('sum.json')],
      /The export "schema" .* is not a faasade function/,
    ],
    [
      ['invoke', MODULE, 'sum', '--target', 'aws', '--event', event('broken.json')],
      /Event file .*broken\.json is not valid JSON/,
    ],
    [
      ['invoke', MODULE, 'sum', '--target', 'aws', '--event', event('missing.json')],
      /Event file not found: .*missing\.json/,
    ],
    [['invoke', MODULE, 'sum', '--target', 'aws'], /--event file.json is required/],
  ])('exits 1 with a clear message: %#', async (args, message) => {
    const r = await runCli(args)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(message)
  })
})

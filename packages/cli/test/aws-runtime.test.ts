import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { createZip } from '../src/zip.js'
import { ensureRic, type RicProcess, startRic } from './harness/ric.js'
import { extractZip } from './harness/unzip.js'

// The built function.zip run by AWS's own Node runtime client (aws-lambda-ric, JS bundle from `npm pack`),
// against a Runtime API on 127.0.0.1: the real handler loader, the Node 24 arity check and /error serialisation.

const MODULE = fileURLToPath(new URL('./fixtures/app/functions.ts', import.meta.url))
let work: string
let taskRoot: string
const running: RicProcess[] = []

beforeAll(async () => {
  await Promise.all([ensureRic('4.0.2'), ensureRic('3.3.0')])
  work = await mkdtemp(join(tmpdir(), 'faasade-aws-'))
  await build({ module: MODULE, target: 'aws', out: join(work, 'out') })
  taskRoot = join(work, 'task')
  await extractZip(await readFile(join(work, 'out', 'aws', 'function.zip')), taskRoot)
}, 180_000)

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()))
  await rm(work, { recursive: true, force: true })
})

async function ric(version: '4.0.2' | '3.3.0', handler: string, root = taskRoot): Promise<RicProcess> {
  const r = await startRic(version, root, handler)
  running.push(r)
  return r
}

const httpApi = (path: string, query = '', extra: Record<string, unknown> = {}) => ({
  version: '2.0',
  routeKey: `GET ${path}`,
  rawPath: path,
  rawQueryString: query,
  cookies: ['session=abc'],
  headers: { host: 'api.example.com', 'user-agent': 'vitest' },
  queryStringParameters: Object.fromEntries(new URLSearchParams(query)),
  requestContext: {
    accountId: '123456789012',
    apiId: 'api',
    domainName: 'api.example.com',
    domainPrefix: 'api',
    http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'vitest' },
    requestId: 'r1',
    routeKey: `GET ${path}`,
    stage: '$default',
    time: '24/Nov/2026:10:00:00 +0000',
    timeEpoch: 1795000000000,
  },
  isBase64Encoded: false,
  ...extra,
})

describe('function.zip under aws-lambda-ric 4.0.2 (nodejs24.x semantics)', () => {
  it('loads index.<export> through the real loader and answers an HTTP API 2.0 event natively', async () => {
    const r = await ric('4.0.2', 'index.hello')
    const event = httpApi('/hello/Ada', 'tag=a&tag=b', {
      pathParameters: { name: 'Ada' },
      routeKey: 'GET /hello/{name}',
    })
    const posted = await r.api.invoke(event)
    expect(posted.path).toBe('response')
    const result = posted.json()
    expect(result.statusCode).toBe(200)
    expect(result.headers['content-type']).toMatch(/^application\/json/)
    expect(result.cookies).toEqual(['seen=1; Path=/; HttpOnly', 'theme=dark'])
    expect(JSON.parse(result.body)).toEqual({ hello: 'Ada', tags: ['a', 'b'], session: 'abc', via: 'aws' })
    expect(r.api.initErrors).toEqual([])
  })

  it('keeps serving: a thrown error is a generic 500 problem, its stack only in the log', async () => {
    const r = await ric('4.0.2', 'index.boom')
    const crash = (await r.api.invoke(httpApi('/boom'))).json()
    expect(crash.statusCode).toBe(500)
    expect(crash.headers['content-type']).toBe('application/problem+json')
    expect(JSON.parse(crash.body)).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
    expect(crash.body).not.toContain('secret internals')
    const bad = (await r.api.invoke(httpApi('/boom', 'bad=1'))).json()
    expect(bad.statusCode).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ status: 400, detail: 'bad was set' })
    await expect.poll(() => r.output()).toContain('secret internals')
  })

  it('serialises a direct-invoke failure on /error with the error type header, as the runtime does', async () => {
    const r = await ric('4.0.2', 'index.sum')
    const ok = await r.api.invoke({ a: 2, b: 3 })
    expect([ok.path, ok.json()]).toEqual(['response', { total: 5 }])
    const failed = await r.api.invoke({ a: -1, b: 3 })
    expect(failed.path).toBe('error')
    expect(failed.headers['lambda-runtime-function-error-type']).toBe('OrderError')
    expect(failed.json()).toMatchObject({ errorType: 'OrderError', errorMessage: 'negative: -1' })
    expect(Array.isArray(failed.json().trace)).toBe(true)
    const invalid = await r.api.invoke({ a: 'x' })
    expect(invalid.path).toBe('error')
    expect(invalid.json().errorType).toBe('ValidationError')
  })

  it('reports only the failed SQS messages in batchItemFailures', async () => {
    const r = await ric('4.0.2', 'index.consume')
    const record = (id: string, body: string) => ({
      messageId: id,
      receiptHandle: `rh-${id}`,
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1795000000000',
        SenderId: 'A',
        ApproximateFirstReceiveTimestamp: '1795000000001',
      },
      messageAttributes: {},
      md5OfBody: 'x',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:numbers',
      awsRegion: 'us-east-1',
    })
    const posted = await r.api.invoke({
      Records: [record('m1', '{"n":1}'), record('m2', '{"n":-2}'), record('m3', 'not json'), record('m4', '{"n":4}')],
    })
    expect(posted.json()).toEqual({ batchItemFailures: [{ itemIdentifier: 'm2' }, { itemIdentifier: 'm3' }] })
  })

  it('rejects a 3-parameter handler at init (Runtime.CallbackHandlerDeprecated) — the check the built handlers pass', async () => {
    const root = join(work, 'callback')
    const zip = createZip([
      {
        path: 'index.mjs',
        data: new TextEncoder().encode('export const handler = (event, context, callback) => callback(null, 1)\n'),
      },
    ])
    await extractZip(zip, root)
    const r = await ric('4.0.2', 'index.handler', root)
    await expect(r.api.invoke({})).rejects.toThrow(/failed to init/)
    const init = await r.api.initError()
    expect(init.json().errorType).toBe('Runtime.CallbackHandlerDeprecated')
    expect(init.headers['lambda-runtime-function-error-type']).toBe('Runtime.CallbackHandlerDeprecated')
  })

  it('answers a missing export with Runtime.HandlerNotFound', async () => {
    const r = await ric('4.0.2', 'index.nope')
    await expect(r.api.invoke({})).rejects.toThrow(/Runtime.HandlerNotFound/)
    expect((await r.api.initError()).json().errorType).toBe('Runtime.HandlerNotFound')
  })
})

describe('function.zip under aws-lambda-ric 3.3.0 (nodejs22.x semantics)', () => {
  it('runs the same handler and accepts the callback handler the v4 client rejects', async () => {
    const r = await ric('3.3.0', 'index.hello')
    const result = (await r.api.invoke(httpApi('/hello/Bo', '', { pathParameters: { name: 'Bo' } }))).json()
    expect(JSON.parse(result.body)).toMatchObject({ hello: 'Bo', via: 'aws' })
    const cb = await ric('3.3.0', 'index.handler', join(work, 'callback'))
    expect((await cb.api.invoke({})).json()).toBe(1)
  })
})

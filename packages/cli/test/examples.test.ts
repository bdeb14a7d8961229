import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type WorkerHarness, createWorkerHarness, rpcData, rpcHttp, rpcMetadata } from '@faasade/azure/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { type FrameworkProcess, prepareSource, startFramework } from './harness/framework.js'
import { type RicProcess, startRic } from './harness/ric.js'
import { extractZip } from './harness/unzip.js'

// examples/orders and examples/hello, built for all three targets and run by each cloud's real invoker:
// AWS's runtime client on function.zip, the Functions Framework CLI on gcp/source, the worker stand-in on azure/app.

const example = (path: string) => fileURLToPath(new URL(`../../../examples/${path}`, import.meta.url))
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const cleanup: Array<() => Promise<unknown>> = []
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
})

async function built(module: string) {
  const work = await mkdtemp(join(tmpdir(), 'faasade-example-'))
  cleanup.push(() => rm(work, { recursive: true, force: true }))
  const out = join(work, 'out')
  const result = await build({ module, target: 'all', out })
  const task = join(work, 'task')
  await extractZip(await readFile(join(out, 'aws', 'function.zip')), task)
  const source = await prepareSource(join(out, 'gcp', 'source'))
  cleanup.push(() => rm(source, { recursive: true, force: true }))
  return { result, out, task, source, app: join(out, 'azure', 'app') }
}

async function rics(task: string, names: readonly string[]): Promise<Record<string, RicProcess>> {
  const entries = await Promise.all(names.map(async (n) => [n, await startRic('4.0.2', task, `index.${n}`)] as const))
  for (const [, r] of entries) cleanup.push(() => r.stop())
  return Object.fromEntries(entries)
}

async function frameworks(
  source: string,
  targets: ReadonlyArray<readonly [string, 'http' | 'cloudevent' | 'event']>,
): Promise<Record<string, FrameworkProcess>> {
  const entries = await Promise.all(targets.map(async ([t, s]) => [t, await startFramework(source, t, s)] as const))
  for (const [, f] of entries) cleanup.push(() => f.stop())
  return Object.fromEntries(entries)
}

const v2 = (method: string, path: string, body?: unknown) => ({
  version: '2.0',
  routeKey: `${method} ${path}`,
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'api.example.com', 'content-type': 'application/json' },
  requestContext: {
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'curl' },
    requestId: 'req-1',
    routeKey: `${method} ${path}`,
    stage: '$default',
    timeEpoch: 1795000000000,
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  isBase64Encoded: false,
})

describe('examples/orders', () => {
  let orders: Awaited<ReturnType<typeof built>>
  let worker: WorkerHarness
  const order = { sku: 'tea-1', quantity: 2, email: 'ada@example.com' }

  beforeAll(async () => {
    orders = await built(example('orders/functions/orders.ts'))
    worker = createWorkerHarness()
    cleanup.push(() => worker.dispose())
    await worker.loadApp(orders.app)
  }, 120_000)

  it('builds all five functions for every target', () => {
    expect(orders.result.module.functions.map((f) => `${f.name}:${f.kind}`)).toEqual([
      'createOrder:http',
      'fulfilOrder:messages',
      'getOrder:http',
      'nightlyReport:schedule',
      'receiptUploaded:objects',
    ])
    expect(orders.result.artifacts.map((a) => a.target)).toEqual(['aws', 'gcp', 'azure'])
  })

  it('AWS: every handler loads in the v4 runtime client and answers its trigger', async () => {
    const r = await rics(orders.task, ['createOrder', 'fulfilOrder', 'receiptUploaded', 'nightlyReport'])
    const created = (await r.createOrder?.api.invoke(v2('POST', '/orders', order)))?.json()
    expect(created.statusCode).toBe(201)
    expect(JSON.parse(created.body)).toMatchObject({ status: 'pending', via: 'aws' })
    expect(created.headers.location).toMatch(/^\/orders\/ord_/)
    const invalid = (await r.createOrder?.api.invoke(v2('POST', '/orders', { ...order, email: 'nope' })))?.json()
    expect([invalid.statusCode, JSON.parse(invalid.body).status]).toEqual([400, 400])
    const sqs = (id: string, body: unknown) => ({
      messageId: id,
      receiptHandle: id,
      body: JSON.stringify(body),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795000000000' },
      messageAttributes: {},
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:1:orders-fulfilment',
      awsRegion: 'us-east-1',
    })
    const batch = await r.fulfilOrder?.api.invoke({
      Records: [sqs('a', { orderId: 'ord_1' }), sqs('b', { orderId: 'poison' }), sqs('c', { wrong: true })],
    })
    expect(batch?.json()).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }] })
    const s3 = {
      Records: [
        {
          eventVersion: '2.1',
          eventSource: 'aws:s3',
          awsRegion: 'us-east-1',
          eventTime: '2026-11-24T10:00:00.000Z',
          eventName: 'ObjectCreated:Put',
          s3: {
            s3SchemaVersion: '1.0',
            bucket: { name: 'orders-receipts', arn: 'arn:aws:s3:::orders-receipts' },
            object: { key: 'receipts/ord_1.pdf', size: 1024, eTag: 'e1', sequencer: '1' },
          },
        },
      ],
    }
    expect((await r.receiptUploaded?.api.invoke(s3))?.path).toBe('response')
    const tick = {
      version: '0',
      id: 'cdc73f9d',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2026-11-24T02:00:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/nightly'],
      detail: {},
    }
    expect((await r.nightlyReport?.api.invoke(tick))?.path).toBe('response')
    await expect.poll(() => r.nightlyReport?.output()).toContain('nightly report')
    for (const p of Object.values(r)) expect(p.api.initErrors).toEqual([])
  })

  it('GCP: the Functions Framework serves HTTP, a binary CloudEvent and a legacy Storage event', async () => {
    const f = await frameworks(orders.source, [
      ['createOrder', 'http'],
      ['fulfilOrder', 'cloudevent'],
      ['receiptUploaded_gen1', 'event'],
      ['nightlyReport', 'cloudevent'],
    ])
    const res = await fetch(f.createOrder?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(order),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ status: 'pending', via: 'gcp' })
    const ce = (url: string, id: string, data: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'ce-id': id,
          'ce-specversion': '1.0',
          'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
          'ce-source': '//pubsub.googleapis.com/projects/p/topics/orders-fulfilment',
        },
        body: JSON.stringify({
          message: { data: b64(data), messageId: id, publishTime: '2026-11-24T10:00:00Z' },
          subscription: 'projects/p/subscriptions/s',
        }),
      })
    expect((await ce(f.fulfilOrder?.url as string, '1', { orderId: 'ord_1' })).status).toBe(204)
    expect((await ce(f.fulfilOrder?.url as string, '2', { orderId: 'poison' })).status).toBe(500)
    expect((await ce(f.nightlyReport?.url as string, '3', {})).status).toBe(204)
    const legacy = {
      context: {
        eventId: 'e1',
        timestamp: '2026-11-24T10:00:00.000Z',
        eventType: 'google.storage.object.finalize',
        resource: {
          service: 'storage.googleapis.com',
          name: 'projects/_/buckets/orders-receipts/objects/r/ord_1.pdf',
          type: 'storage#object',
        },
      },
      data: {
        bucket: 'orders-receipts',
        name: 'r/ord_1.pdf',
        size: '1024',
        contentType: 'application/pdf',
        etag: 'CNHZ',
        timeCreated: '2026-11-24T10:00:00.000Z',
        updated: '2026-11-24T10:00:00.000Z',
        kind: 'storage#object',
      },
    }
    const stored = await fetch(f.receiptUploaded_gen1?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(legacy),
    })
    expect(stored.status).toBe(204)
    await expect.poll(() => f.receiptUploaded_gen1?.output()).toContain('receipt stored')
  })

  it('Azure: the worker registers each trigger and invokes HTTP, queue, blob and timer', async () => {
    const t = (n: string) => worker.registrations.get(n)?.trigger
    expect(t('createOrder')).toMatchObject({
      type: 'httpTrigger',
      route: 'orders',
      methods: ['POST'],
      authLevel: 'anonymous',
    })
    expect(t('getOrder')).toMatchObject({ type: 'httpTrigger', route: 'orders/{id}', methods: ['GET'] })
    expect(t('fulfilOrder')).toMatchObject({ type: 'queueTrigger', queueName: 'orders-fulfilment' })
    expect(t('receiptUploaded')).toMatchObject({ type: 'blobTrigger', path: 'orders-receipts/{name}' })
    expect(t('nightlyReport')).toMatchObject({ type: 'timerTrigger', schedule: '0 0 2 * * *' })
    const created = await worker.invoke('createOrder', {
      data: rpcHttp({
        method: 'POST',
        url: 'http://localhost:7071/api/orders',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(order),
      }),
    })
    expect(created.http?.status).toBe(201)
    const id = (created.http?.json() as { id: string }).id
    const got = await worker.invoke('getOrder', {
      data: rpcHttp({ url: `http://localhost:7071/api/orders/${id}`, params: { id } }),
    })
    expect(got.http?.json()).toMatchObject({ id, sku: 'tea-1', status: 'pending' })
    const missing = await worker.invoke('getOrder', {
      data: rpcHttp({ url: 'http://localhost:7071/api/orders/ord_x', params: { id: 'ord_x' } }),
    })
    expect(missing.http?.status).toBe(404)
    const queued = await worker.invoke('fulfilOrder', {
      data: rpcData({ orderId: id }),
      triggerMetadata: rpcMetadata({ Id: 'q1', DequeueCount: 1 }),
    })
    expect(queued.error).toBeUndefined()
    const poisoned = await worker.deliver('fulfilOrder', {
      data: rpcData({ orderId: 'poison' }),
      triggerMetadata: rpcMetadata({ Id: 'q2' }),
    })
    expect([poisoned.succeeded, poisoned.deadLettered]).toEqual([false, 'orders-fulfilment-poison'])
    const blob = await worker.invoke('receiptUploaded', {
      data: { bytes: new TextEncoder().encode('%PDF-1.7') },
      triggerMetadata: rpcMetadata({
        BlobTrigger: 'orders-receipts/r/ord_1.pdf',
        Uri: 'https://a.blob.core.windows.net/orders-receipts/r/ord_1.pdf',
        Properties: { Length: 8, ContentType: 'application/pdf' },
        name: 'r/ord_1.pdf',
      }),
    })
    expect(blob.error).toBeUndefined()
    const tick = await worker.invoke('nightlyReport', {
      data: { json: JSON.stringify({ Schedule: { AdjustForDST: true }, ScheduleStatus: null, IsPastDue: true }) },
      triggerMetadata: rpcMetadata({ TimerTrigger: '11/24/2026 2:00:00 AM' }),
    })
    expect(tick.error).toBeUndefined()
    expect(tick.logs.some((l) => l.message.includes('nightly report'))).toBe(true)
  })
})

describe('examples/hello', () => {
  it('builds for all three targets and answers on each real invoker', async () => {
    const hello = await built(example('hello/functions/hello.ts'))
    const r = await rics(hello.task, ['hello'])
    const lambda = (
      await r.hello?.api.invoke({
        ...v2('GET', '/hello'),
        rawQueryString: 'name=Ada',
        queryStringParameters: { name: 'Ada' },
      })
    )?.json()
    expect(JSON.parse(lambda.body)).toEqual({ hello: 'Ada', via: 'aws' })
    const f = await frameworks(hello.source, [['hello', 'http']])
    expect(await (await fetch(`${f.hello?.url}/?name=Ada`)).json()).toEqual({ hello: 'Ada', via: 'gcp' })
    const worker = createWorkerHarness()
    cleanup.push(() => worker.dispose())
    await worker.loadApp(hello.app)
    const res = await worker.invoke('hello', { data: rpcHttp({ url: 'http://localhost:7071/api/hello?name=Ada' }) })
    expect(res.http?.json()).toEqual({ hello: 'Ada', via: 'azure' })
    expect(worker.registrations.get('hello')?.trigger).toMatchObject({
      type: 'httpTrigger',
      route: 'hello',
      authLevel: 'function',
    })
  }, 60_000)

  it('the AWS bundle of an http-only module carries no other trigger: @faasade/aws/http, not the whole adapter', async () => {
    const hello = await readFile(join((await built(example('hello/functions/hello.ts'))).task, 'index.mjs'), 'utf8')
    const orders = await readFile(join((await built(example('orders/functions/orders.ts'))).task, 'index.mjs'), 'utf8')
    // Text only the SQS batch response and the S3 event reader hold; the orders example serves both.
    for (const marker of ['batchItemFailures', 'ObjectRemoved:']) {
      expect(orders).toContain(marker)
      expect(hello).not.toContain(marker)
    }
    expect(hello.length).toBeLessThan(orders.length * 0.8)
  }, 60_000)
})

import { type Message, messages } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fixture } from '../../test/fixtures.js'
import { BatchFailureError, handle, register } from '../index.js'
import {
  createWorkerHarness,
  eventHubBatch,
  invocationContext,
  queueMessage,
  rpcMetadata,
  serviceBusMessage,
} from '../testing.js'
import type { AzureNative } from './_metadata.js'

const worker = createWorkerHarness()

type Seen = {
  id: string
  text: string
  attempt: number
  publishedAt: string | undefined
  attributes: Record<string, string>
  json?: unknown
}
const seen: Seen[] = []
const record = (m: Message<unknown>, json = true) =>
  seen.push({
    id: m.id,
    text: m.text(),
    attempt: m.attempt,
    publishedAt: m.publishedAt?.toISOString(),
    attributes: { ...m.attributes },
    ...(json ? { json: m.json() } : {}),
  })
const last = () => seen[seen.length - 1]

const consumer = messages(async (m) => {
  record(m, false)
  if (m.text().includes('boom')) throw new Error('boom')
})
register('queue', consumer, { queueName: 'helloworldqueue' })
register(
  'queueJson',
  messages(async (m) => record(m)),
  { queueName: 'json' },
)
register('sbTopic', consumer, {
  topicName: 'helloWorldTopic',
  subscriptionName: 'helloWorldSub',
  connection: 'ServiceBusConnection',
})
register('sbQueue', consumer, { type: 'serviceBusQueue', queueName: 'orders', connection: 'ServiceBusConnection' })
register('hub', consumer, { eventHubName: 'telemetry', connection: 'EventHubConnection', cardinality: 'many' })
register('hubOne', consumer, { eventHubName: 'telemetry', connection: 'EventHubConnection' })

const typed = messages({
  data: z.object({ orderId: z.number() }),
  handler: async (m) => {
    seen.push({ id: m.id, text: m.text(), attempt: m.attempt, publishedAt: undefined, attributes: {}, json: m.data })
  },
})
register('typed', typed, { queueName: 'typed' })

describe('registration of messages triggers (binding metadata as the host receives it)', () => {
  it.each([
    [
      'queue',
      { type: 'queueTrigger', queueName: 'helloworldqueue', connection: 'AzureWebJobsStorage', direction: 'in' },
    ],
    [
      'sbTopic',
      {
        type: 'serviceBusTrigger',
        topicName: 'helloWorldTopic',
        subscriptionName: 'helloWorldSub',
        connection: 'ServiceBusConnection',
      },
    ],
    ['sbQueue', { type: 'serviceBusTrigger', queueName: 'orders', connection: 'ServiceBusConnection' }],
    [
      'hub',
      { type: 'eventHubTrigger', eventHubName: 'telemetry', connection: 'EventHubConnection', cardinality: 'many' },
    ],
  ])('%s', (name, binding) => {
    const reg = worker.registrations.get(name)
    expect(reg?.trigger).toMatchObject(binding)
    expect(reg?.trigger).not.toHaveProperty('type', undefined)
    expect(reg?.returnBinding).toBeUndefined()
  })

  it('a missing setting is a clear error naming it', () => {
    expect(() => register('x1', consumer, { type: 'serviceBusQueue', queueName: 'q' })).toThrow(
      'register("x1") cannot wire this function to Azure: a serviceBusQueue trigger needs "connection"',
    )
    expect(() => register('x2', consumer)).toThrow(/a messages function needs its trigger/)
  })

  it('deploy.azure on the function fills the options', () => {
    const fn = messages({
      handler: async () => {},
      deploy: { azure: { topic: 't', subscription: 's', connection: 'SB' } },
    })
    register('fromDeploy', fn)
    expect(worker.registrations.get('fromDeploy')?.trigger).toMatchObject({
      type: 'serviceBusTrigger',
      topicName: 't',
      subscriptionName: 's',
      connection: 'SB',
    })
  })
})

describe('Storage Queue', () => {
  it('library RPC metadata fixture: id, dequeueCount → attempt, insertionTime → publishedAt, JSON body', async () => {
    const meta = fixture('queue', 'library-rpc-trigger-metadata')
    const res = await worker.invoke('queue', { data: meta.QueueTrigger, triggerMetadata: meta })
    expect(res.error).toBeUndefined()
    expect(last()).toEqual({
      id: '814b3b66-0200-4121-8ef3-405846a124bf',
      text: '{"name":"world"}',
      attempt: 1,
      publishedAt: '2022-08-25T05:06:39.000Z',
      attributes: {},
    })
  })

  it('v4 metadata fixture, called directly: the parsed object input is the body', async () => {
    const meta = fixture('queue', 'library-v4-trigger-metadata')
    const fn = messages(async (m) => record(m))
    await handle(fn)(meta.queueTrigger, invocationContext({ trigger: 'queueTrigger', triggerMetadata: meta }))
    expect(last()).toMatchObject({
      id: meta.id,
      json: { name: 'world' },
      attempt: 1,
      publishedAt: '2022-08-25T05:06:39.000Z',
    })
  })

  it("the body keeps the payload's key casing (metadata.queueTrigger is camel-cased by the library)", async () => {
    const msg = queueMessage({ body: { Name: 'Ada', Items: [{ Sku: 'x' }] } })
    const res = await worker.invoke('queue', msg.rpc)
    expect(last()?.text).toBe('{"Name":"Ada","Items":[{"Sku":"x"}]}')
    expect(res.error).toBeUndefined()
  })

  it('a JSON string or null on the wire stays what it was, though the library has parsed it', async () => {
    const meta = rpcMetadata({ Id: 'm1', DequeueCount: 1 })
    const cases = [
      ['"42"', '42'],
      ['"{\\"a\\":1}"', '{"a":1}'],
      ['null', null],
      ['7', 7],
    ] as const
    for (const [wire, json] of cases) {
      const res = await worker.invoke('queueJson', { data: { string: wire }, triggerMetadata: meta })
      expect(res.error).toBeUndefined()
      expect(last()).toMatchObject({ text: wire, json })
    }
  })

  it('custom-handler queue payload: a non-JSON text body stays text; json() fails the message', async () => {
    const payload = fixture('queue', 'docs-custom-handler-queue-payload')
    const { sys: _sys, ...hostMeta } = payload.Metadata
    const text = payload.Data.myQueueItem as string
    const res = await worker.invoke('queue', { data: { string: text }, triggerMetadata: rpcMetadata(hostMeta) })
    expect(last()).toMatchObject({
      id: '800ae4b3-bdd2-4c08-badd-f08e5a34b865',
      text,
      attempt: 1,
      publishedAt: '2019-10-09T17:58:31.000Z',
    })
    const strict = messages(async (m) => {
      m.json()
    })
    const ctx = invocationContext({ trigger: 'queueTrigger', triggerMetadata: { id: 'm1', dequeueCount: 1 } })
    await expect(handle(strict)(text, ctx)).rejects.toThrow(/message body is not valid JSON/)
    expect(res.error).toBeUndefined()
  })

  it('bytes stay bytes', async () => {
    const fn = messages(async (m) => {
      expect([...m.bytes()]).toEqual([0, 1, 255])
      expect((m.native as AzureNative).input).toBeInstanceOf(Buffer)
    })
    const msg = queueMessage({ body: new Uint8Array([0, 1, 255]) })
    await handle(fn)(msg.trigger, msg.context)
  })

  it('a failing message is thrown to the host, redelivered with a rising dequeueCount, then poisoned: never lost', async () => {
    const before = seen.length
    const result = await worker.deliver('queue', queueMessage({ body: 'boom', id: 'poison-me' }).rpc)
    expect(result.succeeded).toBe(false)
    expect(result.attempts).toHaveLength(5)
    expect(result.attempts.every((a) => (a.error as Error).message === 'boom')).toBe(true)
    expect(seen.slice(before).map((s) => s.attempt)).toEqual([1, 2, 3, 4, 5])
    expect(result.deadLettered).toBe('helloworldqueue-poison')
    expect(result.attempts[0]?.logs.find((l) => l.level === 'error')?.message).toMatch(
      /^Message failed; it will be retried or dead-lettered \{"error":\{"name":"Error","message":"boom".*"messageId":"poison-me","attempt":1\}$/,
    )
  })

  it('a message failing validation is thrown to the host too', async () => {
    const bad = await worker.invoke('typed', queueMessage({ body: { orderId: 'seven' } }).rpc)
    expect((bad.error as Error).name).toBe('ValidationError')
    expect((bad.error as Error).message).toContain('data.orderId')
    const good = await worker.invoke('typed', queueMessage({ body: { orderId: 7 } }).rpc)
    expect(good.error).toBeUndefined()
    expect(last()?.json).toEqual({ orderId: 7 })
  })
})

describe('Service Bus', () => {
  it('extension 4.x metadata fixture (userProperties): messageId, deliveryCount, enqueuedTimeUtc, properties', async () => {
    const meta = fixture('servicebus', 'library-rpc-trigger-metadata')
    const res = await worker.invoke('sbTopic', { data: { string: 'hello world' }, triggerMetadata: meta })
    expect(res.error).toBeUndefined()
    expect(last()).toEqual({
      id: 'a11f788b439b4c5daa6a9f173bf78d68',
      text: 'hello world',
      attempt: 1,
      publishedAt: '2022-08-25T05:06:39.775Z',
      attributes: { $AzureWebJobsParentId: '4cad516d-0081-4fa8-8ddb-2f898c664d2b' },
    })
  })

  it('extension 5.x metadata (applicationProperties); the library lower-cases first letters of property names', async () => {
    const res = await worker.invoke('sbQueue', {
      data: { string: '{"orderId":1001}' },
      triggerMetadata: rpcMetadata(fixture('servicebus', 'synthetic-extension5-trigger-metadata')),
    })
    expect(res.error).toBeUndefined()
    expect(last()).toEqual({
      id: 'order-1001',
      text: '{"orderId":1001}',
      attempt: 3,
      publishedAt: '2024-03-01T10:20:00.000Z',
      attributes: { priority: 'high', retries: '2', $AzureWebJobsParentId: '4cad516d-0081-4fa8-8ddb-2f898c664d2b' },
    })
  })

  it('v4 metadata fixture called directly', async () => {
    const meta = fixture('servicebus', 'library-v4-trigger-metadata')
    const fn = messages(async (m) => record(m, false))
    await handle(fn)('hi', invocationContext({ trigger: 'serviceBusTrigger', triggerMetadata: meta }))
    expect(last()).toMatchObject({ id: meta.messageId, attempt: 1, text: 'hi' })
  })

  it('a throw abandons the message: redelivered until the max delivery count, then dead-lettered', async () => {
    const result = await worker.deliver('sbQueue', serviceBusMessage({ body: 'boom' }).rpc, { maxAttempts: 3 })
    expect(result.attempts.map((a) => Boolean(a.error))).toEqual([true, true, true])
    expect(result.deadLettered).toBe('orders/$deadletterqueue')
  })
})

describe('Event Hubs', () => {
  it('cardinality one, metadata fixture: id partition:sequence, enqueuedTimeUtc, string offset', async () => {
    const meta = fixture('eventhub', 'python-library-trigger-metadata-single')
    const res = await worker.invoke('hubOne', { data: { string: '{"temp":21}' }, triggerMetadata: rpcMetadata(meta) })
    expect(res.error).toBeUndefined()
    expect(last()).toEqual({
      id: '0:47',
      text: '{"temp":21}',
      attempt: 1,
      publishedAt: '2020-07-14T01:27:55.627Z',
      attributes: {},
    })
  })

  it('attempt comes from the retry policy (retryContext.retryCount + 1)', async () => {
    const meta = fixture('eventhub', 'python-library-trigger-metadata-single')
    await worker.invoke('hubOne', {
      data: { string: 'x' },
      triggerMetadata: rpcMetadata(meta),
      retryContext: { retryCount: 2, maxRetryCount: 5 },
    })
    expect(last()?.attempt).toBe(3)
  })

  it('cardinality many: every event runs even after one fails, then the invocation fails naming the failures', async () => {
    const before = seen.length
    const res = await worker.invoke('hub', {
      data: { collectionString: { string: ['{"n":1}', 'boom', '{"n":3}'] } },
      triggerMetadata: rpcMetadata(fixture('eventhub', 'synthetic-trigger-metadata-many')),
    })
    expect(seen.slice(before)).toEqual([
      {
        id: '3:47',
        text: '{"n":1}',
        attempt: 1,
        publishedAt: '2020-07-14T01:27:55.627Z',
        attributes: { source: 'sensor-a' },
      },
      { id: '3:48', text: 'boom', attempt: 1, publishedAt: '2020-07-14T01:27:55.702Z', attributes: {} },
      {
        id: '3:49',
        text: '{"n":3}',
        attempt: 1,
        publishedAt: '2020-07-14T01:27:56.001Z',
        attributes: { attempt: '2' },
      },
    ])
    expect(res.error).toBeInstanceOf(Error)
    expect((res.error as BatchFailureError).name).toBe('BatchFailureError')
    expect((res.error as BatchFailureError).failed).toEqual(['3:48'])
  })

  it('a batch that succeeds completes the invocation; builders give the same shapes', async () => {
    const batch = eventHubBatch([{ body: { n: 1 }, properties: { Kind: 'a' } }, { body: 'two' }], { partitionId: '1' })
    const res = await worker.invoke('hub', batch.rpc)
    expect(res.error).toBeUndefined()
    const fn = messages(async (m) => record(m, false))
    await handle(fn)(batch.trigger, batch.context)
    expect(last()).toMatchObject({ id: '1:101', text: 'two' })
    expect(seen[seen.length - 2]).toMatchObject({ id: '1:100', text: '{"n":1}', attributes: { kind: 'a' } })
  })

  it('the direct handler throws BatchFailureError too', async () => {
    const batch = eventHubBatch([{ body: 'boom' }, { body: 'fine' }])
    await expect(handle(consumer)(batch.trigger, batch.context)).rejects.toBeInstanceOf(BatchFailureError)
  })
})

import { type CloudEvent, events, messages, objects } from '@faasade/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { captureLogs } from '../../test/logs.js'
import { type Sig, servedUnderEverySignature } from '../../test/signatures.js'
import {
  type TestServer,
  cloudEvent,
  httpRequest,
  legacyPubsubEvent,
  pubsubCloudEvent,
  pubsubPush,
  serve,
  storageCloudEvent,
} from '../testing.js'

const seen: CloudEvent[] = []
const recorder = events(async (e) => {
  seen.push(e)
})

describe('any CloudEvent → events functions, through the Functions Framework', () => {
  const servers = servedUnderEverySignature(recorder, () => {
    seen.length = 0
  })

  const custom = (mode: 'binary' | 'structured') =>
    cloudEvent({
      type: 'google.cloud.audit.log.v1.written',
      source: '//cloudaudit.googleapis.com/projects/p/logs/activity',
      subject: 'storage.googleapis.com/projects/_/buckets/b',
      id: 'audit-1',
      time: '2024-03-01T10:00:00.123456Z',
      data: { protoPayload: { methodName: 'storage.buckets.create' } },
      extensions: {
        methodname: 'storage.buckets.create',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
      mode,
    })

  it.each<[Sig, 'binary' | 'structured']>([
    ['cloudevent', 'binary'],
    ['cloudevent', 'structured'],
    ['http', 'binary'],
    ['http', 'structured'],
    ['event', 'binary'],
    ['event', 'structured'],
  ])('%s signature, %s mode: every attribute, data and extensions', async (sig, mode) => {
    const res = await servers[sig].send(custom(mode))
    expect(res.status).toBe(204)
    const e = seen[0] as CloudEvent
    expect(e).toMatchObject({
      id: 'audit-1',
      source: '//cloudaudit.googleapis.com/projects/p/logs/activity',
      type: 'google.cloud.audit.log.v1.written',
      subject: 'storage.googleapis.com/projects/_/buckets/b',
      specversion: '1.0',
      data: { protoPayload: { methodName: 'storage.buckets.create' } },
    })
    expect(e.time?.toISOString()).toBe('2024-03-01T10:00:00.123Z')
    expect(e.extensions).toMatchObject({
      methodname: 'storage.buckets.create',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    })
  })

  it('structured data_base64 arrives as bytes', async () => {
    const request = cloudEvent({
      type: 'com.example.blob',
      source: '/x',
      data: Uint8Array.of(0, 1, 255),
      mode: 'structured',
    })
    expect((await servers.cloudevent.send(request)).status).toBe(204)
    expect(seen[0]?.data).toEqual(Buffer.from([0, 1, 255]))
    expect(seen[0]?.dataContentType).toBe('application/octet-stream')
  })

  it.each<[string, Sig, ReturnType<typeof httpRequest>, string]>([
    [
      'a Pub/Sub CloudEvent stays a CloudEvent',
      'cloudevent',
      pubsubCloudEvent({ data: 'x', messageId: 'm1' }),
      'google.cloud.pubsub.topic.v1.messagePublished',
    ],
    [
      'a Storage CloudEvent',
      'http',
      storageCloudEvent({ bucket: 'b', name: 'k' }),
      'google.cloud.storage.object.v1.finalized',
    ],
    [
      'a gen1 Pub/Sub event keeps its legacy type',
      'event',
      legacyPubsubEvent({ data: 'x', messageId: 'm2' }),
      'google.pubsub.topic.publish',
    ],
    [
      'a raw push becomes messagePublished',
      'http',
      pubsubPush({ data: 'x', messageId: 'm3' }),
      'google.cloud.pubsub.topic.v1.messagePublished',
    ],
  ])('%s', async (_, sig, request, type) => {
    expect((await servers[sig].send(request)).status).toBe(204)
    expect(seen[0]?.type).toBe(type)
    expect(seen[0]?.id).toMatch(/^(m\d|\d+)$/)
  })

  it('a gen1 event: id, time and //service/resource source from the context', async () => {
    const res = await servers.event.send(
      legacyPubsubEvent({ data: 'x', messageId: '77', publishTime: '2024-05-01T00:00:00.000Z', topic: 'orders' }),
    )
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ id: '77', source: '//pubsub.googleapis.com/projects/test-project/topics/orders' })
    expect(seen[0]?.time?.toISOString()).toBe('2024-05-01T00:00:00.000Z')
  })
})

describe('events with a data schema', () => {
  let server: TestServer
  const typed = events({
    data: z.object({ n: z.number() }),
    handler: async (e) => {
      if (e.data.n < 0) throw new Error('negative')
    },
  })
  beforeAll(async () => {
    server = await serve(typed)
  })
  afterAll(() => server.close())

  it('valid data succeeds; invalid data and throws answer 500 so Eventarc redelivers', async () => {
    const send = (data: object) => server.send(cloudEvent({ type: 't', source: '/s', data }))
    const logs = captureLogs()
    try {
      expect((await send({ n: 1 })).status).toBe(204)
      expect((await send({ n: 'one' })).status).toBe(500)
      expect((await send({ n: -1 })).status).toBe(500)
      expect(logs.lines.map((l) => l.error?.name)).toEqual(['ValidationError', 'Error'])
      expect(logs.lines[0]?.error.message).toMatch(/^Event \d+ failed validation\. data\.n: /)
      expect(logs.lines[1]?.error.message).toBe('negative')
    } finally {
      logs.restore()
    }
  })
})

describe('unknown shapes and kind mismatches', () => {
  const servers = {} as Record<'cloudevent' | 'http' | 'event' | 'objects', TestServer>
  beforeAll(async () => {
    const consumer = messages(async () => {})
    servers.cloudevent = await serve(consumer)
    servers.http = await serve(consumer, { signature: 'http' })
    servers.event = await serve(consumer, { signature: 'event' })
    servers.objects = await serve(objects(async () => {}))
  })
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())))

  it('cloudevent signature: an unknown body is a 500 naming the shape (logged)', async () => {
    const logs = captureLogs()
    try {
      const res = await servers.cloudevent.send(httpRequest({ body: { hello: 'world' } }))
      expect(res.status).toBe(500)
      expect(res.text()).toBe(
        'faasade (gcp): unrecognised event: an object with keys ["hello"] is no Pub/Sub, Storage, Scheduler or CloudEvent delivery.',
      )
      expect(logs.lines[0]).toMatchObject({ severity: 'ERROR', error: { name: 'UnknownEventError' } })
    } finally {
      logs.restore()
    }
  })

  it('event signature: an unknown body is a 500', async () => {
    const logs = captureLogs()
    try {
      const res = await servers.event.send(httpRequest({ body: { hello: 'world' } }))
      expect(res.status).toBe(500)
      expect(res.text()).toContain('unrecognised event')
    } finally {
      logs.restore()
    }
  })

  it('http signature: an unknown body is a 400 problem', async () => {
    const logs = captureLogs()
    try {
      const res = await servers.http.send(httpRequest({ method: 'GET' }))
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.json()).toMatchObject({
        title: 'Unrecognised event',
        status: 400,
        detail:
          'faasade (gcp): unrecognised event: an empty body is no Pub/Sub, Storage, Scheduler or CloudEvent delivery.',
      })
    } finally {
      logs.restore()
    }
  })

  it('a messages function given a Storage event: KindMismatchError naming both (500 from the framework)', async () => {
    const logs = captureLogs()
    try {
      const res = await servers.cloudevent.send(storageCloudEvent({ bucket: 'b', name: 'k' }))
      expect(res.status).toBe(500)
      expect(res.text()).toMatch(/^faasade: this is a "messages" function but it received a Cloud Storage event/)
    } finally {
      logs.restore()
    }
  })

  it('an objects function given a Pub/Sub push over HTTP: a generic 500 problem; the log names both kinds', async () => {
    const logs = captureLogs()
    try {
      const pushToObjects = await serve(
        objects(async () => {}),
        { signature: 'http' },
      )
      const res = await pushToObjects.send(pubsubPush({ data: 'x' }))
      await pushToObjects.close()
      expect(res.status).toBe(500)
      expect(res.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
      expect(logs.lines[0]?.message).toMatch(/"objects" function but it received a Pub\/Sub message \(Pub\/Sub push\)/)
    } finally {
      logs.restore()
    }
  })
})

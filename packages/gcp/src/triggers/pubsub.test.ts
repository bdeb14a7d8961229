import { messages } from '@faasade/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fixture, rawRequest } from '../../test/fixtures.js'
import { captureLogs } from '../../test/logs.js'
import { type Sig, servedUnderEverySignature } from '../../test/signatures.js'
import {
  type NativeRequest,
  type TestServer,
  cloudEvent,
  httpRequest,
  legacyPubsubEvent,
  pubsubCloudEvent,
  pubsubPush,
  serve,
} from '../testing.js'

interface Seen {
  id: string
  text: string
  bytes: number[]
  attributes: Record<string, string>
  attempt: number
  publishedAt: string | undefined
  requestId: string
}
const seen: Seen[] = []
const recorder = messages(async (m, ctx) => {
  seen.push({
    id: m.id,
    text: m.text(),
    bytes: [...m.bytes()],
    attributes: { ...m.attributes },
    attempt: m.attempt,
    publishedAt: m.publishedAt?.toISOString(),
    requestId: ctx.requestId,
  })
})

const PUBSUB_SOURCE = '//pubsub.googleapis.com/projects/test-project/topics/my-topic'
/** A body-only fixture sent the way Eventarc sends it: binary mode, attributes in ce-* headers, ce-id = messageId. */
const binaryBody = (variant: string, id = 'message-id'): NativeRequest =>
  cloudEvent({
    type: 'google.cloud.pubsub.topic.v1.messagePublished',
    source: PUBSUB_SOURCE,
    id,
    time: '2021-02-05T04:06:14.109Z',
    data: fixture('cloudevent-pubsub', variant),
  })
/** A structured fixture as a JSON body with the CloudEvents content type. */
const structured = (variant: string): NativeRequest =>
  httpRequest({
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify(fixture('cloudevent-pubsub', variant)),
  })
const post = (source: string, variant: string): NativeRequest =>
  httpRequest({ method: 'POST', body: fixture(source, variant) })

const TEST_MESSAGE_3 = { text: 'test message 3', attributes: { attr1: 'attr1-value' } }
const BYTES_1234 = { bytes: [1, 2, 3, 4], attributes: {} }

// Every GCP Pub/Sub fixture, through every signature that receives it on GCP.
const rows: [string, () => NativeRequest, Sig[], Partial<Seen> & { ceId?: string }][] = [
  [
    'cloudevent-pubsub/conformance-binary-mode-request (RAW HTTP)',
    () => rawRequest('cloudevent-pubsub', 'conformance-binary-mode-request'),
    ['cloudevent', 'http', 'event'],
    { id: 'aaaaaa-1111-bbbb-2222-cccccccccccc', publishedAt: '2020-09-29T11:32:00.123Z', ...TEST_MESSAGE_3 },
  ],
  [
    'cloudevent-pubsub/docs-binary-mode-request (RAW HTTP, no messageId: the CloudEvent id)',
    () => rawRequest('cloudevent-pubsub', 'docs-binary-mode-request'),
    ['cloudevent', 'http'],
    {
      id: '123451234512345',
      text: 'world',
      attributes: { attr1: 'attr1-value' },
      publishedAt: '2020-01-02T12:34:56.789Z',
    },
  ],
  [
    'cloudevent-pubsub/google-cloudevents-binary-body-complex',
    () => binaryBody('google-cloudevents-binary-body-complex'),
    ['cloudevent', 'http', 'event'],
    { id: 'message-id', publishedAt: '2021-02-05T04:06:14.109Z', ...TEST_MESSAGE_3 },
  ],
  [
    'cloudevent-pubsub/google-cloudevents-binary-body-simple (binary data, no attributes)',
    () => binaryBody('google-cloudevents-binary-body-simple'),
    ['cloudevent', 'http', 'event'],
    { id: 'message-id', ...BYTES_1234 },
  ],
  [
    'cloudevent-pubsub/google-cloudevents-body-duplicated-fields',
    () => binaryBody('google-cloudevents-body-duplicated-fields'),
    ['cloudevent', 'http'],
    { id: 'message-id', publishedAt: '2021-02-05T04:06:14.109Z', ...BYTES_1234 },
  ],
  [
    'cloudevent-pubsub/conformance-structured',
    () => structured('conformance-structured'),
    ['cloudevent', 'http', 'event'],
    { id: 'aaaaaa-1111-bbbb-2222-cccccccccccc', publishedAt: '2020-09-29T11:32:00.123Z', ...TEST_MESSAGE_3 },
  ],
  [
    'cloudevent-pubsub/google-cloudevents-structured',
    () => structured('google-cloudevents-structured'),
    ['cloudevent', 'http', 'event'],
    { id: 'message-id', ceId: '3103425958877813', publishedAt: '2021-02-05T04:06:14.109Z', ...TEST_MESSAGE_3 },
  ],
  [
    'legacy-pubsub/conformance-context-data',
    () => post('legacy-pubsub', 'conformance-context-data'),
    ['event', 'cloudevent', 'http'],
    { id: 'aaaaaa-1111-bbbb-2222-cccccccccccc', publishedAt: '2020-09-29T11:32:00.123Z', ...TEST_MESSAGE_3 },
  ],
  [
    'legacy-pubsub/conformance-flat-legacy',
    () => post('legacy-pubsub', 'conformance-flat-legacy'),
    ['event', 'cloudevent', 'http'],
    {
      id: 'aaaaaa-1111-bbbb-2222-cccccccccccc',
      text: 'This is a sample message',
      attributes: { attribute1: 'value1' },
    },
  ],
  [
    'legacy-pubsub/ff-dotnet-microsecond-timestamp (µs precision)',
    () => post('legacy-pubsub', 'ff-dotnet-microsecond-timestamp'),
    ['event', 'cloudevent', 'http'],
    { id: '1144231683168617', publishedAt: '2020-05-06T07:33:34.556Z', ...TEST_MESSAGE_3 },
  ],
  [
    'pubsub-push/docs-push-body (snake and camel fields)',
    () => post('pubsub-push', 'docs-push-body'),
    ['http', 'cloudevent', 'event'],
    {
      id: '2070443601311540',
      text: 'Hello Cloud Pub/Sub! Here is my message!',
      attributes: { key: 'value' },
      publishedAt: '2021-02-26T19:13:55.749Z',
    },
  ],
  [
    'pubsub-push/ff-dotnet-raw-push',
    () => post('pubsub-push', 'ff-dotnet-raw-push'),
    ['http', 'cloudevent', 'event'],
    {
      id: '4102184774039362',
      text: 'Text message',
      attributes: { attr1: 'value1' },
      publishedAt: '2022-02-15T11:28:32.942Z',
    },
  ],
  [
    'pubsub-push/ff-dotnet-emulator-push (escaped slashes, no publishTime)',
    () => post('pubsub-push', 'ff-dotnet-emulator-push'),
    ['http'],
    { id: '1', text: 'Test message from emulator', attributes: { attr1: 'attr-value1' }, publishedAt: undefined },
  ],
]

describe('Pub/Sub deliveries → messages functions, through the Functions Framework', () => {
  const servers = servedUnderEverySignature(recorder, () => {
    seen.length = 0
  })

  for (const [name, request, sigs, expected] of rows) {
    it.each(sigs)(`${name} — %s signature`, async (sig) => {
      const res = await servers[sig].send(request())
      expect(res.status).toBe(204)
      expect(seen).toHaveLength(1)
      const { ceId, ...message } = expected
      expect(seen[0]).toMatchObject({ attempt: 1, ...message })
      // request id rule: the event's own id (the CloudEvent id, else the message id)
      expect(seen[0]?.requestId).toBe(ceId ?? expected.id)
    })
  }

  it('emulator push through the cloudevent signature: FF fills publishTime with the receive time', async () => {
    const res = await servers.cloudevent.send(post('pubsub-push', 'ff-dotnet-emulator-push'))
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ id: '1', text: 'Test message from emulator' })
    expect(seen[0]?.publishedAt).toMatch(/^\d{4}-/)
  })

  it.each<[string, Sig, NativeRequest, number]>([
    ['push deliveryAttempt (number)', 'http', pubsubPush({ data: 'x', deliveryAttempt: 3 }), 3],
    [
      'push deliveryAttempt (string)',
      'http',
      {
        ...pubsubPush({ data: 'x' }),
        body: JSON.stringify({ message: { data: 'eA==', messageId: '5' }, subscription: 's', deliveryAttempt: '6' }),
      },
      6,
    ],
    ['CloudEvent data.deliveryAttempt', 'cloudevent', pubsubCloudEvent({ data: 'x', deliveryAttempt: 4 }), 4],
    [
      'CloudEvent data.deliveryAttempt over the HTTP signature',
      'http',
      pubsubCloudEvent({ data: 'x', deliveryAttempt: 2, mode: 'structured' }),
      2,
    ],
  ])('attempt from %s', async (_, sig, request, attempt) => {
    expect((await servers[sig].send(request)).status).toBe(204)
    expect(seen[0]?.attempt).toBe(attempt)
  })

  it('a message with attributes and no data has an empty body (push over HTTP, where FF would not convert it)', async () => {
    const res = await servers.http.send(pubsubPush({ attributes: { only: 'attrs' }, messageId: 'no-data' }))
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ id: 'no-data', text: '', bytes: [], attributes: { only: 'attrs' } })
  })

  it('the same attribute-only push reaches a cloudevent function unconverted and is still a message', async () => {
    const res = await servers.cloudevent.send(pubsubPush({ attributes: { only: 'attrs' }, messageId: 'raw' }))
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ id: 'raw', text: '', attributes: { only: 'attrs' } })
  })
})

describe('message failures make the platform retry (non-2xx) and never leak', () => {
  const failing = messages({
    data: z.object({ orderId: z.number() }),
    handler: async (m) => {
      if (m.data.orderId === 13) throw new Error('unlucky order, secret=abc')
    },
  })
  const servers = {} as Record<Sig, TestServer>
  beforeAll(async () => {
    servers.cloudevent = await serve(failing)
    servers.http = await serve(failing, { signature: 'http' })
    servers.event = await serve(failing, { signature: 'event' })
  })
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())))

  const build: Record<Sig, (data: object, id: string) => NativeRequest> = {
    cloudevent: (data, id) => pubsubCloudEvent({ data, messageId: id }),
    http: (data, id) => pubsubPush({ data, messageId: id }),
    event: (data, id) => legacyPubsubEvent({ data, messageId: id }),
  }

  it.each<Sig>(['cloudevent', 'http', 'event'])('%s: success answers 2xx (ack)', async (sig) => {
    const res = await servers[sig].send(build[sig]({ orderId: 1 }, `ok-${sig}`))
    expect(res.status).toBe(204)
  })

  it.each<Sig>(['cloudevent', 'event'])(
    '%s: a throw is a 500 from the framework; body without message or stack',
    async (sig) => {
      const logs = captureLogs()
      try {
        const res = await servers[sig].send(build[sig]({ orderId: 13 }, `boom-${sig}`))
        expect(res.status).toBe(500)
        expect(res.headers.get('x-google-status')).toBe('error')
        expect(res.text()).toBe(
          `faasade: the handler failed (request boom-${sig}); see the logs. The platform retries the event if retries are on.`,
        )
        const line = logs.lines.find((l) => l.messageId === `boom-${sig}`)
        expect(line).toMatchObject({ severity: 'ERROR', requestId: `boom-${sig}`, attempt: 1 })
        expect(line?.error.message).toBe('unlucky order, secret=abc')
      } finally {
        logs.restore()
      }
    },
  )

  it('http (push): a throw answers a 500 problem, so Pub/Sub nacks and redelivers', async () => {
    const logs = captureLogs()
    try {
      const res = await servers.http.send(build.http({ orderId: 13 }, 'boom-push'))
      expect(res.status).toBe(500)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.json()).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'The event was not processed; it will be redelivered.',
      })
      expect(logs.lines.some((l) => l.messageId === 'boom-push' && l.severity === 'ERROR')).toBe(true)
    } finally {
      logs.restore()
    }
  })

  it.each<Sig>(['cloudevent', 'http', 'event'])(
    '%s: data failing the schema is non-2xx (dead-lettered, not dropped)',
    async (sig) => {
      const logs = captureLogs()
      try {
        const res = await servers[sig].send(build[sig]({ orderId: 'x' }, `invalid-${sig}`))
        expect(res.status).toBe(500)
        const line = logs.lines.find((l) => l.messageId === `invalid-${sig}`)
        expect(line?.error.name).toBe('ValidationError')
      } finally {
        logs.restore()
      }
    },
  )
})

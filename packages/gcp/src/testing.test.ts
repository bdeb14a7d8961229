import { describe, expect, it } from 'vitest'
import { fixture } from '../test/fixtures.js'
import {
  cloudEvent,
  httpRequest,
  legacyPubsubEvent,
  legacyStorageEvent,
  pubsubCloudEvent,
  pubsubPush,
  schedulerJob,
  storageCloudEvent,
} from './testing.js'

const body = (r: { body?: string | Uint8Array }) => JSON.parse(String(r.body))
const keys = (o: object) => Object.keys(o).sort()

// The builders produce the shapes of the real payloads in test/fixtures (key for key).
describe('@faasade/gcp/testing builders', () => {
  it('pubsubPush: the documented push body (duplicated snake/camel fields)', () => {
    const r = pubsubPush({
      data: 'Hello',
      attributes: { key: 'value' },
      messageId: '1',
      publishTime: '2021-02-26T19:13:55.749Z',
    })
    expect([r.method, r.path, r.headers['content-type']]).toEqual(['POST', '/', 'application/json'])
    const fx = fixture('pubsub-push', 'docs-push-body')
    expect(keys(body(r))).toEqual(keys(fx))
    expect(keys(body(r).message)).toEqual(keys(fx.message))
    expect(body(r).message.data).toBe('SGVsbG8=')
    expect(body(pubsubPush({ data: 'x', deliveryAttempt: 5 })).deliveryAttempt).toBe(5)
  })

  it('pubsubCloudEvent binary: ce-* headers and a MessagePublishedData body', () => {
    const r = pubsubCloudEvent({
      data: { a: 1 },
      messageId: 'm',
      topic: 'orders',
      project: 'p',
      publishTime: '2020-01-01T00:00:00.000Z',
    })
    expect(r.headers).toEqual({
      'ce-specversion': '1.0',
      'ce-id': 'm',
      'ce-source': '//pubsub.googleapis.com/projects/p/topics/orders',
      'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
      'ce-time': '2020-01-01T00:00:00.000Z',
      'content-type': 'application/json',
    })
    expect(keys(body(r))).toEqual(keys(fixture('cloudevent-pubsub', 'google-cloudevents-binary-body-simple')))
    expect(Buffer.from(body(r).message.data, 'base64').toString()).toBe('{"a":1}')
  })

  it('pubsubCloudEvent structured: the CloudEvents JSON format', () => {
    const r = pubsubCloudEvent({ data: 'x', mode: 'structured' })
    expect(r.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8')
    expect(keys(body(r))).toEqual(keys(fixture('cloudevent-pubsub', 'conformance-structured')))
  })

  it('legacyPubsubEvent: {context, data} and the flat shape', () => {
    expect(keys(body(legacyPubsubEvent({ data: 'x' })))).toEqual(
      keys(fixture('legacy-pubsub', 'conformance-context-data')),
    )
    expect(keys(body(legacyPubsubEvent({ data: 'x' })).context)).toEqual(
      keys(fixture('legacy-pubsub', 'conformance-context-data').context),
    )
    expect(keys(body(legacyPubsubEvent({ data: 'x', flat: true })))).toEqual(
      keys(fixture('legacy-pubsub', 'conformance-flat-legacy')),
    )
  })

  it('storageCloudEvent and legacyStorageEvent', () => {
    const ce = storageCloudEvent({ bucket: 'b', name: 'a/b.txt', size: 352, mode: 'structured' })
    expect(body(ce)).toMatchObject({
      type: 'google.cloud.storage.object.v1.finalized',
      source: '//storage.googleapis.com/projects/_/buckets/b',
      subject: 'objects/a/b.txt',
      data: { bucket: 'b', name: 'a/b.txt', size: '352', generation: expect.any(String), metageneration: '1' },
    })
    const legacy = body(legacyStorageEvent({ bucket: 'b', name: 'k' }))
    expect(keys(legacy.context)).toEqual(keys(fixture('legacy-storage', 'conformance-finalize').context))
    const flat = body(legacyStorageEvent({ bucket: 'b', name: 'k', flat: true, event: 'delete', generation: '9' }))
    expect(flat).toMatchObject({
      eventType: 'providers/cloud.storage/eventTypes/object.change',
      resource: 'projects/_/buckets/b/objects/k#9',
      data: { resourceState: 'not_exists' },
    })
  })

  it('schedulerJob: HTTP target headers, or the Eventarc event with base64 customData', () => {
    const http = schedulerJob({ job: 'j', scheduleTime: '2024-01-01T00:00:00.000Z', body: 'go' })
    expect(http.headers).toEqual({
      'user-agent': 'Google-Cloud-Scheduler',
      'x-cloudscheduler': 'true',
      'x-cloudscheduler-jobname': 'j',
      'x-cloudscheduler-scheduletime': '2024-01-01T00:00:00.000Z',
      'content-type': 'application/octet-stream',
    })
    const ce = schedulerJob({ target: 'cloudevent', body: 'my base64 data' })
    expect(body(ce)).toEqual(fixture('scheduler', 'google-cloudevents-scheduler-job-data'))
    expect(ce.headers['ce-type']).toBe('google.cloud.scheduler.job.v1.executed')
  })

  it('httpRequest: query arrays, cookies, JSON bodies', () => {
    expect(
      httpRequest({ path: '/p?x=0', query: { a: ['1', '2'], b: 'c d' }, cookies: { s: 'a b' }, body: { ok: true } }),
    ).toEqual({
      method: 'POST',
      path: '/p?x=0&a=1&a=2&b=c+d',
      headers: { cookie: 's=a%20b', 'content-type': 'application/json' },
      body: '{"ok":true}',
    })
  })

  it('cloudEvent: binary with no data sends no body', () => {
    expect(cloudEvent({ type: 't', source: 's', id: '1', time: '2024-01-01T00:00:00.000Z' })).toEqual({
      method: 'POST',
      path: '/',
      headers: {
        'ce-specversion': '1.0',
        'ce-id': '1',
        'ce-source': 's',
        'ce-type': 't',
        'ce-time': '2024-01-01T00:00:00.000Z',
      },
    })
  })
})

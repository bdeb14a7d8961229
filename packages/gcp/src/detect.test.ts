import { describe, expect, it } from 'vitest'
import { fixture } from '../test/fixtures.js'
import { type Rule, detect, sourceOf } from './detect.js'

const ce = {
  'ce-id': '1',
  'ce-type': 'google.cloud.pubsub.topic.v1.messagePublished',
  'ce-source': '//pubsub.googleapis.com/projects/p/topics/t',
  'ce-specversion': '1.0',
}

// One row per rule of `detect`, in its order; the source decides which function kind takes the delivery.
describe('detect: the ordered GCP delivery rules', () => {
  it.each<[string, Parameters<typeof detect>[0], Rule | undefined, string | undefined]>([
    [
      '1. binary CloudEvent: all four ce-* headers',
      { headers: ce, body: fixture('cloudevent-pubsub', 'google-cloudevents-binary-body-simple') },
      'binary-cloudevent',
      'pubsub',
    ],
    [
      '1. not binary when one ce-* header is missing (ce-id)',
      { headers: { ...ce, 'ce-id': undefined }, body: {} },
      undefined,
      undefined,
    ],
    [
      '2. Cloud Scheduler HTTP target: X-CloudScheduler header',
      { headers: { 'x-cloudscheduler': 'true', 'x-cloudscheduler-jobname': 'j' }, body: Buffer.from('x') },
      'scheduler-http',
      'scheduler',
    ],
    [
      '2. Cloud Scheduler HTTP target: its User-Agent alone',
      { headers: { 'user-agent': 'Google-Cloud-Scheduler' }, body: undefined },
      'scheduler-http',
      'scheduler',
    ],
    [
      '2. scheduler headers win over a body that looks like a push',
      { headers: { 'x-cloudscheduler': 'true' }, body: fixture('pubsub-push', 'docs-push-body') },
      'scheduler-http',
      'scheduler',
    ],
    [
      '3. structured CloudEvent (Pub/Sub)',
      { body: fixture('cloudevent-pubsub', 'conformance-structured') },
      'cloudevent',
      'pubsub',
    ],
    [
      '3. structured CloudEvent (Storage)',
      { body: fixture('cloudevent-storage', 'conformance-finalized-structured') },
      'cloudevent',
      'storage',
    ],
    [
      '3. structured CloudEvent of any other type',
      { body: { specversion: '1.0', type: 'com.example.thing', source: '/x', id: '1' } },
      'cloudevent',
      'other',
    ],
    [
      '4. legacy {context, data} Pub/Sub',
      { body: fixture('legacy-pubsub', 'conformance-context-data') },
      'legacy-event',
      'pubsub',
    ],
    [
      '4. legacy {context, data} Storage',
      { body: fixture('legacy-storage', 'conformance-finalize') },
      'legacy-event',
      'storage',
    ],
    [
      '5. flat legacy Pub/Sub (resource is a string)',
      { body: fixture('legacy-pubsub', 'conformance-flat-legacy') },
      'legacy-flat-event',
      'pubsub',
    ],
    [
      '5. flat legacy Storage object.change',
      { body: fixture('legacy-storage', 'ff-dotnet-flat-object-change-delete') },
      'legacy-flat-event',
      'storage',
    ],
    ['6. raw Pub/Sub push', { body: fixture('pubsub-push', 'docs-push-body') }, 'pubsub-push', 'pubsub'],
    [
      '6. raw push from the emulator (no publishTime)',
      { body: fixture('pubsub-push', 'ff-dotnet-emulator-push') },
      'pubsub-push',
      'pubsub',
    ],
    [
      '6. raw push with attributes and no data',
      { body: { message: { attributes: { a: '1' }, messageId: '9' }, subscription: 's' } },
      'pubsub-push',
      'pubsub',
    ],
    ['none: a plain JSON body', { headers: {}, body: { name: 'Keyboard Cat' } }, undefined, undefined],
    ['none: no body at all', { headers: {}, body: undefined }, undefined, undefined],
    ['none: an array', { body: [1, 2] }, undefined, undefined],
  ])('%s', (_, input, rule, source) => {
    const d = detect(input)
    expect(d?.rule).toBe(rule)
    expect(d && sourceOf(d)).toBe(source)
  })

  it('binary mode keeps extension headers as attributes and the content type as datacontenttype', () => {
    const d = detect({ headers: { ...ce, 'ce-traceparent': 'tp', 'content-type': 'application/json' }, body: { a: 1 } })
    expect(d).toEqual({
      rule: 'binary-cloudevent',
      event: {
        id: '1',
        type: 'google.cloud.pubsub.topic.v1.messagePublished',
        source: '//pubsub.googleapis.com/projects/p/topics/t',
        specversion: '1.0',
        traceparent: 'tp',
        datacontenttype: 'application/json',
        data: { a: 1 },
      },
    })
  })
})

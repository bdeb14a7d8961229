import { UnknownEventError } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { fixture } from '../test/fixtures.js'
import { detectTrigger } from './detect.js'
import { azureHttp, invocationContext } from './testing.js'

const egEvent = fixture('eventgrid', 'docs-eventgrid-schema-blob-created')[0]
const ceEvent = fixture('eventgrid', 'docs-cloudevents-schema-blob-created')

describe('detectTrigger: the registered binding wins', () => {
  it.each([
    ['httpTrigger', 'http'],
    ['queueTrigger', 'storageQueue'],
    ['serviceBusTrigger', 'serviceBus'],
    ['eventHubTrigger', 'eventHub'],
    ['blobTrigger', 'blob'],
    ['timerTrigger', 'timer'],
    ['eventGridTrigger', 'eventGrid'],
    ['EventGridTrigger', 'eventGrid'],
  ])('options.trigger.type %s → %s, whatever the input looks like', (type, expected) => {
    expect(detectTrigger({ isPastDue: true }, invocationContext({ trigger: type }))).toBe(expected)
  })
})

describe('detectTrigger: shape rules for contexts without a binding (hand-made in tests)', () => {
  it.each([
    ['2. an HttpRequest', azureHttp({ path: '/x' }), undefined, 'http'],
    ['3. blob metadata (blobTrigger)', Buffer.from('x'), fixture('blob', 'library-v4-trigger-metadata'), 'blob'],
    [
      '4. queue metadata (dequeueCount)',
      { name: 'world' },
      fixture('queue', 'library-v4-trigger-metadata'),
      'storageQueue',
    ],
    [
      '5. Service Bus 4.x metadata (deliveryCount, lockToken)',
      'hi',
      fixture('servicebus', 'library-v4-trigger-metadata'),
      'serviceBus',
    ],
    ['5. Service Bus batch metadata (deliveryCountArray)', ['a'], { deliveryCountArray: [1] }, 'serviceBus'],
    [
      '6. Event Hubs metadata (partitionContext)',
      'e',
      { partitionContext: { partitionId: '0' }, sequenceNumber: 1 },
      'eventHub',
    ],
    ['6. Event Hubs batch metadata (sequenceNumberArray)', ['e'], { sequenceNumberArray: [1] }, 'eventHub'],
    ['7. the timer object (node casing)', fixture('timer', 'docs-timer-object-node'), undefined, 'timer'],
    ['7. the timer object (host PascalCase)', fixture('timer', 'docs-timer-object-host'), undefined, 'timer'],
    ['8. an Event Grid schema event', egEvent, undefined, 'eventGrid'],
    ['8. a CloudEvents schema event', ceEvent, undefined, 'eventGrid'],
    [
      '8. the Event Grid webhook array',
      fixture('eventgrid', 'docs-eventgrid-schema-blob-created'),
      undefined,
      'eventGrid',
    ],
  ])('%s', (_rule, input, triggerMetadata, expected) => {
    expect(detectTrigger(input, invocationContext({ triggerMetadata }))).toBe(expected)
  })

  it('an input no rule recognises is an UnknownEventError naming the provider', () => {
    expect(() => detectTrigger({ hello: 'world' }, invocationContext())).toThrow(UnknownEventError)
    expect(() => detectTrigger({ hello: 'world' }, invocationContext())).toThrow(
      /faasade \(azure\): unrecognised event/,
    )
  })
})

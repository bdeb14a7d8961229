import type { InvocationContext } from '@azure/functions'
import { describe, expect, it } from 'vitest'
import { azure } from '../_azure.js'
import {
  type NativeInvocation,
  blob,
  cloudEvent,
  createWorkerHarness,
  eventGridEvent,
  eventHubBatch,
  eventHubEvent,
  queueMessage,
  serviceBusMessage,
  timer,
} from '../testing.js'

const worker = createWorkerHarness()
let captured: { input: unknown; context: InvocationContext } | undefined
const handler = async (input: unknown, context: InvocationContext) => {
  captured = { input, context }
}
azure.app.storageQueue('q', { queueName: 'q', connection: 'AzureWebJobsStorage', handler })
azure.app.serviceBusQueue('sb', { queueName: 'orders', connection: 'ServiceBusConnection', handler })
azure.app.eventHub('eh', { eventHubName: 'events', connection: 'EventHubConnection', handler })
azure.app.eventHub('ehMany', { eventHubName: 'events', connection: 'EventHubConnection', cardinality: 'many', handler })
azure.app.storageBlob('blob', { path: 'c/{name}', connection: 'AzureWebJobsStorage', handler })
azure.app.timer('timer', { schedule: '0 */5 * * * *', handler })
azure.app.eventGrid('grid', { handler })

// Each builder's direct form (trigger, context.triggerMetadata) must be what the library itself makes of its
// host form (rpc) when the worker harness invokes it.
describe('builders agree with @azure/functions', () => {
  it.each<[string, string, () => NativeInvocation]>([
    ['queueMessage (JSON)', 'q', () => queueMessage({ body: { Name: 'Ada' }, dequeueCount: 2 })],
    ['queueMessage (text)', 'q', () => queueMessage({ body: 'plain text' })],
    ['queueMessage (bytes)', 'q', () => queueMessage({ body: new Uint8Array([1, 2]) })],
    [
      'serviceBusMessage 5.x',
      'sb',
      () => serviceBusMessage({ body: 'hi', properties: { Priority: 'high' }, deliveryCount: 2 }),
    ],
    ['serviceBusMessage 4.x', 'sb', () => serviceBusMessage({ body: { a: 1 }, extension: 4 })],
    ['eventHubEvent', 'eh', () => eventHubEvent({ body: { temp: 21 }, properties: { Source: 'x' } })],
    ['eventHubBatch', 'ehMany', () => eventHubBatch([{ body: { n: 1 } }, { body: 'two' }])],
    [
      'eventHubBatch (bytes)',
      'ehMany',
      () => eventHubBatch([{ body: new Uint8Array([1]) }, { body: new Uint8Array([2]) }]),
    ],
    ['blob', 'blob', () => blob({ container: 'c', name: 'a/b.txt', content: 'hello' })],
    ['timer', 'timer', () => timer({ isPastDue: true })],
    ['timer (unmonitored)', 'timer', () => timer({ monitor: false })],
    ['eventGridEvent', 'grid', () => eventGridEvent({ eventType: 'Demo.Happened', subject: '/x', data: { k: 1 } })],
    ['cloudEvent', 'grid', () => cloudEvent({ type: 'demo', source: '/s', data: { k: 1 } })],
  ])('%s', async (_name, fn, make) => {
    const built = make()
    captured = undefined
    const res = await worker.invoke(fn, built.rpc)
    expect(res.error).toBeUndefined()
    const got = captured as { input: unknown; context: InvocationContext } | undefined
    expect(got?.input).toEqual(built.trigger)
    expect(got?.context.triggerMetadata).toEqual(built.context.triggerMetadata)
    expect(got?.context.invocationId).toBe(built.context.invocationId)
    expect(got?.context.options.trigger.type).toBe(built.context.options.trigger.type)
  })
})

import { type CloudEvent, type ObjectEvent, type ScheduleEvent, events, objects, schedule } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { fixture } from '../../test/fixtures.js'
import { handle, register } from '../index.js'
import { blob, cloudEvent, createWorkerHarness, eventGridEvent, invocationContext, timer } from '../testing.js'

const worker = createWorkerHarness()

const objectEvents: ObjectEvent[] = []
const store = objects(async (e) => {
  objectEvents.push(e)
  if (e.key.includes('boom')) throw new Error('cannot read blob')
})
register('blobs', store, { path: 'helloworldcontainer/{name}' })
register('gridBlobs', store, { type: 'eventGrid' })

const ticks: ScheduleEvent[] = []
const job = schedule({
  handler: async (e) => {
    ticks.push(e)
  },
  deploy: { cron: '*/5 * * * *' },
})
register('cleanup', job)

const cloudEvents: CloudEvent[] = []
const listener = events(async (e) => {
  cloudEvents.push(e)
})
register('grid', listener)

const strict = events({
  data: z.object({ api: z.literal('PutBlockList') }),
  handler: async (e) => void cloudEvents.push(e),
})
register('strictGrid', strict)

const lastObject = () => objectEvents[objectEvents.length - 1]
const plain = (e: ObjectEvent | undefined) => e && { ...e, native: undefined, time: e.time?.toISOString() }

describe('registration', () => {
  it.each([
    [
      'blobs',
      { type: 'blobTrigger', path: 'helloworldcontainer/{name}', connection: 'AzureWebJobsStorage', direction: 'in' },
    ],
    ['gridBlobs', { type: 'eventGridTrigger', direction: 'in' }],
    ['cleanup', { type: 'timerTrigger', schedule: '0 */5 * * * *', direction: 'in' }],
    ['grid', { type: 'eventGridTrigger', direction: 'in' }],
  ])('%s', (name, binding) => {
    expect(worker.registrations.get(name)?.trigger).toMatchObject(binding)
    expect(worker.registrations.get(name)?.trigger).not.toHaveProperty('type', 'eventGrid')
  })

  it('deploy.bucket gives the blob path; deletions without Event Grid are refused; a timer needs a schedule', () => {
    register('uploads', objects({ handler: async () => {}, deploy: { bucket: 'uploads' } }))
    expect(worker.registrations.get('uploads')?.trigger).toMatchObject({ path: 'uploads/{name}' })
    expect(() =>
      register('del', objects({ handler: async () => {}, deploy: { bucket: 'b', on: ['deleted'] } })),
    ).toThrow(/a blob trigger never sees deletions; register with \{ type: "eventGrid" \}/)
    expect(() =>
      register(
        'noPath',
        objects(async () => {}),
      ),
    ).toThrow(/a blob trigger needs "path"/)
    expect(() =>
      register(
        'noCron',
        schedule(async () => {}),
      ),
    ).toThrow(/a timer needs "schedule"/)
  })
})

describe('blob trigger', () => {
  it('library RPC metadata fixture: blobTrigger → bucket/key, properties → size, bare ETag, times; content on native', async () => {
    const content = new TextEncoder().encode('hello blob world')
    const res = await worker.invoke('blobs', {
      data: { bytes: content },
      triggerMetadata: fixture('blob', 'library-rpc-trigger-metadata'),
    })
    expect(res.error).toBeUndefined()
    expect(plain(lastObject())).toEqual({
      bucket: 'helloworldcontainer',
      key: 'hello-at-2022-08-25T05-06-38Z',
      size: 16,
      etag: '0x8DA8657981E929A',
      type: 'created',
      time: '2022-08-25T05:06:39.000Z',
      contentType: 'application/octet-stream',
      native: undefined,
    })
    const native = lastObject()?.native as { input: Buffer; metadata: Record<string, unknown> }
    expect(native.input.toString()).toBe('hello blob world')
    expect(native.metadata.uri).toBe(
      'https://test.blob.core.windows.net/helloworldcontainer/hello-at-2022-08-25T05-06-38Z',
    )
  })

  it('v4 metadata fixture called directly', async () => {
    await handle(store)(
      Buffer.from('x'),
      invocationContext({ trigger: 'blobTrigger', triggerMetadata: fixture('blob', 'library-v4-trigger-metadata') }),
    )
    expect(lastObject()).toMatchObject({
      bucket: 'helloworldcontainer',
      key: 'hello-at-2022-08-25T05-06-38Z',
      size: 16,
    })
  })

  it('blob names keep their slashes', async () => {
    const b = blob({
      container: 'docs',
      name: 'reports/2024/q1 final.pdf',
      content: 'pdf',
      contentType: 'application/pdf',
    })
    await handle(store)(b.trigger, b.context)
    expect(lastObject()).toMatchObject({
      bucket: 'docs',
      key: 'reports/2024/q1 final.pdf',
      size: 3,
      contentType: 'application/pdf',
    })
  })

  it('a failing blob is retried 5 times, then reported to webjobs-blobtrigger-poison', async () => {
    const result = await worker.deliver(
      'blobs',
      blob({ container: 'helloworldcontainer', name: 'boom.txt', content: 'x' }).rpc,
    )
    expect(result.attempts).toHaveLength(5)
    expect(result.deadLettered).toBe('webjobs-blobtrigger-poison')
  })
})

describe('timer', () => {
  it('host timer object fixture (PascalCase, camel-cased by the library): scheduledAt = scheduleStatus.next', async () => {
    const res = await worker.invoke('cleanup', {
      data: { json: JSON.stringify(fixture('timer', 'docs-timer-object-host')) },
      triggerMetadata: fixture('timer', 'library-rpc-trigger-metadata'),
    })
    expect(res.error).toBeUndefined()
    expect(ticks.at(-1)).toMatchObject({
      scheduledAt: new Date('2016-10-04T10:20:00Z'),
      isPastDue: false,
      name: 'cleanup',
    })
  })

  it('node timer object fixture called directly', async () => {
    await handle(job)(
      fixture('timer', 'docs-timer-object-node'),
      invocationContext({ trigger: 'timerTrigger', functionName: 'cleanup' }),
    )
    expect(ticks.at(-1)?.scheduledAt.toISOString()).toBe('2016-10-04T10:20:00.000Z')
  })

  it('past due: the missed occurrence is scheduledAt and isPastDue is true', async () => {
    const t = timer({ isPastDue: true, next: '2024-01-01T00:05:00Z', last: '2024-01-01T00:00:00Z' })
    await worker.invoke('cleanup', t.rpc)
    expect(ticks.at(-1)).toMatchObject({ isPastDue: true, scheduledAt: new Date('2024-01-01T00:05:00Z') })
  })

  it('scheduleStatus null (monitoring off) or a next run in the future (run on startup): scheduledAt is now', async () => {
    for (const t of [timer({ monitor: false }), timer({ next: new Date(Date.now() + 3_600_000) })]) {
      const before = Date.now()
      await worker.invoke('cleanup', t.rpc)
      const at = ticks.at(-1)?.scheduledAt.getTime() ?? 0
      expect(at).toBeGreaterThanOrEqual(before)
      expect(at).toBeLessThanOrEqual(Date.now())
    }
  })

  it('a failing run fails the invocation (Azure does not retry timers without a retry policy)', async () => {
    const failing = schedule(async () => {
      throw new Error('nope')
    })
    await expect(handle(failing)(timer().trigger, timer().context)).rejects.toThrow('nope')
  })
})

describe('Event Grid', () => {
  it('Event Grid schema blob event (fixture) → ObjectEvent from subject and data', async () => {
    const [event] = fixture('eventgrid', 'docs-eventgrid-schema-blob-created')
    const res = await worker.invoke('gridBlobs', { data: { json: JSON.stringify(event) } })
    expect(res.error).toBeUndefined()
    expect(plain(lastObject())).toEqual({
      bucket: 'oc2d2817345i200097container',
      key: 'oc2d2817345i20002296blob',
      size: 524288,
      etag: '0x8D4BCC2E4835CD0',
      type: 'created',
      time: '2017-06-26T18:41:00.958Z',
      contentType: 'application/octet-stream',
      native: undefined,
    })
  })

  it('CloudEvents schema blob event (fixture; subject without the leading slash) → ObjectEvent', async () => {
    const res = await worker.invoke('gridBlobs', {
      data: { json: JSON.stringify(fixture('eventgrid', 'docs-cloudevents-schema-blob-created')) },
    })
    expect(res.error).toBeUndefined()
    expect(lastObject()).toMatchObject({
      bucket: '{storage-container}',
      key: '{new-file}',
      size: 30699,
      contentType: 'image/png',
      type: 'created',
    })
  })

  it('BlobDeleted → type deleted; without a blob subject the container and name come from data.url', async () => {
    const e = eventGridEvent({
      eventType: 'Microsoft.Storage.BlobDeleted',
      subject: 'unexpected',
      data: { url: 'https://acct.blob.core.windows.net/photos/2024/a%20b.jpg' },
    })
    await handle(store)(e.trigger, e.context)
    expect(lastObject()).toMatchObject({ bucket: 'photos', key: '2024/a b.jpg', type: 'deleted', size: undefined })
  })

  it('a non-blob event reaching an objects function is a KindMismatchError', async () => {
    const e = eventGridEvent({ eventType: 'Microsoft.Resources.ResourceWriteSuccess', subject: '/subscriptions/x' })
    const res = await worker.invoke('gridBlobs', e.rpc)
    expect((res.error as Error).name).toBe('KindMismatchError')
    expect((res.error as Error).message).toContain(
      '"objects" function but it received an Azure Event Grid "Microsoft.Resources.ResourceWriteSuccess" event',
    )
  })

  it('events: the Event Grid schema maps topic → source, eventType → type, eventTime → time; versions as extensions', async () => {
    const [event] = fixture('eventgrid', 'docs-eventgrid-schema-blob-created')
    await worker.invoke('grid', { data: { json: JSON.stringify(event) } })
    const e = cloudEvents.at(-1)
    expect({ ...e, native: undefined }).toEqual({
      id: '831e1650-001e-001b-66ab-eeb76e069631',
      source: event.topic,
      type: 'Microsoft.Storage.BlobCreated',
      subject: event.subject,
      time: new Date('2017-06-26T18:41:00.958Z'),
      data: event.data,
      specversion: '1.0',
      dataContentType: undefined,
      extensions: { dataVersion: '', metadataVersion: '1' },
      native: undefined,
    })
  })

  it('events: a CloudEvents schema event keeps its attributes; unknown ones become extensions; data_base64 is decoded', async () => {
    const ce = fixture('eventgrid', 'docs-cloudevents-schema-blob-created')
    await worker.invoke('grid', { data: { json: JSON.stringify({ ...ce, traceparent: '00-abc-01' }) } })
    expect(cloudEvents.at(-1)).toMatchObject({
      id: ce.id,
      source: ce.source,
      type: ce.type,
      subject: ce.subject,
      data: ce.data,
      extensions: { traceparent: '00-abc-01' },
    })
    const bin = cloudEvent({ type: 'demo', source: '/demo' })
    const raw = { ...(bin.trigger as object), data: undefined, data_base64: Buffer.from('hi').toString('base64') }
    await handle(listener)(raw, bin.context)
    expect(Buffer.from(cloudEvents.at(-1)?.data as Uint8Array).toString()).toBe('hi')
  })

  it('the webhook array (fixture as delivered over HTTP) is unrolled', async () => {
    const before = cloudEvents.length
    await handle(listener)(
      fixture('eventgrid', 'docs-eventgrid-schema-blob-created'),
      invocationContext({ trigger: 'eventGridTrigger' }),
    )
    expect(cloudEvents.length).toBe(before + 1)
  })

  it('data failing the schema fails the invocation, so Event Grid retries and dead-letters it', async () => {
    const res = await worker.invoke(
      'strictGrid',
      cloudEvent({ type: 't', source: '/s', data: { api: 'DeleteBlob' } }).rpc,
    )
    expect((res.error as Error).name).toBe('ValidationError')
    const ok = await worker.invoke('strictGrid', {
      data: { json: JSON.stringify(fixture('eventgrid', 'docs-cloudevents-schema-blob-created')) },
    })
    expect(ok.error).toBeUndefined()
  })
})

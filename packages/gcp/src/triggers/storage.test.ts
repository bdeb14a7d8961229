import { type ObjectEvent, objects } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/fixtures.js'
import { captureLogs } from '../../test/logs.js'
import { type Sig, servedUnderEverySignature } from '../../test/signatures.js'
import { type NativeRequest, cloudEvent, httpRequest, legacyStorageEvent, storageCloudEvent } from '../testing.js'

type Seen = Omit<ObjectEvent, 'native' | 'time'> & { time: string | undefined }
const seen: Seen[] = []
const recorder = objects(async (e) => {
  const { native: _, time, ...rest } = e
  seen.push({ ...rest, time: time?.toISOString() })
})

const SOURCE = '//storage.googleapis.com/projects/_/buckets/sample-bucket'
const binaryBody = (variant: string, type: string): NativeRequest =>
  cloudEvent({
    type: `google.cloud.storage.object.v1.${type}`,
    source: SOURCE,
    subject: 'objects/MyFile',
    id: '1234567',
    time: '2020-05-18T09:07:51.799Z',
    data: fixture('cloudevent-storage', variant),
  })
const structured = (variant: string): NativeRequest =>
  httpRequest({
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify(fixture('cloudevent-storage', variant)),
  })
const post = (variant: string): NativeRequest =>
  httpRequest({ method: 'POST', body: fixture('legacy-storage', variant) })

const ALL: Sig[] = ['cloudevent', 'http', 'event']
const TEST_CS = {
  bucket: 'some-bucket',
  key: 'folder/Test.cs',
  size: 352,
  etag: 'CNHZkbuF/ugCEAE=',
  contentType: 'text/plain',
}

// Every GCP Storage fixture, through every signature.
const rows: [string, () => NativeRequest, Partial<Seen>][] = [
  [
    'cloudevent-storage/conformance-finalized-structured',
    () => structured('conformance-finalized-structured'),
    { ...TEST_CS, type: 'created', time: '2020-09-29T11:32:00.123Z' },
  ],
  [
    'cloudevent-storage/google-cloudevents-binary-body-simple (int64 as strings)',
    () => binaryBody('google-cloudevents-binary-body-simple', 'finalized'),
    { bucket: 'sample-bucket', key: 'folder/Test.cs', size: 352, type: 'created', time: '2020-05-18T09:07:51.799Z' },
  ],
  [
    'cloudevent-storage/google-cloudevents-binary-body-complex as deleted (int64 as numbers)',
    () => binaryBody('google-cloudevents-binary-body-complex', 'deleted'),
    { bucket: 'sample-bucket', key: 'MyFile', size: 0, etag: 'COu8mb3Dn+kCEAE=', type: 'deleted' },
  ],
  [
    'cloudevent-storage/google-cloudevents-structured-workflows (extension, µs time)',
    () => structured('google-cloudevents-structured-workflows'),
    { bucket: 'sample-bucket', key: 'MyFile', size: 0, type: 'created', time: '2021-11-25T21:04:32.279Z' },
  ],
  [
    'legacy-storage/conformance-finalize ({context, data})',
    () => post('conformance-finalize'),
    { ...TEST_CS, type: 'created', time: '2020-09-29T11:32:00.123Z' },
  ],
  [
    'legacy-storage/ff-dotnet-flat-object-change-delete (flat, resourceState not_exists)',
    () => post('ff-dotnet-flat-object-change-delete'),
    { bucket: 'sample-bucket', key: 'MyFile', size: 0, type: 'deleted', time: '2020-05-18T09:07:51.799Z' },
  ],
]

describe('Cloud Storage deliveries → objects functions, through the Functions Framework', () => {
  const servers = servedUnderEverySignature(recorder, () => {
    seen.length = 0
  })

  for (const [name, request, expected] of rows) {
    it.each(ALL)(`${name} — %s signature`, async (sig) => {
      const res = await servers[sig].send(request())
      expect(res.status).toBe(204)
      expect(seen).toEqual([expect.objectContaining(expected)])
    })
  }

  it.each([
    [
      'CloudEvent finalized',
      storageCloudEvent({ bucket: 'b', name: 'dir/a b.txt', size: 12, contentType: 'text/plain' }),
      'created',
    ],
    ['CloudEvent deleted', storageCloudEvent({ bucket: 'b', name: 'dir/a b.txt', event: 'deleted' }), 'deleted'],
    ['legacy finalize', legacyStorageEvent({ bucket: 'b', name: 'dir/a b.txt' }), 'created'],
    ['legacy delete', legacyStorageEvent({ bucket: 'b', name: 'dir/a b.txt', event: 'delete' }), 'deleted'],
    ['flat object.change (exists)', legacyStorageEvent({ bucket: 'b', name: 'dir/a b.txt', flat: true }), 'created'],
    [
      'flat object.change (not_exists)',
      legacyStorageEvent({ bucket: 'b', name: 'dir/a b.txt', flat: true, event: 'delete' }),
      'deleted',
    ],
  ] as const)('builder: %s → %s, key not URL-encoded', async (_, request, type) => {
    const res = await servers.cloudevent.send(request)
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ bucket: 'b', key: 'dir/a b.txt', type })
  })

  it.each(['archived', 'metadataUpdated'] as const)(
    '%s is neither created nor deleted: a clear error, never a silent ack',
    async (event) => {
      const logs = captureLogs()
      try {
        const res = await servers.cloudevent.send(storageCloudEvent({ bucket: 'b', name: 'x', event }))
        expect(res.status).toBe(500)
        expect(res.text()).toContain(
          `google.cloud.storage.object.v1.${event} is neither an object creation nor a deletion`,
        )
        const overHttp = await servers.http.send(storageCloudEvent({ bucket: 'b', name: 'x', event }))
        expect(overHttp.status).toBe(400)
        expect(overHttp.headers.get('content-type')).toBe('application/problem+json')
        expect(seen).toHaveLength(0)
        expect(logs.lines.filter((l) => l.severity === 'ERROR' && l.error?.name === 'UnknownEventError')).toHaveLength(
          2,
        )
      } finally {
        logs.restore()
      }
    },
  )
})

import { type ObjectEvent, UnknownEventError, objects } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { invokeLambda, lambdaContext, s3 } from '../testing.js'
import { decodeS3Key } from './s3.js'

function recorder() {
  const seen: ObjectEvent[] = []
  return { seen, handler: lambda(objects((e) => void seen.push(e))) }
}

describe('S3 through lambda()', () => {
  it('doc sample (ObjectCreated:Put): bucket, key, size, etag, time, created', async () => {
    const { seen, handler } = recorder()
    expect(await invokeLambda(handler, fixture('s3', 'lambda-dev-guide-put'))).toBeUndefined()
    expect(seen).toHaveLength(1)
    const { native, ...event } = seen[0] as ObjectEvent
    expect(event).toEqual({
      bucket: 'DOC-EXAMPLE-BUCKET',
      key: 'b21b84d653bb07b05b1e6b33684dc11b',
      size: 1305107,
      etag: 'b21b84d653bb07b05b1e6b33684dc11b',
      type: 'created',
      time: new Date('2019-09-03T19:37:27.192Z'),
      contentType: undefined,
    })
    expect((native as { eventName: string }).eventName).toBe('ObjectCreated:Put')
  })

  it('S3 keys: + is a space and %2B a plus (ObjectRemoved:Delete → deleted, no size or etag)', async () => {
    const { seen, handler } = recorder()
    await invokeLambda(handler, fixture('s3', 'encoded-key-delete'))
    expect(seen[0]).toMatchObject({
      bucket: 'photos-bucket',
      key: 'summer 2024/café + friends.jpg',
      type: 'deleted',
      size: undefined,
      etag: undefined,
    })
  })

  it.each([
    ['a+b', 'a b'],
    ['a%2Bb', 'a+b'],
    ['dir/caf%C3%A9.txt', 'dir/café.txt'],
    ['100%', '100%'],
    ['bad%E0%A4%A', 'bad%E0%A4%A'],
  ])('decodeS3Key(%j) → %j (a malformed escape is kept, not thrown)', (raw, key) => {
    expect(decodeS3Key(raw)).toBe(key)
  })

  it('builder round trip: any key survives encoding by s3({ key })', async () => {
    const { seen, handler } = recorder()
    const key = 'reports/2024 Q1/ünïcödé+100%&more?.csv'
    await invokeLambda(handler, s3({ bucket: 'b', key, type: 'deleted' }))
    expect(seen[0]).toMatchObject({ bucket: 'b', key, type: 'deleted' })
  })

  it('LifecycleExpiration:Delete is a deletion; other S3 event names are a clear error', async () => {
    const { seen, handler } = recorder()
    await invokeLambda(handler, s3({ key: 'k', eventName: 'LifecycleExpiration:Delete' }))
    expect(seen[0]?.type).toBe('deleted')
    await expect(invokeLambda(handler, s3({ key: 'k', eventName: 'ObjectRestore:Completed' }))).rejects.toThrow(
      UnknownEventError,
    )
  })

  it('a handler failure rethrows (Lambda retries the asynchronous event) and is logged', async () => {
    const handler = lambda(
      objects(() => {
        throw new Error('thumbnailer crashed')
      }),
    )
    const { logs } = await captureLogs(() =>
      expect(invokeLambda(handler, s3({ key: 'k' }), lambdaContext({ awsRequestId: 's3-req' }))).rejects.toThrow(
        'thumbnailer crashed',
      ),
    )
    expect(logs).toMatchObject([
      { level: 'ERROR', requestId: 's3-req', kind: 'objects', errorMessage: 'thumbnailer crashed' },
    ])
  })
})

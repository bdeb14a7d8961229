import { type Message, messages } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { dynamodb, invokeLambda, kinesis } from '../testing.js'
import type { DynamoDBChange } from './dynamodb.js'

function recorder(fail: (m: Message) => boolean = () => false) {
  const seen: Message[] = []
  const handler = lambda(
    messages((m) => {
      seen.push(m)
      if (fail(m)) throw new Error(`failed ${m.id}`)
    }),
  )
  return { seen, handler }
}

describe('Kinesis through lambda()', () => {
  it('doc sample: data base64-decoded, arrival time from epoch seconds, eventID as id', async () => {
    const { seen, handler } = recorder()
    expect(await invokeLambda(handler, fixture('kinesis', 'lambda-dev-guide-kinesis'))).toEqual({
      batchItemFailures: [],
    })
    expect(seen.map((m) => m.text())).toEqual(['Hello, this is a test.', 'This is only a test.'])
    expect(seen[0]?.id).toBe('shardId-000000000006:49590338271490256608559692538361571095921575989136588898')
    expect(seen[0]?.publishedAt).toEqual(new Date(1545084650987))
    expect(seen[0]?.attributes).toEqual({
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
    })
  })

  it('a failing record: it and every later record reported by sequence number; later ones not run', async () => {
    const { seen, handler } = recorder((m) => m.text() === 'fail')
    const { result } = await captureLogs(() => invokeLambda(handler, fixture('kinesis', 'failing-record')))
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: '49590338271490256608559692538361571095921575989136589898' },
        { itemIdentifier: '49590338271490256608559692538361571095921575989136590898' },
      ],
    })
    expect(seen.map((m) => m.text())).toEqual(['ok-1', 'fail'])
  })

  it('the stream failure answer has exactly the documented response shape', async () => {
    const documented = fixture('kinesis', 'lambda-dev-guide-streams-batch-item-failures-response')
    const { handler } = recorder((m) => m.text() === 'fail')
    const { result } = await captureLogs(() => invokeLambda(handler, fixture('kinesis', 'failing-record')))
    const answer = result as typeof documented
    expect(Object.keys(answer)).toEqual(Object.keys(documented))
    expect(Object.keys(answer.batchItemFailures[0])).toEqual(Object.keys(documented.batchItemFailures[0]))
  })

  it('binary data survives; invalid base64 fails only that record', async () => {
    const bytes = new Uint8Array([0, 255, 1, 254])
    const event = kinesis([bytes, 'next'])
    const got: Uint8Array[] = []
    expect(await invokeLambda(lambda(messages((m) => void got.push(m.bytes()))), event)).toEqual({
      batchItemFailures: [],
    })
    expect([...(got[0] as Uint8Array)]).toEqual([0, 255, 1, 254])
    ;(event.Records[0] as { kinesis: { data: string } }).kinesis.data = '%%%'
    const { result } = await captureLogs(() => invokeLambda(lambda(messages((m) => void m.bytes())), event))
    expect(result).toEqual({
      batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })),
    })
  })
})

describe('DynamoDB streams through lambda()', () => {
  it('doc sample: images unmarshalled to plain JSON (numbers as numbers)', async () => {
    const { seen, handler } = recorder()
    expect(await invokeLambda(handler, fixture('dynamodb', 'lambda-dev-guide-stream'))).toEqual({
      batchItemFailures: [],
    })
    expect(seen.map((m) => m.json())).toEqual([
      { eventName: 'INSERT', keys: { Id: 101 }, newImage: { Message: 'New item!', Id: 101 } },
      {
        eventName: 'MODIFY',
        keys: { Id: 101 },
        newImage: { Message: 'This item has changed', Id: 101 },
        oldImage: { Message: 'New item!', Id: 101 },
      },
    ])
    expect(seen[0]?.attributes).toEqual({ eventName: 'INSERT', sequenceNumber: '111' })
    expect(seen[0]?.id).toBe('1')
    expect(seen[0]?.publishedAt).toBeUndefined()
  })

  it('a failing record: reported by SequenceNumber with every later one; every attribute type unmarshalled', async () => {
    const { seen, handler } = recorder((m) => m.json<DynamoDBChange>().newImage?.status === 'FAIL')
    const { result } = await captureLogs(() => invokeLambda(handler, fixture('dynamodb', 'failing-record')))
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: '4421584500000000017450439291' },
        { itemIdentifier: '4421584500000000017450439391' },
      ],
    })
    expect(seen).toHaveLength(2)
    expect(seen[0]?.json()).toEqual({
      eventName: 'INSERT',
      keys: { pk: 'order#1' },
      newImage: {
        pk: 'order#1',
        total: 19.99,
        items: [{ sku: 'A-1', qty: 2 }],
        paid: false,
        note: null,
        tags: ['new', 'web'],
        scores: [1, 2.5],
        blob: 'AAEC/w==',
        bigId: '12345678901234567890',
      },
    })
    expect(seen[0]?.publishedAt).toEqual(new Date(1714557601000))
  })

  it('builder round trip: plain items marshalled by dynamodb([...]) come back the same', async () => {
    const { seen, handler } = recorder()
    const item = { pk: 'u#1', n: 3, nested: { list: [1, 'two', true, null] } }
    await invokeLambda(
      handler,
      dynamodb([
        { keys: { pk: 'u#1' }, newImage: item },
        { keys: { pk: 'u#1' }, oldImage: item },
      ]),
    )
    expect(seen.map((m) => m.json())).toEqual([
      { eventName: 'INSERT', keys: { pk: 'u#1' }, newImage: item },
      { eventName: 'REMOVE', keys: { pk: 'u#1' }, oldImage: item },
    ])
  })
})

import { type Message, messages } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { invokeLambda, lambdaContext, sqs } from '../testing.js'

/** A consumer that records what it saw and fails the messages `fail` picks. */
function recorder(fail: (m: Message) => boolean = () => false) {
  const seen: Message[] = []
  const fn = messages((message) => {
    seen.push(message)
    if (fail(message)) throw new Error(`cannot process ${message.id}`)
  })
  return { seen, handler: lambda(fn) }
}

describe('SQS through lambda()', () => {
  it('standard batch: every message read, the full-success answer is an empty batchItemFailures', async () => {
    const { seen, handler } = recorder()
    expect(await invokeLambda(handler, fixture('sqs', 'lambda-dev-guide-standard-batch'))).toEqual({
      batchItemFailures: [],
    })
    expect(seen.map((m) => m.id)).toEqual([
      '059f36b4-87a3-44ab-83d2-661975830a7d',
      '2e1424d4-f796-459a-8184-9c92662be6da',
    ])
    expect(seen[0]?.text()).toBe('Test message.')
    expect(seen[0]?.attempt).toBe(1)
    expect(seen[0]?.publishedAt).toEqual(new Date(1545082649183))
    expect(seen[0]?.attributes).toEqual({})
    expect((seen[0]?.native as { receiptHandle: string }).receiptHandle).toBe('AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...')
  })

  it('message attributes: stringValue, or binaryValue kept as base64; ApproximateReceiveCount is the attempt', async () => {
    const { seen, handler } = recorder()
    await invokeLambda(handler, fixture('sqs', 'aws-lambda-go-message-attributes'))
    expect(seen[0]?.attributes).toEqual({ Attribute1: 'AttributeValue1', Attribute2: '123', Attribute3: 'MTEwMA==' })
    expect(seen[0]?.attempt).toBe(2)
    expect(seen[0]?.text()).toBe('Message Body')
    expect(seen[0]?.publishedAt).toEqual(new Date(1520621625029))
  })

  it('a message handler that throws fails only its own message (batchItemFailures by messageId)', async () => {
    const { seen, handler } = recorder((m) => m.json<{ sku: string }>().sku === 'FAIL')
    const context = lambdaContext({ awsRequestId: 'sqs-req' })
    const { result, logs } = await captureLogs(() => invokeLambda(handler, fixture('sqs', 'batch-one-fails'), context))
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'a1b2c3d4-0002-4000-8000-000000000002' }] })
    expect(seen.map((m) => m.json<{ sku: string }>().sku)).toEqual(['A-1', 'FAIL', 'C-3'])
    expect(seen[0]?.attributes).toEqual({ tenant: 'acme' })
    expect(seen[1]?.attempt).toBe(3)
    expect(logs).toMatchObject([
      {
        level: 'ERROR',
        requestId: 'sqs-req',
        messageId: 'a1b2c3d4-0002-4000-8000-000000000002',
        attempt: 3,
        errorMessage: 'cannot process a1b2c3d4-0002-4000-8000-000000000002',
      },
    ])
  })

  it('the partial failure answer has exactly the documented response shape', async () => {
    const documented = fixture('sqs', 'lambda-dev-guide-batch-item-failures-response')
    const { handler } = recorder((m) => m.json<{ sku: string }>().sku === 'FAIL')
    const { result } = await captureLogs(() => invokeLambda(handler, fixture('sqs', 'batch-one-fails')))
    const answer = result as typeof documented
    expect(Object.keys(answer)).toEqual(Object.keys(documented))
    expect(Object.keys(answer.batchItemFailures[0])).toEqual(Object.keys(documented.batchItemFailures[0]))
    expect(typeof answer.batchItemFailures[0].itemIdentifier).toBe('string')
  })

  it('a message that fails validation is reported failed (so it reaches the DLQ), never dropped', async () => {
    const handled: unknown[] = []
    const handler = lambda(
      messages({ data: z.object({ sku: z.string(), qty: z.number() }), handler: (m) => void handled.push(m.data) }),
    )
    const event = sqs([
      { body: { sku: 'A', qty: 1 }, messageId: 'ok' },
      { body: { sku: 'B', qty: 'two' }, messageId: 'invalid' },
      { body: '{not json', messageId: 'malformed' },
    ])
    const { result, logs } = await captureLogs(() => invokeLambda(handler, event))
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'invalid' }, { itemIdentifier: 'malformed' }] })
    expect(handled).toEqual([{ sku: 'A', qty: 1 }])
    expect(logs.map((l) => [l.messageId, l.errorType])).toEqual([
      ['invalid', 'ValidationError'],
      ['malformed', 'HttpError'],
    ])
  })

  it('FIFO queue: the first failure stops the batch and every later message is reported too', async () => {
    const { seen, handler } = recorder((m) => m.text() === 'step-2')
    const { result } = await captureLogs(() => invokeLambda(handler, fixture('sqs', 'fifo-batch')))
    expect(result).toEqual({
      batchItemFailures: [
        { itemIdentifier: '11d6ee51-4cc7-4302-9e22-7cd8afdaad01' },
        { itemIdentifier: '11d6ee51-4cc7-4302-9e22-7cd8afdaad02' },
      ],
    })
    expect(seen.map((m) => m.text())).toEqual(['step-1', 'step-2'])
  })

  it('FIFO doc sample: one message, ordered, succeeds', async () => {
    const { seen, handler } = recorder()
    expect(await invokeLambda(handler, fixture('sqs', 'lambda-dev-guide-fifo'))).toEqual({ batchItemFailures: [] })
    expect(seen.map((m) => m.text())).toEqual(['Test message.'])
  })

  it('SNS→SQS fan-out: the body is the SNS envelope as sent (not unwrapped, not guessed)', async () => {
    const { seen, handler } = recorder()
    await invokeLambda(handler, fixture('sqs', 'powertools-sns-to-sqs-fanout'))
    const envelope = seen[0]?.json<{ Type: string; Message: string; SigningCertURL: string }>()
    expect(envelope?.Type).toBe('Notification')
    expect(JSON.parse(envelope?.Message ?? '')).toEqual({ message: 'hello world', username: 'lessa' })
  })

  it('concurrency > 1 on a standard queue still reports exactly the failed ids', async () => {
    const handler = lambda(
      messages({
        concurrency: 4,
        handler: (m) => {
          if (Number(m.text()) % 3 === 0) throw new Error('x')
        },
      }),
    )
    const bodies = Array.from({ length: 10 }, (_, i) => ({ body: String(i), messageId: `m${i}` }))
    const { result } = await captureLogs(() => invokeLambda(handler, sqs(bodies)))
    expect(result).toEqual({
      batchItemFailures: ['m0', 'm3', 'm6', 'm9'].map((itemIdentifier) => ({ itemIdentifier })),
    })
  })
})

import {
  type Context,
  type FaasFunction,
  KindMismatchError,
  UnknownEventError,
  ValidationError,
  events,
  http,
  invoke,
  json,
  messages,
  objects,
  schedule,
} from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { captureLogs } from '../test/capture-logs.js'
import { fixture } from '../test/fixture.js'
import { handle, lambda } from './index.js'
import { alb, apiGatewayV2, invokeLambda, lambdaContext, readHttpResult, s3, scheduledEvent, sqs } from './testing.js'

const fns: Record<string, FaasFunction> = {
  http: http(() => json({})),
  messages: messages(() => {}),
  objects: objects(() => {}),
  schedule: schedule(() => {}),
  events: events(() => {}),
  invoke: invoke(() => 1),
}

describe('handler shape', () => {
  it.each(Object.entries(fns))('%s: the handler declares at most 2 parameters (Node 24 rejects 3)', (_kind, fn) => {
    expect(lambda(fn).length).toBeLessThanOrEqual(2)
    expect(handle(fn).length).toBeLessThanOrEqual(2)
  })

  it('lambda is handle under the AWS name', () => {
    expect(lambda).toBe(handle)
  })

  it('a value that is not a faasade function is a TypeError at wrap time', () => {
    expect(() => lambda({ kind: 'http' } as unknown as FaasFunction)).toThrow(TypeError)
  })
})

describe('events a function cannot take', () => {
  it.each<[string, unknown, string]>([
    ['http', sqs(['x']), 'an SQS batch'],
    ['http', s3({ key: 'k' }), 'an S3 event notification'],
    ['http', scheduledEvent(), 'an EventBridge scheduled event'],
    ['messages', apiGatewayV2({}), 'an HTTP API (payload 2.0) request'],
    ['messages', alb({}), 'an ALB request'],
    ['messages', s3({ key: 'k' }), 'an S3 event notification'],
    ['objects', sqs(['x']), 'an SQS batch'],
    ['schedule', fixture('sns', 'lambda-dev-guide-sns'), 'an SNS notification'],
    ['events', fixture('kinesis', 'lambda-dev-guide-kinesis'), 'a Kinesis stream batch'],
    ['objects', fixture('dynamodb', 'lambda-dev-guide-stream'), 'a DynamoDB stream batch'],
  ])('%s function given %#: KindMismatchError naming both', async (kind, event, received) => {
    const error = await invokeLambda(lambda(fns[kind] as FaasFunction), event).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KindMismatchError)
    expect((error as Error).message).toContain(`"${kind}" function`)
    expect((error as Error).message).toContain(received)
  })

  it('an unknown shape is an UnknownEventError that says only invoke() takes raw payloads', async () => {
    const error = await invokeLambda(
      lambda(fns.http as FaasFunction),
      fixture('direct-invoke', 'lambda-dev-guide-console-test-event'),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnknownEventError)
    expect((error as Error).message).toBe(
      'faasade (aws): unrecognised event: no AWS trigger envelope matches an object with keys key1, key2, key3, so this "http" ' +
        'function cannot take it. Only an invoke() function accepts a direct-invocation payload.',
    )
  })

  it('Records from an unsupported source name it', async () => {
    const error = await invokeLambda(lambda(fns.messages as FaasFunction), {
      Records: [{ eventSource: 'aws:ses' }],
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnknownEventError)
    expect((error as Error).message).toContain('"aws:ses"')
  })

  it.each<[string, FaasFunction, unknown, string]>([
    [
      'HTTP API 2.0 without a method',
      fns.http as FaasFunction,
      { version: '2.0', requestContext: { http: {} } },
      'an HTTP API (payload 2.0) request',
    ],
    [
      'Kinesis record without its kinesis block',
      fns.messages as FaasFunction,
      { Records: [{ eventSource: 'aws:kinesis' }] },
      'a Kinesis stream batch',
    ],
    [
      'SNS record without Sns',
      fns.messages as FaasFunction,
      { Records: [{ EventSource: 'aws:sns' }] },
      'an SNS notification',
    ],
    [
      'S3 record without s3',
      fns.objects as FaasFunction,
      { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put' }] },
      'an S3 event notification',
    ],
  ])(
    'a malformed envelope (%s) is an UnknownEventError naming the trigger, not a TypeError',
    async (_name, fn, event, name) => {
      const error = await invokeLambda(lambda(fn), event).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UnknownEventError)
      expect((error as Error).message).toContain(`malformed event (${name}): `)
    },
  )

  it.each(['cloudfront-guide-viewer-request', 'cloudfront-guide-origin-request'])(
    'Lambda@Edge (%s) is detected and rejected as unsupported',
    async (variant) => {
      const error = await invokeLambda(lambda(fns.http as FaasFunction), fixture('lambda-edge', variant)).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(UnknownEventError)
      expect((error as Error).message).toContain('Lambda@Edge (CloudFront) events are not supported by @faasade/aws')
    },
  )
})

describe('direct invocation', () => {
  it('an invoke function gets the console test event as its payload and returns its result', async () => {
    const handler = lambda(invoke((input: unknown) => ({ got: input })))
    expect(await invokeLambda(handler, fixture('direct-invoke', 'lambda-dev-guide-console-test-event'))).toEqual({
      got: { key1: 'value1', key2: 'value2', key3: 'value3' },
    })
    expect(await invokeLambda(handler, fixture('direct-invoke', 'array-payload'))).toEqual({
      got: [1, 'two', { three: 3 }],
    })
  })

  it('an invoke function receives any event as its payload, trigger envelopes included', async () => {
    const event = sqs(['raw'])
    expect(await invokeLambda(lambda(invoke((input: unknown) => input)), event)).toEqual(
      JSON.parse(JSON.stringify(event)),
    )
  })

  it('input failing the schema throws a ValidationError (the caller sees errorType ValidationError)', async () => {
    const handler = lambda(invoke({ input: z.object({ n: z.number() }), handler: ({ n }) => n * 2 }))
    expect(await invokeLambda(handler, { n: 21 })).toBe(42)
    await expect(invokeLambda(handler, { n: 'x' })).rejects.toThrow(ValidationError)
  })
})

describe('context', () => {
  const probe = (into: Context[]) =>
    lambda(
      http((_req, ctx) => {
        into.push(ctx)
        ctx.log.info('probe', { n: 1 })
        return json({ id: ctx.requestId })
      }),
    )

  it('deadline = now + getRemainingTimeInMillis(); functionName and provider from the Lambda context', async () => {
    const seen: Context[] = []
    // Like Lambda's clock: the time left shrinks as time passes, so the deadline is the same whenever it is read
    // (faasade reads it only when the handler asks, here after the invocation).
    const end = Date.now() + 12_345
    const context = {
      ...lambdaContext({ functionName: 'orders-api' }),
      getRemainingTimeInMillis: () => end - Date.now(),
    }
    await captureLogs(() => invokeLambda(probe(seen), apiGatewayV2({}), context))
    const ctx = seen[0] as Context
    expect(ctx.deadline).toBeLessThanOrEqual(end)
    expect(ctx.deadline).toBeGreaterThanOrEqual(end - 5) // two clock reads, a millisecond or so apart
    expect(ctx.functionName).toBe('orders-api')
    expect(ctx.provider).toBe('aws')
    expect(ctx.native).toBe(context)
  })

  it('request id: API Gateway / Function URL id when present, with awsRequestId in every log line', async () => {
    const seen: Context[] = []
    const { logs } = await captureLogs(() =>
      invokeLambda(probe(seen), apiGatewayV2({ requestId: 'gw-1' }), lambdaContext({ awsRequestId: 'aws-1' })),
    )
    expect(seen[0]?.requestId).toBe('gw-1')
    expect(logs).toEqual([
      {
        timestamp: expect.any(String),
        level: 'INFO',
        requestId: 'gw-1',
        message: 'probe',
        awsRequestId: 'aws-1',
        n: 1,
      },
    ])
  })

  it('request id: Lambda awsRequestId where the front door has none (ALB) and for every non-HTTP trigger', async () => {
    const seen: Context[] = []
    const { logs } = await captureLogs(() =>
      invokeLambda(probe(seen), alb({}), lambdaContext({ awsRequestId: 'aws-2' })),
    )
    expect(seen[0]?.requestId).toBe('aws-2')
    expect(logs).toEqual([{ timestamp: expect.any(String), level: 'INFO', requestId: 'aws-2', message: 'probe', n: 1 }])
    let sqsId = ''
    await invokeLambda(
      lambda(
        messages((_m, ctx) => {
          sqsId = ctx.requestId
        }),
      ),
      sqs(['x']),
      lambdaContext({ awsRequestId: 'aws-3' }),
    )
    expect(sqsId).toBe('aws-3')
  })

  it('a log call with circular or BigInt fields still writes one line instead of failing the invocation', async () => {
    const fn = lambda(
      http((_req, ctx) => {
        const loop: Record<string, unknown> = { big: 10n }
        loop.self = loop
        ctx.log.warn('odd fields', { loop })
        return json({ ok: true })
      }),
    )
    const { result, logs } = await captureLogs(() => invokeLambda(fn, alb({})))
    expect(readHttpResult(result).status).toBe(200)
    expect(logs).toMatchObject([{ level: 'WARN', message: 'odd fields', loop: { big: '10', self: '[Circular]' } }])
  })

  it('no state leaks between concurrent invocations: each answer and log line carries its own request id', async () => {
    const handler = lambda(
      http(async (req, ctx) => {
        await new Promise((resolve) => setTimeout(resolve, Number(req.query.get('wait'))))
        ctx.log.info(`done ${req.query.get('n')}`)
        return json({ id: ctx.requestId, n: req.query.get('n') })
      }),
    )
    const { result, logs } = await captureLogs(() =>
      Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          invokeLambda(
            handler,
            apiGatewayV2({ requestId: `req-${n}`, query: { n: String(n), wait: String((n * 7) % 5) } }),
          ),
        ),
      ),
    )
    result.forEach((r, n) => expect(readHttpResult(r).json()).toEqual({ id: `req-${n}`, n: String(n) }))
    expect(logs).toHaveLength(40)
    for (const line of logs) expect(line.message).toBe(`done ${String(line.requestId).slice(4)}`)
  })
})

import { describe, expect, it } from 'vitest'
import { fixture } from '../test/fixture.js'
import { type AwsTrigger, detectTrigger } from './detect.js'
import {
  alb,
  apiGatewayV1,
  apiGatewayV2,
  dynamodb,
  eventBridge,
  functionUrl,
  httpApiV1,
  invokeLambda,
  kinesis,
  lambdaContext,
  readHttpResult,
  s3,
  scheduledEvent,
  sns,
  sqs,
} from './testing.js'

const keys = (o: unknown) => Object.keys(o as object).sort()

describe('builders make the shapes the fixtures show', () => {
  it.each<[string, unknown, [string, string], AwsTrigger, string[]]>([
    ['apiGatewayV1', apiGatewayV1({}), ['apigw-rest', 'aws-lambda-go-apigw-request'], 'rest-api', ['isBase64Encoded']],
    [
      'apiGatewayV1 console',
      apiGatewayV1({ multiValue: false }),
      ['apigw-rest', 'dotnet-console-test-invoke-querystring'],
      'rest-api',
      ['isBase64Encoded'],
    ],
    ['httpApiV1', httpApiV1({}), ['apigw-http', 'docs-payload-v1.0'], 'http-api-v1', []],
    [
      'apiGatewayV2',
      apiGatewayV2({ body: 'x', cookies: { a: '1' }, query: { q: '1' }, params: { id: '1' } }),
      ['apigw-http', 'docs-payload-v2'],
      'http-api-v2',
      ['-stageVariables'],
    ],
    [
      'functionUrl',
      functionUrl({ body: 'x', cookies: { a: '1' }, query: { q: '1' } }),
      ['function-url', 'captured-post-headers-cookies-json-body'],
      'function-url',
      [],
    ],
    ['alb', alb({}), ['alb', 'lambda-dev-guide-alb-get'], 'alb', []],
    ['alb multiValue', alb({ multiValue: true }), ['alb', 'aws-lambda-go-multivalue-headers'], 'alb', []],
    ['sqs', sqs(['x']), ['sqs', 'lambda-dev-guide-standard-batch'], 'sqs', []],
    ['sns', sns('x'), ['sns', 'lambda-dev-guide-sns'], 'sns', []],
    ['s3', s3({ key: 'k' }), ['s3', 'lambda-dev-guide-put'], 's3', []],
    ['kinesis', kinesis(['x']), ['kinesis', 'lambda-dev-guide-kinesis'], 'kinesis', []],
    [
      'dynamodb',
      dynamodb([{ keys: { id: 1 }, newImage: { id: 1 } }]),
      ['dynamodb', 'lambda-dev-guide-stream'],
      'dynamodb',
      [],
    ],
    [
      'eventBridge',
      eventBridge({ source: 's', detailType: 't', detail: {} }),
      ['eventbridge', 'eventbridge-guide-custom-event'],
      'eventbridge',
      [],
    ],
    ['scheduledEvent', scheduledEvent(), ['eventbridge', 'lambda-dev-guide-scheduled-event'], 'schedule', []],
  ])(
    '%s: same top-level keys as the fixture, same record keys, detected as the same trigger',
    (_name, built, [source, variant], trigger, extra) => {
      const sample = fixture(source, variant)
      const expected = new Set(keys(sample))
      for (const e of extra)
        if (e.startsWith('-')) expected.delete(e.slice(1))
        else expected.add(e)
      expect(keys(built)).toEqual([...expected].sort())
      const records = (built as { Records?: unknown[] }).Records
      if (records) expect(keys(records[0])).toEqual(expect.arrayContaining(keys(sample.Records[0])))
      expect(detectTrigger(built)).toBe(trigger)
      expect(detectTrigger(sample)).toBe(trigger)
    },
  )

  it('HTTP API 2.0 keeps cookies out of the headers; a Function URL has both (as captured)', () => {
    const v2 = apiGatewayV2({ cookies: { a: '1', b: 'x y' } })
    expect(v2.cookies).toEqual(['a=1', 'b=x%20y'])
    expect(v2.headers.cookie).toBeUndefined()
    const url = functionUrl({ cookies: ['a=1'] })
    expect(url.cookies).toEqual(['a=1'])
    expect(url.headers.cookie).toBe('a=1')
  })

  it('2.0 joins repeated headers and query keys with commas and keeps rawQueryString exact', () => {
    const e = apiGatewayV2({ headers: { 'X-A': ['1', '2'] }, query: { q: ['a b', 'c,d'] } })
    expect(e.headers['x-a']).toBe('1,2')
    expect(e.rawQueryString).toBe('q=a%20b&q=c%2Cd')
    expect(e.queryStringParameters).toEqual({ q: 'a b,c,d' })
  })

  it('bodies follow each front door rule: HTTP API and ALB pass few types as text, URLs base64 non-text, REST sends text', () => {
    expect(apiGatewayV2({ body: 'x' })).toMatchObject({ body: 'eA==', isBase64Encoded: true })
    // HTTP API base64s form posts and +json types, which a Function URL passes as text.
    for (const type of ['application/x-www-form-urlencoded', 'application/problem+json']) {
      expect(apiGatewayV2({ body: 'a=1', headers: { 'content-type': type } })).toMatchObject({
        body: 'YT0x',
        isBase64Encoded: true,
      })
      expect(functionUrl({ body: 'a=1', headers: { 'content-type': type } })).toMatchObject({
        body: 'a=1',
        isBase64Encoded: false,
      })
    }
    expect(apiGatewayV2({ body: 'x', headers: { 'content-type': 'text/plain' } })).toMatchObject({
      body: 'x',
      isBase64Encoded: false,
    })
    expect(apiGatewayV2({ body: { a: 1 } })).toMatchObject({ body: '{"a":1}', isBase64Encoded: false })
    expect(alb({ body: 'x', headers: { 'content-type': 'application/xml' } })).toMatchObject({
      body: 'x',
      isBase64Encoded: false,
    })
    expect(alb({ body: 'x', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' } })).toMatchObject({
      isBase64Encoded: true,
    })
    expect(alb({})).toMatchObject({ body: '', isBase64Encoded: false })
    expect(apiGatewayV1({ body: 'x' })).toMatchObject({ body: 'x', isBase64Encoded: false })
    expect(apiGatewayV1({ body: new Uint8Array([1]) })).toMatchObject({ body: 'AQ==', isBase64Encoded: true })
    expect(apiGatewayV1({})).toMatchObject({ body: null, queryStringParameters: null, pathParameters: null })
  })

  it('ALB sends the query still percent-encoded; single-value mode keeps the last value', () => {
    expect(alb({ query: { 'a b': ['1', 'x&y'] } }).queryStringParameters).toEqual({ 'a%20b': 'x%26y' })
    expect(alb({ query: { 'a b': ['1', 'x&y'] }, multiValue: true }).multiValueQueryStringParameters).toEqual({
      'a%20b': ['1', 'x%26y'],
    })
  })

  it('FIFO sqs batches carry group ids and a .fifo queue', () => {
    const e = sqs([{ body: { a: 1 }, groupId: 'g' }], { fifo: true })
    expect(e.Records[0]?.eventSourceARN.endsWith(':my-queue.fifo')).toBe(true)
    expect(e.Records[0]?.attributes.MessageGroupId).toBe('g')
    expect(e.Records[0]?.body).toBe('{"a":1}')
  })
})

describe('lambdaContext and invokeLambda behave like the runtime', () => {
  it('the context counts down from timeoutMs and has no callback-era methods to lean on', () => {
    const ctx = lambdaContext({ timeoutMs: 5000, functionName: 'f' })
    expect(ctx.getRemainingTimeInMillis()).toBeLessThanOrEqual(5000)
    expect(ctx.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:f')
    expect(() => ctx.done()).toThrow(/nodejs24\.x/)
  })

  it('a handler declaring three parameters is refused, as on nodejs24.x', async () => {
    const legacy = async (_e: unknown, _c: unknown, _cb?: unknown) => 'x'
    await expect(invokeLambda(legacy as never, {})).rejects.toThrow(/CallbackHandlerDeprecated/)
  })

  it('results travel as JSON, like the runtime sends them', async () => {
    expect(await invokeLambda(async () => ({ d: new Date(0), u: undefined }), {})).toEqual({
      d: '1970-01-01T00:00:00.000Z',
    })
  })
})

describe('readHttpResult reads every front door result', () => {
  it.each<[string, unknown]>([
    [
      'v1',
      {
        statusCode: 201,
        headers: { 'content-type': 'text/plain' },
        multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
        body: 'hi',
        isBase64Encoded: false,
      },
    ],
    [
      'v2',
      {
        statusCode: 201,
        headers: { 'content-type': 'text/plain' },
        cookies: ['a=1', 'b=2'],
        body: 'aGk=',
        isBase64Encoded: true,
      },
    ],
    [
      'alb',
      {
        statusCode: 201,
        statusDescription: '201 Created',
        multiValueHeaders: { 'content-type': ['text/plain'], 'set-cookie': ['a=1', 'b=2'] },
        body: 'hi',
        isBase64Encoded: false,
      },
    ],
  ])('%s', (shape, result) => {
    const res = readHttpResult(result)
    expect(res).toMatchObject({ status: 201, text: 'hi', cookies: ['a=1', 'b=2'], shape })
    expect(res.headers.get('content-type')).toBe('text/plain')
  })

  it('multiValueHeaders win over headers for a name in both, as API Gateway merges them', () => {
    const res = readHttpResult({
      statusCode: 200,
      headers: { 'x-a': '1', 'x-b': '2' },
      multiValueHeaders: { 'X-A': ['3', '4'] },
      body: '',
    })
    expect(res.headers.get('x-a')).toBe('3, 4')
    expect(res.headers.get('x-b')).toBe('2')
  })

  it('a 2.0 result without statusCode is a JSON body with status 200', () => {
    expect(readHttpResult({ hello: 'world' })).toMatchObject({ status: 200, text: '{"hello":"world"}' })
  })
})

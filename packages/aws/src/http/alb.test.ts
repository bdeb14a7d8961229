import { binary, http, json } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { type Echoed, echo } from '../../test/echo.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { alb, invokeLambda, lambdaContext } from '../testing.js'

const handler = lambda(echo)
const context = () => lambdaContext({ awsRequestId: 'aws-request-3' })

async function run(variant: string, mode: 'single' | 'multi') {
  const result = (await invokeLambda(handler, fixture('alb', variant), context())) as Record<string, any>
  // Answered in the mode it was asked in, with statusDescription and a string body.
  const headerKey = mode === 'multi' ? 'multiValueHeaders' : 'headers'
  expect(Object.keys(result).sort()).toEqual(
    ['body', headerKey, 'isBase64Encoded', 'statusCode', 'statusDescription'].sort(),
  )
  expect(result.statusCode).toBe(200)
  expect(result.statusDescription).toBe('200 OK')
  expect(result[headerKey]).toEqual(
    mode === 'multi' ? { 'content-type': ['application/json'] } : { 'content-type': 'application/json' },
  )
  expect(result.isBase64Encoded).toBe(false)
  return JSON.parse(result.body) as Echoed
}

describe('ALB fixtures through lambda()', () => {
  it('single-value GET: lower-case headers, body "" read as empty, Lambda request id (ALB has none)', async () => {
    const e = await run('lambda-dev-guide-alb-get', 'single')
    expect(e.method).toBe('GET')
    expect(e.path).toBe('/lambda')
    expect(e.query).toEqual([['query', '1234ABCD']])
    expect(e.body).toBe('')
    expect(e.ip).toBe('72.12.164.125')
    expect(e.url).toBe('http://lambda-alb-123578498.us-east-2.elb.amazonaws.com/lambda?query=1234ABCD')
    expect(e.requestId).toBe('aws-request-3')
  })

  it('headers-only (single-value) event', async () => {
    const e = await run('aws-lambda-go-headers-only', 'single')
    expect(e.query).toEqual([['key', 'hello']])
    expect(e.headers).toContainEqual(['x-myheader', '123'])
    expect(e.ip).toBe('25.12.198.67')
  })

  it('multi-value event is answered with multiValueHeaders', async () => {
    const e = await run('aws-lambda-go-multivalue-headers', 'multi')
    expect(e.query).toEqual([['key', 'hello']])
    expect(e.headers).toContainEqual(['x-myheader', '123'])
    expect(e.ip).toBe('72.21.198.67')
  })

  it('ALB query is URL-decoded by the adapter (ALB passes it still encoded)', async () => {
    const e = await run('rust-runtime-multivalue-encoded-query', 'multi')
    expect(e.query).toEqual([
      ['myKey', '?showAll=true'],
      ['myKey', '?showAll=false'],
    ])
    expect(e.cookies).toEqual({ name1: 'value1', name2: 'value2' })
    expect(e.body).toBe('request_body')
  })

  it('single-value POST: encoded query keys and values decoded, cookies from the cookie header', async () => {
    const e = await run('single-value-post-json', 'single')
    expect(e.method).toBe('POST')
    expect(e.query).toEqual([
      ['dry run', 'yes!'],
      ['tag', 'b'],
    ])
    expect(e.cookies).toEqual({ session: 'abc123', theme: 'dark' })
    expect(e.body).toBe('{"sku":"A-1","qty":2}')
  })

  it('base64 PUT body decoded; queryStringParameters null read as empty', async () => {
    const e = await run('dotnet-put-base64-body', 'single')
    expect(e.method).toBe('PUT')
    expect(e.body).toBe('Greetings, programs!')
    expect(e.query).toEqual([])
  })

  it('health check ({} query, one header, "" body) is served, not crashed on', async () => {
    const e = await run('elb-guide-health-check', 'single')
    expect(e.headers).toEqual([['user-agent', 'ELB-HealthChecker/2.0']])
    expect(e.query).toEqual([])
    expect(e.ip).toBeNull()
  })
})

describe('ALB responses', () => {
  const cookies = lambda(
    http(() =>
      json({ ok: 1 }, { status: 201, cookies: ['a=1; Path=/', 'b=2', 'c=3'], headers: { vary: ['accept', 'origin'] } }),
    ),
  )

  it('ALB single-value: first Set-Cookie kept, never comma-joined, and a warning logged', async () => {
    const { result, logs } = await captureLogs(() => invokeLambda(cookies, alb({ path: '/' }), context()))
    expect(result).toEqual({
      statusCode: 201,
      statusDescription: '201 Created',
      headers: { 'content-type': 'application/json', vary: 'accept, origin', 'set-cookie': 'a=1; Path=/' },
      body: '{"ok":1}',
      isBase64Encoded: false,
    })
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ level: 'WARN', requestId: 'aws-request-3', kept: 'a', dropped: ['b', 'c'] })
  })

  it('ALB multi-value: every Set-Cookie and repeated header in multiValueHeaders', async () => {
    const { result, logs } = await captureLogs(() =>
      invokeLambda(cookies, alb({ path: '/', multiValue: true }), context()),
    )
    expect(result).toEqual({
      statusCode: 201,
      statusDescription: '201 Created',
      multiValueHeaders: {
        'content-type': ['application/json'],
        vary: ['accept', 'origin'],
        'set-cookie': ['a=1; Path=/', 'b=2', 'c=3'],
      },
      body: '{"ok":1}',
      isBase64Encoded: false,
    })
    expect(logs).toEqual([])
  })

  it('binary body goes out base64 with isBase64Encoded; an empty answer has body ""', async () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255])
    const bin = await invokeLambda(lambda(http(() => binary(bytes, 'image/x-test'))), alb({}), context())
    expect(bin).toMatchObject({
      body: Buffer.from(bytes).toString('base64'),
      isBase64Encoded: true,
      headers: { 'content-type': 'image/x-test' },
    })
    const none = await invokeLambda(lambda(http(() => undefined)), alb({}), context())
    expect(none).toEqual({
      statusCode: 204,
      statusDescription: '204 No Content',
      headers: {},
      body: '',
      isBase64Encoded: false,
    })
  })
})

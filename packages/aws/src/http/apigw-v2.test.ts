import { http, json } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { type Echoed, echo } from '../../test/echo.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { invokeLambda, lambdaContext } from '../testing.js'

const handler = lambda(echo)

async function run(source: string, variant: string) {
  const context = lambdaContext({ awsRequestId: 'aws-request-2', functionName: 'echo-fn' })
  const result = (await invokeLambda(handler, fixture(source, variant), context)) as Record<string, any>
  // The native result, field by field: the 2.0 shape, no cookies[] when none were set.
  expect(Object.keys(result).sort()).toEqual(['body', 'headers', 'isBase64Encoded', 'statusCode'])
  expect(result.statusCode).toBe(200)
  expect(result.headers).toEqual({ 'content-type': 'application/json' })
  expect(result.isBase64Encoded).toBe(false)
  return JSON.parse(result.body) as Echoed
}

describe('HTTP API payload 2.0 fixtures through lambda()', () => {
  it('docs payload: cookies[] read, repeated query keys from rawQueryString, comma-joined header kept as sent', async () => {
    const e = await run('apigw-http', 'docs-payload-v2')
    expect(e.method).toBe('POST')
    expect(e.path).toBe('/my/path')
    expect(e.query).toEqual([
      ['parameter1', 'value1'],
      ['parameter1', 'value2'],
      ['parameter2', 'value'],
    ])
    expect(e.headers).toContainEqual(['header2', 'value1,value2'])
    // Pairs without "=" (the doc's "cookie1") are not cookies; nothing crashes.
    expect(e.cookies).toEqual({})
    expect(e.params).toEqual({ parameter1: 'value1' })
    expect(e.body).toBe('Hello from Lambda')
    expect(e.ip).toBe('192.0.2.1')
    expect(e.requestId).toBe('id')
  })

  it('no-authorizer GET: optional members absent, not null', async () => {
    const e = await run('apigw-http', 'aws-lambda-go-v2-no-authorizer')
    expect(e.method).toBe('GET')
    expect(e.query).toEqual([])
    expect(e.params).toEqual({})
    expect(e.body).toBe('')
    expect(e.url).toBe('https://aaaaaaaaaa.execute-api.us-west-2.amazonaws.com/')
    expect(e.requestId).toBe('LV7fzho-PHcEJPw=')
  })

  it('captured cookies: cookies[] with no cookie header; "body": null read as empty', async () => {
    const e = await run('apigw-http', 'dotnet-captured-cookies')
    expect(e.cookies).toEqual({ TestCookie1: 'TestValue1', TestCookie2: 'TestValue2', TestCookie3: 'TestValue3' })
    // Folded back into a cookie header so Fetch-style code (toRequest(), Hono) sees them too.
    expect(e.headers).toContainEqual([
      'cookie',
      'TestCookie1=TestValue1; TestCookie2=TestValue2; TestCookie3=TestValue3',
    ])
    expect(e.body).toBe('')
  })

  it('captured PUT with a JSON text body', async () => {
    const e = await run('apigw-http', 'dotnet-captured-put-json-body')
    expect(e.method).toBe('PUT')
    expect(e.body).toBe('{"firstName":"Smith","lastName": "Agent"}')
    expect(e.params).toEqual({ proxy: 'api/bodytests' })
  })

  it('captured multi-value query: rawQueryString keeps mv-test twice (queryStringParameters joined them)', async () => {
    const e = await run('apigw-http', 'dotnet-captured-querystring-multivalue')
    expect(e.query).toEqual([
      ['firstName', 'Lewis'],
      ['lastName', 'Meriwether'],
      ['mv-test', 'value1'],
      ['mv-test', 'value2'],
    ])
  })

  it('repeated query keys: a value holding an encoded comma stays one value; + and %C3%A9 decode', async () => {
    const e = await run('apigw-http', 'repeated-query-keys')
    expect(e.query).toEqual([
      ['tag', 'a'],
      ['tag', 'b,c'],
      ['q', 'café au lait'],
      ['empty', ''],
      ['tag', 'd'],
    ])
  })
})

describe('Function URL fixtures through lambda()', () => {
  it('captured GET of the root with no body, cookies, query or path parameters', async () => {
    const e = await run('function-url', 'captured-get-root-no-body')
    expect(e.method).toBe('GET')
    expect(e.path).toBe('/')
    expect(e.query).toEqual([])
    expect(e.body).toBe('')
    expect(e.url).toBe('https://lambda-url-id.lambda-url.us-west-2.on.aws/')
    expect(e.requestId).toBe('deeb7e49-a9a8-4a8f-bcd1-5482231e2087')
  })

  it('captured base64 body (content-type "idk") is decoded', async () => {
    const e = await run('function-url', 'captured-post-base64-body')
    expect(e.body).toBe('<idk/>')
  })

  it('Function URL: cookies[] and the cookie header are deduplicated', async () => {
    const e = await run('function-url', 'captured-post-headers-cookies-json-body')
    expect(e.cookies).toEqual({ foo: 'bar', hello: 'hello' })
    expect(e.headers.filter(([k]) => k === 'cookie')).toEqual([['cookie', 'foo=bar; hello=hello']])
    expect(e.headers).toContainEqual(['header2', 'h1,h2'])
    expect(e.query).toEqual([
      ['hello', 'world'],
      ['foo', 'bar'],
    ])
    expect(e.body).toBe('{"hello": "world"}')
  })

  it('doc example: pathParameters and stageVariables null are read as absent', async () => {
    const e = await run('function-url', 'lambda-dev-guide-request')
    expect(e.params).toEqual({})
    expect(e.ip).toBe('123.123.123.123')
    expect(e.body).toBe('Hello from client!')
  })

  it('a result in 2.0 shape carries cookies[] and never a set-cookie header', async () => {
    const fn = lambda(http(() => json({ ok: true }, { cookies: ['a=1; Path=/', 'b=2; HttpOnly'] })))
    const result = await invokeLambda(fn, fixture('function-url', 'captured-get-root-no-body'))
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: '{"ok":true}',
      isBase64Encoded: false,
    })
  })
})

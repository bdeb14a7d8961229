import { http, json } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { type Echoed, echo } from '../../test/echo.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { invokeLambda, lambdaContext } from '../testing.js'

const handler = lambda(echo)
const context = () => lambdaContext({ awsRequestId: 'aws-request-1', functionName: 'echo-fn' })

async function run(source: string, variant: string) {
  const result = (await invokeLambda(handler, fixture(source, variant), context())) as Record<string, any>
  // The native result, field by field: the v1 shape, JSON text, no cookies.
  expect(Object.keys(result).sort()).toEqual(['body', 'headers', 'isBase64Encoded', 'multiValueHeaders', 'statusCode'])
  expect(result.statusCode).toBe(200)
  expect(result.headers).toEqual({ 'content-type': 'application/json' })
  expect(result.multiValueHeaders).toEqual({})
  expect(result.isBase64Encoded).toBe(false)
  return JSON.parse(result.body) as Echoed
}

describe('API Gateway REST (v1) fixtures through lambda()', () => {
  it('aws-lambda-go request: mixed-case headers, query, CRLF body, source ip, proxy param, API GW request id', async () => {
    const e = await run('apigw-rest', 'aws-lambda-go-apigw-request')
    expect(e.method).toBe('POST')
    expect(e.path).toBe('/hello/world')
    expect(e.url).toBe('https://gy415nuibc.execute-api.us-east-1.amazonaws.com/hello/world?name=me')
    expect(e.query).toEqual([['name', 'me']])
    expect(e.headers).toContainEqual(['cloudfront-viewer-country', 'US'])
    expect(e.headers).toContainEqual(['cache-control', 'no-cache'])
    expect(e.headers).toContainEqual(['x-forwarded-for', '54.240.196.186, 54.182.214.83'])
    expect(e.body).toBe('{\r\n\t"a": 1\r\n}')
    expect(e.ip).toBe('192.168.196.186')
    expect(e.params).toEqual({ proxy: 'hello/world' })
    expect(e.requestId).toBe('deef4878-7910-11e6-8f14-25afc3e9ae33')
    expect(e.functionName).toBe('echo-fn')
    expect(e.provider).toBe('aws')
  })

  it('docs proxy input: multiValue* maps win over the single maps (doc inconsistency on query)', async () => {
    const e = await run('apigw-rest', 'docs-proxy-input-format')
    expect(e.method).toBe('GET')
    expect(e.query).toEqual([
      ['parameter1', 'value1'],
      ['parameter1', 'value2'],
      ['parameter2', 'value'],
    ])
    expect(e.headers).toEqual([
      ['header1', 'value1'],
      ['header2', 'value1, value2'],
    ])
    expect(e.params).toEqual({})
    expect(e.body).toBe('Hello from Lambda!')
    expect(e.ip).toBe('IP')
    expect(e.requestId).toBe('id=')
  })

  it('console test invoke: headers null, no multiValue*, query values already decoded (+00:00 kept)', async () => {
    const e = await run('apigw-rest', 'dotnet-console-test-invoke-querystring')
    expect(e.headers).toEqual([])
    expect(e.query).toEqual([
      ['url', 'http://www.gooogle.com'],
      ['testDateTimeOffset', '2019-03-12T16:06:06.549817+00:00'],
    ])
    expect(e.body).toBe('')
    expect(e.requestId).toBe('test-invoke-request')
    expect(e.ip).toBe('127.0.0.1')
  })

  it('SAM base64 event: body decoded from base64, multiValueHeaders Host wins over headers Host', async () => {
    const e = await run('apigw-rest', 'sam-generate-event-aws-proxy-base64')
    expect(e.body).toBe('{"test":"body"}')
    expect(e.url).toBe('https://0123456789.execute-api.us-east-1.amazonaws.com/path/to/resource?foo=bar')
    expect(e.params).toEqual({ proxy: '/path/to/resource' })
  })

  it('REST base64 binary POST: the exact bytes reach the handler', async () => {
    const event = fixture('apigw-rest', 'rest-base64-binary-post')
    const e = await run('apigw-rest', 'rest-base64-binary-post')
    expect(e.bodyBase64).toBe(event.body)
    expect(Buffer.from(e.bodyBase64, 'base64')).toHaveLength(20)
    expect(e.headers).toContainEqual(['content-type', 'image/png'])
  })

  it('java-libs event: one header line holding a comma is one value, never split', async () => {
    const probe = lambda(
      http((req) => json({ header3: req.headers.getAll('header3'), header2: req.headers.getAll('HEADER2') })),
    )
    const result = await invokeLambda(probe, fixture('apigw-rest', 'java-libs-apigw-rest-event'), context())
    expect(JSON.parse((result as { body: string }).body)).toEqual({
      header3: ['value1,value2'],
      header2: ['value1', 'value2'],
    })
  })

  it('HTTP API payload 1.0 is served like REST', async () => {
    const e = await run('apigw-http', 'docs-payload-v1.0')
    expect(e.query).toEqual([
      ['parameter1', 'value1'],
      ['parameter1', 'value2'],
      ['parameter2', 'value'],
    ])
    expect(e.ip).toBe('192.0.2.1')
    expect(e.requestId).toBe('id=')
  })
})

import { http, json, notFound } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import {
  alb,
  apiGatewayV1,
  apiGatewayV2,
  functionUrl,
  invokeLambda,
  lambdaContext,
  readHttpResult,
} from '../testing.js'

const PROBLEM = { 'content-type': 'application/problem+json' }
const parseJson = lambda(http(async (req) => json(await req.json())))

describe('bad input becomes a 400 problem, never a crash', () => {
  it('malformed JSON body → 400 problem+json naming the problem', async () => {
    const result = (await invokeLambda(parseJson, fixture('apigw-http', 'malformed-json-body'))) as Record<string, any>
    expect(result.statusCode).toBe(400)
    expect(result.headers).toEqual(PROBLEM)
    expect(result.isBase64Encoded).toBe(false)
    const problem = JSON.parse(result.body)
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Malformed JSON', status: 400 })
    expect(problem.detail).toMatch(/^The request body is not valid JSON: /)
  })

  it('invalid base64 body (isBase64Encoded: true) → 400', async () => {
    const echoText = lambda(http(async (req) => json({ text: await req.text() })))
    const result = (await invokeLambda(echoText, fixture('function-url', 'invalid-base64-body'))) as Record<string, any>
    expect(result.statusCode).toBe(400)
    expect(result.headers).toEqual(PROBLEM)
    expect(JSON.parse(result.body)).toEqual({
      type: 'about:blank',
      title: 'Invalid base64',
      status: 400,
      detail: 'The request body is marked base64 but is not valid base64.',
    })
  })

  it('validation failure → 400 listing each issue path', async () => {
    const order = lambda(
      http({
        body: z.object({ sku: z.string(), qty: z.number().int().positive() }),
        query: z.object({ limit: z.coerce.number().max(100) }),
        handler: (req) => json(req.body),
      }),
    )
    const event = apiGatewayV1({ method: 'POST', path: '/orders', query: { limit: '500' }, body: { sku: 7, qty: -1 } })
    const res = readHttpResult(await invokeLambda(order, event))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = res.json<{ title: string; issues: Array<{ path: string; message: string }> }>()
    expect(problem.title).toBe('Validation failed')
    expect(problem.issues.map((i) => i.path).sort()).toEqual(['body.qty', 'body.sku', 'query.limit'])
    for (const issue of problem.issues) expect(issue.message).not.toBe('')
  })

  it('an HttpError thrown by the handler keeps its status', async () => {
    const fn = lambda(
      http(() => {
        throw notFound('No order 7.')
      }),
    )
    const res = readHttpResult(await invokeLambda(fn, apiGatewayV2({ path: '/orders/7' })))
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No order 7.' })
  })

  it('a body over maxBodyBytes → 413 before the handler runs', async () => {
    let ran = false
    const fn = lambda(
      http({
        maxBodyBytes: 16,
        handler: () => {
          ran = true
          return json({})
        },
      }),
    )
    const res = readHttpResult(
      await invokeLambda(
        fn,
        apiGatewayV2({ method: 'POST', body: 'x'.repeat(17), headers: { 'content-type': 'text/plain' } }),
      ),
    )
    expect(res.status).toBe(413)
    expect(ran).toBe(false)
  })
})

describe('faults: a thrown error is a generic 500; the stack and request id go only to the log', () => {
  it('500 with a generic body, and one Lambda JSON log line with errorType, errorMessage and stackTrace', async () => {
    const fn = lambda(
      http(() => {
        throw new TypeError('secret detail: db password rejected')
      }),
    )
    const context = lambdaContext({ awsRequestId: 'lambda-req-9' })
    const { result, logs } = await captureLogs(() =>
      invokeLambda(fn, apiGatewayV2({ requestId: 'apigw-req-9' }), context),
    )
    expect(result).toEqual({
      statusCode: 500,
      headers: PROBLEM,
      body: '{"type":"about:blank","title":"Internal Server Error","status":500}',
      isBase64Encoded: false,
    })
    expect(logs).toHaveLength(1)
    const line = logs[0] as Record<string, any>
    expect(line).toMatchObject({
      level: 'ERROR',
      requestId: 'apigw-req-9',
      awsRequestId: 'lambda-req-9',
      message: 'Unhandled error in handler',
      errorType: 'TypeError',
      errorMessage: 'secret detail: db password rejected',
    })
    expect(Number.isNaN(Date.parse(line.timestamp))).toBe(false)
    expect(line.stackTrace[0]).toBe('TypeError: secret detail: db password rejected')
    expect(line.stackTrace.length).toBeGreaterThan(1)
  })

  it('a response past the 6 MB buffered limit → 500 problem and a log line (string body)', async () => {
    const big = lambda(http(() => ({ status: 200, body: 'x'.repeat(6 * 1024 * 1024 + 1) })))
    const { result, logs } = await captureLogs(() => invokeLambda(big, functionUrl({})))
    expect(readHttpResult(result).status).toBe(500)
    expect(logs.map((l) => l.errorType)).toEqual(['ResponseTooLargeError'])
  })

  it('a response past the 6 MB buffered limit → 500 problem and a log line (streamed body, buffered by core)', async () => {
    const chunk = new Uint8Array(1024 * 1024)
    const big = lambda(
      http(() => ({
        body: (async function* () {
          for (let i = 0; i < 7; i++) yield chunk
        })(),
      })),
    )
    const { result, logs } = await captureLogs(() => invokeLambda(big, apiGatewayV1({})))
    expect(readHttpResult(result).status).toBe(500)
    expect(logs.map((l) => l.errorType)).toEqual(['ResponseTooLargeError'])
  })

  it('a text body whose JSON escapes take the result past 6 MB is refused too', async () => {
    // 3.5 MB of quotes: the body fits, the result JSON Lambda sends (each quote escaped) is 7 MB.
    const quotes = lambda(http(() => ({ body: '"'.repeat(3.5 * 1024 * 1024) })))
    const { result, logs } = await captureLogs(() => invokeLambda(quotes, apiGatewayV2({})))
    expect(readHttpResult(result).status).toBe(500)
    expect(logs.map((l) => l.errorType)).toEqual(['ResponseTooLargeError'])
  })

  it("ALB takes 1 MB of result JSON, not Lambda's 6 MB: past it a 500 in ALB's shape and a log line", async () => {
    const sized = (bytes: number, char = 'x') => lambda(http(() => ({ body: char.repeat(bytes) })))
    const under = await invokeLambda(sized(1000 * 1000), alb({}))
    expect(readHttpResult(under).status).toBe(200)

    for (const fn of [sized(2 * 1024 * 1024), sized(600 * 1024, '"')]) {
      const { result, logs } = await captureLogs(() => invokeLambda(fn, alb({ multiValue: true })))
      expect(result).toMatchObject({
        statusCode: 500,
        statusDescription: '500 Internal Server Error',
        multiValueHeaders: { 'content-type': ['application/problem+json'] },
      })
      expect(logs).toHaveLength(1)
      expect(logs[0]).toMatchObject({
        errorType: 'ResponseTooLargeError',
        errorMessage: expect.stringContaining('1048576-byte'),
      })
    }
  })

  it('a streamed body that ALB could not take is read only to its 1 MB limit', async () => {
    const chunk = new Uint8Array(512 * 1024)
    let read = 0
    const big = lambda(
      http(() => ({
        body: (async function* () {
          for (; read < 10; read++) yield chunk
        })(),
      })),
    )
    const { result, logs } = await captureLogs(() => invokeLambda(big, alb({})))
    expect(readHttpResult(result).status).toBe(500)
    expect(logs.map((l) => l.errorType)).toEqual(['ResponseTooLargeError'])
    // 5 MB in all, under Lambda's 6: only ALB's limit stops the read, at the chunk that passes 1 MB.
    expect(read).toBe(2)
  })

  it('a binary body whose base64 passes 6 MB is refused too', async () => {
    const big = lambda(http(() => ({ body: new Uint8Array(5 * 1024 * 1024) })))
    const { result, logs } = await captureLogs(() => invokeLambda(big, apiGatewayV2({})))
    expect(readHttpResult(result).status).toBe(500)
    expect(logs).toHaveLength(1)
  })
})

import { KindMismatchError, http, json, messages, text } from '@faasade/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { lambda, streamHandle } from '../index.js'
import * as httpEntry from '../kinds/http.js'
import {
  HTTP_INTEGRATION_CONTENT_TYPE,
  createResponseStream,
  functionUrl,
  installAwslambda,
  invokeLambda,
  isStreamingHandler,
  lambdaContext,
  readHttpResult,
  sqs,
} from '../testing.js'
import type { StreamingLambdaHandler } from './stream.js'

const decode = (c: Uint8Array) => Buffer.from(c).toString('utf8')

const chunked = http(() => ({
  status: 200,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'x-mode': ['a', 'b'] },
  cookies: ['s=1', 't=2'],
  body: (async function* () {
    yield 'first,'
    yield new TextEncoder().encode('second,')
    yield 'third'
  })(),
}))

describe('streaming with the awslambda global present', () => {
  let uninstall: () => void
  beforeEach(() => {
    uninstall = installAwslambda()
  })
  afterEach(() => uninstall())

  it('wraps the handler with awslambda.streamifyResponse', () => {
    expect(isStreamingHandler(streamHandle(chunked))).toBe(true)
    expect(isStreamingHandler(lambda(chunked))).toBe(false)
  })

  it('writes the HTTP prelude, the 8-NUL delimiter, then every chunk in order, and ends the stream', async () => {
    const handler = streamHandle(chunked) as StreamingLambdaHandler
    const stream = createResponseStream()
    await handler(functionUrl({ path: '/s' }), stream, lambdaContext())
    await stream.finished()
    expect(stream.contentType).toBe(HTTP_INTEGRATION_CONTENT_TYPE)
    expect(stream.ended).toBe(true)
    expect(JSON.parse(decode(stream.chunks[0] as Uint8Array))).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-mode': 'a, b' },
      cookies: ['s=1', 't=2'],
    })
    expect([...(stream.chunks[1] as Uint8Array)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
    expect(stream.chunks.slice(2).map(decode)).toEqual(['first,', 'second,', 'third'])
  })

  it('the first chunk is written before the last chunk is produced', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slow = http(() => ({
      headers: { 'content-type': 'text/plain' },
      body: (async function* () {
        yield 'first'
        await gate
        yield 'last'
      })(),
    }))
    const stream = createResponseStream()
    const done = (streamHandle(slow) as StreamingLambdaHandler)(functionUrl({}), stream, lambdaContext())
    // A buffering adapter would never write "first" while "last" waits on the gate, and this would time out.
    await vi.waitFor(() => expect(stream.chunks.map(decode)).toContain('first'))
    expect(stream.chunks.map(decode)).not.toContain('last')
    release()
    await done
    expect(stream.chunks.slice(2).map(decode)).toEqual(['first', 'last'])
  })

  it('waits for drain when the stream pushes back, losing nothing', async () => {
    const many = http(() => ({
      body: (async function* () {
        for (let i = 0; i < 50; i++) yield `${i};`
      })(),
    }))
    const stream = createResponseStream({ highWaterMark: 1 })
    await (streamHandle(many) as StreamingLambdaHandler)(functionUrl({}), stream, lambdaContext())
    await stream.finished()
    expect(stream.chunks.slice(2).map(decode).join('')).toBe(Array.from({ length: 50 }, (_, i) => `${i};`).join(''))
  })

  it('an empty body still sends the prelude (status and headers)', async () => {
    const res = readHttpResult(await invokeLambda(streamHandle(http(() => undefined)), functionUrl({})))
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
  })

  it('a string body and an error before streaming both go out as one chunk after the prelude', async () => {
    const ok = readHttpResult(await invokeLambda(streamHandle(http(() => text('hello'))), functionUrl({})))
    expect(ok).toMatchObject({ status: 200, text: 'hello', shape: 'stream' })
    const fails = streamHandle(
      http(() => {
        throw new Error('boom')
      }),
    )
    const { result } = await captureLogs(() => invokeLambda(fails, functionUrl({})))
    const res = readHttpResult(result)
    expect(res.status).toBe(500)
    expect(res.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500 })
  })

  it('a body that fails mid-stream rejects (the runtime ends the stream with an error) and is logged', async () => {
    const broken = http(() => ({
      body: (async function* () {
        yield 'partial'
        throw new Error('source died')
      })(),
    }))
    const stream = createResponseStream()
    const handler = streamHandle(broken) as StreamingLambdaHandler
    const { logs } = await captureLogs(() =>
      expect(handler(functionUrl({}), stream, lambdaContext())).rejects.toThrow('source died'),
    )
    expect(stream.chunks.slice(2).map(decode)).toEqual(['partial'])
    expect(logs).toMatchObject([
      { level: 'ERROR', message: 'The response body failed while streaming', errorMessage: 'source died' },
    ])
  })

  it('streamHandle is on @faasade/aws/http too, and takes http() functions only', () => {
    expect(httpEntry.streamHandle).toBe(streamHandle)
    expect(() => streamHandle(messages(() => {}) as never)).toThrow(
      /@faasade\/aws\/http serves http\(\) functions, and this is a "messages" function/,
    )
    expect(() => streamHandle({} as never)).toThrow(/^faasade: streamHandle\(\) takes a function made by http\(\)/)
  })

  it('a non-HTTP event is a KindMismatchError', async () => {
    const handler = streamHandle(chunked) as StreamingLambdaHandler
    await expect(handler(sqs(['x']), createResponseStream(), lambdaContext())).rejects.toThrow(KindMismatchError)
  })
})

describe('streaming without the awslambda global', () => {
  it('falls back to a buffered handler (arity 2) that answers in the front door shape', async () => {
    const handler = streamHandle(http(() => json({ buffered: true })))
    expect(isStreamingHandler(handler)).toBe(false)
    expect(handler.length).toBeLessThanOrEqual(2)
    expect(await invokeLambda(handler, functionUrl({}))).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"buffered":true}',
      isBase64Encoded: false,
    })
  })
})

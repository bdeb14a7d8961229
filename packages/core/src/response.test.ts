import { describe, expect, it } from 'vitest'
import {
  ResponseTooLargeError,
  binary,
  bufferBody,
  empty,
  isTextContentType,
  json,
  redirect,
  text,
  toResponseParts,
} from './response.js'

describe('toResponseParts', () => {
  it('turns helpers into parts with the right content types', () => {
    expect(toResponseParts(json({ a: 1 }, { status: 201 }))).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: '{"a":1}',
    })
    expect(toResponseParts(text('hi')).headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(toResponseParts(binary(new Uint8Array([1, 2]), 'image/png')).body).toEqual(new Uint8Array([1, 2]))
    expect(toResponseParts(redirect('/next', 301))).toMatchObject({ status: 301, headers: { location: '/next' } })
    expect(toResponseParts(empty())).toMatchObject({ status: 204, body: null })
    expect(toResponseParts(undefined)).toMatchObject({ status: 204, body: null })
  })

  it('serializes a plain JSON body and moves Set-Cookie headers to cookies', () => {
    const parts = toResponseParts({
      headers: { 'Set-Cookie': ['a=1', 'b=2'], 'X-Repeat': ['x', 'y'] },
      cookies: ['c=3', { name: 'd', value: '4', httpOnly: true }],
      body: { ok: true },
    })
    expect(parts).toEqual({
      status: 200,
      headers: { 'x-repeat': ['x', 'y'], 'content-type': 'application/json' },
      cookies: ['a=1', 'b=2', 'c=3', 'd=4; HttpOnly'],
      body: '{"ok":true}',
    })
  })

  it('reads a Web Response, keeping every Set-Cookie', async () => {
    const headers = new Headers({ 'content-type': 'text/html' })
    headers.append('set-cookie', 'a=1')
    headers.append('set-cookie', 'b=2')
    const parts = await bufferBody(toResponseParts(new Response('<p>hi</p>', { status: 202, headers })))
    expect(parts).toEqual({
      status: 202,
      headers: { 'content-type': 'text/html' },
      cookies: ['a=1', 'b=2'],
      body: '<p>hi</p>',
    })
  })

  it('keeps a binary Web Response as bytes', async () => {
    const parts = await bufferBody(
      toResponseParts(new Response(new Uint8Array([0, 255]), { headers: { 'content-type': 'image/png' } })),
    )
    expect(parts.body).toEqual(new Uint8Array([0, 255]))
  })

  it('streams async iterables and refuses to buffer past a limit', async () => {
    async function* chunks() {
      yield 'ab'
      yield new Uint8Array([99])
    }
    const parts = toResponseParts({ headers: { 'content-type': 'text/plain' }, body: chunks() })
    expect(parts.body).toBeInstanceOf(ReadableStream)
    expect((await bufferBody(parts)).body).toBe('abc')
    await expect(bufferBody(toResponseParts({ body: chunks() }), 2)).rejects.toBeInstanceOf(ResponseTooLargeError)
  })
})

describe('isTextContentType', () => {
  it.each([
    ['text/html', true],
    ['application/json; charset=utf-8', true],
    ['application/problem+json', true],
    ['image/svg+xml', true],
    ['application/xml', true],
    ['text/plain; charset=latin1', false],
    ['image/png', false],
    ['application/octet-stream', false],
    [undefined, false],
  ])('%s → %s', (type, expected) => expect(isTextContentType(type)).toBe(expected))
})

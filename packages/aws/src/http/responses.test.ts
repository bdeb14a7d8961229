import { binary, http, json, redirect } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { lambda } from '../index.js'
import { apiGatewayV1, apiGatewayV2, functionUrl, httpApiV1, invokeLambda } from '../testing.js'

const withCookies = lambda(
  http(() =>
    json(
      { ok: true },
      {
        cookies: ['session=abc; HttpOnly; Path=/', { name: 'theme', value: 'dark mode', maxAge: 60 }],
        headers: { 'X-Trace': 'a', Vary: ['Accept', 'Origin'] },
      },
    ),
  ),
)
const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10])
const withBytes = lambda(http(() => binary(bytes, 'image/png')))

describe('v1 results (REST, HTTP API 1.0): Set-Cookie in multiValueHeaders', () => {
  it.each([
    ['REST', apiGatewayV1({ path: '/' })],
    ['HTTP API 1.0', httpApiV1({ path: '/' })],
  ])('%s: cookies and repeated headers in multiValueHeaders, single ones in headers', async (_name, event) => {
    expect(await invokeLambda(withCookies, event)).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'x-trace': 'a' },
      multiValueHeaders: {
        vary: ['Accept', 'Origin'],
        'set-cookie': ['session=abc; HttpOnly; Path=/', 'theme=dark%20mode; Max-Age=60'],
      },
      body: '{"ok":true}',
      isBase64Encoded: false,
    })
  })

  it('binary body: base64 and isBase64Encoded: true', async () => {
    expect(await invokeLambda(withBytes, apiGatewayV1({}))).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      multiValueHeaders: {},
      body: Buffer.from(bytes).toString('base64'),
      isBase64Encoded: true,
    })
  })
})

describe('v2 results (HTTP API 2.0, Function URL): cookies[], headers joined with ", "', () => {
  it.each([
    ['HTTP API 2.0', apiGatewayV2({})],
    ['Function URL', functionUrl({})],
  ])('%s', async (_name, event) => {
    expect(await invokeLambda(withCookies, event)).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'x-trace': 'a', vary: 'Accept, Origin' },
      cookies: ['session=abc; HttpOnly; Path=/', 'theme=dark%20mode; Max-Age=60'],
      body: '{"ok":true}',
      isBase64Encoded: false,
    })
  })

  it('binary body: base64 and isBase64Encoded: true', async () => {
    expect(await invokeLambda(withBytes, apiGatewayV2({}))).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from(bytes).toString('base64'),
      isBase64Encoded: true,
    })
  })

  it('redirect: status and location, empty body', async () => {
    expect(await invokeLambda(lambda(http(() => redirect('/next', 303))), apiGatewayV2({}))).toEqual({
      statusCode: 303,
      headers: { location: '/next' },
      body: '',
      isBase64Encoded: false,
    })
  })

  it('a Web Response is read like any other result (stream body buffered)', async () => {
    const fn = lambda(
      http(
        () => new Response('hi there', { status: 202, headers: { 'content-type': 'text/plain', 'set-cookie': 'x=1' } }),
      ),
    )
    expect(await invokeLambda(fn, functionUrl({}))).toEqual({
      statusCode: 202,
      headers: { 'content-type': 'text/plain' },
      cookies: ['x=1'],
      body: 'hi there',
      isBase64Encoded: false,
    })
  })
})

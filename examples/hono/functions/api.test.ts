import { handle as awsHandle } from '@faasade/aws'
import { apiGatewayV1, apiGatewayV2, invokeLambda, lambdaContext, readHttpResult } from '@faasade/aws/testing'
import { register as azureRegister } from '@faasade/azure'
import { createWorkerHarness, rpcHttp } from '@faasade/azure/testing'
import { serve, httpRequest } from '@faasade/gcp/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from './api.js'

/** What a client sees, reduced to what must match on every cloud. */
interface Seen {
  status: number
  type: string | null
  cookies: string[]
  body: string
}

interface Req {
  method?: string
  path: string
  query?: Record<string, string | string[]>
  headers?: Record<string, string>
  cookies?: Record<string, string>
  body?: object
}

const cookiePairs = (lines: string[]) => lines.map((l) => l.split(';')[0] as string)
const bodyOf = (bytes: Uint8Array, type: string | null) =>
  type?.startsWith('image/') ? Buffer.from(bytes).toString('base64') : Buffer.from(bytes).toString('utf8')

const clouds: Record<string, (r: Req) => Promise<Seen>> = {
  async 'aws http api 2.0'(r) {
    const result = await invokeLambda(awsHandle(api), apiGatewayV2(r), lambdaContext())
    const v = readHttpResult(result)
    return {
      status: v.status,
      type: v.headers.get('content-type'),
      cookies: cookiePairs(v.cookies),
      body: bodyOf(v.bytes, v.headers.get('content-type')),
    }
  },
  async 'aws rest v1'(r) {
    const result = await invokeLambda(awsHandle(api), apiGatewayV1({ ...r, multiValue: true }), lambdaContext())
    const v = readHttpResult(result)
    return {
      status: v.status,
      type: v.headers.get('content-type'),
      cookies: cookiePairs(v.cookies),
      body: bodyOf(v.bytes, v.headers.get('content-type')),
    }
  },
  async 'gcp functions framework'(r) {
    const res = await gcp.send(httpRequest(r))
    const type = res.headers.get('content-type')
    return { status: res.status, type, cookies: cookiePairs(res.cookies), body: bodyOf(res.body, type) }
  },
  async 'azure functions v4'(r) {
    // As deployed with host.json `extensions.http.routePrefix: ""`; with the default `/api` prefix the app needs `basePath("/api")`.
    const url = new URL(`http://localhost:7071${r.path}`)
    for (const [k, v] of Object.entries(r.query ?? {})) for (const one of [v].flat()) url.searchParams.append(k, one)
    const headers: Record<string, string> = { ...r.headers }
    if (r.cookies)
      headers.cookie = Object.entries(r.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ')
    if (r.body) headers['content-type'] = 'application/json'
    const { http } = await azure.invoke('api', {
      data: rpcHttp({
        method: r.method ?? 'GET',
        url: url.href,
        headers,
        body: r.body ? JSON.stringify(r.body) : undefined,
      }),
    })
    if (!http) throw new Error('no HTTP answer')
    const type = http.headers['content-type'] ?? null
    return {
      status: http.status,
      type,
      cookies: http.cookies.map((c) => `${c.name}=${c.value}`),
      body: bodyOf(http.body, type),
    }
  },
}

let gcp: Awaited<ReturnType<typeof serve>>
const azure = createWorkerHarness()
beforeAll(async () => {
  gcp = await serve(api)
  azureRegister('api', api, { route: '{*path}', authLevel: 'anonymous' })
})
afterAll(async () => {
  await gcp.close()
  await azure.dispose()
})

const requests: Array<[string, Req, Partial<Seen> & { json?: unknown }]> = [
  [
    'route params, repeated query keys, headers',
    { path: '/users/42', query: { tag: ['a', 'b'] }, headers: { 'user-agent': 'probe/1' } },
    { status: 200, json: { id: '42', tags: ['a', 'b'], ua: 'probe/1' } },
  ],
  [
    'JSON in, cookies both ways',
    { method: 'POST', path: '/orders', cookies: { session: 's-1', visits: '2' }, body: { sku: 'tea', qty: 2 } },
    {
      status: 201,
      cookies: ['last-order=tea', 'visits=3'],
      json: { accepted: { sku: 'tea', qty: 2 }, session: 's-1' },
    },
  ],
  [
    'a binary download',
    { path: '/logo.png' },
    { status: 200, type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]).toString('base64') },
  ],
  ['an HTTPException', { path: '/teapot' }, { status: 418, body: 'short and stout' }],
  ['a thrown error', { path: '/boom' }, { status: 500, json: { error: 'internal' } }],
  ['a 404', { path: '/nowhere' }, { status: 404 }],
]

describe.each(requests)('Hono app, %s', (_name, req, expected) => {
  it('gives identical results on every cloud', async () => {
    const seen: Record<string, Seen> = {}
    for (const [cloud, send] of Object.entries(clouds)) seen[cloud] = await send(req)
    const first = Object.values(seen)[0] as Seen
    for (const [cloud, s] of Object.entries(seen)) expect(s, cloud).toEqual(first)
    const { json, ...rest } = expected
    expect(first).toMatchObject(rest)
    if (json !== undefined) expect(JSON.parse(first.body)).toEqual(json)
  })
})

import { http } from '@faasade/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { lambda } from '../index.js'
import {
  type HttpEventInit,
  alb,
  apiGatewayV1,
  apiGatewayV2,
  functionUrl,
  httpApiV1,
  invokeLambda,
  readHttpResult,
} from '../testing.js'

/** Reflects the request: its x-p-* headers, query, cookies and body come back in the response. */
const mirror = lambda(
  http(async (req) => {
    const headers: Record<string, string | string[]> = {}
    const seen: Record<string, string[]> = {}
    for (const name of new Set(req.headers.keys())) {
      if (!name.startsWith('x-p-')) continue
      seen[name] = req.headers.getAll(name)
      headers[name] = seen[name]
    }
    headers['x-echo'] = encodeURIComponent(
      JSON.stringify({ query: [...req.query], cookies: req.cookies, headers: seen }),
    )
    const isText = (req.headers.get('content-type') ?? '').startsWith('text/')
    headers['content-type'] = isText ? 'text/plain; charset=utf-8' : 'application/octet-stream'
    return {
      status: 200,
      headers,
      cookies: Object.entries(req.cookies).map(([name, value]) => ({ name, value })),
      body: isText ? await req.text() : await req.bytes(),
    }
  }),
)

type Door = 'v1' | 'v1-multi' | 'http-1.0' | 'v2' | 'url' | 'alb' | 'alb-multi'

const build: Record<Door, (init: HttpEventInit) => unknown> = {
  v1: (init) => apiGatewayV1({ ...init, multiValue: false }),
  'v1-multi': (init) => apiGatewayV1(init),
  'http-1.0': httpApiV1,
  v2: apiGatewayV2,
  url: functionUrl,
  alb: (init) => alb(init),
  'alb-multi': (init) => alb({ ...init, multiValue: true }),
}

// Single-value maps keep the last value; multi-value maps group a key's values; 2.0 keeps the raw order.
const singleValue = (door: Door) => door === 'v1' || door === 'alb'
const grouped = (door: Door) => door === 'v1-multi' || door === 'http-1.0' || door === 'alb-multi'

function expectedQuery(door: Door, pairs: Array<[string, string]>): Array<[string, string]> {
  if (door === 'v2' || door === 'url') return pairs
  // Map-shaped events are JSON objects: integer-like keys come first, as JSON.parse orders them.
  const groups: Record<string, string[]> = Object.create(null)
  for (const [k, v] of pairs) (groups[k] ??= []).push(v)
  const keys = Object.keys(groups)
  if (grouped(door)) return keys.flatMap((k) => (groups[k] as string[]).map((v): [string, string] => [k, v]))
  return keys.map((k) => [k, (groups[k] as string[]).at(-1) as string])
}

function expectedHeader(door: Door, values: string[]): string[] {
  if (door === 'v2' || door === 'url') return [values.join(',')]
  return singleValue(door) ? [values[values.length - 1] as string] : values
}

// Mixed case: REST keeps the client's spelling, every lookup must still find it.
const token = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/)
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/)
const request = fc.record({
  headers: fc.uniqueArray(fc.tuple(token, fc.array(headerValue, { minLength: 1, maxLength: 3 })), {
    selector: ([name]) => name.toLowerCase(),
    maxLength: 4,
  }),
  query: fc.array(
    fc.tuple(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    {
      maxLength: 5,
    },
  ),
  // Names that are Object.prototype keys ("toString", "constructor") are left out: core's parseCookies drops
  // them (`name in out` on a plain object), a core bug reported separately.
  cookies: fc.uniqueArray(
    fc.tuple(
      fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/).filter((name) => !(name in Object.prototype)),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { selector: ([name]) => name, maxLength: 3 },
  ),
  body: fc.oneof(
    fc.constant(undefined),
    fc.string({ unit: 'grapheme', maxLength: 40 }).map((text) => ({ text })),
    fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ bytes })),
  ),
})

describe.each<Door>(['v1', 'v1-multi', 'http-1.0', 'v2', 'url', 'alb', 'alb-multi'])(
  'round trip through %s',
  (door) => {
    it('headers, query, cookies, text and binary bodies reach the handler and come back', async () => {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const headers: Record<string, string[]> = Object.fromEntries(r.headers.map(([n, vs]) => [`x-p-${n}`, vs]))
          if (r.body && 'text' in r.body) headers['content-type'] = ['text/plain; charset=utf-8']
          if (r.body && 'bytes' in r.body) headers['content-type'] = ['application/octet-stream']
          const body = r.body === undefined ? undefined : 'text' in r.body ? r.body.text : r.body.bytes
          const event = build[door]({
            method: body === undefined ? 'GET' : 'POST',
            path: '/mirror',
            headers,
            query: r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
            cookies: Object.fromEntries(r.cookies),
            body,
          })
          // ALB single-value warns when it drops cookies (checked in alb.test.ts); keep those lines out of the run's output.
          const { result, logs } = await captureLogs(() => invokeLambda(mirror, event))
          const res = readHttpResult(result)
          expect(res.status).toBe(200)
          expect(logs.every((l) => l.level === 'WARN' && door === 'alb')).toBe(true)

          // Request direction: what the handler saw.
          const seen = JSON.parse(decodeURIComponent(res.headers.get('x-echo') ?? '')) as {
            query: Array<[string, string]>
            cookies: Record<string, string>
            headers: Record<string, string[]>
          }
          expect(seen.query).toEqual(expectedQuery(door, r.query))
          expect(seen.cookies).toEqual(Object.fromEntries(r.cookies))
          for (const [name, values] of r.headers)
            expect(seen.headers[`x-p-${name.toLowerCase()}`]).toEqual(expectedHeader(door, values))

          // Response direction: what the client gets back.
          for (const [name, values] of Object.entries(seen.headers))
            expect(res.headers.get(name)).toBe(values.join(', '))
          // The mirror sets one cookie per request cookie, in the order it read them.
          const sent = Object.entries(seen.cookies).map(([n, v]) => `${n}=${encodeURIComponent(v)}`)
          expect(res.cookies).toEqual(door === 'alb' ? sent.slice(0, 1) : sent)
          const bytes =
            body === undefined ? new Uint8Array() : typeof body === 'string' ? new TextEncoder().encode(body) : body
          expect(Buffer.from(res.bytes).equals(Buffer.from(bytes))).toBe(true)
        }),
        { numRuns: 60 },
      )
    })
  },
)

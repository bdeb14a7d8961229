import { describe, expect, it } from 'vitest'
import { HttpError } from './errors.js'
import { createRequest } from './request.js'

const base = { method: 'get', path: '/items', native: null }

describe('HttpRequest', () => {
  it('upper-cases the method and parses a raw query with repeated keys', () => {
    const req = createRequest({ ...base, query: 'a=1&a=2&b=x%20y' })
    expect(req.method).toBe('GET')
    expect(req.query.getAll('a')).toEqual(['1', '2'])
    expect(req.query.get('b')).toBe('x y')
  })

  it('builds the URL from forwarded headers when the platform gives none', () => {
    const req = createRequest({
      ...base,
      query: 'q=1',
      headers: { Host: 'internal', 'X-Forwarded-Host': 'api.example.com', 'X-Forwarded-Proto': 'https' },
    })
    expect(req.url).toBe('https://api.example.com/items?q=1')
  })

  it('prefers cookies that came outside the headers (AWS cookies[]) over the cookie header', () => {
    const req = createRequest({ ...base, headers: { cookie: 'a=header' }, cookies: ['a=array', 'b=2'] })
    expect(req.cookies).toEqual({ a: 'array', b: '2' })
    expect(createRequest({ ...base, headers: { Cookie: 'a=1; b=2' } }).cookies).toEqual({ a: '1', b: '2' })
  })

  it('reads text, bytes and JSON from base64 bodies, more than once', async () => {
    const req = createRequest({ ...base, method: 'POST', body: { base64: Buffer.from('{"a":1}').toString('base64') } })
    expect(await req.json()).toEqual({ a: 1 })
    expect(await req.text()).toBe('{"a":1}')
    expect([...(await req.bytes())]).toEqual([...Buffer.from('{"a":1}')])
  })

  it('reads an async body source once', async () => {
    let reads = 0
    const req = createRequest({
      ...base,
      method: 'POST',
      body: {
        read: async () => {
          reads++
          return new TextEncoder().encode('hi')
        },
      },
    })
    expect(await req.text()).toBe('hi')
    expect(await req.text()).toBe('hi')
    expect(reads).toBe(1)
  })

  it('refuses a streamed body past the limit with 413', async () => {
    const req = createRequest({ ...base, method: 'POST', body: { read: async () => new Uint8Array(11) } })
    req.maxBodyBytes = 10
    await expect(req.bytes()).rejects.toMatchObject({ status: 413 })
  })

  it('answers malformed JSON with a 400 HttpError that says so', async () => {
    const req = createRequest({ ...base, method: 'POST', body: '{oops' })
    const error = await req.json().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 400, title: 'Malformed JSON' })
  })

  it('becomes a Web Request with headers and body', async () => {
    const req = createRequest({
      ...base,
      method: 'POST',
      query: 'x=1',
      headers: { host: 'h.example', 'content-type': 'text/plain', 'x-rep': ['1', '2'] },
      body: 'payload',
    })
    const web = req.toRequest()
    expect(web.url).toBe('https://h.example/items?x=1')
    expect(web.method).toBe('POST')
    expect(web.headers.get('x-rep')).toBe('1, 2')
    expect(await web.text()).toBe('payload')
  })
})

describe('HttpRequest.ip', () => {
  it('works a lazy address out once', () => {
    let calls = 0
    const req = createRequest({ ...base, ip: () => (calls++, '203.0.113.9') })
    expect(req.ip).toBe('203.0.113.9')
    expect(req.ip).toBe('203.0.113.9')
    expect(calls).toBe(1)
    expect(createRequest({ ...base, ip: '198.51.100.1' }).ip).toBe('198.51.100.1')
  })
})

describe('a body with the JSON a framework already parsed', () => {
  it('json() is that value; bytes, text and the size limit use the exact bytes', async () => {
    const parsed = { a: 1 }
    const bytes = new TextEncoder().encode('\ufeff{"a":1}')
    const req = createRequest({ ...base, method: 'POST', body: { bytes, json: parsed } })
    expect(await req.json()).toBe(parsed)
    expect(await req.text()).toBe('\ufeff{"a":1}')
    expect(await req.bytes()).toBe(bytes)
    expect(req.declaredSize()).toBe(bytes.byteLength)
    const small = createRequest({ ...base, method: 'POST', body: { bytes, json: parsed } })
    small.maxBodyBytes = 4
    expect(small.exceedsLimit()).toBe(true)
  })
})

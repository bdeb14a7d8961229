import { describe, expect, it } from 'vitest'
import { type Cookie, parseCookies, parseSetCookie, serializeCookie } from './cookies.js'

describe('cookies', () => {
  it('parses Cookie headers and AWS cookie pairs; the first of a name wins', () => {
    expect(parseCookies(['a=1; b=two%20words', 'a=shadowed', 'c="quoted"', 'junk'])).toEqual({
      a: '1',
      b: 'two words',
      c: 'quoted',
    })
  })

  it('keeps a value with a stray percent sign as sent', () => {
    expect(parseCookies(['p=100%'])).toEqual({ p: '100%' })
  })

  it('serializes every attribute and round-trips through parseSetCookie', () => {
    const cookie: Cookie = {
      name: 'session',
      value: 'a b;c',
      domain: 'example.com',
      path: '/',
      expires: new Date('2030-01-01T00:00:00Z'),
      maxAge: 3600,
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      partitioned: true,
    }
    const header = serializeCookie(cookie)
    expect(header).toBe(
      'session=a%20b%3Bc; Max-Age=3600; Domain=example.com; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax; Partitioned',
    )
    expect(parseSetCookie(header)).toEqual(cookie)
  })

  it('refuses a cookie name that would corrupt the header', () => {
    expect(() => serializeCookie({ name: 'a;b', value: 'x' })).toThrow(/invalid cookie name/)
  })
})

describe('cookie names', () => {
  it('keeps cookies named after Object.prototype members', () => {
    expect(parseCookies(['constructor=1; toString=2; __proto__=3'])).toEqual(
      Object.assign(Object.create(null), { constructor: '1', toString: '2', ['__proto__']: '3' }),
    )
  })
})

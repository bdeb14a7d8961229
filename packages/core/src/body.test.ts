import { describe, expect, it } from 'vitest'
import { decodeBase64, knownSize, syncJson, syncText, textExceeds } from './body.js'
import { HttpError } from './errors.js'

describe('body sources', () => {
  it('decodes base64 with or without padding and with line breaks', () => {
    expect(Buffer.from(decodeBase64('aGVsbG8=')).toString()).toBe('hello')
    expect(Buffer.from(decodeBase64('aGVsbG8')).toString()).toBe('hello')
    expect(Buffer.from(decodeBase64('aGVs\nbG8=')).toString()).toBe('hello')
  })

  it.each(['***', 'a', 'aGVsbG8=x', 'aGV=bG8='])('refuses %j as base64 with a 400', (bad) => {
    const error = (() => {
      try {
        decodeBase64(bad)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(HttpError)
    expect((error as HttpError).status).toBe(400)
  })

  it('returns an already-parsed value as JSON and re-serializes it as text', () => {
    expect(syncJson({ value: { a: 1 } })).toEqual({ a: 1 })
    expect(syncText({ value: { a: 1 } })).toBe('{"a":1}')
    expect(syncJson({ value: '{"a":2}' })).toEqual({ a: 2 })
  })

  it('names malformed JSON', () => {
    expect(() => syncJson('{"a":')).toThrow(/not valid JSON/)
    expect(() => syncJson('')).toThrow(/empty/)
  })

  it('sizes bodies without decoding them', () => {
    expect(knownSize('héllo')).toBe(6)
    expect(knownSize({ base64: 'aGVsbG8=' })).toBe(5)
    expect(knownSize(new Uint8Array(3))).toBe(3)
    expect(knownSize({ read: async () => new Uint8Array() })).toBeUndefined()
  })

  it('measures text against a byte limit as UTF-8', () => {
    expect(textExceeds('abc', 3)).toBe(false)
    expect(textExceeds('abcd', 3)).toBe(true)
    expect(textExceeds('é', 1)).toBe(true) // two bytes, one unit
    expect(textExceeds('éé', 4)).toBe(false)
  })
})

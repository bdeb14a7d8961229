import { describe, expect, it } from 'vitest'
import { HeaderMap } from './headers.js'

describe('HeaderMap', () => {
  it('looks names up case-insensitively and keeps repeated values', () => {
    const h = new HeaderMap({ Accept: 'a', 'X-Multi': ['1', '2'], 'x-multi': '3', Empty: undefined })
    expect(h.get('accept')).toBe('a')
    expect(h.get('X-MULTI')).toBe('1, 2, 3')
    expect(h.getAll('x-multi')).toEqual(['1', '2', '3'])
    expect(h.has('empty')).toBe(false)
    expect(h.get('missing')).toBeNull()
  })

  it('iterates sorted lower-case names and never joins Set-Cookie', () => {
    const h = new HeaderMap([
      ['Set-Cookie', 'a=1'],
      ['B', 'x'],
      ['set-cookie', 'b=2'],
    ])
    expect([...h]).toEqual([
      ['b', 'x'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ])
    expect(h.getSetCookie()).toEqual(['a=1', 'b=2'])
  })

  it('reads from a Fetch Headers object', () => {
    const h = new HeaderMap(new Headers({ 'Content-Type': 'text/plain' }))
    expect(h.get('content-type')).toBe('text/plain')
  })

  it('lower-cased fast path answers without indexing and still mutates correctly', () => {
    const h = new HeaderMap({ host: 'example.com', 'x-a': '1' }, { lowercased: true })
    expect(h.get('Host')).toBe('example.com')
    expect(h.has('X-A')).toBe(true)
    h.append('x-a', '2')
    expect(h.get('x-a')).toBe('1, 2')
    h.delete('host')
    expect(h.has('host')).toBe(false)
    expect(h.toRecord()).toEqual({ 'x-a': '1, 2' })
    expect(h.toMultiRecord()).toEqual({ 'x-a': ['1', '2'] })
  })
})

describe('HeaderMap over a Fetch Headers', () => {
  it('answers get/has from the source and indexes it, Set-Cookie kept apart, when iterated or changed', () => {
    const source = new Headers({ 'Content-Type': 'text/plain' })
    source.append('set-cookie', 'a=1')
    source.append('set-cookie', 'b=2')
    const h = new HeaderMap(source)
    expect(h.get('content-type')).toBe('text/plain')
    expect(h.has('CONTENT-TYPE')).toBe(true)
    expect(h.getSetCookie()).toEqual(['a=1', 'b=2'])
    h.set('x', '1')
    expect(h.get('x')).toBe('1')
    expect(source.has('x')).toBe(false)
  })
})

describe('HeaderMap over a Fetch Headers, as Azure hands it over', () => {
  const make = () =>
    new HeaderMap(
      new Headers([
        ['Accept', 'text/html'],
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
        ['Cookie', 'a=1'],
      ]),
    )

  it('get/has are case-insensitive, join repeats, and answer null for an invalid name', () => {
    const m = make()
    expect(m.get('ACCEPT')).toBe('text/html')
    expect(m.get('x-tag')).toBe('a, b')
    expect(m.has('cookie')).toBe(true)
    expect(m.has('missing')).toBe(false)
    expect(m.get('bad header')).toBeNull()
    expect([...m]).toEqual([
      ['accept', 'text/html'],
      ['cookie', 'a=1'],
      ['x-tag', 'a, b'],
    ])
  })

  it('after a change every read sees it', () => {
    const m = make()
    m.set('Accept', 'application/json')
    m.append('x-new', '1')
    m.delete('cookie')
    expect(m.get('accept')).toBe('application/json')
    expect(m.get('x-new')).toBe('1')
    expect(m.has('cookie')).toBe(false)
  })
})

describe('HeaderMap over a mixed-case record (REST API, ALB)', () => {
  it('answers the first reads by scanning, with the same result as the index', () => {
    const record = { Accept: 'a', 'X-Multi': ['1', '2'], 'x-multi': '3', Empty: undefined }
    const h = new HeaderMap(record)
    const reads = ['accept', 'X-MULTI', 'empty', 'missing', 'ACCEPT', 'x-multi']
    expect(reads.map((n) => h.get(n))).toEqual(['a', '1, 2, 3', null, null, 'a', '1, 2, 3'])
  })
})

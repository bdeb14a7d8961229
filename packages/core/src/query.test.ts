import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QueryParams } from './query.js'

describe('QueryParams', () => {
  it('keeps repeated keys in order and decodes + and percent escapes', () => {
    const q = new QueryParams('a=1&a=2&b=x+y%21&flag&empty=&%E2%9C%93=ok')
    expect(q.getAll('a')).toEqual(['1', '2'])
    expect(q.get('a')).toBe('1')
    expect(q.get('b')).toBe('x y!')
    expect(q.get('flag')).toBe('')
    expect(q.get('empty')).toBe('')
    expect(q.get('✓')).toBe('ok')
    expect(q.has('missing')).toBe(false)
    expect(q.toObject()).toEqual({ a: ['1', '2'], b: 'x y!', flag: '', empty: '', '✓': 'ok' })
  })

  it('leaves malformed escapes as sent, like URLSearchParams', () => {
    expect(new QueryParams('a=%zz&b=%41%').get('a')).toBe(new URLSearchParams('a=%zz').get('a'))
    expect(new QueryParams('b=100%').get('b')).toBe('100%')
  })

  it('agrees with URLSearchParams on any query string', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 8 }), (pairs) => {
        const raw = new URLSearchParams(pairs).toString()
        const ours = new QueryParams(raw)
        expect([...ours]).toEqual([...new URLSearchParams(raw)])
        expect(ours.toString()).toBe(raw)
      }),
    )
  })

  it('is built from pairs and mutates', () => {
    const q = new QueryParams([['x', '1']])
    q.append('x', '2')
    q.set('y', 'z')
    expect(q.toString()).toBe('x=1&x=2&y=z')
    q.delete('x')
    expect([...q.keys()]).toEqual(['y'])
  })
})

describe('QueryParams with the platform-decoded map', () => {
  it('reads the decoded map only where it is exact, and parses otherwise', () => {
    const exact = new QueryParams('name=ada&limit=5', { name: 'ada', limit: '5' })
    expect(exact.get('name')).toBe('ada')
    // API Gateway joins a repeated name with a comma: the raw string decides.
    const repeated = new QueryParams('tag=a&tag=b', { tag: 'a,b' })
    expect(repeated.get('tag')).toBe('a')
    expect(repeated.getAll('tag')).toEqual(['a', 'b'])
    // Escapes in the raw string: the map is not trusted at all.
    const escaped = new QueryParams('q=x%2Cy', { q: 'x,y' })
    expect(escaped.get('q')).toBe('x,y')
    expect(new QueryParams('q=a+b', { q: 'wrong' }).get('q')).toBe('a b')
  })
})

/** What a header collection can be built from: a record (values may repeat), pairs, or any Fetch `Headers`. */
export type HeaderSource =
  | Readonly<Record<string, string | readonly string[] | number | undefined | null>>
  | Iterable<readonly [string, string]>
  | { forEach(cb: (value: string, name: string) => void): void }

interface FetchHeaders {
  get(name: string): string | null
  has(name: string): boolean
  forEach(cb: (value: string, name: string) => void): void
  getSetCookie?(): string[]
}

const isFetchHeaders = (s: unknown): s is FetchHeaders =>
  typeof s === 'object' &&
  s !== null &&
  typeof (s as FetchHeaders).get === 'function' &&
  typeof (s as FetchHeaders).has === 'function' &&
  typeof (s as FetchHeaders).forEach === 'function'

const hasForEach = (s: object): s is { forEach(cb: (value: string, name: string) => void): void } =>
  typeof (s as { forEach?: unknown }).forEach === 'function' && !Array.isArray(s)

type PlainRecord = Readonly<Record<string, string | readonly string[] | number | undefined | null>>

const isRecord = (s: HeaderSource | undefined): s is PlainRecord =>
  typeof s === 'object' &&
  s !== null &&
  !(Symbol.iterator in s) &&
  typeof (s as { forEach?: unknown }).forEach !== 'function'

/** Fetch's `get` on a record whose names may be in any case: every matching key's values, joined by ", ". */
function scanRecord(record: PlainRecord, lower: string): string | null {
  let out: string | null = null
  for (const key in record) {
    if (key.length !== lower.length || key.toLowerCase() !== lower) continue
    const value = record[key]
    if (value === undefined || value === null) continue
    const text = Array.isArray(value) ? value.join(', ') : String(value)
    out = out === null ? text : `${out}, ${text}`
  }
  return out
}

/**
 * Headers with Fetch semantics (case-insensitive `get`/`has`, `entries` in sorted lower-case order, repeated
 * values joined by ", " except Set-Cookie) that keeps every repeated value (`getAll`) and builds its index only
 * when first read, so a handler that never looks at headers pays nothing for them.
 */
export class HeaderMap implements Iterable<[string, string]> {
  #source: HeaderSource | undefined
  #lowercased: boolean
  #map: Map<string, string[]> | undefined
  #scans = 0

  /** `lowercased: true` promises a record whose names are already lower case with single values (a fast path). */
  #fetch: FetchHeaders | undefined

  constructor(init?: HeaderSource | HeaderMap, options?: { lowercased?: boolean }) {
    if (init instanceof HeaderMap) {
      this.#map = new Map([...init.#index()].map(([k, v]) => [k, [...v]]))
      this.#lowercased = false
    } else {
      this.#source = init
      this.#lowercased = options?.lowercased === true
      // A Fetch Headers answers get/has itself, far cheaper than copying it into an index first.
      if (isFetchHeaders(init)) this.#fetch = init
    }
  }

  #index(): Map<string, string[]> {
    if (this.#map) return this.#map
    const map = new Map<string, string[]>()
    const add = (name: string, value: unknown): void => {
      if (value === undefined || value === null) return
      const key = name.toLowerCase()
      const list = map.get(key)
      if (Array.isArray(value)) {
        const strings = value.map(String)
        if (list) list.push(...strings)
        else map.set(key, strings)
      } else if (list) list.push(String(value))
      else map.set(key, [String(value)])
    }
    const source = this.#source
    if (source) {
      if (Symbol.iterator in source) for (const [k, v] of source as Iterable<readonly [string, string]>) add(k, v)
      else if (isFetchHeaders(source)) {
        source.forEach((v, k) => {
          if (k !== 'set-cookie') add(k, v)
        })
        // Fetch joins repeated Set-Cookie lines; getSetCookie keeps them apart.
        const cookies =
          source.getSetCookie?.() ?? (source.has('set-cookie') ? [source.get('set-cookie') as string] : [])
        if (cookies.length) add('set-cookie', cookies)
      } else if (hasForEach(source))
        source.forEach((v, k) => {
          add(k, v)
        })
      else for (const k in source) add(k, (source as Record<string, unknown>)[k])
    }
    this.#source = undefined
    this.#fetch = undefined
    this.#map = map
    return map
  }

  get(name: string): string | null {
    if (this.#fetch) {
      try {
        return this.#fetch.get(name)
      } catch {
        return null // an invalid header name: Fetch throws, a lookup answers "not there"
      }
    }
    if (!this.#map && this.#lowercased) {
      const v = (this.#source as Record<string, string | undefined>)[name.toLowerCase()]
      return v ?? null
    }
    // A few reads of a plain record (REST API, ALB multi-value) need no index: scan its keys ignoring case.
    if (!this.#map && this.#scans < 4 && isRecord(this.#source)) {
      this.#scans++
      return scanRecord(this.#source, name.toLowerCase())
    }
    const list = this.#index().get(name.toLowerCase())
    return list === undefined ? null : list.join(', ')
  }

  /** Every value sent for `name`, in order (not part of Fetch `Headers`). */
  getAll(name: string): string[] {
    return [...(this.#index().get(name.toLowerCase()) ?? [])]
  }

  getSetCookie(): string[] {
    return this.getAll('set-cookie')
  }

  has(name: string): boolean {
    if (this.#fetch) return this.get(name) !== null
    if (!this.#map && this.#lowercased) {
      return (this.#source as Record<string, unknown>)[name.toLowerCase()] != null
    }
    return this.#index().has(name.toLowerCase())
  }

  set(name: string, value: string): void {
    this.#index().set(name.toLowerCase(), [String(value)])
  }

  append(name: string, value: string): void {
    const map = this.#index()
    const key = name.toLowerCase()
    const list = map.get(key)
    if (list) list.push(String(value))
    else map.set(key, [String(value)])
  }

  delete(name: string): void {
    this.#index().delete(name.toLowerCase())
  }

  /** Sorted lower-case names; Set-Cookie appears once per value, others joined by ", ". */
  *entries(): IterableIterator<[string, string]> {
    const map = this.#index()
    for (const key of [...map.keys()].sort()) {
      const list = map.get(key) as string[]
      if (key === 'set-cookie') for (const v of list) yield [key, v]
      else yield [key, list.join(', ')]
    }
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k
  }

  *values(): IterableIterator<string> {
    for (const [, v] of this.entries()) yield v
  }

  forEach(callback: (value: string, name: string, headers: HeaderMap) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this)
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()
  }

  /** Lower-case name → every value, in arrival order. */
  toMultiRecord(): Record<string, string[]> {
    const out: Record<string, string[]> = {}
    for (const [k, v] of this.#index()) out[k] = [...v]
    return out
  }

  /** Lower-case name → Fetch-style combined value (what a headers schema validates). */
  toRecord(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [k, v] of this.#index()) out[k] = v.join(', ')
    return out
  }
}

/** What query parameters can be built from: a raw query string (no `?`), pairs, or `URLSearchParams`. */
export type QuerySource = string | URLSearchParams | Iterable<readonly [string, string]>

// Anything that makes a platform's decoded map differ from URLSearchParams: escapes, '+', or a comma (API Gateway
// joins a repeated name's values with commas).
const NOT_PLAIN = /[%+,]/

function decode(part: string): string {
  const spaced = part.includes('+') ? part.replace(/\+/g, ' ') : part
  if (!spaced.includes('%')) return spaced
  try {
    return decodeURIComponent(spaced)
  } catch {
    // Malformed escapes stay as sent, as URLSearchParams leaves them.
    return spaced.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  }
}

function parse(raw: string): [string, string][] {
  const pairs: [string, string][] = []
  if (raw === '') return pairs
  // Most query strings carry nothing to decode: look once, not twice per name and value.
  const plain = raw.indexOf('%') < 0 && raw.indexOf('+') < 0
  const n = raw.length
  let start = raw.charCodeAt(0) === 63 /* ? */ ? 1 : 0
  while (start <= n) {
    let end = raw.indexOf('&', start)
    if (end < 0) end = n
    if (end > start) {
      const eq = raw.indexOf('=', start)
      const bare = eq < 0 || eq > end
      const name = raw.slice(start, bare ? end : eq)
      const value = bare ? '' : raw.slice(eq + 1, end)
      pairs.push(plain ? [name, value] : [decode(name), decode(value)])
    }
    start = end + 1
  }
  return pairs
}

/**
 * Query parameters with `URLSearchParams` semantics (`get` gives the first value, `getAll` every value, in order),
 * parsed on first read and several times cheaper to build than `URLSearchParams` on a hot path.
 */
export class QueryParams implements Iterable<[string, string]> {
  #raw: string | undefined
  #pairs: [string, string][] | undefined

  #decoded: Readonly<Record<string, string | undefined>> | undefined

  /**
   * `decoded`: name → value as the platform decoded them (API Gateway's `queryStringParameters`); `get` reads it
   * instead of parsing `init` when that is exact: `init` is a raw string without `%`, `+` or `,` in it.
   */
  constructor(init: QuerySource = '', decoded?: Readonly<Record<string, string | undefined>> | null) {
    if (typeof init === 'string') {
      this.#raw = init
      if (decoded && !NOT_PLAIN.test(init)) this.#decoded = decoded
    }
    // Pairs an adapter built for this request are taken as they are; anything else is copied.
    else
      this.#pairs = Array.isArray(init)
        ? (init as [string, string][])
        : [...init].map(([k, v]) => [String(k), String(v)] as [string, string])
  }

  #list(): [string, string][] {
    if (!this.#pairs) {
      this.#pairs = parse(this.#raw as string)
      this.#raw = undefined
    }
    return this.#pairs
  }

  get size(): number {
    return this.#list().length
  }

  get(name: string): string | null {
    const known = this.#decoded?.[name]
    // With no comma in the raw string, a comma in a value can only be API Gateway joining a repeated name.
    if (known !== undefined && known.indexOf(',') < 0) return known
    const list = this.#list()
    for (let i = 0; i < list.length; i++) {
      const pair = list[i] as [string, string]
      if (pair[0] === name) return pair[1]
    }
    return null
  }

  getAll(name: string): string[] {
    const out: string[] = []
    for (const [k, v] of this.#list()) if (k === name) out.push(v)
    return out
  }

  has(name: string): boolean {
    return this.get(name) !== null
  }

  append(name: string, value: string): void {
    this.#list().push([name, String(value)])
  }

  set(name: string, value: string): void {
    this.delete(name)
    this.append(name, value)
  }

  delete(name: string): void {
    this.#pairs = this.#list().filter(([k]) => k !== name)
  }

  entries(): IterableIterator<[string, string]> {
    return this.#list()
      .map(([k, v]) => [k, v] as [string, string])
      [Symbol.iterator]()
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.#list()) yield k
  }

  *values(): IterableIterator<string> {
    for (const [, v] of this.#list()) yield v
  }

  forEach(callback: (value: string, name: string, params: QueryParams) => void): void {
    for (const [k, v] of this.#list()) callback(v, k, this)
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()
  }

  /** Name → value, or every value when a name repeats (what a query schema validates). */
  toObject(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {}
    for (const [k, v] of this.#list()) {
      const prev = out[k]
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
    }
    return out
  }

  toURLSearchParams(): URLSearchParams {
    return new URLSearchParams(this.#list())
  }

  /** Percent-encoded, as `URLSearchParams` would write it. */
  toString(): string {
    return this.#raw ?? this.toURLSearchParams().toString()
  }
}

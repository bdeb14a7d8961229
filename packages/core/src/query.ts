/** What query parameters can be built from: a raw query string (no `?`), pairs, or `URLSearchParams`. */
export type QuerySource = string | URLSearchParams | Iterable<readonly [string, string]>

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
  let start = raw.charCodeAt(0) === 63 /* ? */ ? 1 : 0
  while (start <= raw.length) {
    let end = raw.indexOf('&', start)
    if (end < 0) end = raw.length
    if (end > start) {
      const eq = raw.indexOf('=', start)
      pairs.push(
        eq < 0 || eq > end
          ? [decode(raw.slice(start, end)), '']
          : [decode(raw.slice(start, eq)), decode(raw.slice(eq + 1, end))],
      )
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

  constructor(init: QuerySource = '') {
    if (typeof init === 'string') this.#raw = init
    else this.#pairs = [...init].map(([k, v]) => [String(k), String(v)] as [string, string])
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
    for (const [k, v] of this.#list()) if (k === name) return v
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

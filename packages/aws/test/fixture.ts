import { readFileSync } from 'node:fs'

const root = new URL('./fixtures/', import.meta.url)

/** Loads `test/fixtures/<source>/<variant>.json` (a fresh copy each call, so tests may change it). */
export function fixture<T = any>(source: string, variant: string): T {
  return JSON.parse(readFileSync(new URL(`${source}/${variant}.json`, root), 'utf8')) as T
}

import { readFileSync } from 'node:fs'

/** Reads `test/fixtures/<source>/<variant>.json` (payloads from shared/fixtures/azure and SOURCES.md). */
export function fixture<T = any>(source: string, variant: string): T {
  const url = new URL(`./fixtures/${source}/${variant}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as T
}

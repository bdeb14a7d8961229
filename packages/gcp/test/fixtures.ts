import { readFileSync } from 'node:fs'
import type { NativeRequest } from '../src/testing.js'

/** Parses `test/fixtures/<source>/<variant>.json`. */
export function fixture<T = any>(source: string, variant: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${source}/${variant}.json`, import.meta.url), 'utf8')) as T
}

/** A RAW HTTP REQUEST fixture (`{ method, url, headers, body }`) as the request to send. */
export function rawRequest(source: string, variant: string): NativeRequest {
  const f = fixture<{ method: string; url: string; headers: Record<string, string>; body: string }>(source, variant)
  const url = new URL(f.url)
  return { method: f.method, path: url.pathname + url.search, headers: f.headers, body: f.body }
}

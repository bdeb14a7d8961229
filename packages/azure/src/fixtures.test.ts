import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const shared = new URL('../../../../shared/fixtures/azure/', import.meta.url)
const local = new URL('../test/fixtures/', import.meta.url)

const files = (root: URL): string[] =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.split('\\').join('/'))
    .sort()

describe.runIf(existsSync(shared))('fixtures', () => {
  it.each(existsSync(shared) ? files(shared) : [])(
    'shared/fixtures/azure/%s has a byte-identical copy here',
    (file) => {
      expect(readFileSync(new URL(file, local), 'utf8')).toBe(readFileSync(new URL(file, shared), 'utf8'))
    },
  )
})

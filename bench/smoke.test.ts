/**
 * The bench's smoke mode as a test (no timing): every case runs every variant, and faasade and each peer
 * answer what the raw floor answers for the same input; every bundled cold-start entry loads in a fresh
 * process and answers like the raw entry; every library bundles.
 *
 * It runs `pnpm smoke`'s own bundle under plain Node in a child process, as `pnpm bench` does: the Functions
 * Framework's Express router `require`s CommonJS that vitest's `import` resolve condition would swap for ESM.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SmokeRow } from './src/run/smoke.js'
import { cases } from './src/cases/index.js'

const BENCH = fileURLToPath(new URL('./', import.meta.url))
const BUNDLE = `${BENCH}.cache/smoke-test.mjs`

interface SmokeReport {
  rows: SmokeRow[]
  cold: { variant: string; agrees: boolean; detail: string; bytes: number }[]
  sizes: { variant: string; bytes: number }[]
}

let report: SmokeReport

beforeAll(() => {
  execFileSync(process.execPath, [`${BENCH}scripts/build.mjs`, BUNDLE], { cwd: BENCH, timeout: 60_000 })
  let stdout: string
  try {
    stdout = execFileSync(process.execPath, [BUNDLE, '--smoke', '--json'], {
      cwd: BENCH,
      timeout: 120_000,
      encoding: 'utf8',
    })
  } catch (error) {
    // A disagreement exits 1 but still reports: read it and let the assertions say which variant.
    stdout = (error as { stdout?: string }).stdout ?? ''
  }
  report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as SmokeReport
}, 180_000)

describe.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('every variant runs twice and agrees with the raw floor', () => {
    const rows = report.rows.filter((r) => r.caseId === id)
    expect(rows.map((r) => r.variant)).toEqual(c.variants.map((v) => v.name))
    for (const row of rows) expect(row.error ?? 'agrees', `${id} / ${row.variant}`).toBe('agrees')
    expect(rows.every((r) => r.agrees)).toBe(true)
  })
})

describe('cold start and size', () => {
  it('every bundled hello entry loads in a fresh process and answers like the raw entry', () => {
    expect(report.cold.map((r) => r.variant)).toEqual(['raw', 'faasade', 'hono', 'middy', 'serverless-http'])
    for (const row of report.cold) expect(row.agrees, `${row.variant}: ${row.detail}`).toBe(true)
  })

  // A ceiling, not a timing: the size of a deployed http function only moves when the code does. It was 36 KB
  // before @faasade/aws/http, and the target is 20 KB (not met: see README); this keeps it from growing.
  it('the deployed hello function (core + @faasade/aws/http) stays at most 28,500 bytes minified', () => {
    const faasade = report.cold.find((r) => r.variant === 'faasade')
    expect(faasade?.bytes).toBeGreaterThan(10_000)
    expect(faasade?.bytes).toBeLessThanOrEqual(28_500)
  })

  // Loading node:http costs ~25 ms on Node 22 and 24 in a process that has not loaded it yet: an import of it
  // (STATUS_CODES for ALB, once) was most of faasade's cold start.
  it('the deployed hello function imports no node builtin at load', () => {
    const bundle = readFileSync(`${BENCH}.cache/cold/faasade-hello.mjs`, 'utf8')
    expect(bundle).toContain('statusDescription')
    expect(bundle.match(/from\s*["']node:[\w/]+["']|require\(["']node:/g) ?? []).toEqual([])
  })

  it('bundles faasade and each peer, minified', () => {
    expect(report.sizes.map((r) => r.variant)).toEqual(['faasade', 'hono', 'middy', 'serverless-http'])
    for (const row of report.sizes) expect(row.bytes, row.variant).toBeGreaterThan(1000)
  })
})

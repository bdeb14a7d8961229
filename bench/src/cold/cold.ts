/** Cold start (import time + first call of each bundled entry, in fresh processes) and bundle sizes. */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { httpApiGet } from '../inputs/aws.js'
import { COLD_CACHE, PROBE } from '../paths.js'
import { type Bundle, ENTRIES, LIBRARIES, bundle } from './bundle.js'

export interface ColdRow {
  variant: string
  bundle: Bundle
  importMs: number[]
  firstCallMs: number[]
  /** The probe's answer, to check every entry answers the same. */
  answer?: { statusCode: number; body: string }
}

export interface SizeRow {
  variant: string
  what: string
  bundle: Bundle
}

function probe(
  file: string,
  eventFile: string,
): { importMs: number; firstCallMs: number; statusCode: number; body: string } {
  const r = spawnSync(process.execPath, [PROBE, file, eventFile], { encoding: 'utf8', timeout: 30_000 })
  if (r.status !== 0) throw new Error(`probe of ${file} failed: ${r.stderr || r.error?.message}`)
  return JSON.parse(r.stdout)
}

/** `runs` fresh processes per entry, entries interleaved so load from elsewhere spreads over all of them. */
export async function coldStarts(runs: number): Promise<ColdRow[]> {
  const eventFile = `${COLD_CACHE}event.json`
  const rows: ColdRow[] = []
  for (const [variant, entry] of Object.entries(ENTRIES))
    rows.push({ variant, bundle: await bundle(entry), importMs: [], firstCallMs: [] })
  writeFileSync(eventFile, JSON.stringify(httpApiGet))
  for (let i = 0; i < runs; i++) {
    for (const row of rows) {
      const p = probe(row.bundle.file, eventFile)
      row.importMs.push(p.importMs)
      row.firstCallMs.push(p.firstCallMs)
      row.answer = { statusCode: p.statusCode, body: p.body }
    }
  }
  return rows
}

export async function sizes(): Promise<SizeRow[]> {
  const rows: SizeRow[] = []
  for (const [variant, { entry, what }] of Object.entries(LIBRARIES))
    rows.push({ variant, what, bundle: await bundle(entry) })
  return rows
}

/** Every bundled entry, imported once in a fresh process, must give the raw entry's answer. */
export async function coldSmoke(): Promise<{ variant: string; agrees: boolean; detail: string; bytes: number }[]> {
  const rows = await coldStarts(1)
  const raw = rows.find((r) => r.variant === 'raw')?.answer
  return rows.map((r) => {
    const a = r.answer
    const same =
      !!a &&
      !!raw &&
      a.statusCode === raw.statusCode &&
      JSON.stringify(JSON.parse(a.body)) === JSON.stringify(JSON.parse(raw.body))
    return { variant: r.variant, agrees: same, detail: `${a?.statusCode} ${a?.body}`, bytes: r.bundle.bytes }
  })
}

/**
 * Smoke mode: every variant of every case is built once and invoked twice (a handler is built once and must
 * give the same answer on every call); each answer must equal the raw floor's. No timing.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Case, Invoker, Outcome, Role } from '../case.js'
import { quietly, swallowedWrites } from './quiet.js'

export interface SmokeRow {
  caseId: string
  variant: string
  role: Role
  outcome?: Outcome
  /** Lines the variant logged per invocation (failed SQS messages log one each). */
  logLines?: number
  error?: string
  agrees: boolean
  /** Set when the variant gave its documented wrong answer (a peer bug), which counts as agreeing. */
  deviation?: string
}

const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e)) as string

/** Builds and calls one variant; the invoker is closed again unless `keep` is set. */
async function probe(c: Case, invoker: Invoker): Promise<{ outcome: Outcome; logLines: number }> {
  const before = swallowedWrites()
  const first = await c.read(await quietly(invoker.invoke))
  const logLines = swallowedWrites() - before
  const second = await c.read(await quietly(invoker.invoke))
  if (!isDeepStrictEqual(first, second)) throw new Error(`second call answered differently: ${JSON.stringify(second)}`)
  return { outcome: first, logLines }
}

export async function smokeCase(c: Case): Promise<SmokeRow[]> {
  const rows: SmokeRow[] = []
  let floor: Outcome | undefined
  for (const v of c.variants) {
    const row: SmokeRow = { caseId: c.id, variant: v.name, role: v.role, agrees: false }
    let invoker: Invoker | undefined
    try {
      invoker = await v.build()
      const { outcome, logLines } = await probe(c, invoker)
      row.outcome = outcome
      row.logLines = logLines
      if (v.role === 'floor') floor = outcome
      const expected = floor && v.deviation ? v.deviation.outcome(floor) : floor
      row.agrees = expected !== undefined && isDeepStrictEqual(outcome, expected)
      if (row.agrees && v.deviation) row.deviation = v.deviation.reason
      if (!row.agrees) row.error = `disagrees with the floor: ${JSON.stringify(outcome)} vs ${JSON.stringify(expected)}`
    } catch (e) {
      row.error = message(e)
    } finally {
      await invoker?.close?.()
    }
    rows.push(row)
  }
  return rows
}

export async function smoke(cases: readonly Case[]): Promise<SmokeRow[]> {
  const rows: SmokeRow[] = []
  for (const c of cases) rows.push(...(await smokeCase(c)))
  return rows
}

export function formatSmoke(rows: readonly SmokeRow[]): string {
  return rows
    .map((r) => {
      const how = r.deviation
        ? `known peer deviation: ${r.deviation}`
        : `agrees${r.logLines ? ` (${r.logLines} log lines per call)` : ''}`
      return `${r.agrees ? '✓' : '✗'} ${r.caseId.padEnd(16)} ${r.variant.padEnd(16)} ${r.agrees ? how : r.error}`
    })
    .join('\n')
}

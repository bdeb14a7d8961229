/** Markdown tables of a run: per-case timings, targets, cold starts, sizes, and the machine. */
import type { Case, Target } from '../case.js'
import type { ColdRow, SizeRow } from '../cold/cold.js'
import type { RunEnv } from './env.js'
import { type CaseTiming, REFERENCE_BODY, type VariantTiming, median, pairedDelta, pairedRatio } from './measure.js'

export interface RunOptions {
  clock: 'cpu' | 'wall'
  rounds: number
  minMs: number
  coldRuns: number
}

export interface TargetRow {
  what: string
  limit: string
  measured: string
  pass: boolean | undefined
}

const IMPORT_SLACK_MS = 5
const BUNDLE_LIMIT = 20 * 1024

export function ns(v: number): string {
  if (!Number.isFinite(v)) return '–'
  if (v < 1e3) return `${v.toFixed(0)} ns`
  if (v < 1e6) return `${(v / 1e3).toFixed(v < 1e4 ? 2 : 1)} µs`
  return `${(v / 1e6).toFixed(2)} ms`
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '–')
const ms = (v: number) => `${v.toFixed(1)} ms`

function find(t: CaseTiming, role: 'floor' | 'faasade'): VariantTiming | undefined {
  return t.variants.find((v) => v.role === role && v.rounds.length > 0)
}

function spread(rounds: readonly number[]): string {
  if (rounds.length < 2) return ''
  const m = median(rounds)
  return `±${((100 * (Math.max(...rounds) - Math.min(...rounds))) / 2 / m).toFixed(0)}%`
}

export function caseTable(cases: readonly Case[], timings: readonly CaseTiming[]): string {
  const lines = [
    '| case | variant | ns/op | round spread | × raw floor | faasade ÷ this |',
    '|---|---|--:|--:|--:|--:|',
  ]
  for (const t of timings) {
    const c = cases.find((k) => k.id === t.caseId) as Case
    const floor = find(t, 'floor')
    const faasade = find(t, 'faasade')
    for (const v of t.variants) {
      if (v.error) {
        lines.push(`| ${c.title} | ${v.variant} | not run: ${v.error.split('\n')[0]} | | | |`)
        continue
      }
      const vsFloor = floor ? pairedRatio(v.rounds, floor.rounds) : Number.NaN
      const fOverThis = faasade && v !== faasade ? x(pairedRatio(faasade.rounds, v.rounds)) : ''
      let cell = ns(median(v.rounds))
      if (c.items && floor && v === faasade)
        cell += ` (${ns(pairedDelta(v.rounds, floor.rounds) / c.items)}/msg over raw)`
      lines.push(
        `| ${c.title} | **${v.variant}** | ${cell} | ${spread(v.rounds)} | ${v === floor ? '1.00×' : x(vsFloor)} | ${fOverThis} |`,
      )
    }
  }
  return lines.join('\n')
}

function targetOf(c: Case, t: CaseTiming | undefined, target: Target): TargetRow {
  const floor = t && find(t, 'floor')
  const faasade = t && find(t, 'faasade')
  if (!floor || !faasade) return { what: c.title, limit: '', measured: 'not measured', pass: undefined }
  if (target.kind === 'ratio') {
    const r = pairedRatio(faasade.rounds, floor.rounds)
    return { what: c.title, limit: `≤ ${target.max}× raw`, measured: x(r), pass: r <= target.max }
  }
  const perItem = pairedDelta(faasade.rounds, floor.rounds) / (c.items ?? 1)
  return {
    what: c.title,
    limit: `≤ ${target.max} ns/msg over raw`,
    measured: `${perItem.toFixed(0)} ns/msg`,
    pass: perItem <= target.max,
  }
}

export function targets(
  cases: readonly Case[],
  timings: readonly CaseTiming[],
  cold: readonly ColdRow[] | undefined,
  sizes: readonly SizeRow[] | undefined,
): TargetRow[] {
  const rows: TargetRow[] = []
  for (const c of cases)
    if (c.target)
      rows.push(
        targetOf(
          c,
          timings.find((t) => t.caseId === c.id),
          c.target,
        ),
      )
  const lib = sizes?.find((s) => s.variant === 'faasade')
  if (lib) {
    rows.push({
      what: `bundle: ${lib.what}, minified`,
      limit: `≤ ${kb(BUNDLE_LIMIT)}`,
      measured: kb(lib.bundle.bytes),
      pass: lib.bundle.bytes <= BUNDLE_LIMIT,
    })
  }
  const raw = cold?.find((r) => r.variant === 'raw')
  const faasade = cold?.find((r) => r.variant === 'faasade')
  if (faasade) {
    const bytes = faasade.bundle.bytes
    rows.push({
      what: 'bundle: the deployed hello function (core + `@faasade/aws/http`), minified',
      limit: `≤ ${kb(BUNDLE_LIMIT)}`,
      measured: kb(bytes),
      pass: bytes <= BUNDLE_LIMIT,
    })
  }
  if (raw && faasade) {
    const d = median(faasade.importMs) - median(raw.importMs)
    rows.push({
      what: 'import time of the bundled AWS hello entry',
      limit: `≤ raw + ${IMPORT_SLACK_MS} ms`,
      measured: `raw + ${d.toFixed(2)} ms`,
      pass: d <= IMPORT_SLACK_MS,
    })
  }
  return rows
}

export function targetTable(rows: readonly TargetRow[]): string {
  const lines = ['| target | limit | measured | |', '|---|---|--:|---|']
  for (const r of rows)
    lines.push(
      `| ${r.what} | ${r.limit} | ${r.measured} | ${r.pass === undefined ? '–' : r.pass ? 'met' : '**missed**'} |`,
    )
  return lines.join('\n')
}

export function coldTable(rows: readonly ColdRow[]): string {
  const raw = rows.find((r) => r.variant === 'raw')
  const lines = [
    '| entry (hello function) | bundle, minified | gzip | import (median) | Δ import vs raw | first call (median) |',
    '|---|--:|--:|--:|--:|--:|',
  ]
  for (const r of rows) {
    const imp = median(r.importMs)
    const delta = raw ? `+${(imp - median(raw.importMs)).toFixed(2)} ms` : ''
    lines.push(
      `| ${r.variant} | ${kb(r.bundle.bytes)} | ${kb(r.bundle.gzipBytes)} | ${ms(imp)} | ${r === raw ? '' : delta} | ${ms(median(r.firstCallMs))} |`,
    )
  }
  return lines.join('\n')
}

export function sizeTable(rows: readonly SizeRow[]): string {
  const faasade = rows.find((r) => r.variant === 'faasade')
  const lines = ['| library (everything it exports) | minified | gzip | faasade ÷ this |', '|---|--:|--:|--:|']
  for (const r of rows) {
    const ratio = faasade && r !== faasade ? x(faasade.bundle.bytes / r.bundle.bytes) : ''
    lines.push(`| ${r.what} | ${kb(r.bundle.bytes)} | ${kb(r.bundle.gzipBytes)} | ${ratio} |`)
  }
  return lines.join('\n')
}

export function envBlock(env: RunEnv, options: RunOptions, command: string, references: number[] = []): string {
  const pkgs = Object.entries(env.packages)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')
  return [
    `- Run: ${env.date}, commit ${env.commit}, command \`${command}\``,
    `- Machine: ${env.cpus} CPUs (\`nproc\`), ${env.cpu}; Node ${env.node}`,
    `- Timing: mitata \`measure\` on ${options.clock === 'cpu' ? 'process CPU time (user + system)' : 'wall time'}, ${options.rounds} rounds (GCP cases: twice that) × ≥${options.minMs} ms CPU per variant (Azure: 4× that, after 1 s of warm-up calls, each variant in its own process), median over rounds of each round's median (samples of ~2 ms batches); cold start: ${options.coldRuns} fresh processes per entry`,
    `- Packages: ${pkgs}`,
    ...(references.length ? [referenceLine(references)] : []),
  ].join('\n')
}

/** The reference work's ns over the run's worker processes: how fast the machine was while it ran. */
function referenceLine(references: number[]): string {
  const sorted = [...references].sort((a, b) => a - b)
  const ns = (v: number | undefined) => `${(v ?? Number.NaN).toFixed(0)} ns`
  return (
    `- Machine speed: the reference work (\`JSON.parse\` of a fixed ${REFERENCE_BODY.length}-byte body) took ${ns(median(sorted))} ` +
    `(median; ${ns(sorted[0])} to ${ns(sorted[sorted.length - 1])}) over the run's ${sorted.length} worker processes. ` +
    'The host is shared: when it is busy this work, and every timing above, takes up to twice as long. Ratios ' +
    'hold better than absolute ns, since both sides of a ratio run in the same round.'
  )
}

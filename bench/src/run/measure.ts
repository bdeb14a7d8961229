/**
 * Timing. Each (round, case) runs in a fresh Node process: nothing one case loads can slow another. (It would:
 * the Functions Framework runs each request in a `domain`, which turns on an async hook for the whole process
 * and makes every later promise ~14× dearer.) In a process, the case's variants are measured with mitata's
 * `measure`, in an order rotated per round, each keeping the median of its samples (each sample a batch of
 * calls spanning ~2 ms, so the minor GCs inside it count). mitata's mean was checked against a plain loop's
 * total time / calls and came out up to 1.8× above it (its own bookkeeping); the median matched within 10%.
 * Results are medians over rounds; ratios are medians of the per-round ratios (pairs measured in the same
 * process, seconds apart).
 */
import { spawnSync } from 'node:child_process'
import { measure } from 'mitata'
import type { Case, Invoker, Role } from '../case.js'
import { quietly } from './quiet.js'

export interface MeasureOptions {
  /** `cpu` (default): this process's CPU time (user + system), which other processes' load on a shared
   * machine barely moves; `wall`: elapsed time. */
  clock?: 'cpu' | 'wall'
  rounds: number
  /** mitata's minimum measured time per variant per round, in ms. */
  minMs: number
  onProgress?: (line: string) => void
}

export interface VariantTiming {
  variant: string
  role: Role
  /** Median ns/op of each round. */
  rounds: number[]
  error?: string
}

export interface CaseTiming {
  caseId: string
  variants: VariantTiming[]
}

/** What one worker process reports: one round of one case. */
export interface RoundResult {
  caseId: string
  variants: { variant: string; role: Role; ns?: number; error?: string }[]
  /** ns of the reference work in this process (see `referenceNs`). */
  reference?: number
}

export const REFERENCE_BODY = JSON.stringify({ customer: 'c-42', items: [{ sku: 'A-1', qty: 2, price: 9.99 }] })

/**
 * The machine's speed while a worker runs: `JSON.parse` of a fixed body, median of batches over ~30 ms of CPU.
 * The host of these VMs is shared, and the same work here has taken twice as long within a minute; every timing
 * in the run moves with it, so the report gives this beside them.
 */
export function referenceNs(): number {
  const samples: number[] = []
  let sink: unknown
  const end = cpuNow() + 30e6
  while (cpuNow() < end) {
    const t0 = cpuNow()
    for (let i = 0; i < 2000; i++) sink = JSON.parse(REFERENCE_BODY)
    samples.push((cpuNow() - t0) / 2000)
  }
  return sink === undefined ? Number.NaN : median(samples)
}

const gc = (globalThis as { gc?: () => void }).gc

/** Process CPU time in ns (microsecond resolution; mitata batches fast calls into samples of milliseconds). */
const cpuNow = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) * 1e3
}

function rotate<T>(list: readonly T[], by: number): T[] {
  const k = by % list.length
  return [...list.slice(k), ...list.slice(0, k)]
}

/**
 * Calls per sample: enough for a sample to span ~2 ms, so the CPU clock's 1 µs resolution costs ~0.05%; calls
 * slower than 250 µs are timed one by one (a batch of 1).
 */
function batchSize(nsPerCall: number): number {
  const n = Math.min(4096, Math.round(2_000_000 / nsPerCall))
  // mitata unrolls batches by 4.
  return n < 8 ? 1 : n - (n % 4)
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** In a worker: builds every variant (plus three warm-up calls each), then measures them in rotated order. */
export async function measureRound(
  c: Case,
  round: number,
  options: Pick<MeasureOptions, 'clock' | 'minMs'> & { variant?: number },
): Promise<RoundResult> {
  const out: RoundResult = {
    caseId: c.id,
    variants: c.variants.map((v) => ({ variant: v.name, role: v.role })),
    reference: referenceNs(),
  }
  const invokers: (Invoker | undefined)[] = []
  const batches: number[] = []
  try {
    for (const [i, v] of c.variants.entries()) {
      if (options.variant !== undefined && i !== options.variant) continue
      try {
        const invoker = await v.build()
        // Warm up until the code is optimized (≥ 200 calls and ≥ 60 ms), so mitata sizes its batches on the
        // steady-state speed, not on a cold first call (the cold start is the import-time probe's business).
        const perCall = await quietly(async () => {
          const until = performance.now() + (c.warmupMs ?? 60)
          for (let k = 0; k < 200 || performance.now() < until; k++) await invoker.invoke()
          // Then the warm speed, for the batch size: the median of 31 single calls (a GC pause is not the speed).
          const times: number[] = []
          for (let k = 0; k < 31; k++) {
            const t0 = performance.now()
            await invoker.invoke()
            times.push((performance.now() - t0) * 1e6)
          }
          return median(times)
        })
        invokers[i] = invoker
        batches[i] = batchSize(perCall)
      } catch (e) {
        ;(out.variants[i] as RoundResult['variants'][number]).error = message(e)
      }
    }
    const clock = options.clock === 'wall' ? {} : { now: cpuNow }
    // One stretch per variant (interleaving variants in short slices was tried and was no steadier here).
    for (const i of rotate([...c.variants.keys()], round)) {
      const invoker = invokers[i]
      if (!invoker) continue
      // A full collection between variants clears what the previous one left, so it is not collected on this
      // one's time. Alone in its process there is nothing to clear, and a forced collection shrinks the young
      // generation, which made undici-heavy calls (Azure) up to 2× slower until it grew back.
      if (options.variant === undefined) gc?.()
      const batch = batches[i] as number
      const stats = await quietly(() =>
        measure(invoker.invoke, {
          ...clock,
          min_cpu_time: options.minMs * 1e6,
          min_samples: 12,
          // Our batch size, not mitata's guess from one (possibly slow) call.
          batch_samples: Math.max(batch, 1),
          batch_threshold: batch > 1 ? Number.POSITIVE_INFINITY : 0,
          warmup_threshold: batch > 1 ? Number.POSITIVE_INFINITY : 0,
        }),
      )
      ;(out.variants[i] as RoundResult['variants'][number]).ns = stats.p50
    }
  } finally {
    for (const inv of invokers) await inv?.close?.()
  }
  return out
}

/**
 * In the parent: rounds are the outer loop, so each case's rounds are spread over the whole run and a burst of
 * load from elsewhere on the machine hits one round of many cases rather than every round of one.
 */
export function measureAll(
  cases: readonly Case[],
  options: MeasureOptions & { script: string },
): { timings: CaseTiming[]; references: number[] } {
  const references: number[] = []
  const results: CaseTiming[] = cases.map((c) => ({
    caseId: c.id,
    variants: c.variants.map((v) => ({ variant: v.name, role: v.role, rounds: [] as number[] })),
  }))
  const most = Math.max(...cases.map((c) => c.roundsFactor ?? 1)) * options.rounds
  for (let r = 0; r < most; r++) {
    for (const [ci, c] of cases.entries()) {
      if (r >= (c.roundsFactor ?? 1) * options.rounds) continue
      const minMs = options.minMs * (c.minMsFactor ?? 1)
      const base = [
        '--expose-gc',
        options.script,
        `--worker=${c.id}`,
        `--round=${r}`,
        `--min-ms=${minMs}`,
        `--clock=${options.clock ?? 'cpu'}`,
      ]
      // Isolated cases: one process per variant, in the round's rotated order.
      const runs = c.isolate ? rotate([...c.variants.keys()], r).map((i) => [...base, `--variant=${i}`]) : [base]
      for (const args of runs) {
        const p = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 })
        const last = p.stdout?.trim().split('\n').pop() ?? ''
        let round: RoundResult | undefined
        try {
          round = JSON.parse(last) as RoundResult
        } catch {
          const why = `worker failed (${p.status ?? p.signal ?? p.error?.message}): ${(p.stderr || '').split('\n').slice(-4).join(' ')}`
          for (const v of (results[ci] as CaseTiming).variants) v.error ??= why
          continue
        }
        if (round.reference !== undefined) references.push(round.reference)
        for (const [vi, v] of round.variants.entries()) {
          const t = (results[ci] as CaseTiming).variants[vi] as VariantTiming
          if (v.ns !== undefined) t.rounds.push(v.ns)
          else if (!c.isolate) t.error ??= v.error ?? 'not measured'
          else if (v.error) t.error ??= v.error
        }
      }
    }
    options.onProgress?.(`round ${r + 1}/${most} done`)
  }
  return { timings: results, references }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const s = [...values].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** Median over rounds of `a[r] / b[r]`. */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length)
  return median(Array.from({ length: n }, (_, r) => (a[r] as number) / (b[r] as number)))
}

/** Median over rounds of `a[r] - b[r]`. */
export function pairedDelta(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length)
  return median(Array.from({ length: n }, (_, r) => (a[r] as number) - (b[r] as number)))
}

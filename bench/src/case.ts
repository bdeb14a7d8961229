/** What a benchmark case is: the same input handed to a raw floor, to faasade and to the peers. */

export type Role = 'floor' | 'faasade' | 'peer'

/** One ready-to-call invocation (the handler was built once, as at a cold start) and how to release it. */
export interface Invoker {
  invoke: () => Promise<unknown>
  close?: () => Promise<void>
}

export interface Variant {
  /** `raw`, `faasade`, `hono`, `middy`, `serverless-http`, … */
  name: string
  role: Role
  /** Builds the handler; may throw when the library is not there yet (faasade adapters in progress). */
  build: () => Promise<Invoker>
  /** A peer's known wrong answer for this input: what it answers instead of the floor's outcome, and why. */
  deviation?: { reason: string; outcome: (floor: Outcome) => Outcome }
}

/** What every variant must agree on for the same input (transport details such as header order aside). */
export type Outcome = { status: number; type: string | null; cookies: string[]; body: unknown } | { failures: string[] }

export type Target =
  /** faasade ns/op at most `max` times the floor's. */
  | { kind: 'ratio'; max: number }
  /** faasade at most `max` ns per item over the floor. */
  | { kind: 'per-item'; max: number }

export interface Case {
  id: string
  title: string
  /** Items per invocation (SQS messages), for per-item overhead. */
  items?: number
  /** Rounds as a multiple of `--rounds`, for cases whose rounds scatter (GCP's, over loopback HTTP). */
  roundsFactor?: number
  /** Timed time per variant as a multiple of `--min-ms`, for slow calls (Azure's undici-bound ones, ~20–50 µs). */
  minMsFactor?: number
  /**
   * Warm-up before timing, in ms (default 60), for calls that take a while to reach their steady speed. Azure's take
   * ~1 s: in a fresh process they start near 35 µs and settle near 17 µs (Node 24), so a 1 s stretch timed from
   * 60 ms caught the descent (0.87×–1.14× for the same code); after 1 s of calls, rounds agree within ±5–10%.
   */
  warmupMs?: number
  /**
   * Measure each variant in a process of its own. For garbage-heavy cases (undici objects on Azure) the heap one
   * variant leaves behind is collected on the next one's time, which scattered rounds by ±50%.
   */
  isolate?: boolean
  target?: Target
  variants: Variant[]
  /** Reads a variant's native result into an `Outcome`. */
  read: (result: unknown) => Outcome | Promise<Outcome>
}

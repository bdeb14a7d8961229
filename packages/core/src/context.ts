import { type LogSink, type Logger, createLogger } from './log.js'

export type Provider = 'aws' | 'gcp' | 'azure' | 'local'

/** What every handler gets beside its input, the same on every cloud. */
export interface Context {
  readonly provider: Provider
  readonly requestId: string
  readonly functionName: string
  /** Epoch ms when the platform will stop the invocation, when it says. */
  readonly deadline: number | undefined
  /** Milliseconds until `deadline` (Infinity when unknown). */
  remainingMs(): number
  /** Aborts shortly before the deadline (and when the platform cancels the request). */
  readonly signal: AbortSignal
  readonly log: Logger
  /** True for the first invocation this process serves. */
  readonly coldStart: boolean
  /** The provider's own context object. */
  readonly native: unknown
}

/** Read lazily: `sink`, `logFields` and `signal` are first looked at when the handler logs or reads `ctx.signal`. */
export interface ContextInit {
  provider: Provider
  requestId: string
  functionName: string
  /**
   * Epoch ms, or a function of `native` giving it, called only if the handler asks (reading the clock is not free).
   * Functions here take `native` so an adapter passes one shared function, not a closure per invocation.
   */
  deadline?: number | ((native: any) => number | undefined) | undefined
  /** Where logs go. */
  sink: LogSink
  /** Fields on every log record of this invocation (a second request id, a trace id), or a function of `native` giving them. */
  logFields?: Record<string, unknown> | ((native: any) => Record<string, unknown>) | undefined
  native: unknown
  /** A platform signal to follow (client gone, platform timeout). */
  signal?: AbortSignal | undefined
  /** How long before the deadline `signal` fires; default 10% of the time left, at most 1 s. */
  signalLeadMs?: number
}

let cold = true

/** True exactly once per process: the first invocation is the cold start. */
export function takeColdStart(): boolean {
  const c = cold
  cold = false
  return c
}

class InvocationContext implements Context {
  readonly provider: Provider
  readonly requestId: string
  readonly functionName: string
  readonly coldStart: boolean
  readonly native: unknown
  // Kept, not copied: `sink`, `logFields` and `signal` may be getters that are dear to run (GCP's signal).
  #init: ContextInit
  #deadline: ContextInit['deadline']
  #log: Logger | undefined
  #controller: AbortController | undefined
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(init: ContextInit) {
    this.#init = init
    this.provider = init.provider
    this.requestId = init.requestId
    this.functionName = init.functionName
    this.#deadline = init.deadline
    this.native = init.native
    this.coldStart = takeColdStart()
  }

  get deadline(): number | undefined {
    const d = this.#deadline
    if (typeof d !== 'function') return d
    return (this.#deadline = d(this.native))
  }

  remainingMs(): number {
    return this.deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, this.deadline - Date.now())
  }

  get log(): Logger {
    if (this.#log) return this.#log
    const fields = this.#init.logFields
    this.#log = createLogger(
      this.#init.sink,
      this.requestId,
      this.functionName,
      typeof fields === 'function' ? fields(this.native) : fields,
    )
    return this.#log
  }

  get signal(): AbortSignal {
    if (this.#controller) return this.#controller.signal
    const controller = new AbortController()
    this.#controller = controller
    const upstream = this.#init.signal
    if (upstream) {
      if (upstream.aborted) controller.abort(upstream.reason)
      else upstream.addEventListener('abort', () => controller.abort(upstream.reason), { once: true })
    }
    if (this.deadline !== undefined) {
      const left = this.remainingMs()
      const lead = this.#init.signalLeadMs ?? Math.min(1000, left * 0.1)
      this.#timer = setTimeout(
        () => controller.abort(new DOMException('The invocation is about to reach its deadline.', 'TimeoutError')),
        Math.max(0, left - lead),
      )
      this.#timer.unref?.()
    }
    return controller.signal
  }

  /** Ends the invocation: stops the deadline timer. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer)
  }
}

/** Builds the per-invocation context; logger and signal are created only if the handler uses them. */
export function createContext(init: ContextInit): Context {
  return new InvocationContext(init)
}

/** Releases what a context holds (its deadline timer); runners call it when the invocation ends. */
export function disposeContext(ctx: Context): void {
  if (ctx instanceof InvocationContext) ctx.dispose()
}

/**
 * Runs `fn` with stdout/stderr writes swallowed (and counted): handlers that log a failure (the SQS cases, on
 * purpose) still format their log line, but the terminal's speed is not what a case measures.
 */
type Write = typeof process.stdout.write

let depth = 0
let swallowed = 0
let saved: { out: Write; err: Write } | undefined

function sink(_chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
  swallowed++
  const done = typeof encoding === 'function' ? encoding : callback
  if (typeof done === 'function') process.nextTick(done as () => void)
  return true
}

export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  if (depth++ === 0) {
    saved = { out: process.stdout.write, err: process.stderr.write }
    process.stdout.write = sink as Write
    process.stderr.write = sink as Write
  }
  try {
    return await fn()
  } finally {
    if (--depth === 0 && saved) {
      process.stdout.write = saved.out
      process.stderr.write = saved.err
      saved = undefined
    }
  }
}

/** Lines swallowed so far (a check that floor and faasade log the same number of failures). */
export function swallowedWrites(): number {
  return swallowed
}

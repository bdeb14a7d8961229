/** Lambda JSON log lines written to stdout while `run` ran (other output passes through). */
export async function captureLogs<T>(run: () => Promise<T>): Promise<{ result: T; logs: Array<Record<string, any>> }> {
  const logs: Array<Record<string, any>> = []
  const original = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: any[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (text.startsWith('{"timestamp"')) {
      for (const line of text.split('\n')) if (line) logs.push(JSON.parse(line))
      return true
    }
    return original(chunk, ...rest)
  }) as typeof process.stdout.write
  try {
    return { result: await run(), logs }
  } finally {
    process.stdout.write = original
  }
}

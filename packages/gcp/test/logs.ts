import { vi } from 'vitest'

/** Captures the JSON lines written to stdout/stderr (where the GCP sink writes) until `restore()`. */
export function captureLogs() {
  const lines: Record<string, any>[] = []
  const grab = (chunk: unknown): boolean => {
    for (const line of String(chunk).split('\n')) {
      if (!line.startsWith('{')) continue
      try {
        lines.push(JSON.parse(line))
      } catch {}
    }
    return true
  }
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(grab)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(grab)
  return {
    lines,
    restore() {
      out.mockRestore()
      err.mockRestore()
    },
  }
}

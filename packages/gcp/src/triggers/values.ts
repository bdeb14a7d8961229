import { isObject } from '../detect.js'

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** A JSON object from an already-parsed value, or from JSON text/bytes (a binary-mode body sent as text). */
export function asObject(v: unknown): Record<string, unknown> | undefined {
  if (isObject(v) && !(v instanceof Uint8Array)) return v
  if (typeof v !== 'string' && !(v instanceof Uint8Array)) return undefined
  const text = typeof v === 'string' ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('utf8')
  try {
    const parsed: unknown = JSON.parse(text)
    return isObject(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

/** proto3 JSON writes int64 as a string; some producers send a number. Both become a number. */
export function int64(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v)
  return undefined
}

/** A positive integer (delivery attempts arrive as numbers or strings). */
export function positiveInt(v: unknown): number | undefined {
  const n = int64(v)
  return n !== undefined && n >= 1 ? n : undefined
}

/** Attribute values as strings (they are strings on the wire; anything else is stringified, never dropped). */
export function stringMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {}
  for (const key in v) {
    if (typeof v[key] !== 'string') {
      const out: Record<string, string> = {}
      for (const k in v) out[k] = typeof v[k] === 'string' ? (v[k] as string) : (JSON.stringify(v[k]) ?? '')
      return out
    }
  }
  return v as Record<string, string>
}

import type { InvocationContext } from '@azure/functions'
import { type MessageInit, textToBytes } from '@faasade/core/adapter'

export type Metadata = Record<string, unknown>

/** What a message's or event's `native` holds on Azure: the trigger input (one item of a batch) and its metadata. */
export interface AzureNative {
  /** The handler's input as the v4 library built it: a parsed JSON value, a string, or a Buffer. */
  readonly input: unknown
  /** This item's `context.triggerMetadata` (for a batch: the item's entries of the `…Array` keys). */
  readonly metadata: Readonly<Metadata>
}

export const isRecord = (v: unknown): v is Metadata => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The library parses every string input that is JSON and hands bytes over as Buffers, so a body is a string, bytes,
 * or an already parsed JSON value (kept as is, so `json()` costs nothing). A parsed value can itself be a string:
 * one that is still JSON came from a JSON string on the wire (`"42"`), or the library would have parsed it, so it
 * is kept as that string rather than parsed again. A wire `null` is JSON null, not an empty body.
 * @see https://github.com/Azure/azure-functions-nodejs-library/blob/v4.x/src/converters/fromRpcTypedData.ts
 */
export function bodyOf(input: unknown): MessageInit['body'] {
  if (input === undefined || input instanceof Uint8Array) return input
  if (typeof input === 'string')
    return isJsonText(input) ? { bytes: textToBytes(JSON.stringify(input)), json: input } : input
  return { value: input }
}

// Valid JSON text starts with one of these (after whitespace): most plain text is ruled out without a parse.
const JSON_START = /^[\s]*[{["\-0-9tfn]/

function isJsonText(text: string): boolean {
  if (!JSON_START.test(text)) return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Batched (cardinality `many`) delivery: the binding says so; without binding options, the `…Array`
 * metadata keys the extensions emit for batches tell it.
 */
export function isBatch(context: InvocationContext, meta: Metadata, arrayKey: string): boolean {
  const cardinality = context.options?.trigger?.cardinality
  if (cardinality === 'many') return true
  if (cardinality === 'one') return false
  return Array.isArray(meta[arrayKey])
}

/** The metadata of item `i` of a batch: `fooArray[i]` becomes `foo`; single-valued keys are shared. */
export function itemMetadata(meta: Metadata, i: number): Metadata {
  const out: Metadata = {}
  for (const key in meta) {
    const value = meta[key]
    if (key.endsWith('Array') && Array.isArray(value)) out[key.slice(0, -5)] = value[i]
    else if (!(key in out)) out[key] = value
  }
  return out
}

/** Property bags as string attributes (numbers, booleans and objects stringified; null dropped). */
export function toAttributes(bag: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!isRecord(bag)) return out
  for (const key in bag) {
    const v = bag[key]
    if (v === null || v === undefined) continue
    out[key] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)
  }
  return out
}

/** A count the host may send as a number or a numeric string. */
export function toCount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : Number.NaN
  return Number.isFinite(n) && n >= 1 ? n : undefined
}

/** Dates come as ISO strings (`+00:00` offsets), Date objects, or epoch numbers. */
export function toTime(value: unknown): string | number | Date | undefined {
  return typeof value === 'string' || typeof value === 'number' || value instanceof Date ? value : undefined
}

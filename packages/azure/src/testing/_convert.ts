import type { RpcTypedData } from './rpc.js'

// The two conversions the v4 library applies between the host's data and the handler (fromRpcTypedData.ts,
// toCamelCase.ts), so builders hand a handler what the worker would. `worker-equivalence.test.ts` checks them
// against the library itself.

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/** A host value as the handler sees it: strings parsed when they are JSON, bytes as Buffers. */
export function fromRpc(data: RpcTypedData | undefined): unknown {
  if (!data) return undefined
  if (data.string != null) return tryJson(data.string)
  if (data.json != null) return JSON.parse(data.json)
  if (data.bytes != null) return Buffer.from(data.bytes)
  if (data.int != null) return data.int
  if (data.double != null) return data.double
  if (data.collectionString?.string) return data.collectionString.string.map(tryJson)
  if (data.collectionBytes?.bytes) return data.collectionBytes.bytes.map((b) => Buffer.from(b))
  return undefined
}

/** Lower-cases the first letter of every key, recursively (`$`-prefixed keys stay as they are). */
export function camel(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(camel)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k.charAt(0).toLowerCase() + k.slice(1)] = camel(v)
  return out
}

/** `context.triggerMetadata` as the library builds it from the host's metadata. */
export function toTriggerMetadata(meta: Record<string, RpcTypedData>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(meta)) out[k.charAt(0).toLowerCase() + k.slice(1)] = camel(fromRpc(v))
  return out
}

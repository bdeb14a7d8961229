import type { AttributeValue } from 'aws-lambda'

/** A plain JSON value read from DynamoDB's typed attribute JSON. */
export type Unmarshalled = string | number | boolean | null | Unmarshalled[] | { [key: string]: Unmarshalled }

const MAX_DIGITS = 15

/**
 * A DynamoDB number (sent as a string) as a JS number when that loses nothing: integers within the safe
 * range and decimals of at most 15 significant digits; any other number stays a string.
 */
export function fromDynamoNumber(text: string): number | string {
  const value = Number(text)
  if (!Number.isFinite(value)) return text
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? value : text
  const digits = text.replace(/[-+.]|e.*$/gi, '').replace(/^0+/, '').length
  return digits <= MAX_DIGITS ? value : text
}

/**
 * Unmarshalls one attribute value: S → string, N → number (or string, see `fromDynamoNumber`), BOOL →
 * boolean, NULL → null, M → object, L → array, SS/NS/BS → arrays, B/BS stay base64 text.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_AttributeValue.html
 */
export function unmarshallValue(attribute: AttributeValue): Unmarshalled {
  const a = attribute as Partial<Record<string, unknown>>
  if (a.S !== undefined) return a.S as string
  if (a.N !== undefined) return fromDynamoNumber(a.N as string)
  if (a.BOOL !== undefined) return a.BOOL as boolean
  if (a.NULL !== undefined) return null
  if (a.M !== undefined) return unmarshall(a.M as Record<string, AttributeValue>)
  if (a.L !== undefined) return (a.L as AttributeValue[]).map(unmarshallValue)
  if (a.SS !== undefined) return [...(a.SS as string[])]
  if (a.NS !== undefined) return (a.NS as string[]).map(fromDynamoNumber)
  if (a.B !== undefined) return a.B as string
  if (a.BS !== undefined) return [...(a.BS as string[])]
  return null
}

/** Unmarshalls an item (`Keys`, `NewImage`, `OldImage`) into a plain object. */
export function unmarshall(item: Record<string, AttributeValue>): { [key: string]: Unmarshalled } {
  const out: { [key: string]: Unmarshalled } = {}
  for (const key in item) out[key] = unmarshallValue(item[key] as AttributeValue)
  return out
}

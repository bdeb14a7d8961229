import type { AttributeValue, DynamoDBStreamEvent } from 'aws-lambda'

/**
 * A plain value as DynamoDB's typed attribute JSON: string → S, number → N (as text), boolean → BOOL,
 * null → NULL, array → L, bytes → B (base64), object → M.
 */
export function marshallValue(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value }
  if (typeof value === 'number' || typeof value === 'bigint') return { N: String(value) }
  if (typeof value === 'boolean') return { BOOL: value }
  if (value === null || value === undefined) return { NULL: true }
  if (value instanceof Uint8Array) return { B: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return { L: value.map(marshallValue) }
  return { M: marshall(value as Record<string, unknown>) }
}

/** A plain object as a DynamoDB item (`Keys`, `NewImage`, `OldImage`). */
export function marshall(item: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [k, v] of Object.entries(item)) if (v !== undefined) out[k] = marshallValue(v)
  return out
}

/** One change for `dynamodb([...])`, with plain values. */
export interface DynamoDBChangeInit {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE'
  keys: Readonly<Record<string, unknown>>
  newImage?: Readonly<Record<string, unknown>>
  oldImage?: Readonly<Record<string, unknown>>
}

/** A DynamoDB stream batch (view NEW_AND_OLD_IMAGES) from plain items. */
export function dynamodb(
  changes: readonly DynamoDBChangeInit[],
  options: { table?: string } = {},
): DynamoDBStreamEvent {
  const arn = `arn:aws:dynamodb:us-east-1:123456789012:table/${options.table ?? 'my-table'}/stream/2024-01-01T00:00:00.000`
  const now = Math.floor(Date.now() / 1000)
  return {
    Records: changes.map((change, i) => {
      const eventName = change.eventName ?? (change.oldImage ? (change.newImage ? 'MODIFY' : 'REMOVE') : 'INSERT')
      const stream: NonNullable<DynamoDBStreamEvent['Records'][number]['dynamodb']> = {
        ApproximateCreationDateTime: now,
        Keys: marshall(change.keys),
        SequenceNumber: String(4421584500000000017450439091n + BigInt(i) * 100n),
        SizeBytes: 26,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      }
      if (change.newImage) stream.NewImage = marshall(change.newImage)
      if (change.oldImage) stream.OldImage = marshall(change.oldImage)
      return {
        eventID: `${i + 1}${'c81e728d9d4c2f636f067f89cc14862c'.slice(String(i + 1).length)}`,
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'us-east-1',
        dynamodb: stream,
        eventSourceARN: arn,
      }
    }),
  }
}

import { type Kind, KindMismatchError, UnknownEventError } from '@faasade/core'
import { type AwsTrigger, TRIGGER_NAMES } from './detect.js'

function describe(event: unknown): string {
  if (event === null || typeof event !== 'object') return `a ${event === null ? 'null' : typeof event} value`
  if (Array.isArray(event)) return `an array of ${event.length}`
  const keys = Object.keys(event)
  return keys.length === 0
    ? 'an empty object'
    : `an object with keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`
}

/** The error for an event a function of `kind` cannot take: a kind mismatch names both, anything else says why. */
export function rejectEvent(kind: Kind, trigger: AwsTrigger, event: unknown): Error {
  if (trigger === 'lambda-edge') {
    return new UnknownEventError(
      'aws',
      'Lambda@Edge (CloudFront) events are not supported by @faasade/aws: CloudFront expects its own request and ' +
        'response records, which no faasade kind models. Use a plain Lambda@Edge handler, or an invoke() function ' +
        'to receive the raw event.',
    )
  }
  if (trigger === 'unknown-records') {
    const source = (event as { Records?: Array<{ eventSource?: unknown; EventSource?: unknown }> }).Records?.[0]
    const name = source?.eventSource ?? source?.EventSource
    return new UnknownEventError(
      'aws',
      `a Records batch from ${name === undefined ? 'an unnamed source' : `"${String(name)}"`} is not a trigger this ` +
        `adapter serves (SQS, SNS, S3, Kinesis, DynamoDB). Use an invoke() function to receive it raw.`,
    )
  }
  if (trigger === 'direct') {
    return new UnknownEventError(
      'aws',
      `no AWS trigger envelope matches ${describe(event)}, so this "${kind}" function cannot take it. ` +
        'Only an invoke() function accepts a direct-invocation payload.',
    )
  }
  return new KindMismatchError(kind, TRIGGER_NAMES[trigger])
}

/** The error for an event that matched an envelope but breaks its rules (a missing field, say). */
export function malformed(trigger: AwsTrigger, error: unknown): UnknownEventError {
  if (error instanceof UnknownEventError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new UnknownEventError('aws', `malformed event (${TRIGGER_NAMES[trigger]}): ${detail}`)
}

/** Reads every record of a batch; a record that breaks its envelope is a clear error, not a TypeError. */
export function readRecords<R, T>(records: readonly R[], read: (record: R) => T, trigger: AwsTrigger): T[] {
  try {
    return records.map((record) => read(record))
  } catch (error) {
    throw malformed(trigger, error)
  }
}

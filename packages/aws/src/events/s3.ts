import { type ObjectEvent, UnknownEventError } from '@faasade/core'
import { toDate } from '@faasade/core/adapter'
import type { S3EventRecord } from 'aws-lambda'

/**
 * S3 sends keys form-encoded (`+` for a space, `%2B` for a plus); AWS's samples decode them with
 * `unquote_plus`. A malformed escape is kept as sent rather than failing the event.
 * https://docs.aws.amazon.com/lambda/latest/dg/with-s3-tutorial.html
 */
export function decodeS3Key(key: string): string {
  const spaced = key.includes('+') ? key.replaceAll('+', ' ') : key
  if (!spaced.includes('%')) return spaced
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/** Created or deleted, from the event name (`ObjectCreated:Put`, `ObjectRemoved:Delete`, `LifecycleExpiration:Delete`). */
function changeOf(eventName: string): ObjectEvent['type'] {
  if (eventName.startsWith('ObjectCreated:')) return 'created'
  if (eventName.startsWith('ObjectRemoved:') || eventName.startsWith('LifecycleExpiration:')) return 'deleted'
  throw new UnknownEventError(
    'aws',
    `S3 event "${eventName}" is neither a creation nor a deletion; an objects() function handles ObjectCreated:*, ` +
      'ObjectRemoved:* and LifecycleExpiration:* notifications. Narrow the bucket notification to those events.',
  )
}

/** One S3 notification record as an `ObjectEvent`. https://docs.aws.amazon.com/lambda/latest/dg/with-s3.html */
export function fromS3Record(record: S3EventRecord): ObjectEvent {
  const object = record.s3.object
  return {
    bucket: record.s3.bucket.name,
    key: decodeS3Key(object.key),
    size: typeof object.size === 'number' ? object.size : undefined,
    etag: object.eTag || undefined,
    type: changeOf(record.eventName),
    time: toDate(record.eventTime),
    contentType: undefined,
    native: record,
  }
}

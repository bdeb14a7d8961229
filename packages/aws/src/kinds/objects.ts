/**
 * `@faasade/aws/objects`: the Lambda handler for `objects()` functions only (S3 event notifications).
 * @module
 */
import type { ObjectsFunction } from '@faasade/core'
import { runEvent } from '@faasade/core/adapter'
import type { S3Event } from 'aws-lambda'
import { fromAwsContext } from '../context.js'
import { detectTrigger } from '../detect.js'
import { fromS3Record } from '../events/s3.js'
import { readRecords, rejectEvent } from '../reject.js'
import type { LambdaHandler } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of an `objects` function. */
export function handle(fn: ObjectsFunction): LambdaHandler<S3Event, void> {
  checkKind(fn, 'objects')
  return async (event, context) => {
    const trigger = detectTrigger(event)
    if (trigger !== 's3') throw rejectEvent(fn.kind, trigger, event)
    // One record per notification in practice; each runs with its own context, and a failure stops the rest.
    for (const objectEvent of readRecords((event as S3Event).Records, fromS3Record, trigger)) {
      await runEvent(fn, objectEvent, fromAwsContext(context))
    }
  }
}

/** `handle` under the name the AWS docs use. */
export const lambda: typeof handle = handle

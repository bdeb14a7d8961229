/**
 * `@faasade/aws/schedule`: the Lambda handler for `schedule()` functions only (EventBridge scheduled rules).
 * @module
 */
import type { ScheduleFunction } from '@faasade/core'
import { runEvent } from '@faasade/core/adapter'
import { fromAwsContext } from '../context.js'
import { detectTrigger } from '../detect.js'
import { fromScheduledEvent } from '../events/eventbridge.js'
import { rejectEvent } from '../reject.js'
import type { LambdaHandler, ScheduledEvent } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of a `schedule` function. */
export function handle(fn: ScheduleFunction): LambdaHandler<ScheduledEvent, void> {
  checkKind(fn, 'schedule')
  return async (event, context) => {
    const trigger = detectTrigger(event)
    if (trigger !== 'schedule') throw rejectEvent(fn.kind, trigger, event)
    await runEvent(fn, fromScheduledEvent(event), fromAwsContext(context))
  }
}

/** `handle` under the name the AWS docs use. */
export const lambda: typeof handle = handle

/**
 * `@faasade/aws/events`: the Lambda handler for `events()` functions only (EventBridge events, scheduled ones too).
 * @module
 */
import type { EventsFunction } from '@faasade/core'
import { runEvent } from '@faasade/core/adapter'
import { fromAwsContext } from '../context.js'
import { detectTrigger } from '../detect.js'
import { fromEventBridgeEvent } from '../events/eventbridge.js'
import { rejectEvent } from '../reject.js'
import type { LambdaEventBridgeEvent, LambdaHandler } from '../types.js'
import { checkKind } from './check.js'

/** The native handler of an `events` function; a scheduled rule's event is an EventBridge event too. */
export function handle(fn: EventsFunction<any>): LambdaHandler<LambdaEventBridgeEvent, void> {
  checkKind(fn, 'events')
  return async (event, context) => {
    const trigger = detectTrigger(event)
    if (trigger !== 'eventbridge' && trigger !== 'schedule') throw rejectEvent(fn.kind, trigger, event)
    await runEvent(fn, fromEventBridgeEvent(event), fromAwsContext(context))
  }
}

/** `handle` under the name the AWS docs use. */
export const lambda: typeof handle = handle

import type {
  EventsFunction,
  FaasFunction,
  HttpFunction,
  InvokeFunction,
  MessagesFunction,
  ObjectsFunction,
  ScheduleFunction,
} from '@faasade/core'
import { expectFaasFunction } from '@faasade/core/adapter'
import type { S3Event } from 'aws-lambda'
import { handle as events } from './kinds/events.js'
import { handle as http } from './kinds/http.js'
import { handle as invoke } from './kinds/invoke.js'
import { handle as messages } from './kinds/messages.js'
import { handle as objects } from './kinds/objects.js'
import { handle as schedule } from './kinds/schedule.js'
import type {
  LambdaBatchResponse,
  LambdaEventBridgeEvent,
  LambdaHandler,
  LambdaHttpEvent,
  LambdaHttpResult,
  LambdaMessagesEvent,
  ScheduledEvent,
} from './types.js'

/**
 * The native Lambda handler for a faasade function, built once: it detects the trigger of each event,
 * serves it, and answers in that trigger's own shape. Every trigger's code comes along; a deployed bundle that
 * needs only its own kind imports `@faasade/aws/<kind>` instead (as `faasade build` does).
 * @example
 * export const handler = handle(hello)
 */
export function handle(fn: HttpFunction<any>): LambdaHandler<LambdaHttpEvent, LambdaHttpResult>
export function handle(fn: MessagesFunction<any>): LambdaHandler<LambdaMessagesEvent, LambdaBatchResponse | void>
export function handle(fn: ObjectsFunction): LambdaHandler<S3Event, void>
export function handle(fn: ScheduleFunction): LambdaHandler<ScheduledEvent, void>
export function handle(fn: EventsFunction<any>): LambdaHandler<LambdaEventBridgeEvent, void>
export function handle<O>(fn: InvokeFunction<any, O>): LambdaHandler<unknown, Awaited<O>>
export function handle(fn: FaasFunction): LambdaHandler<any, any>
export function handle(fn: FaasFunction): LambdaHandler<any, any> {
  expectFaasFunction(fn, 'handle')
  switch (fn.kind) {
    case 'http':
      return http(fn)
    case 'messages':
      return messages(fn)
    case 'objects':
      return objects(fn)
    case 'schedule':
      return schedule(fn)
    case 'events':
      return events(fn)
    case 'invoke':
      return invoke(fn)
  }
}

/**
 * `handle` under the name the AWS docs use: `export const handler = lambda(fn)`.
 * @example
 * export const handler = lambda(hello)
 */
export const lambda: typeof handle = handle

import type { CloudEvent, ScheduleEvent } from '@faasade/core'
import { toDate } from '@faasade/core/adapter'
import type { EventBridgeEvent } from 'aws-lambda'

type AnyEventBridgeEvent = EventBridgeEvent<string, unknown> & { 'replay-name'?: string }

const PAST_DUE_MS = 60_000

/** The rule name from its ARN (`arn:aws:events:…:rule/my-schedule` → `my-schedule`; event buses keep the path). */
function ruleName(arn: string | undefined): string | undefined {
  if (!arn) return undefined
  const i = arn.indexOf(':rule/')
  return i < 0 ? arn : arn.slice(i + ':rule/'.length)
}

/**
 * An EventBridge scheduled rule event as a `ScheduleEvent`: `time` is when the rule fired; a run more than a
 * minute behind it is past due. https://docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchevents.html
 */
export function fromScheduledEvent(event: AnyEventBridgeEvent, now: number = Date.now()): ScheduleEvent {
  const scheduledAt = toDate(event.time) ?? new Date(now)
  return {
    scheduledAt,
    isPastDue: now - scheduledAt.getTime() > PAST_DUE_MS,
    name: ruleName(event.resources?.[0]),
    native: event,
  }
}

/**
 * Any EventBridge event as a CloudEvent: `type` is the detail-type, `data` the detail, `subject` the first
 * resource; account and region become extension attributes.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
 */
export function fromEventBridgeEvent(event: AnyEventBridgeEvent): CloudEvent {
  const extensions: Record<string, unknown> = { account: event.account, region: event.region }
  if (event['replay-name'] !== undefined) extensions.replayname = event['replay-name']
  return {
    id: event.id,
    source: event.source,
    type: event['detail-type'],
    subject: event.resources?.[0],
    time: toDate(event.time),
    data: event.detail,
    specversion: '1.0',
    dataContentType: 'application/json',
    extensions,
    native: event,
  }
}

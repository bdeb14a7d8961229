import { randomUUID } from 'node:crypto'
import type { EventBridgeEvent, ScheduledEvent } from 'aws-lambda'

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'

/** An EventBridge event (a PutEvents custom event or an AWS service event). */
export function eventBridge<D = unknown>(init: {
  source: string
  detailType: string
  detail: D
  id?: string
  time?: Date
  resources?: string[]
}): EventBridgeEvent<string, D> {
  return {
    version: '0',
    id: init.id ?? randomUUID(),
    'detail-type': init.detailType,
    source: init.source,
    account: ACCOUNT,
    // EventBridge writes times to the second.
    time: (init.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: REGION,
    resources: init.resources ?? [],
    detail: init.detail,
  }
}

/** The event a scheduled EventBridge rule sends (`source: aws.events`, `detail-type: Scheduled Event`). */
export function scheduledEvent(init: { rule?: string; time?: Date; id?: string } = {}): ScheduledEvent {
  return eventBridge({
    source: 'aws.events',
    detailType: 'Scheduled Event',
    detail: {},
    id: init.id,
    time: init.time,
    resources: [`arn:aws:events:${REGION}:${ACCOUNT}:rule/${init.rule ?? 'my-schedule'}`],
  }) as ScheduledEvent
}

import { type CloudEvent, KindMismatchError, type ScheduleEvent, events, schedule } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { eventBridge, invokeLambda, scheduledEvent } from '../testing.js'
import { fromScheduledEvent } from './eventbridge.js'

describe('EventBridge schedule through lambda()', () => {
  it('doc sample: scheduledAt from time, rule name from the resource ARN', async () => {
    const seen: ScheduleEvent[] = []
    const handler = lambda(schedule((e) => void seen.push(e)))
    expect(await invokeLambda(handler, fixture('eventbridge', 'lambda-dev-guide-scheduled-event'))).toBeUndefined()
    expect(seen[0]).toMatchObject({
      scheduledAt: new Date('2019-03-01T01:23:45Z'),
      isPastDue: true,
      name: 'my-schedule',
    })
  })

  it('a run within a minute of its time is not past due; one more than a minute late is', () => {
    const time = new Date('2024-05-01T10:00:00Z')
    const event = scheduledEvent({ time, rule: 'nightly' })
    expect(fromScheduledEvent(event, time.getTime() + 59_000)).toMatchObject({ isPastDue: false, name: 'nightly' })
    expect(fromScheduledEvent(event, time.getTime() + 61_000).isPastDue).toBe(true)
  })

  it('a schedule function given a custom EventBridge event is a KindMismatchError naming both', async () => {
    const handler = lambda(schedule(() => {}))
    await expect(invokeLambda(handler, fixture('eventbridge', 'eventbridge-guide-custom-event'))).rejects.toThrow(
      new KindMismatchError('schedule', 'an EventBridge event'),
    )
  })
})

describe('EventBridge events through lambda() as CloudEvents', () => {
  const run = async (variant: string) => {
    const seen: CloudEvent[] = []
    await invokeLambda(lambda(events((e) => void seen.push(e))), fixture('eventbridge', variant))
    const { native, ...event } = seen[0] as CloudEvent
    return event
  }

  it('custom PutEvents event: type = detail-type, data = detail, subject = resources[0]', async () => {
    expect(await run('eventbridge-guide-custom-event')).toEqual({
      id: 'a908baa3-65e5-ab77-367e-527c0e71bbc2',
      source: 'test.service.com',
      type: 'Test',
      subject: 'arn:aws:events:us-east-1:0123456789:endpoint/MyEndpoint',
      time: new Date('1900-01-01T00:00:00Z'),
      data: { a: 'b' },
      specversion: '1.0',
      dataContentType: 'application/json',
      extensions: { account: '0123456789', region: 'us-east-1' },
    })
  })

  it('EC2 service event', async () => {
    expect(await run('eventbridge-guide-ec2-event')).toMatchObject({
      source: 'aws.ec2',
      type: 'EC2 Instance State-change Notification',
      subject: 'arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0',
      data: { 'instance-id': ' i-1234567890abcdef0', state: 'terminated' },
      time: new Date('2017-12-22T18:43:48Z'),
    })
  })

  it('RDS service event', async () => {
    expect(await run('lambda-dev-guide-rds-service-event')).toMatchObject({
      source: 'aws.rds',
      type: 'RDS DB Instance Event',
      data: { Message: 'Finished DB Instance backup', SourceType: 'DB_INSTANCE' },
    })
  })

  it('a scheduled rule event is an EventBridge event too: an events() function takes it', async () => {
    expect(await run('lambda-dev-guide-scheduled-event')).toMatchObject({
      type: 'Scheduled Event',
      source: 'aws.events',
      data: {},
    })
  })

  it('data failing the schema rethrows (retry, then DLQ) and is logged', async () => {
    const handler = lambda(events({ data: z.object({ orderId: z.string() }), handler: () => {} }))
    const event = eventBridge({ source: 'shop', detailType: 'Order Placed', detail: { orderId: 7 } })
    const { logs } = await captureLogs(() => expect(invokeLambda(handler, event)).rejects.toThrow(/data.orderId/))
    expect(logs).toMatchObject([{ level: 'ERROR', errorType: 'ValidationError' }])
  })
})

import {
  type FaasFunction,
  HttpError,
  KindMismatchError,
  events,
  http,
  invoke,
  json,
  messages,
  objects,
  schedule,
} from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { handle } from '../index.js'
import { invokeLambda, lambdaContext, sqs } from '../testing.js'
import * as eventsEntry from './events.js'
import * as httpEntry from './http.js'
import * as invokeEntry from './invoke.js'
import * as messagesEntry from './messages.js'
import * as objectsEntry from './objects.js'
import * as scheduleEntry from './schedule.js'

const seen: unknown[] = []
const record = (value: unknown): void => {
  seen.push(value)
}

// One function per kind, one real event each, and what the native answer must be.
const cases = [
  {
    kind: 'http',
    entry: httpEntry,
    fn: http((req) => json({ p: req.query.get('parameter2'), h: req.headers.get('Header2') })),
    event: () => fixture('apigw-http', 'docs-payload-v2'),
    check: (result: any) => {
      expect(result.statusCode).toBe(200)
      expect(JSON.parse(result.body)).toEqual({ p: 'value', h: 'value1,value2' })
    },
  },
  {
    kind: 'messages',
    entry: messagesEntry,
    fn: messages((message) => {
      if (message.text() === 'fail') throw new HttpError(422, 'no')
    }),
    event: () => sqs(['ok', 'fail', 'ok']),
    check: (result: any, event: any) => {
      expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1].messageId }] })
    },
  },
  {
    kind: 'objects',
    entry: objectsEntry,
    fn: objects((object) => record(object.key)),
    event: () => fixture('s3', 'lambda-dev-guide-put'),
    check: () => expect(seen.pop()).toBe('b21b84d653bb07b05b1e6b33684dc11b'),
  },
  {
    kind: 'schedule',
    entry: scheduleEntry,
    fn: schedule((tick) => record(tick.scheduledAt.toISOString())),
    event: () => fixture('eventbridge', 'lambda-dev-guide-scheduled-event'),
    check: (_result: unknown, event: any) => expect(seen.pop()).toBe(new Date(event.time).toISOString()),
  },
  {
    kind: 'events',
    entry: eventsEntry,
    fn: events((event) => record(event.type)),
    event: () => fixture('eventbridge', 'eventbridge-guide-ec2-event'),
    check: (_result: unknown, event: any) => expect(seen.pop()).toBe(event['detail-type']),
  },
  {
    kind: 'invoke',
    entry: invokeEntry,
    fn: invoke((input) => ({ doubled: (input as { n: number }).n * 2 })),
    event: () => ({ n: 21 }),
    check: (result: unknown) => expect(result).toEqual({ doubled: 42 }),
  },
] as const

describe('@faasade/aws/<kind>: one kind per entry, so a bundle carries only its triggers', () => {
  it.each(cases)(
    '$kind: serves a real event as @faasade/aws does, with a handler of arity ≤ 2',
    async ({ entry, fn, event, check }) => {
      const handler = entry.lambda(fn as never) as (event: unknown, context: unknown) => Promise<unknown>
      expect(entry.lambda).toBe(entry.handle)
      expect(handler.length).toBeLessThanOrEqual(2)
      const input = event()
      await captureLogs(async () => {
        const result = await invokeLambda(handler, input, lambdaContext({ awsRequestId: 'same-id' }))
        check(result as never, input as never)
        const universal = await invokeLambda(
          handle(fn as FaasFunction) as never,
          input,
          lambdaContext({ awsRequestId: 'same-id' }),
        )
        check(universal as never, input as never)
        expect(result).toEqual(universal)
      })
    },
  )

  it.each(cases)(
    '$kind: a function of another kind is a TypeError at wrap time that names the entry to import',
    ({ kind, entry }) => {
      const other = cases.find((c) => c.kind !== kind) as (typeof cases)[number]
      expect(() => entry.handle(other.fn as never)).toThrow(
        new TypeError(
          `faasade: @faasade/aws/${kind} serves ${kind}() functions, and this is a "${other.kind}" function. ` +
            `Import handle from '@faasade/aws/${other.kind}' or '@faasade/aws'.`,
        ),
      )
      expect(() => entry.handle({ kind } as never)).toThrow(/takes a function made by http\(\)/)
    },
  )

  it('an http entry given an SQS batch names both kinds, as @faasade/aws does', async () => {
    const error = await invokeLambda(httpEntry.lambda(cases[0].fn), sqs(['x']) as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KindMismatchError)
    expect((error as Error).message).toContain('an SQS batch')
  })
})

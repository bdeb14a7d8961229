import { events, http, invoke, json, messages, objects, schedule } from '@faasade/core'
import type { APIGatewayProxyEventV2, Context as LambdaContext, S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import type { LambdaHttpEvent, LambdaHttpResult, LambdaMessagesEvent, StreamingLambdaHandler } from './index.js'
import { lambda, streamHandle } from './index.js'
import { apiGatewayV2, invokeLambda, s3, sqs } from './testing.js'

describe('handler types follow the function kind', () => {
  it('http: (event, context) => Promise<front-door result>, exactly two parameters', () => {
    const handler = lambda(http(() => json({ ok: true })))
    expectTypeOf(handler).parameters.toEqualTypeOf<[LambdaHttpEvent, LambdaContext]>()
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<LambdaHttpResult>()
  })

  it('streamHandle: a streaming handler or (no awslambda global) a buffered one; lambda takes no options', () => {
    const fn = http(() => json({}))
    expectTypeOf(streamHandle(fn)).toEqualTypeOf<
      StreamingLambdaHandler | ((event: LambdaHttpEvent, context: LambdaContext) => Promise<LambdaHttpResult>)
    >()
    // @ts-expect-error streaming has its own export now: a function that does not stream carries none of it
    lambda(fn, { streaming: true })
    // @ts-expect-error streamHandle serves http functions only
    streamHandle(messages(() => {}))
  })

  it('messages: the partial batch response (or nothing, for SNS)', () => {
    const handler = lambda(messages(() => {}))
    expectTypeOf(handler).parameters.toEqualTypeOf<[LambdaMessagesEvent, LambdaContext]>()
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<SQSBatchResponse | void>()
  })

  it('objects, schedule, events: nothing returned', () => {
    expectTypeOf(lambda(objects(() => {}))).parameters.toEqualTypeOf<[S3Event, LambdaContext]>()
    expectTypeOf(lambda(schedule(() => {}))).returns.resolves.toEqualTypeOf<void>()
    expectTypeOf(lambda(events(() => {}))).returns.resolves.toEqualTypeOf<void>()
  })

  it('invoke: any payload in, the handler result out', () => {
    const handler = lambda(invoke({ input: z.object({ n: z.number() }), handler: ({ n }) => ({ doubled: n * 2 }) }))
    expectTypeOf(handler).parameters.toEqualTypeOf<[unknown, LambdaContext]>()
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<{ doubled: number }>()
  })
})

describe('testing helpers are typed with @types/aws-lambda', () => {
  it('builders return the native event types', () => {
    expectTypeOf(apiGatewayV2({})).toEqualTypeOf<APIGatewayProxyEventV2>()
    expectTypeOf(sqs(['x'])).toEqualTypeOf<SQSEvent>()
    expectTypeOf(s3({ key: 'k' })).toEqualTypeOf<S3Event>()
  })

  it('invokeLambda returns what the handler returns', () => {
    expectTypeOf(
      invokeLambda(lambda(http(() => json({}))), apiGatewayV2({})),
    ).resolves.toEqualTypeOf<LambdaHttpResult>()
    expectTypeOf(invokeLambda(lambda(messages(() => {})), sqs(['x']))).resolves.toEqualTypeOf<SQSBatchResponse | void>()
  })
})

describe('one entry per kind: the same handler types, and only that kind is accepted', () => {
  it('the kind entries type their handlers as @faasade/aws does', async () => {
    const kinds = {
      http: await import('./kinds/http.js'),
      messages: await import('./kinds/messages.js'),
      invoke: await import('./kinds/invoke.js'),
    }
    expectTypeOf(kinds.http.lambda(http(() => json({})))).toEqualTypeOf(lambda(http(() => json({}))))
    expectTypeOf(kinds.messages.lambda(messages(() => {}))).toEqualTypeOf(lambda(messages(() => {})))
    expectTypeOf(kinds.invoke.lambda(invoke(() => 1))).returns.resolves.toEqualTypeOf<number>()
    // @ts-expect-error an http entry takes only http functions
    kinds.http.lambda(messages(() => {}))
    // @ts-expect-error a messages entry takes only messages functions
    kinds.messages.lambda(http(() => json({})))
  })
})

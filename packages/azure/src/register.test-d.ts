import { app, type HttpHandler, type HttpResponseInit } from '@azure/functions'
import { events, http, invoke, json, messages, objects, schedule } from '@faasade/core'
import { describe, expectTypeOf, it } from 'vitest'
import { type AzureHttpHandler, type RegisterOptions, azureFunction, handle, register } from './index.js'

const hello = http(async () => json({ ok: true }))
const consumer = messages(async () => {})
const job = schedule(async () => {})
const store = objects(async () => {})
const listener = events(async () => {})
const add = invoke(async () => 1)

describe('handle / azureFunction', () => {
  it('an http or invoke function gives a handler app.http accepts', () => {
    expectTypeOf(handle(hello)).toEqualTypeOf<AzureHttpHandler>()
    expectTypeOf(azureFunction(add)).toEqualTypeOf<AzureHttpHandler>()
    expectTypeOf(handle(hello)).toExtend<HttpHandler>()
    expectTypeOf(handle(hello)).returns.resolves.toEqualTypeOf<HttpResponseInit>()
    app.http('hello', { route: 'hello', handler: azureFunction(hello) })
  })
})

describe('register options follow the function kind and the library option types', () => {
  it('http', () => {
    register('a', hello, { route: 'a/{id}', methods: ['GET', 'POST'], authLevel: 'function' })
    // @ts-expect-error authLevel is the library's union
    register('a', hello, { authLevel: 'public' })
    // @ts-expect-error queueName belongs to queue triggers
    register('a', hello, { queueName: 'q' })
  })

  it('messages', () => {
    register('q', consumer, { queueName: 'q' })
    register('sq', consumer, { type: 'serviceBusQueue', queueName: 'q', connection: 'SB' })
    register('st', consumer, { topicName: 't', subscriptionName: 's', connection: 'SB' })
    register('eh', consumer, { eventHubName: 'h', connection: 'EH', cardinality: 'many', timeoutMs: 1000 })
    // @ts-expect-error not a trigger faasade knows
    register('x', consumer, { type: 'kafka' })
    // @ts-expect-error cardinality is 'one' | 'many'
    register('x', consumer, { eventHubName: 'h', cardinality: 'some' })
  })

  it('objects, schedule, events', () => {
    register('b', store, { path: 'uploads/{name}', connection: 'Storage' })
    register('g', store, { type: 'eventGrid' })
    register('t', job, { schedule: '0 */5 * * * *', runOnStartup: true })
    // @ts-expect-error schedule is an NCRONTAB string
    register('t', job, { schedule: 5 })
    register('e', listener)
    expectTypeOf<RegisterOptions<typeof job>>().toHaveProperty('schedule')
  })
})

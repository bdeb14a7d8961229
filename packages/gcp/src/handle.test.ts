import { getFunction } from '@google-cloud/functions-framework/testing'
import { events, http, invoke, json, messages, objects, schedule } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { backgroundFunction, cloudFunction, handle, register } from './index.js'
import { httpRequest, pubsubCloudEvent, serve } from './testing.js'

const httpFn = http(() => json({ ok: true }))
const eventKinds = {
  messages: messages(async () => {}),
  objects: objects(async () => {}),
  schedule: schedule(async () => {}),
  events: events(async () => {}),
}

// FF picks the calling convention from Function.length: a CloudEvent function with more than one parameter,
// or an event function with more than two, is called with a callback and its promise is ignored.
describe('native signatures and their arities', () => {
  it('http and invoke functions: (req, res)', () => {
    expect(cloudFunction(httpFn).length).toBe(2)
    expect(cloudFunction(invoke(async () => 1)).length).toBe(2)
  })

  it.each(Object.entries(eventKinds))('%s: (event) => Promise by default, arity exactly 1', (_, fn) => {
    expect(cloudFunction(fn).length).toBe(1)
  })

  it.each(Object.entries(eventKinds))(
    '%s: (data, context) => Promise with backgroundFunction, arity exactly 2',
    (_, fn) => {
      expect(backgroundFunction(fn).length).toBe(2)
      expect(cloudFunction(fn, { signature: 'event' }).length).toBe(2)
    },
  )

  it.each(Object.entries(eventKinds))('%s: (req, res) with signature http', (_, fn) => {
    expect(cloudFunction(fn, { signature: 'http' }).length).toBe(2)
  })

  it('handle is cloudFunction', () => {
    expect(handle).toBe(cloudFunction)
  })

  it('an http function cannot take the cloudevent or event signature', () => {
    expect(() => cloudFunction(httpFn, { signature: 'cloudevent' } as never)).toThrow(
      'faasade: an http function is served with the "http" signature, not "cloudevent".',
    )
    expect(() =>
      cloudFunction(
        invoke(async () => 1),
        { signature: 'event' } as never,
      ),
    ).toThrow(/invoke function/)
  })

  it('rejects what is not a faasade function and unknown signatures', () => {
    expect(() => cloudFunction((() => {}) as never)).toThrow(/takes a function made by http\(\)/)
    expect(() => cloudFunction(eventKinds.messages, { signature: 'pubsub' } as never)).toThrow(
      /unknown signature "pubsub"/,
    )
  })
})

describe('register: functions.http / functions.cloudEvent', () => {
  it('registers an http function with functions.http', async () => {
    register('reg-http', httpFn)
    expect(getFunction('reg-http')?.length).toBe(2)
    const server = await serve('reg-http')
    try {
      const res = await server.send(httpRequest({ method: 'DELETE', path: '/anything' }))
      expect([res.status, res.json()]).toEqual([200, { ok: true }])
    } finally {
      await server.close()
    }
  })

  it('registers an event function with functions.cloudEvent (CloudEvents in, GET never reaches it)', async () => {
    const ids: string[] = []
    register(
      'reg-ce',
      messages(async (m, ctx) => void ids.push(`${ctx.functionName}:${m.id}`)),
    )
    expect(getFunction('reg-ce')?.length).toBe(1)
    const server = await serve('reg-ce')
    try {
      expect((await server.send(pubsubCloudEvent({ data: 'x', messageId: 'm-1' }))).status).toBe(204)
      // cloudevent servers only route POST; FF itself fails a body-less GET before any function runs
      expect((await server.send(httpRequest({ method: 'GET' }))).status).toBeGreaterThanOrEqual(400)
      expect(ids).toEqual(['reg-ce:m-1'])
    } finally {
      await server.close()
    }
  })

  it('registers an event function with functions.http when asked (push endpoints)', async () => {
    register('reg-push', eventKinds.messages, { signature: 'http' })
    expect(getFunction('reg-push')?.length).toBe(2)
  })

  it('refuses the event signature, pointing to backgroundFunction', () => {
    expect(() => register('reg-event', eventKinds.messages, { signature: 'event' } as never)).toThrow(
      'faasade: the Functions Framework cannot register the "event" signature; export backgroundFunction(fn) as "reg-event" and serve it with --signature-type=event (gen1).',
    )
  })

  it("passes the framework's name check through", () => {
    expect(() => register('1-bad name', httpFn)).toThrow('Invalid function name: 1-bad name')
  })
})

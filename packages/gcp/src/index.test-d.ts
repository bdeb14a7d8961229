import type { CloudEventFunction, EventFunction, HttpFunction } from '@google-cloud/functions-framework'
import { events, http, invoke, json, messages, objects, schedule } from '@faasade/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type GcpBackgroundHandler,
  type GcpCloudEventHandler,
  type GcpHttpHandler,
  backgroundFunction,
  cloudFunction,
  handle,
  register,
} from './index.js'

const web = http(() => json({}))
const consumer = messages(async () => {})

describe('cloudFunction picks the native type from the kind and signature', () => {
  it('http and invoke → (req, res), usable with functions.http', () => {
    expectTypeOf(cloudFunction(web)).toEqualTypeOf<GcpHttpHandler>()
    expectTypeOf(handle(invoke(async () => 1))).toEqualTypeOf<GcpHttpHandler>()
    expectTypeOf(cloudFunction(web)).toMatchTypeOf<HttpFunction>()
  })

  it('event kinds → CloudEvent functions by default, usable with functions.cloudEvent', () => {
    expectTypeOf(cloudFunction(consumer)).toEqualTypeOf<GcpCloudEventHandler>()
    expectTypeOf(cloudFunction(objects(async () => {}))).toEqualTypeOf<GcpCloudEventHandler>()
    expectTypeOf(cloudFunction(consumer)).toMatchTypeOf<CloudEventFunction<unknown>>()
  })

  it('signature http / event for the event kinds', () => {
    expectTypeOf(
      cloudFunction(
        schedule(async () => {}),
        { signature: 'http' },
      ),
    ).toEqualTypeOf<GcpHttpHandler>()
    expectTypeOf(
      cloudFunction(
        events(async () => {}),
        { signature: 'event' },
      ),
    ).toEqualTypeOf<GcpBackgroundHandler>()
    expectTypeOf(backgroundFunction(consumer)).toEqualTypeOf<GcpBackgroundHandler>()
    expectTypeOf(backgroundFunction(consumer)).toMatchTypeOf<EventFunction>()
  })

  it('refuses impossible combinations at compile time', () => {
    // @ts-expect-error an http function has no CloudEvent form
    cloudFunction(web, { signature: 'cloudevent' })
    // @ts-expect-error backgroundFunction takes event kinds only
    backgroundFunction(web)
    // @ts-expect-error the framework cannot register the gen1 event signature
    register('x', consumer, { signature: 'event' })
  })
})

import type { FaasFunction } from '@faasade/core'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { type TestServer, serve } from '../src/testing.js'

export type Sig = 'cloudevent' | 'http' | 'event'

/**
 * Serves `fn` through the real framework under every signature (gen2 CloudEvent, HTTP push, gen1 background)
 * for the enclosing `describe`, calling `reset` before each test.
 */
export function servedUnderEverySignature(fn: FaasFunction, reset: () => void): Record<Sig, TestServer> {
  const servers = {} as Record<Sig, TestServer>
  beforeAll(async () => {
    servers.cloudevent = await serve(fn)
    servers.http = await serve(fn, { signature: 'http' })
    servers.event = await serve(fn, { signature: 'event' })
  })
  afterAll(() => Promise.all(Object.values(servers).map((s) => s.close())))
  beforeEach(reset)
  return servers
}

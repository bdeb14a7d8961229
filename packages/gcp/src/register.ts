import * as framework from '@google-cloud/functions-framework'
import type { FaasFunction } from '@faasade/core'
import { cloudFunction, defaultSignature } from './handle.js'
import type { GcpCloudEventHandler, GcpHttpHandler } from './types.js'

/** How `register` wires a function. */
export interface RegisterOptions {
  /**
   * `http` or `cloudevent`; default `http` for `http`/`invoke` functions, `cloudevent` for the event kinds.
   * The framework cannot register the gen1 `event` signature: export `backgroundFunction(fn)` instead.
   */
  signature?: 'http' | 'cloudevent'
}

/**
 * Registers a faasade function with the Functions Framework (`functions.http` or `functions.cloudEvent`) under
 * `name`, the deploy's `--entry-point` / `FUNCTION_TARGET`.
 * @example
 * register('hello', hello) // gcloud functions deploy hello --gen2 --entry-point hello --trigger-http …
 */
export function register(name: string, fn: FaasFunction, options: RegisterOptions = {}): void {
  const signature = options.signature ?? defaultSignature(fn)
  if (signature === 'http') {
    framework.http(name, cloudFunction(fn, { name, signature }) as GcpHttpHandler)
  } else if (signature === 'cloudevent') {
    framework.cloudEvent(name, cloudFunction(fn, { name, signature }) as GcpCloudEventHandler)
  } else {
    throw new TypeError(
      `faasade: the Functions Framework cannot register the "${String(signature)}" signature; ` +
        `export backgroundFunction(fn) as "${name}" and serve it with --signature-type=event (gen1).`,
    )
  }
}

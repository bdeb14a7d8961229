import type { Kind } from '@faasade/core'
import { expectFaasFunction } from '@faasade/core/adapter'

/** A clear error at build time when a kind's entry is handed anything but a function of that kind. */
export function checkKind(fn: unknown, kind: Kind, entry = 'handle'): void {
  expectFaasFunction(fn, entry)
  if (fn.kind !== kind) {
    throw new TypeError(
      `faasade: @faasade/aws/${kind} serves ${kind}() functions, and this is a "${fn.kind}" function. ` +
        `Import handle from '@faasade/aws/${fn.kind}' or '@faasade/aws'.`,
    )
  }
}

import { type FaasFunction, type Kind, isFaasFunction } from '@faasade/core'

/** A clear error at build time when `handle` is given anything but a faasade function. */
export function checkFaasFunction(fn: unknown): asserts fn is FaasFunction {
  if (!isFaasFunction(fn)) {
    throw new TypeError(
      'faasade: handle() takes a function made by http(), messages(), objects(), schedule(), events() or invoke().',
    )
  }
}

/** A clear error at build time when a kind's entry is handed anything but a function of that kind. */
export function checkKind(fn: unknown, kind: Kind): void {
  checkFaasFunction(fn)
  if (fn.kind !== kind) {
    throw new TypeError(
      `faasade: @faasade/aws/${kind} serves ${kind}() functions, and this is a "${fn.kind}" function. ` +
        `Import handle from '@faasade/aws/${fn.kind}' or '@faasade/aws'.`,
    )
  }
}

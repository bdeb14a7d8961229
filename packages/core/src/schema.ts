/**
 * Validation through the Standard Schema interface, so zod (or valibot, arktype…) stays optional:
 * core never imports a schema library, it only calls `schema['~standard'].validate`.
 * @see https://standardschema.dev
 */

/** The Standard Schema v1 interface, as implemented by zod 4, valibot and arktype. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> }

interface StandardIssue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

/** The output type of a schema, or `Fallback` when no schema was given. */
export type InferOutput<S, Fallback = unknown> = S extends StandardSchemaV1<unknown, infer O> ? O : Fallback

/** One problem found by a schema: where (`path`, e.g. `"items.0.sku"`) and what. */
export interface ValidationIssue {
  readonly path: string
  readonly message: string
}

export type ValidationResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] }

function pathOf(issue: StandardIssue, prefix: string): string {
  const parts = (issue.path ?? []).map((p) => String(typeof p === 'object' && p !== null ? p.key : p))
  return [prefix, ...parts].filter(Boolean).join('.')
}

/** Runs `schema` on `value`; issue paths are prefixed with `where` (`body`, `query`, `data`…). */
export async function validate<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
  where = '',
): Promise<ValidationResult<T>> {
  let result = schema['~standard'].validate(value)
  if (result instanceof Promise) result = await result
  if (result.issues) {
    return { success: false, issues: result.issues.map((i) => ({ path: pathOf(i, where), message: i.message })) }
  }
  return { success: true, data: result.value }
}

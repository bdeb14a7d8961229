/** A mistake the user can fix (bad arguments, a missing export, a setting a target needs); printed without a stack. */
export class CliError extends Error {
  override readonly name = 'CliError'
}

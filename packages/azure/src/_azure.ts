import * as namespace from '@azure/functions'

type AzureFunctionsLib = typeof import('@azure/functions')

/**
 * `@azure/functions` is CommonJS. Node's ESM loader hands it over as `default` (its named exports are only
 * guessed by the lexer), while a CJS build sees `module.exports` itself; take whichever holds the library.
 */
export const azure: AzureFunctionsLib =
  (namespace as unknown as { default?: AzureFunctionsLib }).default ?? (namespace as unknown as AzureFunctionsLib)

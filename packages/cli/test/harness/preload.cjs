// Loaded with `node --require`: points the runtime client's `./rapid-client.node` at the JS shim.
const Module = require('node:module')
const original = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === './rapid-client.node') return require.resolve('./rapid-client-shim.cjs')
  return original.call(this, request, ...rest)
}

/**
 * Run faasade functions on Google Cloud Functions / Cloud Run functions through the Functions Framework:
 * `register(name, fn)` or `export const x = cloudFunction(fn)` for gen2, `backgroundFunction(fn)` for gen1 events.
 * @module
 */
export { cloudFunction, handle, backgroundFunction } from './handle.js'
export { register } from './register.js'
export type { RegisterOptions } from './register.js'
export type {
  Signature,
  GcpOptions,
  GcpHandler,
  GcpHttpHandler,
  GcpCloudEventHandler,
  GcpBackgroundHandler,
  GcpRequest,
  GcpResponse,
} from './types.js'

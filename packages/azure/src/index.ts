/**
 * Run faasade functions on Azure Functions (Node.js v4 programming model, `@azure/functions` 4.x).
 * @example
 * import { register } from '@faasade/azure'
 * import { hello } from './functions/hello.js'
 * register('hello', hello, { route: 'hello' })
 * @module
 */
export { handle, azureFunction } from './handle.js'
export type { AzureHandler, AzureHttpHandler } from './handle.js'
export { register, toNcrontab } from './register.js'
export type {
  RegisterOptions,
  HttpRegisterOptions,
  MessagesRegisterOptions,
  ObjectsRegisterOptions,
  TimerRegisterOptions,
  EventGridRegisterOptions,
} from './register.js'
export type { AzureOptions } from './context.js'
export type { AzureNative } from './triggers/_metadata.js'
export type { AzureTrigger } from './detect.js'
export { detectTrigger } from './detect.js'
export { enableStreaming, isStreamingEnabled } from './stream.js'
export { BatchFailureError } from './errors.js'

import { azure } from './_azure.js'

let streaming = false

/**
 * Turns on Azure's HTTP streaming (`app.setup({ enableHttpStream: true })`, host 4.28+) and lets every faasade
 * HTTP function pass streamed bodies through. Call it once at the top of the app's entry file.
 * @example
 * enableStreaming()
 * register('feed', feed)
 */
export function enableStreaming(): void {
  azure.app.setup({ enableHttpStream: true })
  streaming = true
}

/** Whether `enableStreaming()` was called in this process. */
export function isStreamingEnabled(): boolean {
  return streaming
}

/** What the platform tells a function through its environment, read once when the handler is built. */
export interface Runtime {
  readonly functionName: string
  /** The request timeout in ms (`CLOUD_RUN_TIMEOUT_SECONDS`, gen1 `FUNCTION_TIMEOUT_SEC`), when set. */
  readonly timeoutMs: number | undefined
  /** The project for `logging.googleapis.com/trace` (`GOOGLE_CLOUD_PROJECT`, `GCLOUD_PROJECT`, `GCP_PROJECT`). */
  readonly project: string | undefined
}

// FF reads CLOUD_RUN_TIMEOUT_SECONDS (src/options.ts); gen1's older Node runtimes set FUNCTION_TIMEOUT_SEC.
// https://github.com/GoogleCloudPlatform/functions-framework-nodejs/blob/main/src/options.ts
export function readRuntime(name: string | undefined): Runtime {
  const env = process.env
  const seconds = Number(env.CLOUD_RUN_TIMEOUT_SECONDS || env.FUNCTION_TIMEOUT_SEC)
  return {
    functionName: name || env.FUNCTION_TARGET || env.K_SERVICE || 'function',
    timeoutMs: seconds > 0 ? seconds * 1000 : undefined,
    project: env.GOOGLE_CLOUD_PROJECT || env.GCLOUD_PROJECT || env.GCP_PROJECT || undefined,
  }
}

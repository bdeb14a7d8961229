import type {
  CloudEvent as FrameworkCloudEvent,
  Context as FrameworkContext,
  Request,
  Response,
} from '@google-cloud/functions-framework'

/** The Functions Framework signature types faasade serves (`--signature-type` / `FUNCTION_SIGNATURE_TYPE`). */
export type Signature = 'http' | 'cloudevent' | 'event'

/**
 * An HTTP function `(req, res)`: the framework's Express request and response. It answers through `res` and
 * returns nothing (a promise would only cost the framework's per-request domain; it never rejects).
 */
export type GcpHttpHandler = (req: Request, res: Response) => void

/** A CloudEvent function `(event) => Promise` (gen2); its arity is exactly 1 so the framework awaits it. */
export type GcpCloudEventHandler = (event: FrameworkCloudEvent<unknown>) => Promise<void>

/** A legacy background function `(data, context) => Promise` (gen1); its arity is exactly 2. */
export type GcpBackgroundHandler = (data: unknown, context: FrameworkContext) => Promise<void>

/** Any of the three native handler shapes. */
export type GcpHandler = GcpHttpHandler | GcpCloudEventHandler | GcpBackgroundHandler

/** How `cloudFunction` wraps a function. */
export interface GcpOptions {
  /**
   * The signature to produce. Default: `http` for `http` and `invoke` functions, `cloudevent` for the event
   * kinds. `http` also serves the event kinds (Pub/Sub push, Cloud Scheduler HTTP targets, CloudEvents sent to
   * an HTTP function); `event` is the gen1 background form (see `backgroundFunction`).
   */
  signature?: Signature
  /** The function name in logs and `ctx.functionName`; default `FUNCTION_TARGET`, then `K_SERVICE`. */
  name?: string
}

/** The framework's Express request (with `rawBody`, `executionId` and, with a timeout, `abortController`). */
export type GcpRequest = Request

/** The framework's Express response. */
export type GcpResponse = Response

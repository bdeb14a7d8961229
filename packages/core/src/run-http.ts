import { tooLarge } from './body.js'
import { type Context, disposeContext } from './context.js'
import type { HttpFunction, HttpSchemas, InvokeFunction } from './define.js'
import { HttpError, type HttpErrorOptions, ValidationError } from './errors.js'
import type { HttpRequest } from './request.js'
import {
  type HttpResult,
  type ResponseParts,
  ResponseTooLargeError,
  bufferBody,
  json,
  toResponseParts,
} from './response.js'
import { type ValidationIssue, validate } from './schema.js'
import { runInvoke } from './run-event.js'

export interface RunHttpOptions {
  /** The adapter can send a streamed body; otherwise core buffers it. */
  stream?: boolean
  /** Largest buffered response the front door carries (Lambda: 6 MB); past it, a 500 and a log line. */
  maxResponseBytes?: number
}

const PROBLEM = 'application/problem+json'

function problemOf(error: HttpError): ResponseParts {
  const headers: Record<string, string> = { 'content-type': PROBLEM }
  for (const k in error.headers) headers[k.toLowerCase()] = error.headers[k] as string
  return { status: error.status, headers, cookies: [], body: JSON.stringify(error.toProblem()) }
}

/** A problem+json response, logging nothing (for adapters answering before or after a function ran). */
export function problemResponse(status: number, detail?: string, options?: HttpErrorOptions): ResponseParts {
  return problemOf(new HttpError(status, detail, options))
}

/** The problem+json response for an error: HttpErrors say what went wrong; anything else is a generic 500. */
export function errorResponse(error: unknown, ctx: Context): ResponseParts {
  if (error instanceof HttpError) {
    if (error.status >= 500) ctx.log.error(error.message, { error })
    return problemOf(error)
  }
  ctx.log.error(error instanceof ResponseTooLargeError ? error.message : 'Unhandled error in handler', { error })
  return problemResponse(500)
}

async function bodyForSchema(req: HttpRequest<any>): Promise<unknown> {
  const type = req.headers.get('content-type') ?? ''
  if (/^application\/x-www-form-urlencoded/i.test(type))
    return Object.fromEntries(new URLSearchParams(await req.text()))
  if (/^text\//i.test(type)) return req.text()
  if ((await req.text()) === '') return undefined
  return req.json()
}

async function validateRequest(schemas: HttpSchemas, req: HttpRequest<any>): Promise<void> {
  const issues: ValidationIssue[] = []
  const check = async (key: keyof HttpSchemas, value: () => unknown): Promise<unknown> => {
    const schema = schemas[key]
    if (!schema) return undefined
    const result = await validate(schema, await value(), key)
    if (result.success) return result.data
    issues.push(...result.issues)
    return undefined
  }
  const valid = req.valid
  if (schemas.params) valid.params = await check('params', () => req.params)
  if (schemas.query) valid.query = await check('query', () => req.query.toObject())
  if (schemas.headers) valid.headers = await check('headers', () => req.headers.toRecord())
  if (schemas.body) valid.body = await check('body', () => bodyForSchema(req))
  if (issues.length) throw new ValidationError(issues)
  if (schemas.params) req.params = valid.params
  if (schemas.body) req.body = valid.body
}

/**
 * The `http` function that serves `fn` over HTTP (GCP, Azure): an http function as it is; an invoke function with
 * the POST body as its JSON payload (none when empty) and its result as the JSON response. Built once per handler,
 * so `runHttp` serves only http functions and a bundle of an http function carries none of this.
 */
export function overHttp(fn: HttpFunction<any> | InvokeFunction<any, any>): HttpFunction<any> {
  if (fn.kind === 'http') return fn
  return {
    kind: 'http',
    handler: async (req, ctx) =>
      json(await runInvoke(fn, (await req.text()) === '' ? undefined : await req.json(), ctx)),
    schemas: {},
    options: {},
  }
}

/**
 * Runs an `http` function and returns the response to send (an `invoke` function goes through `overHttp` first).
 * Never throws: bad input becomes a 4xx problem, anything unexpected a generic 500 with the stack in the log.
 * `write`, when given, turns the response into the adapter's native result in the same step (one promise hop
 * fewer than `.then(write)`, and one shared function can serve every request); only a throw from `write` rejects.
 */
export function runHttp(
  fn: HttpFunction<any>,
  req: HttpRequest<any>,
  ctx: Context,
  options?: RunHttpOptions,
): Promise<ResponseParts>
export function runHttp<R>(
  fn: HttpFunction<any>,
  req: HttpRequest<any>,
  ctx: Context,
  options: RunHttpOptions,
  write: (parts: ResponseParts, req: HttpRequest<any>, ctx: Context) => R,
): Promise<Awaited<R>>
export function runHttp(
  fn: HttpFunction<any>,
  req: HttpRequest<any>,
  ctx: Context,
  options: RunHttpOptions = {},
  write: Writer = asParts,
): Promise<unknown> {
  // No async frame here: one reaction on the handler's own promise. Every promise counts under GCP's domain,
  // where each one runs async hooks and is tracked until collected.
  let returned: unknown
  try {
    const limit = fn.options.maxBodyBytes || req.maxBodyBytes
    req.maxBodyBytes = limit
    if (req.exceedsLimit()) throw tooLarge(limit)
    const { schemas } = fn
    returned =
      schemas.body || schemas.query || schemas.params || schemas.headers
        ? validateRequest(schemas, req).then(() => fn.handler(req, ctx))
        : fn.handler(req, ctx)
  } catch (error) {
    return settle(() => fail(error, req, ctx, write))
  }
  if (returned instanceof Promise) {
    return returned.then(
      (result: HttpResult) => complete(result, req, ctx, options, write),
      (error: unknown) => fail(error, req, ctx, write),
    )
  }
  return settle(() => complete(returned as HttpResult, req, ctx, options, write))
}

type Writer = (parts: ResponseParts, req: HttpRequest<any>, ctx: Context) => unknown

/** Without an adapter's writer, the response parts are the result. */
const asParts: Writer = (parts) => parts

/** A promise of what `run` returns, or of its throw (only `write` throws). */
function settle(run: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(run())
  } catch (error) {
    return Promise.reject(error)
  }
}

function fail(error: unknown, req: HttpRequest<any>, ctx: Context, write: Writer): unknown {
  const parts = errorResponse(error, ctx)
  disposeContext(ctx)
  return write(parts, req, ctx)
}

/** The handler's result as the response to send; a body still to be read is buffered or streamed. */
function complete(
  result: HttpResult,
  req: HttpRequest<any>,
  ctx: Context,
  options: RunHttpOptions,
  write: Writer,
): unknown {
  let parts: ResponseParts
  try {
    parts = toResponseParts(result)
    const body = parts.body
    if (body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      return completeStream(parts, body, req, ctx, options, write)
    }
  } catch (error) {
    return fail(error, req, ctx, write)
  }
  disposeContext(ctx)
  return write(parts, req, ctx)
}

async function completeStream(
  parts: ResponseParts,
  body: ReadableStream<Uint8Array>,
  req: HttpRequest<any>,
  ctx: Context,
  options: RunHttpOptions,
  write: Writer,
): Promise<unknown> {
  let streaming = false
  try {
    if (!options.stream) parts = await bufferBody(parts, options.maxResponseBytes)
    else {
      streaming = true
      parts = { ...parts, body: disposeWhenDone(body, ctx) }
    }
  } catch (error) {
    parts = errorResponse(error, ctx)
  } finally {
    if (!streaming) disposeContext(ctx)
  }
  return write(parts, req, ctx)
}

// A streamed body outlives runHttp: the context (and the deadline behind ctx.signal) lives until it ends.
function disposeWhenDone(body: ReadableStream<Uint8Array>, ctx: Context): ReadableStream<Uint8Array> {
  const reader = body.getReader()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await reader.read()
        if (done) {
          disposeContext(ctx)
          controller.close()
        } else controller.enqueue(value)
      } catch (error) {
        disposeContext(ctx)
        controller.error(error)
      }
    },
    async cancel(reason) {
      disposeContext(ctx)
      await reader.cancel(reason)
    },
  })
}

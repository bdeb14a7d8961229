import type { Response } from '@google-cloud/functions-framework'
import type { Context, ResponseParts } from '@faasade/core/adapter'
import { problemResponse } from '@faasade/core/adapter'

function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/** Writes each chunk as it comes (chunked transfer; Node sends every write at once), honouring backpressure. */
async function pipe(res: Response, body: ReadableStream<Uint8Array>, ctx: Context): Promise<void> {
  const reader = body.getReader()
  const onClose = (): void => {
    if (!res.writableFinished) reader.cancel(new Error('The client closed the connection.')).catch(() => {})
  }
  res.once('close', onClose)
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done || res.destroyed) break
      if (!res.write(value)) await drained(res)
    }
    res.end()
  } catch (error) {
    ctx.log.error('The response stream failed', { error })
    // Before the first chunk the status can still change; after it, a cut connection tells the client.
    if (res.headersSent) res.destroy(error as Error)
    else writeParts(res, problemResponse(500))
  } finally {
    res.off('close', onClose)
  }
}

function writeParts(res: Response, parts: ResponseParts): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name)
  res.statusCode = parts.status
  for (const name in parts.headers) res.setHeader(name, parts.headers[name] as string | string[])
  res.end(parts.body as string)
}

/**
 * Sends core's response through Node's own `res` methods (no Express `send` rewriting of types or ETags).
 * Synchronous unless the body is a stream.
 */
export function sendParts(res: Response, parts: ResponseParts, ctx: Context): Promise<void> | undefined {
  try {
    // 200 is already set: storing it again into the framework's re-prototyped `res` was 0.7% of a request.
    if (res.statusCode !== parts.status) res.statusCode = parts.status
    const headers = parts.headers
    for (const name in headers) res.setHeader(name, headers[name] as string | string[])
    // One Set-Cookie line per cookie, never comma-joined.
    if (parts.cookies.length > 0) res.setHeader('set-cookie', parts.cookies)
    const body = parts.body
    if (body === null) res.end()
    else if (typeof body === 'string' || body instanceof Uint8Array) res.end(body)
    else return pipe(res, body, ctx)
  } catch (error) {
    // A status or header Node refuses (out-of-range status, control characters in a value).
    ctx.log.error('The response could not be sent', { error })
    if (res.headersSent) res.destroy(error as Error)
    else writeParts(res, problemResponse(500))
  }
  return undefined
}

import { createRequest } from '@faasade/core/adapter'
import type { ALBEvent, ALBResult } from 'aws-lambda'
import { EMPTY, type FrontDoor, fromAwsBody, toAwsBody } from './front-door.js'

// node:http only when an ALB answers, not at import: loading it costs ~25 ms of cold start on Node 22 and 24 in a
// process that has not loaded it yet (the Lambda runtime client has; a bare `node` or another host may not).
// `getBuiltinModule` is Node 20.16+; before that the phrase reads "Unknown", which ALB sends as is.
const reasonPhrase = (status: number): string =>
  process.getBuiltinModule?.('node:http')?.STATUS_CODES[status] ?? 'Unknown'

/**
 * ALB passes query keys and values exactly as the client sent them (still percent-encoded), so the raw
 * query string is rebuilt and decoded once, as a browser would.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
 */
export function fromAlbQuery(
  multi: Record<string, string[] | undefined> | undefined,
  single: Record<string, string | undefined> | undefined,
): URLSearchParams {
  let raw = ''
  if (multi) {
    for (const key in multi) for (const value of multi[key] ?? []) raw += `${raw ? '&' : ''}${key}=${value}`
  } else if (single) {
    for (const key in single) raw += `${raw ? '&' : ''}${key}=${single[key] ?? ''}`
  }
  return new URLSearchParams(raw)
}

/** The client address: ALB appends the peer it saw to X-Forwarded-For, so the last entry is the one to trust. */
function clientIp(forwarded: string | string[] | undefined): string | undefined {
  const line = Array.isArray(forwarded) ? forwarded[forwarded.length - 1] : forwarded
  if (!line) return undefined
  const comma = line.lastIndexOf(',')
  return (comma < 0 ? line : line.slice(comma + 1)).trim() || undefined
}

/** A target group with multi-value headers on sends only `multiValue*` maps, and must be answered in kind. */
const isMultiValue = (event: ALBEvent): boolean => event.multiValueHeaders !== undefined

/**
 * Application Load Balancer, in single-value or multi-value mode: the answer uses the mode it was asked
 * in, carries `statusDescription`, and an absent body is `""`.
 */
export const alb: FrontDoor<ALBEvent, ALBResult> = {
  // "The maximum size of the response JSON that the Lambda function can send is 1 MB", where Lambda allows 6.
  maxResultBytes: 1024 * 1024,

  // ALB has no request id (only x-amzn-trace-id): Lambda's awsRequestId is used.
  requestId: () => undefined,

  toRequest(event) {
    const multi = isMultiValue(event)
    const headers = (multi ? event.multiValueHeaders : event.headers) ?? EMPTY
    const multiQuery = multi ? (event.multiValueQueryStringParameters ?? undefined) : undefined
    const query = event.queryStringParameters ?? undefined
    return createRequest({
      method: event.httpMethod,
      path: event.path,
      query: multiQuery || query ? () => fromAlbQuery(multiQuery, query) : undefined,
      headers,
      lowercaseHeaders: !multi,
      body: fromAwsBody(event.body, event.isBase64Encoded),
      ip: clientIp(headers['x-forwarded-for']),
      native: event,
    })
  },

  toResult(parts, event, ctx) {
    const { body, isBase64Encoded } = toAwsBody(parts.body)
    const status = parts.status
    const result: ALBResult = {
      statusCode: status,
      statusDescription: `${status} ${reasonPhrase(status)}`,
      isBase64Encoded,
      body,
    }
    if (isMultiValue(event)) {
      const multiValueHeaders: Record<string, string[]> = {}
      for (const key in parts.headers) {
        const value = parts.headers[key] as string | string[]
        multiValueHeaders[key] = typeof value === 'string' ? [value] : value
      }
      if (parts.cookies.length > 0) multiValueHeaders['set-cookie'] = parts.cookies
      result.multiValueHeaders = multiValueHeaders
      return result
    }
    const headers: Record<string, string> = {}
    for (const key in parts.headers) {
      const value = parts.headers[key] as string | string[]
      headers[key] = typeof value === 'string' ? value : value.join(', ')
    }
    // Single-value mode can carry one Set-Cookie only; joining them with commas would corrupt every cookie.
    const first = parts.cookies[0]
    if (first !== undefined) {
      headers['set-cookie'] = first
      if (parts.cookies.length > 1) {
        ctx.log.warn('ALB single-value mode can return only one Set-Cookie header; the others were dropped', {
          kept: first.split('=', 1)[0],
          dropped: parts.cookies.slice(1).map((c) => c.split('=', 1)[0]),
          fix: 'Turn on multi-value headers on the target group.',
        })
      }
    }
    result.headers = headers
    return result
  },
}

import type { Cookie as AzureCookie, HttpResponseInit } from '@azure/functions'
import { type ResponseParts, parseSetCookie } from '@faasade/core/adapter'

/**
 * Azure takes cookies as objects (`HttpResponseInit.cookies`), not `Set-Cookie` lines; the library turns them
 * back into `Set-Cookie` on the wire. `Partitioned` has no field there and is dropped.
 * @see https://github.com/Azure/azure-functions-nodejs-library/blob/v4.x/src/converters/toRpcHttpCookie.ts
 */
export function toAzureCookie(header: string): AzureCookie {
  const c = parseSetCookie(header)
  const cookie: AzureCookie = { name: c.name, value: c.value }
  if (c.domain) cookie.domain = c.domain
  if (c.path) cookie.path = c.path
  if (c.expires !== undefined) {
    const expires = new Date(c.expires)
    if (!Number.isNaN(expires.getTime())) cookie.expires = expires
  }
  if (c.maxAge !== undefined && !Number.isNaN(c.maxAge)) cookie.maxAge = c.maxAge
  if (c.secure) cookie.secure = true
  if (c.httpOnly) cookie.httpOnly = true
  if (c.sameSite) cookie.sameSite = c.sameSite
  return cookie
}

type AzureHeaders = Record<string, string> | [string, string][]

/** A record while every header has one value (the common case, no copy); pairs once one repeats. */
function toAzureHeaders(headers: ResponseParts['headers']): AzureHeaders {
  for (const key in headers) {
    if (typeof headers[key] !== 'string') {
      const pairs: [string, string][] = []
      for (const [k, v] of Object.entries(headers)) {
        if (typeof v === 'string') pairs.push([k, v])
        else for (const one of v) pairs.push([k, one])
      }
      return pairs
    }
  }
  return headers as Record<string, string>
}

/** The `HttpResponseInit` the v4 library turns into the host's response: text, bytes or a stream as the body. */
export function toAzureResponse(parts: ResponseParts): HttpResponseInit {
  const init: HttpResponseInit = {
    status: parts.status,
    headers: toAzureHeaders(parts.headers),
    body: parts.body as HttpResponseInit['body'],
  }
  if (parts.cookies.length) init.cookies = parts.cookies.map(toAzureCookie)
  return init
}

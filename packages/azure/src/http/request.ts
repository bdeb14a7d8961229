import type { HttpRequest as AzureHttpRequest } from '@azure/functions'
import { type HttpRequest, createRequest } from '@faasade/core/adapter'

/**
 * The client address. Azure's front end puts it first in X-Forwarded-For *with its port*
 * ("203.0.113.7:51234", "[2001:db8::1]:51234") (observed); the port is dropped.
 */
export function clientIp(headers: { get(name: string): string | null }): string | undefined {
  const forwarded = headers.get('x-forwarded-for')
  if (!forwarded) return undefined
  const comma = forwarded.indexOf(',')
  const first = (comma < 0 ? forwarded : forwarded.slice(0, comma)).trim()
  if (first.startsWith('[')) return first.slice(1, Math.max(1, first.indexOf(']')))
  const colon = first.indexOf(':')
  return colon > 0 && colon === first.lastIndexOf(':') ? first.slice(0, colon) : first
}

/**
 * The normalized request over the library's `HttpRequest` (whose `url` and `method` the caller has read).
 * Headers are read straight from its `Headers` object; the single-use body stream is read at most once, when the handler first
 * asks. The query comes from the raw URL: the host's query map joins repeated keys ("a,b"), so
 * `?tag=a&tag=b` is only right when parsed from the URL (core parses it lazily). A URL without a query
 * string leaves the library's own `query` (a hand-built `HttpRequest` may carry one only there).
 * @see https://github.com/Azure/azure-functions-nodejs-library/blob/v4.x/src/http/HttpRequest.ts
 */
export function fromAzureRequest(request: AzureHttpRequest, url: string, method: string): HttpRequest {
  const scheme = url.indexOf('://')
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3)
  const q = start < 0 ? -1 : url.indexOf('?', start)
  const path = start < 0 ? '/' : q < 0 ? url.slice(start) : url.slice(start, q)
  const headers = request.headers
  return createRequest({
    method,
    path,
    query: q < 0 ? request.query : url.slice(q + 1),
    headers,
    // GET and HEAD never carry a body (the library drops it), so their stream is not even looked at.
    body:
      method === 'GET' || method === 'HEAD' || request.body === null
        ? undefined
        : { read: () => request.arrayBuffer() },
    ip: () => clientIp(headers),
    params: request.params,
    url,
    native: request,
  })
}

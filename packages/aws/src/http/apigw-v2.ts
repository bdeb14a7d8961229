import { createRequest } from '@faasade/core/adapter'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import {
  EMPTY,
  type FrontDoor,
  MAX_BUFFERED_BYTES,
  fromAwsBody,
  joinHeaders,
  paramsOf,
  toAwsBody,
} from './front-door.js'

/**
 * The request headers, with `cookies[]` folded back into a `cookie` header where the front door took it out
 * (HTTP API keeps no `cookie` header; a Function URL keeps both, so nothing is added twice). Fetch-style code
 * that reads the Cookie header (`toRequest()`, Hono) then sees the same cookies on every front door.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 */
function headersOf(event: APIGatewayProxyEventV2): Record<string, string | undefined> {
  const headers = event.headers ?? EMPTY
  const cookies = event.cookies
  if (!cookies || cookies.length === 0 || headers.cookie !== undefined) return headers
  return { ...headers, cookie: cookies.join('; ') }
}

/**
 * HTTP API payload 2.0 and Function URLs: lower-case header names, repeated headers and query keys
 * comma-joined (so the query is parsed from `rawQueryString`), `cookies[]` apart, optional members absent
 * or `null`. https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html
 */
export const apiGatewayV2: FrontDoor<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> = {
  maxResultBytes: MAX_BUFFERED_BYTES,
  requestId: (event) => event.requestContext.requestId,

  toRequest(event) {
    const http = event.requestContext.http
    return createRequest({
      method: http.method,
      path: event.rawPath ?? http.path,
      query: event.rawQueryString ?? undefined,
      decodedQuery: event.queryStringParameters,
      headers: headersOf(event),
      lowercaseHeaders: true,
      cookies: event.cookies ?? undefined,
      body: fromAwsBody(event.body, event.isBase64Encoded),
      ip: http.sourceIp,
      params: paramsOf(event.pathParameters),
      native: event,
    })
  },

  // Headers are joined with ", "; cookies go only in `cookies[]`, which the platform sends as separate
  // Set-Cookie lines (a set-cookie header here would be comma-joined and broken).
  toResult(parts) {
    const { body, isBase64Encoded } = toAwsBody(parts.body)
    const result: APIGatewayProxyStructuredResultV2 = {
      statusCode: parts.status,
      headers: joinHeaders(parts.headers),
      body,
      isBase64Encoded,
    }
    if (parts.cookies.length > 0) result.cookies = parts.cookies
    return result
  },
}

import { createRequest } from '@faasade/core/adapter'
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda'
import { EMPTY, type FrontDoor, MAX_BUFFERED_BYTES, fromAwsBody, paramsOf, toAwsBody } from './front-door.js'

type QueryMap = Record<string, string | undefined> | null | undefined
type MultiQueryMap = Record<string, string[] | undefined> | null | undefined

function hasKeys(record: object): boolean {
  for (const _ in record) return true
  return false
}

/**
 * REST query values arrive decoded. The single-value map keeps only one value of a repeated key, so the
 * multi-value map wins when present (the console's test events send only the single map).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
 */
export function fromV1Query(multi: MultiQueryMap, single: QueryMap): [string, string][] {
  const pairs: [string, string][] = []
  if (multi && hasKeys(multi)) {
    for (const key in multi) for (const value of multi[key] ?? []) pairs.push([key, value])
  } else if (single) {
    for (const key in single) {
      const value = single[key]
      if (value !== undefined && value !== null) pairs.push([key, value])
    }
  }
  return pairs
}

/**
 * API Gateway REST (proxy integration) and HTTP API payload 1.0: header names in the client's casing,
 * `multiValue*` maps beside the single ones, collections `null` when empty, `body` a string or `null`.
 */
export const apiGatewayV1: FrontDoor<APIGatewayProxyEvent, APIGatewayProxyResult> = {
  maxResultBytes: MAX_BUFFERED_BYTES,
  requestId: (event) => event.requestContext.requestId,

  toRequest(event) {
    const multiHeaders = event.multiValueHeaders
    // One header line with a comma is one value (["value1,value2"]): never split on commas.
    const headers = multiHeaders && hasKeys(multiHeaders) ? multiHeaders : (event.headers ?? EMPTY)
    const multiQuery = event.multiValueQueryStringParameters
    const query = event.queryStringParameters
    return createRequest({
      method: event.httpMethod,
      path: event.path,
      query: multiQuery || query ? () => fromV1Query(multiQuery, query) : undefined,
      headers: headers as Record<string, string | string[] | undefined>,
      body: fromAwsBody(event.body, event.isBase64Encoded),
      ip: event.requestContext.identity?.sourceIp ?? undefined,
      params: paramsOf(event.pathParameters),
      native: event,
    })
  },

  // Repeated headers and every Set-Cookie go in multiValueHeaders (which wins where both maps name a header).
  toResult(parts) {
    const headers: Record<string, string> = {}
    const multiValueHeaders: Record<string, string[]> = {}
    for (const key in parts.headers) {
      const value = parts.headers[key] as string | string[]
      if (typeof value === 'string') headers[key] = value
      else multiValueHeaders[key] = value
    }
    if (parts.cookies.length > 0) multiValueHeaders['set-cookie'] = parts.cookies
    const { body, isBase64Encoded } = toAwsBody(parts.body)
    return { statusCode: parts.status, headers, multiValueHeaders, body, isBase64Encoded }
  },
}

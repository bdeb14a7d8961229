import { isTextContentType } from '@faasade/core/adapter'
import type { ALBEvent, APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda'
import {
  type HttpEventInit,
  type NormalizedHttp,
  clfTime,
  encodeBody,
  groupHeaders,
  normalizeHttp,
  shortId,
} from './http-input.js'

const ACCOUNT = '123456789012'
const REGION = 'us-east-1'
const API_ID = 'a1b2c3d4e5'

const lastValues = (map: Map<string, string[]>): Record<string, string> =>
  Object.fromEntries([...map].map(([k, v]) => [k, v[v.length - 1] as string]))

function v1Event(http: NormalizedHttp, multiValue: boolean, stage: string, version?: '1.0'): APIGatewayProxyEvent {
  const pairs = [...http.headers]
  if (!pairs.some(([k]) => k.toLowerCase() === 'host'))
    pairs.unshift(['Host', `${API_ID}.execute-api.${REGION}.amazonaws.com`])
  if (http.cookies.length > 0) pairs.push(['Cookie', http.cookies.join('; ')])
  const headers = groupHeaders(pairs, false)
  const query = new Map<string, string[]>()
  for (const [k, v] of http.query) query.set(k, [...(query.get(k) ?? []), v])
  // REST sends a body as text unless its Content-Type is one of the API's binaryMediaTypes.
  const { body, isBase64Encoded } = encodeBody(http, () => http.body?.text !== undefined)
  const event: APIGatewayProxyEvent = {
    resource: '/{proxy+}',
    path: http.path,
    httpMethod: http.method,
    headers: lastValues(headers),
    multiValueHeaders: Object.fromEntries(headers),
    // REST keeps the last value of a repeated key in the single-value map.
    queryStringParameters: query.size > 0 ? lastValues(query) : null,
    multiValueQueryStringParameters: query.size > 0 ? Object.fromEntries(query) : null,
    pathParameters: http.params ?? null,
    stageVariables: null,
    requestContext: {
      accountId: ACCOUNT,
      apiId: API_ID,
      authorizer: version ? { claims: null, scopes: null } : undefined,
      domainName: `${API_ID}.execute-api.${REGION}.amazonaws.com`,
      domainPrefix: API_ID,
      extendedRequestId: shortId(),
      httpMethod: http.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: http.sourceIp,
        user: null,
        userAgent: headers.get('User-Agent')?.[0] ?? headers.get('user-agent')?.[0] ?? null,
        userArn: null,
      },
      path: stage === '$default' ? http.path : `/${stage}${http.path}`,
      protocol: 'HTTP/1.1',
      requestId: http.requestId,
      requestTime: clfTime(http.time),
      requestTimeEpoch: http.time.getTime(),
      resourceId: 'abc123',
      resourcePath: '/{proxy+}',
      stage,
    },
    body: body ?? null,
    isBase64Encoded,
  }
  if (version) (event as APIGatewayProxyEvent & { version: string }).version = version
  if (!multiValue) {
    delete (event as Partial<APIGatewayProxyEvent>).multiValueHeaders
    delete (event as Partial<APIGatewayProxyEvent>).multiValueQueryStringParameters
  }
  return event
}

/**
 * An API Gateway REST proxy event (`multiValue: false` drops the `multiValue*` maps, as console test events do).
 * @example
 * await handler(apiGatewayV1({ path: '/orders/7', query: { expand: 'items' } }), lambdaContext())
 */
export function apiGatewayV1(
  init: HttpEventInit & { multiValue?: boolean; stage?: string } = {},
): APIGatewayProxyEvent {
  return v1Event(normalizeHttp(init), init.multiValue ?? true, init.stage ?? 'prod')
}

/** An HTTP API event in payload format 1.0 (the REST shape plus `"version": "1.0"`). */
export function httpApiV1(init: HttpEventInit = {}): APIGatewayProxyEvent {
  return v1Event(normalizeHttp(init), true, '$default', '1.0')
}

// What ALB (documented) and HTTP API (measured against AWS by a third party) pass as text; anything else, a
// missing type and form posts included, arrives base64.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
// https://github.com/ministackorg/ministack/pull/766
const SENT_AS_TEXT = /^(text\/|application\/(json|javascript|xml)\b)/i
const sentAsText = (type: string | undefined): boolean => type !== undefined && SENT_AS_TEXT.test(type)

function v2Event(
  http: NormalizedHttp,
  domainName: string,
  keepCookieHeader: boolean,
  isText: (type: string | undefined) => boolean,
): APIGatewayProxyEventV2 {
  const pairs = [...http.headers]
  if (!pairs.some(([k]) => k.toLowerCase() === 'host')) pairs.unshift(['host', domainName])
  if (keepCookieHeader && http.cookies.length > 0) pairs.push(['cookie', http.cookies.join('; ')])
  // Repeated headers and query keys are joined with a comma; rawQueryString keeps them apart.
  const headers = Object.fromEntries([...groupHeaders(pairs, true)].map(([k, v]) => [k, v.join(',')]))
  const query = new Map<string, string[]>()
  for (const [k, v] of http.query) query.set(k, [...(query.get(k) ?? []), v])
  const rawQueryString = http.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  const { body, isBase64Encoded } = encodeBody(http, isText)
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: '$default',
    rawPath: http.path,
    rawQueryString,
    headers,
    requestContext: {
      accountId: ACCOUNT,
      apiId: domainName.split('.')[0] as string,
      domainName,
      domainPrefix: domainName.split('.')[0] as string,
      http: {
        method: http.method,
        path: http.path,
        protocol: 'HTTP/1.1',
        sourceIp: http.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: http.requestId,
      routeKey: '$default',
      stage: '$default',
      time: clfTime(http.time),
      timeEpoch: http.time.getTime(),
    },
    isBase64Encoded,
  }
  if (http.cookies.length > 0) event.cookies = http.cookies
  if (query.size > 0) event.queryStringParameters = Object.fromEntries([...query].map(([k, v]) => [k, v.join(',')]))
  if (http.params) event.pathParameters = http.params
  if (body !== undefined) event.body = body
  return event
}

/** An HTTP API event in payload format 2.0 (cookies in `cookies[]`, no `cookie` header). */
export function apiGatewayV2(init: HttpEventInit = {}): APIGatewayProxyEventV2 {
  return v2Event(normalizeHttp(init), `${API_ID}.execute-api.${REGION}.amazonaws.com`, false, sentAsText)
}

/** A Function URL event (payload 2.0 on `<id>.lambda-url.<region>.on.aws`; cookies in `cookies[]` and the header). */
export function functionUrl(init: HttpEventInit = {}): APIGatewayProxyEventV2 {
  // Lambda documents base64 only for binary bodies on Function URLs, so every textual type stays text here.
  return v2Event(
    normalizeHttp(init),
    `abcdefghijklmnopqrstuvwxyz012345.lambda-url.${REGION}.on.aws`,
    true,
    isTextContentType,
  )
}

/** An ALB target event, in single-value mode or (`multiValue: true`) multi-value mode; query sent still encoded. */
export function alb(init: HttpEventInit & { multiValue?: boolean } = {}): ALBEvent {
  const http = normalizeHttp(init)
  const pairs = [...http.headers]
  if (!pairs.some(([k]) => k.toLowerCase() === 'host'))
    pairs.unshift(['host', 'my-alb-1234567890.us-east-1.elb.amazonaws.com'])
  if (!pairs.some(([k]) => k.toLowerCase() === 'x-forwarded-for')) pairs.push(['x-forwarded-for', http.sourceIp])
  pairs.push([
    'x-amzn-trace-id',
    `Root=1-${Math.floor(http.time.getTime() / 1000).toString(16)}-${http.requestId.replaceAll('-', '').slice(0, 24)}`,
  ])
  if (http.cookies.length > 0) pairs.push(['cookie', http.cookies.join('; ')])
  const headers = groupHeaders(pairs, true)
  const query = new Map<string, string[]>()
  for (const [k, v] of http.query) {
    const key = encodeURIComponent(k)
    query.set(key, [...(query.get(key) ?? []), encodeURIComponent(v)])
  }
  const encoded = headers.has('content-encoding')
  const { body, isBase64Encoded } = encodeBody(http, (type) => !encoded && sentAsText(type))
  const event: ALBEvent = {
    requestContext: {
      elb: {
        targetGroupArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/my-targets/73e2d6bc24d8a067`,
      },
    },
    httpMethod: http.method,
    path: http.path,
    body: body ?? '',
    isBase64Encoded,
  }
  if (init.multiValue) {
    event.multiValueHeaders = Object.fromEntries(headers)
    event.multiValueQueryStringParameters = Object.fromEntries(query)
  } else {
    event.headers = lastValues(headers)
    event.queryStringParameters = lastValues(query)
  }
  return event
}

/**
 * Native AWS inputs, shaped like the captured events in shared/fixtures/aws (apigw-http/dotnet-captured-put-json-body,
 * apigw-rest/aws-lambda-go-apigw-request, sqs/lambda-dev-guide-standard-batch), with the values each case reads.
 */
import type {
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  Context as LambdaContext,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda'
import type { Order, QueueOrder } from '../work.js'

/** One Lambda context, as the runtime passes it (built once: the runtime's own cost is not ours). */
export const lambdaContext: LambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  logGroupName: '/aws/lambda/bench',
  logStreamName: '2026/11/24/[$LATEST]6a3f0e1d2c4b4f1e9d8c7b6a5f4e3d2c',
  getRemainingTimeInMillis: () => 29_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
}

const v2Headers = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-GB,en;q=0.9',
  host: 'uo9pe23ec6.execute-api.us-east-1.amazonaws.com',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) bench/1.0',
  'x-amzn-trace-id': 'Root=1-5e7ae61f-bb13a2d967a67dd51b8aca50',
  'x-forwarded-for': '192.182.149.40',
  'x-forwarded-port': '443',
  'x-forwarded-proto': 'https',
}

function v2Context(method: string, path: string): APIGatewayProxyEventV2['requestContext'] {
  return {
    accountId: '626492997873',
    apiId: 'uo9pe23ec6',
    domainName: 'uo9pe23ec6.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'uo9pe23ec6',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.182.149.40', userAgent: v2Headers['user-agent'] },
    requestId: 'J7jk9g-7oAMEJGw=',
    routeKey: '$default',
    stage: '$default',
    time: '25/Mar/2020:05:03:27 +0000',
    timeEpoch: 1585112607686,
  }
}

/** HTTP API 2.0 GET /hello?name=alice&limit=5. */
export const httpApiGet: APIGatewayProxyEventV2 = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/hello',
  rawQueryString: 'name=alice&limit=5',
  headers: { ...v2Headers },
  queryStringParameters: { name: 'alice', limit: '5' },
  requestContext: v2Context('GET', '/hello'),
  isBase64Encoded: false,
}

export const order: Order = {
  customer: 'c-42',
  items: [
    { sku: 'A-1', qty: 2, price: 9.99 },
    { sku: 'B-7', qty: 1, price: 24.5 },
    { sku: 'C-3', qty: 5, price: 1.25 },
  ],
}

/** HTTP API 2.0 POST /orders with a JSON body. */
export const httpApiPost: APIGatewayProxyEventV2 = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/orders',
  rawQueryString: '',
  headers: { ...v2Headers, 'content-type': 'application/json', 'content-length': String(JSON.stringify(order).length) },
  requestContext: v2Context('POST', '/orders'),
  body: JSON.stringify(order),
  isBase64Encoded: false,
}

const restHeaders: Record<string, string[]> = {
  Accept: ['application/json'],
  'Accept-Encoding': ['gzip, deflate'],
  'CloudFront-Forwarded-Proto': ['https'],
  'CloudFront-Is-Desktop-Viewer': ['true'],
  'CloudFront-Is-Mobile-Viewer': ['false'],
  'CloudFront-Viewer-Country': ['US'],
  Host: ['gy415nuibc.execute-api.us-east-1.amazonaws.com'],
  'User-Agent': ['PostmanRuntime/2.4.5'],
  Via: ['1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)', '1.1 proxy.example.net'],
  'X-Amz-Cf-Id': ['pn-PWIJc6thYnZm5P0NMgOUglL1DYtl0gdeJky8tqsg8iS_sgsKD1A=='],
  'X-Forwarded-For': ['54.240.196.186, 54.182.214.83'],
  'X-Forwarded-Port': ['443'],
  'X-Forwarded-Proto': ['https'],
}

/** REST API (payload 1.0) GET /items?tag=red&tag=blue with a repeated `Via` header. */
export const restGet: APIGatewayProxyEvent = {
  resource: '/items',
  path: '/items',
  httpMethod: 'GET',
  // API Gateway puts the last value of a repeated header in `headers` and all of them in `multiValueHeaders`.
  headers: Object.fromEntries(Object.entries(restHeaders).map(([k, v]) => [k, v[v.length - 1] as string])),
  multiValueHeaders: restHeaders,
  queryStringParameters: { tag: 'blue' },
  multiValueQueryStringParameters: { tag: ['red', 'blue'] },
  pathParameters: null,
  stageVariables: null,
  requestContext: {
    accountId: '12345678912',
    apiId: 'gy415nuibc',
    authorizer: null,
    domainName: 'gy415nuibc.execute-api.us-east-1.amazonaws.com',
    domainPrefix: 'gy415nuibc',
    extendedRequestId: 'TWegAcC4EowCHnA=',
    httpMethod: 'GET',
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
      sourceIp: '54.240.196.186',
      user: null,
      userAgent: 'PostmanRuntime/2.4.5',
      userArn: null,
    },
    path: '/prod/items',
    protocol: 'HTTP/1.1',
    requestId: 'deef4878-7910-11e6-8f14-25afc3e9ae33',
    requestTimeEpoch: 1583349317135,
    resourceId: 'roq9wj',
    resourcePath: '/items',
    stage: 'prod',
  },
  body: null,
  isBase64Encoded: false,
}

/**
 * Message `i` of a queue: every 100th (the 100th, 200th, …) is one the handler rejects, a 1% failure rate;
 * so a batch of 10 has none and measures the happy path, and a batch of 1,000 has 10.
 */
export function queueOrder(i: number): QueueOrder {
  return i % 100 === 99
    ? { id: i, customer: `c-${i % 37}`, amount: 12.5, fail: true }
    : { id: i, customer: `c-${i % 37}`, amount: 12.5 }
}

function sqsRecord(i: number): SQSRecord {
  const sent = 1545082649183 + i
  return {
    messageId: `059f36b4-87a3-44ab-83d2-${String(i).padStart(12, '0')}`,
    receiptHandle: `AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a${i}AQEBzWwaftRI0KuVm4tP+/7q1rGgNqicHq`,
    body: JSON.stringify(queueOrder(i)),
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(sent),
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: String(sent + 2),
    },
    messageAttributes: {},
    md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:orders',
    awsRegion: 'us-east-2',
  }
}

/** A standard-queue SQS batch of `n` messages. */
export function sqsBatch(n: number): SQSEvent {
  return { Records: Array.from({ length: n }, (_, i) => sqsRecord(i)) }
}

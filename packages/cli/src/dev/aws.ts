import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { HttpDeploy } from '@faasade/core'
import { isTextContentType } from '@faasade/core/adapter'
import { awsEntry } from '../aws/build.js'
import { bundle } from '../bundle.js'
import type { ModuleInfo } from '../discover.js'
import { readBody, writeResponse } from './io.js'
import { type Route, route } from './routes.js'
import type { DevTarget } from './server.js'

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>

/** A Lambda context as the Node runtime builds it (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html). */
export function lambdaContext(functionName: string, requestId: string, timeoutMs = 30_000): Record<string, unknown> {
  const deadline = Date.now() + timeoutMs
  return {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `faasade-dev/${process.pid}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  }
}

/** An HTTP API payload 2.0 event for a real request (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html). */
export function httpApiEvent(
  r: Route,
  params: Record<string, string>,
  req: IncomingMessage,
  body: Buffer,
): Record<string, unknown> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const method = req.method ?? 'GET'
  const headers: Record<string, string> = {}
  const cookies: string[] = []
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase()
    const value = raw[i + 1] as string
    // HTTP API moves the Cookie header into cookies[] and joins repeated headers with commas.
    if (name === 'cookie') cookies.push(...value.split(/;\s*/).filter(Boolean))
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`
  }
  const query: Record<string, string> = {}
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`
  const host = headers.host ?? 'localhost'
  const routeKey = `${r.methods ? method : 'ANY'} ${r.template}`
  const text = body.length === 0 || isTextContentType(headers['content-type'] ?? 'text/plain')
  const now = new Date()
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'faasadedev',
      domainName: host,
      domainPrefix: host.split('.')[0],
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !text,
  }
}

/** Writes a payload 2.0 result as HTTP API would (a result without statusCode is JSON with 200). */
function sendResult(result: unknown, res: ServerResponse): void {
  const r = result as {
    statusCode?: number
    headers?: Record<string, string>
    cookies?: string[]
    body?: string
    isBase64Encoded?: boolean
  } | null
  if (!r || typeof r !== 'object' || typeof r.statusCode !== 'number') {
    writeResponse(res, 200, { 'content-type': 'application/json' }, [], Buffer.from(JSON.stringify(result ?? null)))
    return
  }
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8')
  writeResponse(res, r.statusCode, r.headers ?? {}, r.cookies ?? [], body)
}

/** What the Invoke API answers: 200 with the result, or 200 + X-Amz-Function-Error and the runtime's error JSON. */
async function invokeDirect(handler: LambdaHandler, name: string, body: Buffer, res: ServerResponse): Promise<void> {
  let payload: unknown
  try {
    payload = body.length ? JSON.parse(body.toString('utf8')) : {}
  } catch {
    writeResponse(
      res,
      400,
      { 'content-type': 'application/json' },
      [],
      Buffer.from('{"Type":"User","message":"Could not parse request body into json"}'),
    )
    return
  }
  try {
    const result = await handler(payload, lambdaContext(name, randomUUID()))
    writeResponse(res, 200, { 'content-type': 'application/json' }, [], Buffer.from(JSON.stringify(result ?? null)))
  } catch (error) {
    writeResponse(
      res,
      200,
      { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' },
      [],
      Buffer.from(JSON.stringify(lambdaError(error))),
    )
  }
}

/** The JSON the Lambda runtime reports for a failed invocation (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html). */
export function lambdaError(e: unknown): { errorType: string; errorMessage: string; trace: string[] } {
  return e instanceof Error
    ? { errorType: e.name, errorMessage: e.message, trace: (e.stack ?? '').split('\n') }
    : { errorType: typeof e, errorMessage: String(e), trace: [] }
}

/** Bundles the AWS entry, imports it, and serves HTTP through HTTP API 2.0 events. */
export async function loadAws(mod: ModuleInfo, dir: string): Promise<DevTarget> {
  const file = join(dir, 'index.mjs')
  await bundle({ entry: awsEntry(mod), resolveDir: mod.project, outfile: file, projectDirs: [mod.project] })
  const handlers = (await import(pathToFileURL(file).href)) as Record<string, LambdaHandler>
  const direct = new Set(mod.functions.filter((f) => f.kind === 'invoke').map((f) => f.name))
  const routes = mod.functions
    .filter((f) => f.kind === 'http' || f.kind === 'invoke')
    .map((f) => {
      // On AWS an invoke function is called directly, so dev serves it at the Lambda Invoke API's path
      // (`aws lambda invoke --endpoint-url http://127.0.0.1:3000 --function-name sum out.json` works).
      if (f.kind === 'invoke') return route(f.name, `/2015-03-31/functions/${f.name}/invocations`, ['POST'])
      const deploy = f.fn.options.deploy as HttpDeploy | undefined
      return route(f.name, deploy?.route ?? f.name, deploy?.methods)
    })
  return {
    routes,
    async serve(r, params, req, res) {
      const body = await readBody(req)
      const handler = handlers[r.name] as LambdaHandler
      if (direct.has(r.name)) return invokeDirect(handler, r.name, body, res)
      const event = httpApiEvent(r, params, req, body)
      try {
        sendResult(await handler(event, lambdaContext(r.name, randomUUID())), res)
      } catch (error) {
        // What API Gateway answers when the function fails.
        process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
        writeResponse(
          res,
          502,
          { 'content-type': 'application/json' },
          [],
          Buffer.from('{"message":"Internal Server Error"}'),
        )
      }
    },
    async close() {},
  }
}

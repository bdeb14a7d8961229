/** AWS HTTP API 2.0 GET: query + headers → JSON. */
import middy from '@middy/core'
import httpErrorHandler from '@middy/http-error-handler'
import httpJsonBodyParser from '@middy/http-json-body-parser'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'
import type { IncomingMessage, ServerResponse } from 'node:http'
import serverless from 'serverless-http'
import type { Case } from '../case.js'
import { faasadeGet } from '../functions.js'
import { httpApiGet } from '../inputs/aws.js'
import { readLambdaHttp } from '../outcome.js'
import { greet } from '../work.js'
import { type LambdaHandler, faasadeLambda, jsonResult, lambdaVariant, logError, problemResult } from './_lambda.js'

/** The floor: what a careful person writes by hand for HTTP API 2.0. */
export const rawGet = async (event: APIGatewayProxyEventV2) => {
  try {
    const q = event.queryStringParameters
    const h = event.headers
    return jsonResult(greet(q?.name, q?.limit, h['user-agent'], h['accept-language']))
  } catch (error) {
    logError('Unhandled error in handler', error, event.requestContext.requestId)
    return problemResult(500, 'Internal Server Error')
  }
}

const honoApp = new Hono().get('/hello', (c) =>
  c.json(greet(c.req.query('name'), c.req.query('limit'), c.req.header('user-agent'), c.req.header('accept-language'))),
)

const middyGet = () =>
  middy(async (event: APIGatewayProxyEventV2) => {
    const q = event.queryStringParameters
    return jsonResult(greet(q?.name, q?.limit, event.headers['user-agent'], event.headers['accept-language']))
  })
    // A GET has no body: without this flag the parser answers 415.
    .use(httpJsonBodyParser({ disableContentTypeError: true }))
    .use(httpErrorHandler())

function listener(req: IncomingMessage, res: ServerResponse): void {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams
  const body = greet(
    query.get('name'),
    query.get('limit'),
    req.headers['user-agent'],
    req.headers['accept-language'] as string,
  )
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const event = () => httpApiGet

export const awsHttpGet: Case = {
  id: 'aws-http-get',
  title: 'AWS HTTP API 2.0 GET (query + headers → JSON)',
  target: { kind: 'ratio', max: 2.5 },
  read: readLambdaHttp,
  variants: [
    lambdaVariant('raw', 'floor', () => rawGet, event),
    lambdaVariant('faasade', 'faasade', () => faasadeLambda(faasadeGet), event),
    lambdaVariant('hono', 'peer', () => handle(honoApp) as LambdaHandler, event),
    lambdaVariant('middy', 'peer', () => middyGet() as unknown as LambdaHandler, event),
    lambdaVariant('serverless-http', 'peer', () => serverless(listener) as LambdaHandler, event),
  ],
}

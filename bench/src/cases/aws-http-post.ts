/** AWS HTTP API 2.0 POST JSON: parse the body → JSON. */
import middy from '@middy/core'
import httpErrorHandler from '@middy/http-error-handler'
import httpJsonBodyParser from '@middy/http-json-body-parser'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'
import type { IncomingMessage, ServerResponse } from 'node:http'
import serverless from 'serverless-http'
import type { Case } from '../case.js'
import { faasadePost } from '../functions.js'
import { httpApiPost } from '../inputs/aws.js'
import { readLambdaHttp } from '../outcome.js'
import { type Order, summarize } from '../work.js'
import { type LambdaHandler, faasadeLambda, jsonResult, lambdaVariant, logError, problemResult } from './_lambda.js'

/** The floor: decode (base64 when flagged), parse with a 400 for malformed JSON, answer JSON, 500 on a bug. */
export const rawPost = async (event: APIGatewayProxyEventV2) => {
  try {
    const raw = event.body ?? ''
    const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw
    let order: Order
    try {
      order = JSON.parse(text) as Order
    } catch {
      return problemResult(400, 'Malformed JSON')
    }
    return jsonResult(summarize(order))
  } catch (error) {
    logError('Unhandled error in handler', error, event.requestContext.requestId)
    return problemResult(500, 'Internal Server Error')
  }
}

const honoApp = new Hono().post('/orders', async (c) => c.json(summarize(await c.req.json<Order>())))

const middyPost = () =>
  // The JSON body parser has replaced the body string with the parsed value.
  middy(async (event: APIGatewayProxyEventV2) => jsonResult(summarize(event.body as unknown as Order)))
    .use(httpJsonBodyParser({ disableContentTypeError: true }))
    .use(httpErrorHandler())

async function listener(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  let order: Order
  try {
    order = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Order
  } catch {
    res.writeHead(400, { 'content-type': 'application/problem+json' })
    res.end(JSON.stringify({ type: 'about:blank', title: 'Malformed JSON', status: 400 }))
    return
  }
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(summarize(order)))
}

// A fresh shallow copy each call, for every variant alike: middy's parser replaces `event.body` in place.
const event = () => ({ ...httpApiPost })

export const awsHttpPost: Case = {
  id: 'aws-http-post',
  title: 'AWS HTTP API 2.0 POST JSON (parse body → JSON)',
  target: { kind: 'ratio', max: 1.5 },
  read: readLambdaHttp,
  variants: [
    lambdaVariant('raw', 'floor', () => rawPost, event),
    lambdaVariant('faasade', 'faasade', () => faasadeLambda(faasadePost), event),
    lambdaVariant('hono', 'peer', () => handle(honoApp) as LambdaHandler, event),
    lambdaVariant('middy', 'peer', () => middyPost() as unknown as LambdaHandler, event),
    lambdaVariant('serverless-http', 'peer', () => serverless(listener) as LambdaHandler, event),
  ],
}

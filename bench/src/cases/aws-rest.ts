/** AWS REST API (payload 1.0) with multi-value headers and query: repeated values in, two Set-Cookie out. */
import { http, json } from '@faasade/core'
import middy from '@middy/core'
import httpErrorHandler from '@middy/http-error-handler'
import httpJsonBodyParser from '@middy/http-json-body-parser'
import type { APIGatewayProxyEvent } from 'aws-lambda'
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'
import type { IncomingMessage, ServerResponse } from 'node:http'
import serverless from 'serverless-http'
import type { Case, Outcome } from '../case.js'
import { restGet } from '../inputs/aws.js'
import { readLambdaHttp } from '../outcome.js'
import { COOKIES, tagged } from '../work.js'
import { type LambdaHandler, faasadeLambda, lambdaVariant, logError, problemResult } from './_lambda.js'

/** Every value of a header; REST API keeps the client's casing, so the lookup ignores case. */
function headerValues(event: APIGatewayProxyEvent, name: string): string[] | undefined {
  const all = event.multiValueHeaders
  for (const key in all) if (key.length === name.length && key.toLowerCase() === name) return all[key]
  const one = event.headers
  for (const key in one) if (key.length === name.length && key.toLowerCase() === name) return [one[key] as string]
  return undefined
}

const restResult = (body: unknown) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  multiValueHeaders: { 'set-cookie': [...COOKIES] },
  body: JSON.stringify(body),
})

/** The floor: multi-value query and headers read by hand, cookies answered in `multiValueHeaders`. */
export const rawRest = async (event: APIGatewayProxyEvent) => {
  try {
    const tags = event.multiValueQueryStringParameters?.tag ?? []
    const agent = headerValues(event, 'user-agent')?.join(', ')
    const via = headerValues(event, 'via')?.join(', ')
    return restResult(tagged(tags, agent, via))
  } catch (error) {
    logError('Unhandled error in handler', error, event.requestContext.requestId)
    return problemResult(500, 'Internal Server Error')
  }
}

export const faasadeRest = http(async (req) =>
  json(tagged(req.query.getAll('tag'), req.headers.get('user-agent'), req.headers.get('via')), {
    cookies: [...COOKIES],
  }),
)

const honoApp = new Hono().get('/items', (c) => {
  for (const cookie of COOKIES) c.header('set-cookie', cookie, { append: true })
  return c.json(tagged(c.req.queries('tag') ?? [], c.req.header('user-agent'), c.req.header('via')))
})

const middyRest = () =>
  middy(async (event: APIGatewayProxyEvent) =>
    restResult(
      tagged(
        event.multiValueQueryStringParameters?.tag ?? [],
        headerValues(event, 'user-agent')?.join(', '),
        headerValues(event, 'via')?.join(', '),
      ),
    ),
  )
    .use(httpJsonBodyParser({ disableContentTypeError: true }))
    .use(httpErrorHandler())

function listener(req: IncomingMessage, res: ServerResponse): void {
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams
  const body = tagged(query.getAll('tag'), req.headers['user-agent'], req.headers.via)
  res.setHeader('set-cookie', [...COOKIES])
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const event = () => restGet

export const awsRest: Case = {
  id: 'aws-rest-v1',
  title: 'AWS REST API v1 (multi-value query + headers → JSON + 2 cookies)',
  read: readLambdaHttp,
  variants: [
    lambdaVariant('raw', 'floor', () => rawRest, event),
    lambdaVariant('faasade', 'faasade', () => faasadeLambda(faasadeRest), event),
    lambdaVariant('hono', 'peer', () => handle(honoApp) as LambdaHandler, event),
    lambdaVariant('middy', 'peer', () => middyRest() as unknown as LambdaHandler, event),
    {
      ...lambdaVariant('serverless-http', 'peer', () => serverless(listener) as LambdaHandler, event),
      deviation: {
        reason:
          'serverless-http 4.0.0 keeps only the last value of a repeated header (lib/provider/aws/create-request.js: `headers` overwrites `multiValueHeaders`)',
        outcome: (floor) => {
          const f = floor as Extract<Outcome, { body: unknown }>
          return { ...f, body: { ...(f.body as object), via: restGet.headers.Via } }
        },
      },
    },
  ],
}

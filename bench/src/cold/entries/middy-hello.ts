// A hello function on middy with its JSON body parser and error handler.
import middy from '@middy/core'
import httpErrorHandler from '@middy/http-error-handler'
import httpJsonBodyParser from '@middy/http-json-body-parser'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'

export const handler = middy(async (event: APIGatewayProxyEventV2) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ hello: event.queryStringParameters?.name ?? 'world' }),
}))
  .use(httpJsonBodyParser({ disableContentTypeError: true }))
  .use(httpErrorHandler())

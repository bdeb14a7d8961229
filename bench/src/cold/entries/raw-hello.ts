// The floor: a hand-written HTTP API handler, nothing imported.
import type { APIGatewayProxyEventV2 } from 'aws-lambda'

export const handler = async (event: APIGatewayProxyEventV2) => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ hello: event.queryStringParameters?.name ?? 'world' }),
})

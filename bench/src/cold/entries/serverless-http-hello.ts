// A hello function: a plain node:http listener behind serverless-http.
import type { IncomingMessage, ServerResponse } from 'node:http'
import serverless from 'serverless-http'

export const handler = serverless((req: IncomingMessage, res: ServerResponse) => {
  const name = new URL(req.url ?? '/', 'http://localhost').searchParams.get('name')
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ hello: name ?? 'world' }))
})

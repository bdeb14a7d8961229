// A hello function on Hono's AWS Lambda adapter.
import { Hono } from 'hono'
import { handle } from 'hono/aws-lambda'

const app = new Hono().get('/hello', (c) => c.json({ hello: c.req.query('name') ?? 'world' }))
export const handler = handle(app)

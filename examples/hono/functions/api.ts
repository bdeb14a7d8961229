import { fromFetch } from '@faasade/core'
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'

/** A plain Hono app: nothing in it knows which cloud runs it. */
export const app = new Hono()
  .get('/users/:id', (c) =>
    c.json({ id: c.req.param('id'), tags: c.req.queries('tag') ?? [], ua: c.req.header('user-agent') ?? null }),
  )
  .post('/orders', async (c) => {
    const order = await c.req.json<{ sku: string; qty: number }>()
    setCookie(c, 'last-order', order.sku, { path: '/', httpOnly: true })
    setCookie(c, 'visits', String(Number(getCookie(c, 'visits') ?? '0') + 1), { path: '/' })
    return c.json({ accepted: order, session: getCookie(c, 'session') ?? null }, 201)
  })
  .get('/logo.png', (c) =>
    c.body(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]), 200, { 'content-type': 'image/png' }),
  )
  .get('/teapot', () => {
    throw new HTTPException(418, { message: 'short and stout' })
  })
  .get('/boom', () => {
    throw new Error('database password leaked in this message')
  })
  .onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse()
    return c.json({ error: 'internal' }, 500)
  })

/** The same app as a faasade function: `lambda(api)`, `register('api', api)` on GCP and Azure. */
export const api = fromFetch(app)

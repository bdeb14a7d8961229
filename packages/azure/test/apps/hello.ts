// A user's app entry, as `faasade build --target azure` bundles it: the functions and their registrations.
import { http, json, messages } from '@faasade/core'
import { register } from '@faasade/azure'

export const hello = http(async (req, ctx) => json({ hello: req.query.get('name') ?? 'world', via: ctx.provider }))
register('hello', hello, { route: 'hello', methods: ['GET'] })

export const orders = messages(async (m, ctx) => {
  ctx.log.info('order received', { id: m.id })
  if (m.text() === 'boom') throw new Error('boom')
})
register('orders', orders, { queueName: 'orders' })

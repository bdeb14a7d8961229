import { http, json, messages, notFound, objects, schedule } from '@faasade/core'
import { z } from 'zod'

// Written once: each export is one function on AWS Lambda, Google Cloud Functions and Azure Functions.
// `deploy` says where each cloud wires it; `faasade build` reads it.

const Order = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().positive(),
  email: z.email(),
})

/** Demo storage: one instance's memory (use a database in a real app). */
const orders = new Map<string, z.infer<typeof Order> & { id: string; status: 'pending' | 'fulfilled' }>()

/** POST /orders: validates the body, stores the order, answers 201 with its id. */
export const createOrder = http({
  body: Order,
  deploy: { route: 'orders', methods: ['POST'], public: true },
  handler: async (req, ctx) => {
    const id = `ord_${ctx.requestId.replace(/[^A-Za-z0-9]/g, '').slice(-12)}`
    orders.set(id, { ...req.body, id, status: 'pending' })
    ctx.log.info('order created', { id, sku: req.body.sku })
    return json({ id, status: 'pending', via: ctx.provider }, { status: 201, headers: { location: `/orders/${id}` } })
  },
})

/** GET /orders/{id}: 404 problem+json when unknown. */
export const getOrder = http({
  params: z.object({ id: z.string().regex(/^ord_[A-Za-z0-9]+$/) }),
  deploy: { route: 'orders/{id}', methods: ['GET'], public: true },
  handler: async (req) => {
    const order = orders.get(req.params.id)
    if (!order) throw notFound(`No order ${req.params.id}.`)
    return json(order)
  },
})

/** Consumes the fulfilment queue; a throw fails only that message, which is retried and finally dead-lettered. */
export const fulfilOrder = messages({
  data: z.object({ orderId: z.string(), warehouse: z.string().default('main') }),
  deploy: {
    aws: { queue: 'orders-fulfilment', batchSize: 10 },
    gcp: { topic: 'orders-fulfilment' },
    azure: { queue: 'orders-fulfilment' },
  },
  handler: async (message, ctx) => {
    const { orderId, warehouse } = message.data
    if (orderId === 'poison') throw new Error(`Order ${orderId} cannot be fulfilled`)
    const order = orders.get(orderId)
    if (order) order.status = 'fulfilled'
    ctx.log.info('order fulfilled', { orderId, warehouse, attempt: message.attempt })
  },
})

/** Runs when a receipt PDF lands in the receipts bucket (S3, Cloud Storage, Blob Storage). */
export const receiptUploaded = objects({
  deploy: { bucket: 'orders-receipts', on: ['created'] },
  handler: async (event, ctx) => {
    if (!event.key.endsWith('.pdf')) {
      ctx.log.warn('ignored a non-PDF receipt', { key: event.key })
      return
    }
    ctx.log.info('receipt stored', { bucket: event.bucket, key: event.key, size: event.size })
  },
})

/** Every night at 02:00 UTC: reports how many orders are still pending. */
export const nightlyReport = schedule({
  deploy: { cron: '0 2 * * *' },
  handler: async (event, ctx) => {
    const pending = [...orders.values()].filter((o) => o.status === 'pending').length
    ctx.log.info('nightly report', {
      pending,
      scheduledAt: event.scheduledAt.toISOString(),
      isPastDue: event.isPastDue,
    })
  },
})

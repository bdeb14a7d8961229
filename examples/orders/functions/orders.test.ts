import { invokeLocal } from '@faasade/core/testing'
import { describe, expect, it } from 'vitest'
import { createOrder, fulfilOrder, getOrder } from './orders.js'

// The functions themselves, in-process; packages/cli/test/examples.test.ts runs the built artifacts on each cloud.
describe('orders', () => {
  it('creates an order and reads it back', async () => {
    const created = await invokeLocal(createOrder, {
      method: 'POST',
      path: '/orders',
      body: { sku: 'tea-1', quantity: 1, email: 'ada@example.com' },
    })
    expect(created.status).toBe(201)
    const { id } = created.json<{ id: string }>()
    const got = await invokeLocal(getOrder, { path: `/orders/${id}`, params: { id } })
    expect(got.json()).toMatchObject({ id, sku: 'tea-1', status: 'pending' })
  })

  it('rejects an invalid order with a 400 listing each field', async () => {
    const res = await invokeLocal(createOrder, {
      method: 'POST',
      path: '/orders',
      body: { sku: '', quantity: 0, email: 'x' },
    })
    expect(res.status).toBe(400)
    expect(res.text()).toMatch(/sku[\s\S]*quantity[\s\S]*email/)
  })

  it('fails only the poison message of a batch', async () => {
    const { failed } = await invokeLocal(fulfilOrder, [
      { id: 'a', body: { orderId: 'ord_1' } },
      { id: 'b', body: { orderId: 'poison' } },
    ])
    expect(failed).toEqual(['b'])
  })
})

/**
 * The user's work, shared by every variant of a case (raw floor, faasade, peers), so a case measures only
 * what each library adds around the same code.
 */

export interface Greeting {
  hello: string
  limit: number
  agent: string | null
  language: string | null
}

/** GET: two query parameters and two headers in, a small JSON object out. */
export function greet(
  name: string | null | undefined,
  limit: string | null | undefined,
  agent: string | null | undefined,
  language: string | null | undefined,
): Greeting {
  return {
    hello: name ?? 'world',
    limit: limit == null ? 10 : Number(limit),
    agent: agent ?? null,
    language: language ?? null,
  }
}

export interface Order {
  customer: string
  items: { sku: string; qty: number; price: number }[]
}

export interface OrderSummary {
  customer: string
  count: number
  total: number
}

/** POST JSON: the parsed order in, a summary out. */
export function summarize(order: Order): OrderSummary {
  let total = 0
  for (const item of order.items) total += item.qty * item.price
  return { customer: order.customer, count: order.items.length, total: Math.round(total * 100) / 100 }
}

/** REST v1: every `tag` query value, the user agent and the combined `Via` header in; JSON and two cookies out. */
export function tagged(tags: string[], agent: string | null | undefined, via: string | null | undefined) {
  return { tags, agent: agent ?? null, via: via ?? null }
}

export const COOKIES = ['session=s3cr3t; Path=/; HttpOnly; Secure', 'theme=dark; Path=/'] as const

export interface QueueOrder {
  id: number
  customer: string
  amount: number
  fail?: boolean
}

let processed = 0

/** SQS: one message's work; a message flagged `fail` throws, so the batch reports it failed. */
export async function processOrder(order: QueueOrder): Promise<void> {
  if (order.fail) throw new Error(`order ${order.id} was rejected`)
  processed += order.amount > 0 ? 1 : 0
}

/** How many orders were processed (keeps the work observable, so nothing is optimized away). */
export function processedCount(): number {
  return processed
}

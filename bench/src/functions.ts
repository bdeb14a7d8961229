/**
 * The faasade functions of the HTTP cases, written once: the AWS, Azure and GCP cases serve these same two
 * through each cloud's adapter, as a user's function would be.
 */
import { http, json } from '@faasade/core'
import { type Order, greet, summarize } from './work.js'

// `async`, as DESIGN.md's hello and the floors are: the same frames on both sides.
export const faasadeGet = http(async (req) =>
  json(
    greet(
      req.query.get('name'),
      req.query.get('limit'),
      req.headers.get('user-agent'),
      req.headers.get('accept-language'),
    ),
  ),
)

export const faasadePost = http(async (req) => json(summarize(await req.json<Order>())))

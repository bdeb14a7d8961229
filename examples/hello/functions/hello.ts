import { http, json } from '@faasade/core'

/** Written once; served unchanged by AWS Lambda, Google Cloud Functions and Azure Functions. */
export const hello = http(async (req, ctx) => json({ hello: req.query.get('name') ?? 'world', via: ctx.provider }))

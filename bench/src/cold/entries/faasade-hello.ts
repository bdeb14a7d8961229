// A hello function on faasade: core + aws, as a user's Lambda entry bundles it.
import { lambda } from '@faasade/aws'
import { http, json } from '@faasade/core'

export const handler = lambda(http((req) => json({ hello: req.query.get('name') ?? 'world' })))

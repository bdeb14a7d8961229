// A hello function on faasade: core + the AWS http entry, as `faasade build` bundles it for Lambda.
import { lambda } from '@faasade/aws/http'
import { http, json } from '@faasade/core'

export const handler = lambda(http((req) => json({ hello: req.query.get('name') ?? 'world' })))

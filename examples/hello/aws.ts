// AWS Lambda entry: handler "index.handler" once bundled.
import { lambda } from '@faasade/aws'
import { hello } from './functions/hello.js'

export const handler = lambda(hello)

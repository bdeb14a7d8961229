/** Every case, in report order. */
import type { Case } from '../case.js'
import { awsHttpGet } from './aws-http-get.js'
import { awsHttpPost } from './aws-http-post.js'
import { awsRest } from './aws-rest.js'
import { awsSqs10, awsSqs1000 } from './aws-sqs.js'
import { azureHttpGet, azureHttpPost } from './azure-http.js'
import { gcpHttpGet, gcpHttpPost } from './gcp-http.js'

export const cases: Case[] = [
  awsHttpGet,
  awsHttpPost,
  awsRest,
  awsSqs10,
  awsSqs1000,
  azureHttpGet,
  azureHttpPost,
  gcpHttpGet,
  gcpHttpPost,
]

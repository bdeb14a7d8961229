/**
 * Native Azure inputs: the library's own `HttpRequest` and `InvocationContext`, as the v4 worker builds them
 * from the host's RPC message (shared/fixtures/azure/http/library-rpc-http-init.json).
 */
import azure from '@azure/functions'
import type { HttpRequest, InvocationContext } from '@azure/functions'
import { order } from './aws.js'

// @azure/functions is CommonJS whose named exports Node's ESM loader cannot see: default import, then destructure.
const { HttpRequest: AzureHttpRequest, InvocationContext: AzureInvocationContext } = azure

const headers = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'en-GB,en;q=0.9',
  host: 'bench.azurewebsites.net',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) bench/1.0',
  'x-forwarded-for': '192.182.149.40:53412',
  'x-forwarded-proto': 'https',
  'x-arr-log-id': 'e3c7c1d6-3a87-4c53-a0c4-5bd0f5b3d0a1',
  'x-site-deployment-id': 'bench',
  'was-default-hostname': 'bench.azurewebsites.net',
}

/**
 * GET /api/hello?name=alice&limit=5, a new request per invocation as the worker builds one. The library computes
 * `request.query` in its constructor: with one request reused, the floor's query parsing would fall outside the
 * timed call while faasade's (from the URL) falls inside it.
 */
export function azureGet(): HttpRequest {
  return new AzureHttpRequest({
    method: 'GET',
    url: 'https://bench.azurewebsites.net/api/hello?name=alice&limit=5',
    headers,
    query: { name: 'alice', limit: '5' },
    params: {},
  })
}

const orderText = JSON.stringify(order)

/** POST /api/orders with a JSON body; the body stream is single-use, so each invocation gets a new request. */
export function azurePost(): HttpRequest {
  return new AzureHttpRequest({
    method: 'POST',
    url: 'https://bench.azurewebsites.net/api/orders',
    headers: { ...headers, 'content-type': 'application/json', 'content-length': String(orderText.length) },
    body: { string: orderText },
    params: {},
  })
}

/** One invocation context (built once: the worker's cost is the same for every variant). */
export const azureContext: InvocationContext = new AzureInvocationContext({
  invocationId: '9a4bd6a0-2c52-4bd6-9bd4-1f6d33f6a9a1',
  functionName: 'hello',
  logHandler: () => {},
  traceContext: {
    traceParent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    traceState: '',
    attributes: {},
  },
  options: { trigger: { type: 'httpTrigger', name: 'httpTrigger1' } },
})

// The main job: one function file, invoked through all three adapters, each the way its cloud would.
import type { AddressInfo } from 'node:net'
import { apiGatewayV1, apiGatewayV2, alb, functionUrl, invokeLambda, lambdaContext } from '@faasade/aws/testing'
import { createWorkerHarness, rpcHttp } from '@faasade/azure/testing'
import { getTestServer } from '@google-cloud/functions-framework/testing'

const show = (title: string, value: unknown) => console.log(`\n── ${title}\n${JSON.stringify(value, null, 2)}`)

// AWS: the handler Lambda would load, given the events each front door sends; printed is what Lambda sends back.
const { handler } = await import('./aws.js')
const context = lambdaContext({ functionName: 'hello' })
show(
  'AWS · API Gateway HTTP API (payload 2.0)',
  await invokeLambda(handler, apiGatewayV2({ path: '/hello', query: 'name=Ada' }), context),
)
show(
  'AWS · API Gateway REST API (v1)',
  await invokeLambda(handler, apiGatewayV1({ path: '/hello', query: 'name=Grace' }), context),
)
show('AWS · Function URL', await invokeLambda(handler, functionUrl({ path: '/hello' }), context))
show(
  'AWS · ALB (multi-value headers)',
  await invokeLambda(handler, alb({ path: '/hello', query: 'name=Linus', multiValue: true }), context),
)

// GCP: registered with functions.http and served by the real Functions Framework on a loopback port.
await import('./gcp.js')
const server = getTestServer('hello')
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?name=Barbara`)
show('GCP · Functions Framework (functions.http)', {
  status: res.status,
  contentType: res.headers.get('content-type'),
  body: await res.json(),
})
await new Promise((resolve) => server.close(resolve))

// Azure: app.http registration captured and invoked through @azure/functions' own invocation model, as the worker does.
const worker = createWorkerHarness()
await import('./azure.js')
const registration = worker.registrations.get('hello')
const result = await worker.invoke('hello', { data: rpcHttp({ url: 'http://localhost:7071/api/hello?name=Margaret' }) })
show('Azure · @azure/functions v4 (app.http)', {
  trigger: registration?.trigger,
  status: result.http?.status,
  headers: result.http?.headers,
  body: result.http?.json(),
})
await worker.dispose()

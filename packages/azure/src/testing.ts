/**
 * Test faasade functions the way Azure runs them: builders of native inputs (`azureHttp`, `queueMessage`…) for
 * calling a handler directly, and a stand-in for the Azure Node worker that captures `app.*` registrations and
 * invokes them through `@azure/functions`' own invocation model with host-shaped (gRPC) data.
 * @example
 * const worker = createWorkerHarness()
 * register('hello', hello, { route: 'hello' })
 * const res = await worker.invoke('hello', { data: rpcHttp({ url: 'http://localhost:7071/api/hello?name=Ada' }) })
 * expect(res.http?.json()).toEqual({ hello: 'Ada', via: 'azure' })
 * @module
 */
export { createWorkerHarness } from './testing/harness.js'
export type { WorkerHarness } from './testing/harness.js'
export type { RpcInvocation, WorkerResult, WorkerLog, HostHttpResponse, DeliveryResult } from './testing/_host.js'
export type { StreamedResponse } from './testing/http-stream.js'
export type { Registration, Binding, ProgrammingModel } from './testing/_stub.js'
export { loadEntryPoints, expandMain } from './testing/load-app.js'
export { rpcData, rpcMetadata, rpcHttp } from './testing/rpc.js'
export type { RpcTypedData, RpcHttp, RpcHttpInit } from './testing/rpc.js'
export { azureHttp, invocationContext } from './testing/inputs.js'
export { queueMessage, serviceBusMessage, eventHubEvent, eventHubBatch } from './testing/inputs-messages.js'
export { blob, timer, eventGridEvent, cloudEvent } from './testing/inputs-events.js'
export type { AzureHttpInit, InvocationContextInit, NativeInvocation, LogEntry } from './testing/inputs.js'

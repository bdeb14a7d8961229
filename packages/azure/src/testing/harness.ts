import { randomUUID } from 'node:crypto'
import type net from 'node:net'
import { type Hook, type Registration, type StubSink, installStub } from './_stub.js'
import { type StreamedResponse, captureServers, sendToProxy, streamMetadata } from './http-stream.js'
import { loadEntryPoints } from './load-app.js'
import {
  type DeliveryResult,
  REDELIVERY,
  type RpcInvocation,
  type WorkerLog,
  type WorkerResult,
  hostHttp,
} from './_host.js'
import { type RpcHttpInit, rpcHttp } from './rpc.js'

/** Emulates the Azure Node worker for an app in this process: captures registrations and invokes them. */
export interface WorkerHarness {
  /** Functions registered through `app.*`, by name. */
  readonly registrations: ReadonlyMap<string, Registration>
  /** System logs the library sent the worker (`coreApi.log`). */
  readonly systemLogs: WorkerLog[]
  /** Loads an app folder as the worker does: package.json `main` (a file or a glob), ESM or CJS; returns the files. */
  loadApp(dir: string): Promise<string[]>
  /**
   * The URL the host serves an HTTP function at: `/<routePrefix>/<route>` (the host's default prefix is `api`;
   * host.json `extensions.http.routePrefix` changes it), route `{parameters}` filled from `params`.
   */
  urlFor(name: string, params?: Record<string, string>, options?: { routePrefix?: string; origin?: string }): string
  /** Runs one invocation through the library's own invocation model, as the worker does. */
  invoke(name: string, invocation: RpcInvocation): Promise<WorkerResult>
  /**
   * Delivers a message the way the platform does: on failure, again with the delivery counter raised
   * (Storage Queue `DequeueCount` up to 5 then `<queue>-poison`; Service Bus `DeliveryCount` up to 10 then the
   * dead-letter queue; blobs 5 tries then `webjobs-blobtrigger-poison`); other triggers are not redelivered.
   */
  deliver(name: string, invocation: RpcInvocation, options?: { maxAttempts?: number }): Promise<DeliveryResult>
  /**
   * The worker's capabilities as the programming model reports them at startup; with
   * `app.setup({ enableHttpStream: true })` this starts the library's HTTP proxy (`HttpUri`).
   */
  capabilities(): Promise<Record<string, string>>
  /**
   * An HTTP invocation in stream mode, as the host runs it: the request goes to the library's proxy, the
   * invocation runs through the worker path, and the answer streams back (`onChunk` sees each chunk on arrival).
   * `response` is undefined when the invocation failed: in stream mode the host then never answers.
   */
  invokeStream(
    name: string,
    request: RpcHttpInit,
    options?: { onChunk?: (chunk: Uint8Array, index: number) => void },
  ): Promise<{ result: WorkerResult; response: StreamedResponse | undefined }>
  /** Stops capturing; servers the library opened for streaming are closed. */
  dispose(): Promise<void>
}

/**
 * A stand-in for the Azure Functions Node worker: `require('@azure/functions-core')` answers with a core API
 * that records `registerFunction`, `setProgrammingModel`, `registerHook` and `log`, and `invoke` drives the
 * library's `getInvocationModel` → `getArguments` → `invokeFunction` → `getResponse` with host-shaped data.
 * Create it before anything calls `app.*` (the library caches the core API on first use).
 */
export function createWorkerHarness(): WorkerHarness {
  const state = installStub()
  const registrations = new Map<string, Registration>()
  const hooks: Hook[] = []
  const systemLogs: WorkerLog[] = []
  const servers: net.Server[] = []
  let httpUri: string | undefined
  const sink: StubSink = {
    register(r) {
      // The worker refuses a second function of the same name (registerFunction.ts).
      if (registrations.has(r.name)) throw new Error(`A function with id "${r.name}" has already been registered.`)
      if (!state.model)
        throw new Error('faasade: @azure/functions registered a function before setting its programming model')
      registrations.set(r.name, { ...r, model: state.model })
    },
    hook: (h) => hooks.push(h),
    systemLog: (level, category, message) => systemLogs.push({ level, category, message }),
  }
  state.current = sink

  const runHooks = async (name: string, context: unknown) => {
    for (const h of hooks) if (h.name === name) await h.callback(context)
  }

  async function invoke(name: string, invocation: RpcInvocation): Promise<WorkerResult> {
    const reg = registrations.get(name)
    if (!reg) {
      throw new Error(
        `faasade: no function "${name}" was registered with this harness (have: ${[...registrations.keys()].join(', ') || 'none'}). ` +
          'Create the harness before the first app.* call: @azure/functions caches the core API it finds then.',
      )
    }
    const invocationId = invocation.invocationId ?? randomUUID()
    const logs: WorkerLog[] = []
    const coreCtx = {
      invocationId,
      metadata: reg.metadata,
      request: {
        invocationId,
        functionId: name,
        inputData: invocation.data ? [{ name: reg.trigger.name, data: invocation.data }] : [],
        triggerMetadata: invocation.triggerMetadata ?? {},
        retryContext: invocation.retryContext,
        traceContext: invocation.traceContext,
      },
      state: undefined as string | undefined,
      log: (level: string, category: string, message: string) => logs.push({ level, category, message }),
    }
    const model = reg.model.getInvocationModel(coreCtx)
    const { context, inputs } = await model.getArguments()
    const hookData = {}
    const pre = { hookData, appHookData: {}, invocationContext: context, functionCallback: reg.handler, inputs }
    coreCtx.state = 'preInvocationHooks'
    await runHooks('preInvocation', pre)
    coreCtx.state = 'invocation'
    let result: unknown
    let error: unknown
    try {
      result = await model.invokeFunction(context, pre.inputs, pre.functionCallback)
    } catch (e) {
      error = e ?? new Error('invocation failed')
    }
    coreCtx.state = 'postInvocationHooks'
    await runHooks('postInvocation', {
      hookData,
      appHookData: {},
      invocationContext: context,
      inputs: pre.inputs,
      result,
      error,
    })
    coreCtx.state = undefined
    const response = error ? undefined : await model.getResponse(context, result)
    const isHttp = reg.trigger.type.toLowerCase() === 'httptrigger'
    const out: WorkerResult = { invocationId, logs }
    if (response) out.response = response
    if (error) out.error = error
    if (isHttp) {
      const http = hostHttp(error, response)
      if (http) out.http = http
    }
    return out
  }

  async function deliver(name: string, invocation: RpcInvocation, options: { maxAttempts?: number } = {}) {
    const reg = registrations.get(name)
    const rule = reg ? REDELIVERY[reg.trigger.type.toLowerCase()] : undefined
    const max = rule ? (options.maxAttempts ?? rule.max) : 1
    const attempts: WorkerResult[] = []
    for (let attempt = 1; attempt <= max; attempt++) {
      const triggerMetadata = { ...invocation.triggerMetadata }
      if (rule?.counter) triggerMetadata[rule.counter] = { json: String(attempt) }
      const result = await invoke(name, { ...invocation, triggerMetadata, invocationId: undefined })
      attempts.push(result)
      if (!result.error) return { attempts, succeeded: true, deadLettered: undefined }
    }
    return { attempts, succeeded: false, deadLettered: rule && reg ? rule.deadLetter(reg) : undefined }
  }

  return {
    registrations,
    systemLogs,
    invoke,
    deliver,
    async loadApp(dir) {
      const files = await loadEntryPoints(dir)
      await runHooks('appStart', { hookData: {}, appHookData: {}, functionAppDirectory: dir })
      return files
    },
    urlFor(name, params = {}, options = {}) {
      const reg = registrations.get(name)
      if (reg?.trigger.type.toLowerCase() !== 'httptrigger')
        throw new Error(`faasade: "${name}" is not a registered HTTP function`)
      const route = String(reg.trigger.route ?? name).replace(/\{\*?(\w+)(?::[^}]*)?\??\}/g, (_, key: string) =>
        encodeURIComponent(params[key] ?? ''),
      )
      const prefix = (options.routePrefix ?? 'api').replace(/^\/+|\/+$/g, '')
      return `${options.origin ?? 'http://localhost:7071'}/${prefix ? `${prefix}/` : ''}${route.replace(/^\/+/, '')}`
    },
    async capabilities() {
      const model = state.model
      if (!model?.getCapabilities) return {}
      const caps = await captureServers(
        () => (model.getCapabilities as (c: object) => Promise<Record<string, string>>)({}),
        servers,
      )
      httpUri = caps.HttpUri
      return caps
    },
    async invokeStream(name, request, options = {}) {
      const uri = httpUri ?? (await this.capabilities()).HttpUri
      if (!uri)
        throw new Error(
          'faasade: HTTP streaming is off; call enableStreaming() (app.setup({ enableHttpStream: true })) first',
        )
      const invocationId = randomUUID()
      const sent = sendToProxy(uri, request, invocationId, options.onChunk)
      const result = await invoke(name, {
        invocationId,
        data: rpcHttp(request),
        triggerMetadata: streamMetadata(request),
      })
      if (result.error) {
        sent.abort()
        return { result, response: undefined }
      }
      return { result, response: await sent.response }
    },
    async dispose() {
      if (state.current === sink) state.current = undefined
      for (const s of servers) (s as { closeAllConnections?: () => void }).closeAllConnections?.()
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))))
    },
  }
}

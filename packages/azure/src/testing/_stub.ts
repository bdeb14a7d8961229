import Module from 'node:module'

/** The programming model `@azure/functions` hands the worker (`setProgrammingModel`). */
export interface ProgrammingModel {
  name: string
  version: string
  getInvocationModel(coreCtx: unknown): InvocationModel
  getCapabilities?(capabilities: Record<string, string>): Promise<Record<string, string>>
}

export interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>
  invokeFunction(context: unknown, inputs: unknown[], handler: (...args: unknown[]) => unknown): Promise<unknown>
  getResponse(
    context: unknown,
    result: unknown,
  ): Promise<{ invocationId: string; outputData?: unknown[]; returnValue?: unknown }>
}

/** A binding as registered: the library's own metadata for one input/output. */
export interface Binding extends Record<string, unknown> {
  name: string
  type: string
  direction: 'in' | 'out' | 'inout'
}

/** What the library passes to `registerFunction`, plus the callback and the model that registered it. */
export interface Registration {
  name: string
  metadata: { name: string; bindings: Record<string, Binding>; retryOptions?: unknown }
  /** The raw bindings the worker sends the host (`rawBindings`): each binding as JSON with its name. */
  rawBindings: string[]
  /** The trigger binding (the one whose type ends in "Trigger"). */
  trigger: Binding
  /** The `$return` binding, when the function has one (HTTP always does). */
  returnBinding: Binding | undefined
  handler: (...args: unknown[]) => unknown
  model: ProgrammingModel
}

export interface Hook {
  name: string
  callback: (context: unknown) => unknown
}

/** The side of a harness the stub talks to. */
export interface StubSink {
  register(registration: Omit<Registration, 'model'>): void
  hook(hook: Hook): void
  systemLog(level: string, category: string, message: string): void
}

interface StubState {
  current: StubSink | undefined
  model: ProgrammingModel | undefined
}

const KEY = Symbol.for('faasade.azure.functions-core-stub')
type Global = typeof globalThis & { [KEY]?: StubState }

/**
 * Installs, once per process, what the Azure Node worker installs before it loads an app: a proxy on
 * `Module.prototype.require` that answers `require('@azure/functions-core')` with the worker's core API
 * (setupCoreModule.ts). Every copy of `@azure/functions` asks for it lazily and caches the answer, so the
 * stub lives for the process and forwards to the harness that is current.
 * @see https://github.com/Azure/azure-functions-nodejs-worker/blob/v3.x/src/setupCoreModule.ts
 */
export function installStub(): StubState {
  const g = globalThis as Global
  if (g[KEY]) return g[KEY]
  const state: StubState = { current: undefined, model: undefined }
  const active = (): StubSink => {
    if (!state.current) throw new Error('faasade: no Azure worker harness is active (createWorkerHarness())')
    return state.current
  }
  const coreApi = {
    version: '3.10.1',
    hostVersion: '4.1037.0',
    setProgrammingModel(model: ProgrammingModel) {
      state.model = model
    },
    getProgrammingModel: () => state.model,
    registerFunction(metadata: Registration['metadata'], callback: Registration['handler']) {
      const bindings = Object.entries(metadata.bindings)
      const trigger = bindings.find(([, b]) => /trigger$/i.test(b.type))
      if (!trigger) throw new Error(`faasade: function "${metadata.name}" has no trigger binding`)
      active().register({
        name: metadata.name,
        metadata,
        rawBindings: bindings.map(([name, b]) => JSON.stringify({ ...b, name })),
        trigger: { ...trigger[1], name: trigger[0] },
        returnBinding: metadata.bindings.$return ? { ...metadata.bindings.$return, name: '$return' } : undefined,
        handler: callback,
      })
      return { dispose() {} }
    },
    registerHook(name: string, callback: Hook['callback']) {
      active().hook({ name, callback })
      return { dispose() {} }
    },
    log(level: string, category: string, message: string) {
      state.current?.systemLog(level, category, message)
    },
    Disposable: class {
      constructor(private readonly fn: () => void) {}
      dispose() {
        this.fn()
      }
    },
  }
  const original = Module.prototype.require
  Module.prototype.require = new Proxy(original, {
    apply(target, self, args: [string, ...unknown[]]) {
      return args[0] === '@azure/functions-core' ? coreApi : Reflect.apply(target, self, args)
    },
  })
  g[KEY] = state
  return state
}

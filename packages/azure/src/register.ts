import type {
  EventGridFunctionOptions,
  EventHubFunctionOptions,
  HttpFunctionOptions,
  ServiceBusQueueFunctionOptions,
  ServiceBusTopicFunctionOptions,
  StorageBlobFunctionOptions,
  StorageQueueFunctionOptions,
  TimerFunctionOptions,
} from '@azure/functions'
import type { FaasFunction, MessagesFunction, ObjectsFunction, ScheduleFunction } from '@faasade/core'
import { azure } from './_azure.js'
import type { AzureOptions } from './context.js'
import { type AzureHandler, handle } from './handle.js'

type Settings<T> = Partial<Omit<T, 'handler'>>

/** `app.http` options (route, methods, authLevel…); defaults from the function's `deploy`. */
export type HttpRegisterOptions = Settings<HttpFunctionOptions> & AzureOptions

/** Which trigger feeds a `messages` function, with that trigger's own `app.*` options. */
export type MessagesRegisterOptions = (
  | ({ type?: 'storageQueue' } & Settings<StorageQueueFunctionOptions>)
  | ({ type: 'serviceBusQueue' } & Settings<ServiceBusQueueFunctionOptions>)
  | ({ type?: 'serviceBusTopic' } & Settings<ServiceBusTopicFunctionOptions>)
  | ({ type?: 'eventHub' } & Settings<EventHubFunctionOptions>)
) &
  AzureOptions

/** A blob trigger (`app.storageBlob`, default) or Event Grid blob events (`type: 'eventGrid'`, created and deleted). */
export type ObjectsRegisterOptions = (
  | ({ type?: 'storageBlob' } & Settings<StorageBlobFunctionOptions>)
  | ({ type: 'eventGrid' } & Settings<EventGridFunctionOptions>)
) &
  AzureOptions

/** `app.timer` options; `schedule` is NCRONTAB (six fields, seconds first). */
export type TimerRegisterOptions = Settings<TimerFunctionOptions> & AzureOptions

/** `app.eventGrid` options. */
export type EventGridRegisterOptions = Settings<EventGridFunctionOptions> & AzureOptions

/** The options `register` takes for a function of kind `F`. */
export type RegisterOptions<F extends FaasFunction> = F extends { kind: 'http' | 'invoke' }
  ? HttpRegisterOptions
  : F extends { kind: 'messages' }
    ? MessagesRegisterOptions
    : F extends { kind: 'objects' }
      ? ObjectsRegisterOptions
      : F extends { kind: 'schedule' }
        ? TimerRegisterOptions
        : EventGridRegisterOptions

type Loose = Record<string, unknown> & { type?: string }

/** The storage connection the host uses when a binding names none. */
const STORAGE = 'AzureWebJobsStorage'

function missing(name: string, what: string): never {
  throw new Error(`faasade: register("${name}") cannot wire this function to Azure: ${what}`)
}

function defined(o: Record<string, unknown>): Record<string, unknown> {
  for (const k in o) if (o[k] === undefined) delete o[k]
  return o
}

function registerMessages(name: string, fn: MessagesFunction<any>, o: Loose, handler: AzureHandler): void {
  const d = fn.options.deploy?.azure as Record<string, string | undefined> | undefined
  const type =
    o.type ??
    (o.topicName ? 'serviceBusTopic' : o.eventHubName ? 'eventHub' : o.queueName ? 'storageQueue' : undefined) ??
    (d?.queue
      ? 'storageQueue'
      : d?.serviceBusQueue
        ? 'serviceBusQueue'
        : d?.topic
          ? 'serviceBusTopic'
          : d?.eventHub
            ? 'eventHub'
            : undefined)
  const connection = o.connection ?? d?.connection
  const need = (field: string, value: unknown): unknown =>
    value ?? missing(name, `a ${type} trigger needs "${field}" (in the options or the function's deploy.azure)`)
  if (type === 'storageQueue') {
    const queueName = need('queueName', o.queueName ?? d?.queue)
    azure.app.storageQueue(
      name,
      defined({
        ...o,
        type: undefined,
        queueName,
        connection: connection ?? STORAGE,
        handler,
      }) as unknown as StorageQueueFunctionOptions,
    )
  } else if (type === 'serviceBusQueue') {
    const queueName = need('queueName', o.queueName ?? d?.serviceBusQueue)
    azure.app.serviceBusQueue(
      name,
      defined({
        ...o,
        type: undefined,
        queueName,
        connection: need('connection', connection),
        handler,
      }) as unknown as ServiceBusQueueFunctionOptions,
    )
  } else if (type === 'serviceBusTopic') {
    const topicName = need('topicName', o.topicName ?? d?.topic)
    const subscriptionName = need('subscriptionName', o.subscriptionName ?? d?.subscription)
    azure.app.serviceBusTopic(
      name,
      defined({
        ...o,
        type: undefined,
        topicName,
        subscriptionName,
        connection: need('connection', connection),
        handler,
      }) as unknown as ServiceBusTopicFunctionOptions,
    )
  } else if (type === 'eventHub') {
    const eventHubName = need('eventHubName', o.eventHubName ?? d?.eventHub)
    const cardinality = o.cardinality ?? d?.cardinality
    azure.app.eventHub(
      name,
      defined({
        ...o,
        type: undefined,
        eventHubName,
        cardinality,
        connection: need('connection', connection),
        handler,
      }) as unknown as EventHubFunctionOptions,
    )
  } else {
    missing(
      name,
      'a messages function needs its trigger: { queueName } (Storage Queue), { type: "serviceBusQueue", queueName, connection }, ' +
        '{ topicName, subscriptionName, connection } (Service Bus topic) or { eventHubName, connection }, or deploy.azure on the function',
    )
  }
}

function registerObjects(name: string, fn: ObjectsFunction, o: Loose, handler: AzureHandler): void {
  const deploy = fn.options.deploy
  if (o.type === 'eventGrid' || (o.type === undefined && deploy?.azure?.eventGrid)) {
    azure.app.eventGrid(name, defined({ ...o, type: undefined, handler }) as unknown as EventGridFunctionOptions)
    return
  }
  // Blob triggers fire for new and updated blobs only; deletions arrive through Event Grid.
  // https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger
  if (deploy?.on?.includes('deleted')) {
    missing(name, 'a blob trigger never sees deletions; register with { type: "eventGrid" } to receive them')
  }
  const path = o.path ?? (deploy?.bucket ? `${deploy.bucket}/{name}` : undefined)
  if (path === undefined) missing(name, 'a blob trigger needs "path" (e.g. "uploads/{name}") or deploy.bucket')
  const connection = o.connection ?? deploy?.azure?.connection ?? STORAGE
  azure.app.storageBlob(
    name,
    defined({ ...o, type: undefined, path, connection, handler }) as unknown as StorageBlobFunctionOptions,
  )
}

/** Five-field cron (`deploy.cron`, UTC) → Azure's six-field NCRONTAB (seconds first). */
export function toNcrontab(cron: string): string {
  const fields = cron.trim().split(/\s+/)
  return fields.length === 5 ? `0 ${fields.join(' ')}` : fields.join(' ')
}

function registerTimer(name: string, fn: ScheduleFunction, o: Loose, handler: AzureHandler): void {
  const cron = fn.options.deploy?.cron
  const schedule = o.schedule ?? (cron ? toNcrontab(cron) : undefined)
  if (schedule === undefined) missing(name, 'a timer needs "schedule" (NCRONTAB) or deploy.cron')
  azure.app.timer(name, defined({ ...o, schedule, handler }) as unknown as TimerFunctionOptions)
}

/**
 * Registers a faasade function with the Azure Functions v4 app: `app.http` for `http` and `invoke`,
 * `app.storageQueue`/`serviceBusQueue`/`serviceBusTopic`/`eventHub` for `messages`, `app.storageBlob` or
 * `app.eventGrid` for `objects`, `app.timer` for `schedule`, `app.eventGrid` for `events`. Call it at the
 * top level of an entry file named by package.json `main`.
 * @example
 * register('hello', hello, { route: 'hello', methods: ['GET'] })
 * register('orders', ordersConsumer, { queueName: 'orders' })
 */
export function register<F extends FaasFunction>(name: string, fn: F, options?: RegisterOptions<F>): void {
  const { timeoutMs, stream, ...rest } = (options ?? {}) as AzureOptions & Loose
  const handler = handle(fn, { timeoutMs, stream })
  switch (fn.kind) {
    case 'http':
    case 'invoke': {
      const deploy = fn.options.deploy as { route?: string; methods?: readonly string[]; public?: boolean } | undefined
      const authLevel = deploy?.public === undefined ? undefined : deploy.public ? 'anonymous' : 'function'
      const methods = deploy?.methods ? [...deploy.methods] : fn.kind === 'invoke' ? ['POST'] : undefined
      azure.app.http(
        name,
        defined({ route: deploy?.route, methods, authLevel, ...rest, handler }) as unknown as HttpFunctionOptions,
      )
      return
    }
    case 'messages':
      registerMessages(name, fn, rest, handler)
      return
    case 'objects':
      registerObjects(name, fn, rest, handler)
      return
    case 'schedule':
      registerTimer(name, fn, rest, handler)
      return
    case 'events':
      azure.app.eventGrid(name, defined({ ...rest, handler }) as unknown as EventGridFunctionOptions)
  }
}

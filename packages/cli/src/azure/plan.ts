import type { HttpDeploy, InvokeDeploy, MessagesDeploy, ObjectsDeploy, ScheduleDeploy } from '@faasade/core'
import { toAzureCron } from '../cron.js'
import type { FunctionInfo } from '../discover.js'
import { CliError } from '../errors.js'

/** Azure function names: a letter, then letters, digits, `_` and `-` (at most 128). */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/

/** App settings the bindings name by default; the sample local.settings.json lists them. */
export const DEFAULT_CONNECTIONS = {
  storage: 'AzureWebJobsStorage',
  serviceBus: 'ServiceBusConnection',
  eventHub: 'EventHubConnection',
} as const

/** One `register(name, fn, options)` call of the Azure entry, with the `app.*` trigger it makes. */
export interface AzureRegistration {
  name: string
  trigger:
    | 'http'
    | 'storageQueue'
    | 'serviceBusQueue'
    | 'serviceBusTopic'
    | 'eventHub'
    | 'storageBlob'
    | 'eventGrid'
    | 'timer'
  options: Record<string, unknown>
  /** App settings holding connection strings the trigger reads. */
  connections: string[]
}

function messages(f: FunctionInfo): AzureRegistration {
  const d = (f.fn.options.deploy as MessagesDeploy | undefined)?.azure
  if (!d) {
    throw new CliError(
      `${f.name} (messages) needs deploy.azure for the azure target: { queue } (Storage Queue), { serviceBusQueue }, { topic, subscription } (Service Bus) or { eventHub }.`,
    )
  }
  if ('queue' in d) {
    const connection = d.connection ?? DEFAULT_CONNECTIONS.storage
    return {
      name: f.name,
      trigger: 'storageQueue',
      options: { type: 'storageQueue', queueName: d.queue, connection },
      connections: [connection],
    }
  }
  if ('serviceBusQueue' in d) {
    const connection = d.connection ?? DEFAULT_CONNECTIONS.serviceBus
    return {
      name: f.name,
      trigger: 'serviceBusQueue',
      options: { type: 'serviceBusQueue', queueName: d.serviceBusQueue, connection },
      connections: [connection],
    }
  }
  if ('topic' in d) {
    const connection = d.connection ?? DEFAULT_CONNECTIONS.serviceBus
    const options = { type: 'serviceBusTopic', topicName: d.topic, subscriptionName: d.subscription, connection }
    return { name: f.name, trigger: 'serviceBusTopic', options, connections: [connection] }
  }
  const connection = d.connection ?? DEFAULT_CONNECTIONS.eventHub
  const options = { type: 'eventHub', eventHubName: d.eventHub, connection, cardinality: d.cardinality ?? 'many' }
  return { name: f.name, trigger: 'eventHub', options, connections: [connection] }
}

function objects(f: FunctionInfo): AzureRegistration {
  const d = f.fn.options.deploy as ObjectsDeploy | undefined
  if (d?.azure?.eventGrid)
    return { name: f.name, trigger: 'eventGrid', options: { type: 'eventGrid' }, connections: [] }
  // Blob triggers fire for new and updated blobs only: https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger
  if (d?.on?.includes('deleted')) {
    throw new CliError(
      `${f.name} (objects): an Azure blob trigger never sees deletions; set deploy.azure.eventGrid to receive them through Event Grid.`,
    )
  }
  if (!d?.bucket)
    throw new CliError(`${f.name} (objects) needs deploy.bucket (the blob container) for the azure target.`)
  const connection = d.azure?.connection ?? DEFAULT_CONNECTIONS.storage
  return {
    name: f.name,
    trigger: 'storageBlob',
    options: { type: 'storageBlob', path: `${d.bucket}/{name}`, connection },
    connections: [connection],
  }
}

/** How each function is registered with the v4 app; a setting the target needs and lacks is a clear error. */
export function azurePlan(functions: readonly FunctionInfo[]): AzureRegistration[] {
  return functions.map((f) => {
    if (!NAME.test(f.name))
      throw new CliError(`"${f.name}" is not a valid Azure function name (a letter, then letters, digits, _ or -).`)
    switch (f.kind) {
      case 'http':
      case 'invoke': {
        const d = f.fn.options.deploy as (HttpDeploy & InvokeDeploy) | undefined
        const methods = f.kind === 'invoke' ? ['POST'] : d?.methods ? [...d.methods] : undefined
        const authLevel = d?.public ? 'anonymous' : 'function'
        return {
          name: f.name,
          trigger: 'http',
          options: { route: (d?.route ?? f.name).replace(/^\/+/, ''), methods, authLevel },
          connections: [],
        }
      }
      case 'messages':
        return messages(f)
      case 'objects':
        return objects(f)
      case 'schedule': {
        const cron = (f.fn.options.deploy as ScheduleDeploy | undefined)?.cron
        if (!cron) throw new CliError(`${f.name} (schedule) needs deploy.cron for the azure target.`)
        return { name: f.name, trigger: 'timer', options: { schedule: toAzureCron(cron, f.name) }, connections: [] }
      }
      case 'events':
        return { name: f.name, trigger: 'eventGrid', options: {}, connections: [] }
      default:
        throw new CliError(`${f.name}: a "${(f as FunctionInfo).kind}" function has no Azure trigger.`)
    }
  })
}

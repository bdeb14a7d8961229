import type { EventsDeploy, HttpDeploy, MessagesDeploy, ObjectsDeploy, ScheduleDeploy } from '@faasade/core'
import { parseCron } from '../cron.js'
import type { FunctionInfo } from '../discover.js'
import { CliError } from '../errors.js'

/** The Cloud Run functions runtime the artifacts target. */
export const GCP_RUNTIME = 'nodejs22'

// The Functions Framework's rule for registered names (src/function_registry.ts).
const NAME = /^[A-Za-z](?:[-_A-Za-z0-9]{0,61}[A-Za-z0-9])?$/

/** One `gcloud functions deploy` (gen2), plus what it needs first (topics, scheduler jobs). */
export interface GcpDeployment {
  /** The deployed function's name (lower-case, hyphens: Cloud Run service names allow nothing else). */
  service: string
  /** The export: the registered name (`--entry-point`). */
  entryPoint: string
  /** Functions Framework signature the entry is registered with. */
  signature: 'http' | 'cloudevent'
  triggerFlags: string[]
  before: string[]
  after: string[]
  /** The gen1 (`--no-gen2`) trigger flags, for event functions that have a gen1 form. */
  gen1Flags?: string[]
}

/** The export name of an event function's gen1 background form `(data, context)`. */
export const gen1Export = (name: string): string => `${name}_gen1`

/** `createOrder` → `create-order`. */
export function serviceName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '')
}

/** Quotes a shell word when it needs it. */
export function sh(word: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}

function retry(value: boolean | undefined): string[] {
  return value === false ? [] : ['--retry']
}

function plan(f: FunctionInfo, region: string): GcpDeployment[] {
  const base = { entryPoint: f.name, before: [] as string[], after: [] as string[] }
  const service = serviceName(f.name)
  const deploy = f.fn.options.deploy
  switch (f.kind) {
    case 'http':
    case 'invoke': {
      const open = f.kind === 'http' && (deploy as HttpDeploy | undefined)?.public
      return [
        {
          ...base,
          service,
          signature: 'http',
          triggerFlags: ['--trigger-http', open ? '--allow-unauthenticated' : '--no-allow-unauthenticated'],
        },
      ]
    }
    case 'messages': {
      const gcp = (deploy as MessagesDeploy | undefined)?.gcp
      if (!gcp?.topic)
        throw new CliError(`${f.name} (messages) needs deploy.gcp.topic (the Pub/Sub topic) for the gcp target.`)
      const flags = ['--trigger-topic', gcp.topic, ...retry(gcp.retry)]
      return [{ ...base, service, signature: 'cloudevent', triggerFlags: flags, gen1Flags: flags }]
    }
    case 'objects': {
      const d = deploy as ObjectsDeploy | undefined
      if (!d?.bucket) throw new CliError(`${f.name} (objects) needs deploy.bucket for the gcp target.`)
      const bucket = d.bucket
      // One Eventarc trigger per function: a second event type is a second deployment of the same entry point.
      return (d.on ?? ['created']).map((on, i) => ({
        ...base,
        service: i === 0 ? service : `${service}-${on}`,
        signature: 'cloudevent' as const,
        triggerFlags: [
          `--trigger-event-filters=type=google.cloud.storage.object.v1.${on === 'created' ? 'finalized' : 'deleted'}`,
          `--trigger-event-filters=bucket=${bucket}`,
          ...retry(d.gcp?.retry),
        ],
        gen1Flags: [
          '--trigger-resource',
          bucket,
          '--trigger-event',
          `google.storage.object.${on === 'created' ? 'finalize' : 'delete'}`,
          ...retry(d.gcp?.retry),
        ],
      }))
    }
    case 'schedule': {
      const d = deploy as ScheduleDeploy | undefined
      if (!d?.cron) throw new CliError(`${f.name} (schedule) needs deploy.cron for the gcp target.`)
      parseCron(d.cron, f.name)
      const topic = d.gcp?.topic ?? `${service}-schedule`
      return [
        {
          ...base,
          service,
          signature: 'cloudevent',
          before: [`gcloud pubsub topics create ${sh(topic)}`],
          triggerFlags: ['--trigger-topic', topic],
          gen1Flags: ['--trigger-topic', topic],
          after: [
            `gcloud scheduler jobs create pubsub ${sh(service)} --location ${sh(region)} --schedule ${sh(d.cron)} --time-zone Etc/UTC --topic ${sh(topic)} --message-body '{}'`,
          ],
        },
      ]
    }
    case 'events': {
      const gcp = (deploy as EventsDeploy | undefined)?.gcp
      if (!gcp?.eventType)
        throw new CliError(
          `${f.name} (events) needs deploy.gcp.eventType (the Eventarc event type) for the gcp target.`,
        )
      const filters = Object.entries(gcp.filters ?? {}).map(([k, v]) => `--trigger-event-filters=${k}=${v}`)
      return [
        {
          ...base,
          service,
          signature: 'cloudevent',
          triggerFlags: [`--trigger-event-filters=type=${gcp.eventType}`, ...filters, ...retry(gcp.retry)],
        },
      ]
    }
  }
}

/** The gen2 deployments of every function; a setting the target needs and lacks is a clear error. */
export function gcpPlan(functions: readonly FunctionInfo[], region: string): GcpDeployment[] {
  return functions.flatMap((f) => {
    if (!NAME.test(f.name))
      throw new CliError(
        `"${f.name}" is not a valid Cloud Functions entry point (a letter, then letters, digits, _ or -).`,
      )
    return plan(f, region)
  })
}

/** The `gcloud functions deploy` command of one deployment (gen2, or gen1 with its background export). */
export function deployCommand(d: GcpDeployment, source: string, region: string, gen1 = false): string {
  const flags = gen1 ? (d.gen1Flags ?? []) : d.triggerFlags
  return [
    'gcloud functions deploy',
    sh(d.service),
    gen1 ? '--no-gen2' : '--gen2',
    `--region=${sh(region)}`,
    `--runtime=${GCP_RUNTIME}`,
    `--source=${sh(source)}`,
    `--entry-point=${gen1 ? gen1Export(d.entryPoint) : d.entryPoint}`,
    ...flags.map(sh),
  ].join(' ')
}

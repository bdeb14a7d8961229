/**
 * Where each function is wired on each cloud. Adapters ignore these; `faasade build` reads them to write
 * the SAM template, the gcloud commands and the Azure registrations. Everything is optional until a
 * target needs it, and the build names what is missing.
 */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'

export interface HttpDeploy {
  /** Route template with `{param}` segments, e.g. `orders/{id}`; defaults to the export name. */
  route?: string
  methods?: readonly HttpMethod[]
  /** Callable without credentials (AWS auth NONE, GCP allow-unauthenticated, Azure authLevel anonymous). */
  public?: boolean
}

export interface MessagesDeploy {
  aws?: { queue?: string; topic?: string; stream?: string; table?: string; batchSize?: number }
  gcp?: { topic: string; retry?: boolean }
  azure?:
    | { queue: string; connection?: string }
    | { serviceBusQueue: string; connection?: string }
    | { topic: string; subscription: string; connection?: string }
    | { eventHub: string; connection?: string; cardinality?: 'one' | 'many' }
}

export interface ObjectsDeploy {
  /** Bucket (AWS, GCP) or container (Azure). */
  bucket?: string
  /** Which changes to receive; default `created`. */
  on?: ReadonlyArray<'created' | 'deleted'>
  azure?: { connection?: string; eventGrid?: boolean }
}

export interface ScheduleDeploy {
  /** Five-field cron in UTC (`0 * * * *`); each target converts it to its own syntax. */
  cron?: string
}

export interface EventsDeploy {
  aws?: { source?: readonly string[]; detailType?: readonly string[]; bus?: string }
  gcp?: { eventType: string; filters?: Record<string, string> }
  azure?: { topic?: string }
}

export interface InvokeDeploy {
  /** HTTP route on GCP and Azure, where an invocation is an HTTP POST. */
  route?: string
}

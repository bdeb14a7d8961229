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
  /** One source: a queue (name, created by the template, or ARN), an SNS topic (name or ARN), a Kinesis stream ARN or a DynamoDB stream ARN. */
  aws?: { queue?: string; topic?: string; stream?: string; table?: string; batchSize?: number }
  /** Pub/Sub topic; `retry` (default true) redelivers a message whose handler failed. */
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
  /** `retry` (default true) redelivers an event whose handler failed. */
  gcp?: { retry?: boolean }
  /** Blob trigger by default (created only); `eventGrid` receives Event Grid blob events (created and deleted). */
  azure?: { connection?: string; eventGrid?: boolean }
}

export interface ScheduleDeploy {
  /** Five-field cron in UTC (`0 * * * *`); each target converts it to its own syntax. */
  cron?: string
  /** Pub/Sub topic Cloud Scheduler publishes to; default `<function>-schedule`. */
  gcp?: { topic?: string }
}

export interface EventsDeploy {
  aws?: { source?: readonly string[]; detailType?: readonly string[]; bus?: string }
  /** Eventarc event type and attribute filters; `retry` (default true) redelivers an event whose handler failed. */
  gcp?: { eventType: string; filters?: Record<string, string>; retry?: boolean }
  azure?: { topic?: string }
}

export interface InvokeDeploy {
  /** HTTP route on GCP and Azure, where an invocation is an HTTP POST. */
  route?: string
}

/** A storage object was created or deleted (S3, Cloud Storage, Azure Blob). */
export interface ObjectEvent {
  /** Bucket or container name. */
  readonly bucket: string
  /** Object key / blob name, decoded. */
  readonly key: string
  readonly size: number | undefined
  readonly etag: string | undefined
  readonly type: 'created' | 'deleted'
  readonly time: Date | undefined
  readonly contentType?: string | undefined
  readonly native: unknown
}

/** A scheduled run (EventBridge schedule, Cloud Scheduler, Azure timer). */
export interface ScheduleEvent {
  readonly scheduledAt: Date
  /** The run is late (Azure reports it; elsewhere: more than a minute behind schedule). */
  readonly isPastDue: boolean
  /** The rule or job name when the platform tells it. */
  readonly name?: string | undefined
  readonly native: unknown
}

/** A CloudEvents 1.0 event (EventBridge, Eventarc, Event Grid in either schema). */
export interface CloudEvent<T = unknown> {
  readonly id: string
  readonly source: string
  readonly type: string
  readonly subject: string | undefined
  readonly time: Date | undefined
  readonly data: T
  readonly specversion: string
  readonly dataContentType?: string | undefined
  /** Any other attributes (extension attributes, provider fields). */
  readonly extensions: Readonly<Record<string, unknown>>
  readonly native: unknown
}

// The CloudEvents 1.0 context attributes and data members of the JSON format (§3); everything else is an extension.
const CLOUD_EVENT_MEMBERS = new Set([
  'id',
  'source',
  'type',
  'subject',
  'time',
  'data',
  'data_base64',
  'specversion',
  'datacontenttype',
])

/** The extension attributes of a CloudEvent in JSON format: every member that is not a core one. */
export function cloudEventExtensions(event: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in event) if (!CLOUD_EVENT_MEMBERS.has(key)) out[key] = event[key]
  return out
}

import { camel } from './_convert.js'
import { type InvocationContextInit, type NativeInvocation, build } from './inputs.js'

/** A blob trigger run: the content as bytes, `BlobTrigger` = "<container>/<name>", `Properties`. */
export function blob(
  init: InvocationContextInit & {
    container: string
    name: string
    content: string | Uint8Array
    contentType?: string
    etag?: string
  },
): NativeInvocation<Buffer> {
  const bytes = typeof init.content === 'string' ? new TextEncoder().encode(init.content) : init.content
  const now = new Date().toISOString()
  return build(
    'blobTrigger',
    { bytes },
    {
      BlobTrigger: `${init.container}/${init.name}`,
      Uri: `https://account.blob.core.windows.net/${init.container}/${encodeURI(init.name)}`,
      Properties: {
        Length: bytes.byteLength,
        ContentType: init.contentType ?? 'application/octet-stream',
        ETag: `"${init.etag ?? '0x8DA8657981E929A'}"`,
        Created: now,
        LastModified: now,
        BlobType: 2,
      },
      Metadata: {},
      name: init.name,
    },
    init,
    { path: `${init.container}/{name}`, connection: 'AzureWebJobsStorage' },
  )
}

/** A timer tick; `monitor: false` gives the `ScheduleStatus: null` of unmonitored schedules. */
export function timer(
  init: InvocationContextInit & {
    isPastDue?: boolean
    last?: Date | string
    next?: Date | string
    monitor?: boolean
  } = {},
): NativeInvocation<{
  isPastDue: boolean
  schedule: { adjustForDST: boolean }
  scheduleStatus: Record<string, string> | null
}> {
  const next = new Date(init.next ?? Date.now())
  const last = new Date(init.last ?? next.getTime() - 3e5)
  const status =
    init.monitor === false
      ? null
      : { Last: last.toISOString(), Next: next.toISOString(), LastUpdated: last.toISOString() }
  const host = { Schedule: { AdjustForDST: true }, ScheduleStatus: status, IsPastDue: init.isPastDue ?? false }
  // The library camel-cases timer input (InvocationModel.ts).
  return build(
    'timerTrigger',
    { json: JSON.stringify(host) },
    { TimerTrigger: next.toLocaleString('en-US') },
    init,
    { schedule: '0 */5 * * * *' },
    camel,
  )
}

/** One Event Grid schema event, as the trigger hands it (one object, not the webhook's array). */
export function eventGridEvent(
  init: InvocationContextInit & {
    eventType: string
    subject: string
    data?: unknown
    topic?: string
    id?: string
    eventTime?: string
  },
): NativeInvocation {
  const event = {
    topic: init.topic ?? '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/account',
    subject: init.subject,
    eventType: init.eventType,
    eventTime: init.eventTime ?? new Date().toISOString(),
    id: init.id ?? '831e1650-001e-001b-66ab-eeb76e069631',
    data: init.data ?? {},
    dataVersion: '',
    metadataVersion: '1',
  }
  return build('eventGridTrigger', { json: JSON.stringify(event) }, {}, init)
}

/** One event in the CloudEvents 1.0 schema, as the Event Grid trigger hands it. */
export function cloudEvent(
  init: InvocationContextInit & {
    type: string
    source: string
    subject?: string
    data?: unknown
    id?: string
    time?: string
  },
): NativeInvocation {
  const event: Record<string, unknown> = {
    specversion: '1.0',
    type: init.type,
    source: init.source,
    id: init.id ?? '9aeb0fdf-c01e-0131-0922-9eb54906e209',
    time: init.time ?? new Date().toISOString(),
    subject: init.subject,
    data: init.data,
  }
  return build('eventGridTrigger', { json: JSON.stringify(event) }, {}, init)
}

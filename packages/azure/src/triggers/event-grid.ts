import { type CloudEvent, type ObjectEvent, UnknownEventError } from '@faasade/core'
import { cloudEventExtensions, decodeBase64, toDate } from '@faasade/core/adapter'
import { type Metadata, isRecord } from './_metadata.js'

type Raw = Record<string, unknown>

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** The events of one Event Grid invocation: the trigger hands ONE event; a webhook-style array is unrolled. */
export function gridEvents(input: unknown): Raw[] {
  const list = Array.isArray(input) ? input : [input]
  for (const e of list) {
    if (!isRecord(e) || (typeof e.eventType !== 'string' && typeof e.type !== 'string')) {
      throw new UnknownEventError('azure', 'Event Grid input is neither an Event Grid schema event nor a CloudEvent')
    }
  }
  return list as Raw[]
}

const EG_KNOWN = new Set(['id', 'topic', 'subject', 'eventType', 'eventTime', 'data'])

function rest(e: Raw, known: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k in e) if (!known.has(k)) out[k] = e[k]
  return out
}

/**
 * One event in either schema as a CloudEvent. Event Grid schema: `topic` → source, `eventType` → type,
 * `eventTime` → time; `dataVersion`/`metadataVersion` go to `extensions`. CloudEvents schema: as is
 * (`data_base64` decoded to bytes).
 * @see https://learn.microsoft.com/azure/event-grid/event-schema
 * @see https://learn.microsoft.com/azure/event-grid/cloud-event-schema
 */
export function toCloudEvent(e: Raw, metadata: Metadata = {}): CloudEvent {
  const native = { input: e, metadata }
  if (typeof e.specversion === 'string') {
    return {
      id: String(e.id ?? ''),
      source: String(e.source ?? ''),
      type: String(e.type),
      subject: str(e.subject),
      time: toDate(str(e.time)),
      data: typeof e.data_base64 === 'string' ? decodeBase64(e.data_base64, 'event data_base64') : e.data,
      specversion: e.specversion,
      dataContentType: str(e.datacontenttype),
      extensions: cloudEventExtensions(e),
      native,
    }
  }
  return {
    id: String(e.id ?? ''),
    source: String(e.topic ?? ''),
    type: String(e.eventType),
    subject: str(e.subject),
    time: toDate(str(e.eventTime)),
    data: e.data,
    specversion: '1.0',
    dataContentType: undefined,
    extensions: rest(e, EG_KNOWN),
    native,
  }
}

const BLOB_TYPES: Record<string, ObjectEvent['type']> = {
  'Microsoft.Storage.BlobCreated': 'created',
  'Microsoft.Storage.BlobDeleted': 'deleted',
}

/** Whether a CloudEvent is a Storage blob created/deleted event. */
export const isBlobEvent = (e: CloudEvent): boolean => e.type in BLOB_TYPES

/**
 * Container and blob name from the subject (`/blobServices/default/containers/<c>/blobs/<name>`; the Event
 * Grid schema has the leading `/`, the CloudEvents sample has none), else from `data.url` (percent-decoded).
 */
function location(e: CloudEvent): { bucket: string; key: string } | undefined {
  const subject = e.subject ?? ''
  const m = /^\/?blobServices\/[^/]+\/containers\/([^/]+)\/blobs\/(.+)$/.exec(subject)
  if (m) return { bucket: m[1] as string, key: m[2] as string }
  const url = isRecord(e.data) ? str(e.data.url) : undefined
  if (!url) return undefined
  const path = url.replace(/^[a-z]+:\/\/[^/]+\//i, '').split('?')[0] ?? ''
  const slash = path.indexOf('/')
  if (slash < 1) return undefined
  try {
    return { bucket: decodeURIComponent(path.slice(0, slash)), key: decodeURIComponent(path.slice(slash + 1)) }
  } catch {
    return { bucket: path.slice(0, slash), key: path.slice(slash + 1) }
  }
}

/**
 * A `Microsoft.Storage.BlobCreated`/`BlobDeleted` event as an object event (size and ETag from `data`).
 * @see https://learn.microsoft.com/azure/event-grid/event-schema-blob-storage
 */
export function toGridObjectEvent(e: CloudEvent): ObjectEvent {
  const where = location(e)
  if (!where)
    throw new UnknownEventError('azure', `${e.type} event ${e.id} names no container/blob in subject or data.url`)
  const data = isRecord(e.data) ? e.data : {}
  return {
    ...where,
    size: typeof data.contentLength === 'number' ? data.contentLength : undefined,
    etag: str(data.eTag),
    type: BLOB_TYPES[e.type] ?? 'created',
    time: e.time,
    contentType: str(data.contentType),
    native: e.native,
  }
}

import { cloudEvent } from './cloudevent.js'
import { type NativeRequest, httpRequest, isoTime, nextId } from './request.js'

/** The Cloud Storage object an event is about. */
export interface StorageObjectOptions {
  bucket: string
  /** Object name (not URL-encoded). */
  name: string
  size?: number
  contentType?: string
  etag?: string
  generation?: string
  time?: string | Date
  id?: string
}

/** A Cloud Storage object resource as events carry it (int64 fields as strings, as proto3 JSON writes them). */
function objectData(o: StorageObjectOptions, time: string): Record<string, unknown> {
  const generation = o.generation ?? '1587627537231057'
  return {
    bucket: o.bucket,
    contentType: o.contentType ?? 'application/octet-stream',
    etag: o.etag ?? 'CNHZkbuF/ugCEAE=',
    generation,
    id: `${o.bucket}/${o.name}/${generation}`,
    kind: 'storage#object',
    metageneration: '1',
    name: o.name,
    selfLink: `https://www.googleapis.com/storage/v1/b/${o.bucket}/o/${encodeURIComponent(o.name)}`,
    size: String(o.size ?? 0),
    storageClass: 'STANDARD',
    timeCreated: time,
    updated: time,
  }
}

/** An Eventarc Cloud Storage CloudEvent (`google.cloud.storage.object.v1.<event>`), binary mode by default. */
export function storageCloudEvent(
  options: StorageObjectOptions & {
    event?: 'finalized' | 'deleted' | 'archived' | 'metadataUpdated'
    mode?: 'binary' | 'structured'
  },
): NativeRequest {
  const time = isoTime(options.time)
  return cloudEvent({
    type: `google.cloud.storage.object.v1.${options.event ?? 'finalized'}`,
    source: `//storage.googleapis.com/projects/_/buckets/${options.bucket}`,
    subject: `objects/${options.name}`,
    id: options.id,
    time,
    data: objectData(options, time),
    mode: options.mode,
  })
}

/**
 * A gen1 Storage background event: `{ context, data }` with `google.storage.object.<event>`, or with `flat: true`
 * the oldest `providers/cloud.storage/eventTypes/object.change` shape, where a deletion is
 * `resourceState: "not_exists"`.
 */
export function legacyStorageEvent(
  options: StorageObjectOptions & { event?: 'finalize' | 'delete' | 'archive' | 'metadataUpdate'; flat?: boolean },
): NativeRequest {
  const timestamp = isoTime(options.time)
  const eventId = options.id ?? nextId()
  const event = options.event ?? 'finalize'
  const data = objectData(options, timestamp)
  const resource = `projects/_/buckets/${options.bucket}/objects/${options.name}`
  const body = options.flat
    ? {
        eventId,
        timestamp,
        eventType: 'providers/cloud.storage/eventTypes/object.change',
        resource: `${resource}#${data.generation}`,
        data: { ...data, resourceState: event === 'delete' ? 'not_exists' : 'exists' },
      }
    : {
        context: {
          eventId,
          timestamp,
          eventType: `google.storage.object.${event}`,
          resource: { service: 'storage.googleapis.com', name: resource, type: 'storage#object' },
        },
        data,
      }
  return httpRequest({ method: 'POST', body })
}

import { type ObjectEvent, UnknownEventError } from '@faasade/core'
import { toDate } from '@faasade/core/adapter'
import type { Delivery } from '../detect.js'
import { asObject, int64, str } from './values.js'

// CloudEvent types: https://cloud.google.com/eventarc/docs/reference/supported-events#cloud-storage
// Legacy types: https://cloud.google.com/functions/1stgendocs/calling/storage
const CREATED = new Set(['google.cloud.storage.object.v1.finalized', 'google.storage.object.finalize'])
const DELETED = new Set(['google.cloud.storage.object.v1.deleted', 'google.storage.object.delete'])
// The oldest legacy trigger reports every change as `object.change`; FF converts it to `finalized`.
const CHANGE = 'providers/cloud.storage/eventTypes/object.change'

// "projects/_/buckets/<bucket>/objects/<name>[#<generation>]" (legacy resource) or CloudEvent source/subject.
const RESOURCE = /buckets\/([^/]+)(?:\/objects\/(.+?))?(?:#\d+)?$/

function changeType(type: string, data: Record<string, unknown>): ObjectEvent['type'] {
  // `resourceState: "not_exists"` marks a deletion in `object.change` events (and in FF's conversion of them).
  if (data.resourceState === 'not_exists') return 'deleted'
  if (CREATED.has(type) || type === CHANGE) return 'created'
  if (DELETED.has(type)) return 'deleted'
  throw new UnknownEventError(
    'gcp',
    `${type} is neither an object creation nor a deletion; wire it to an \`events\` function to receive it as a CloudEvent.`,
  )
}

/** An object created or deleted, from a Storage CloudEvent or a legacy Storage event (both shapes). */
export function objectEvent(d: Delivery): ObjectEvent {
  let type: string
  let data: Record<string, unknown>
  let where: string | undefined
  let time: string | undefined
  let native: unknown
  if (d.rule === 'cloudevent' || d.rule === 'binary-cloudevent') {
    type = d.event.type
    data = asObject(d.event.data) ?? {}
    where = d.event.subject ? `${d.event.source ?? ''}/${d.event.subject}` : d.event.source
    time = str(d.event.time)
    native = d.event
  } else if (d.rule === 'legacy-event' || d.rule === 'legacy-flat-event') {
    type = d.context.eventType
    data = asObject(d.data) ?? {}
    const r = d.context.resource
    where = typeof r === 'string' ? r : (r?.name ?? undefined)
    time = str(d.context.timestamp)
    native = { context: d.context, data: d.data }
  } else {
    throw new TypeError(`faasade: ${d.rule} is not a Cloud Storage delivery`)
  }
  const m = where ? RESOURCE.exec(where) : null
  const bucket = str(data.bucket) ?? m?.[1]
  const key = str(data.name) ?? m?.[2]
  if (!bucket || !key) throw new UnknownEventError('gcp', `the ${type} event names no bucket and object.`)
  return {
    bucket,
    key,
    size: int64(data.size),
    etag: str(data.etag),
    type: changeType(type, data),
    time: toDate(time) ?? toDate(str(data.updated)),
    contentType: str(data.contentType),
    native,
  }
}

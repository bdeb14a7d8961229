import type { CloudEvent } from '@faasade/core'
import { cloudEventExtensions, decodeBase64, toDate } from '@faasade/core/adapter'
import type { Delivery, RawCloudEvent } from '../detect.js'
import { str } from './values.js'

function fromRaw(e: RawCloudEvent): CloudEvent {
  // Structured mode carries binary data as `data_base64` (CloudEvents JSON format §3.1).
  const data = typeof e.data_base64 === 'string' ? decodeBase64(e.data_base64, 'CloudEvent data_base64') : e.data
  return {
    id: str(e.id) ?? '',
    source: str(e.source) ?? '',
    type: e.type,
    subject: str(e.subject),
    time: toDate(str(e.time)),
    data,
    specversion: e.specversion,
    dataContentType: str(e.datacontenttype),
    extensions: cloudEventExtensions(e),
    native: e,
  }
}

function base(
  id: string | undefined,
  source: string,
  type: string,
  time: string | undefined,
  data: unknown,
  native: unknown,
) {
  return {
    id: id ?? '',
    source,
    type,
    subject: undefined,
    time: toDate(time),
    data,
    specversion: '1.0',
    extensions: {},
    native,
  }
}

/**
 * Any delivery as a CloudEvent, for `events` functions. CloudEvents pass through; a legacy event keeps its
 * `eventType` as `type` with `//service/resource` as `source`; a raw push becomes `messagePublished`.
 */
export function toCloudEvent(d: Delivery): CloudEvent {
  switch (d.rule) {
    case 'binary-cloudevent':
    case 'cloudevent':
      return fromRaw(d.event)
    case 'legacy-event':
    case 'legacy-flat-event': {
      const r = d.context.resource
      const source = typeof r === 'string' ? r : r?.service ? `//${r.service}/${r.name ?? ''}` : (r?.name ?? '')
      const native = { context: d.context, data: d.data }
      return base(d.context.eventId, source, d.context.eventType, d.context.timestamp, d.data, native)
    }
    case 'pubsub-push': {
      const m = d.push.message
      const type = 'google.cloud.pubsub.topic.v1.messagePublished'
      const id = str(m.messageId) ?? str(m.message_id)
      const time = str(m.publishTime) ?? str(m.publish_time)
      return base(id, `//pubsub.googleapis.com/${d.push.subscription}`, type, time, d.push, d.push)
    }
    case 'scheduler-http': {
      const source = `//cloudscheduler.googleapis.com/${d.jobName ?? ''}`
      const id = d.jobName && d.scheduleTime ? `${d.jobName}/${d.scheduleTime}` : undefined
      return base(id, source, 'google.cloud.scheduler.job.v1.executed', d.scheduleTime, d.body, d)
    }
  }
}

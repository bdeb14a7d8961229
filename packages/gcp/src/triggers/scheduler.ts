import type { ScheduleEvent } from '@faasade/core'
import { toDate } from '@faasade/core/adapter'
import type { Delivery } from '../detect.js'
import { pubsubMessage } from './pubsub.js'
import { str } from './values.js'

// A run more than a minute behind its schedule is past due (the platforms other than Azure do not say).
const PAST_DUE_MS = 60_000

function jobFromSource(source: string | undefined): string | undefined {
  // //cloudscheduler.googleapis.com/projects/P/locations/L/jobs/J
  const i = source?.lastIndexOf('/jobs/') ?? -1
  return i < 0 ? undefined : source?.slice(i + 6)
}

/**
 * A scheduled run from Cloud Scheduler: an Eventarc `google.cloud.scheduler.job.v1.executed` CloudEvent, an HTTP
 * target request (`X-CloudScheduler-JobName`, `X-CloudScheduler-ScheduleTime`), or a Pub/Sub target, which is just
 * a Pub/Sub message (scheduled at its publish time; the job name is not sent).
 * https://cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs#HttpTarget
 */
export function scheduleEvent(d: Delivery, now: number = Date.now()): ScheduleEvent {
  let at: Date | undefined
  let name: string | undefined
  let native: unknown
  if (d.rule === 'scheduler-http') {
    at = toDate(d.scheduleTime)
    name = d.jobName
    native = { jobName: d.jobName, scheduleTime: d.scheduleTime, body: d.body }
  } else if (
    (d.rule === 'cloudevent' || d.rule === 'binary-cloudevent') &&
    d.event.type.startsWith('google.cloud.scheduler.')
  ) {
    at = toDate(str(d.event.time))
    name = jobFromSource(d.event.source)
    native = d.event
  } else {
    const message = pubsubMessage(d)
    at = toDate(message.publishedAt)
    native = message.native
  }
  const scheduledAt = at ?? new Date(now)
  return { scheduledAt, isPastDue: now - scheduledAt.getTime() > PAST_DUE_MS, name, native }
}

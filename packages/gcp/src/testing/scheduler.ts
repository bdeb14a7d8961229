import { cloudEvent } from './cloudevent.js'
import { type NativeRequest, isoTime, nextId, toBase64 } from './request.js'

/** A Cloud Scheduler job run. */
export interface SchedulerJobOptions {
  /** Default `test-job`. */
  job?: string
  /** When the run was scheduled; default now. */
  scheduleTime?: string | Date
  /** The job's payload. */
  body?: string | Uint8Array
  /**
   * `http`: an HTTP target request with the `X-CloudScheduler*` headers (default); `cloudevent`: the Eventarc
   * `google.cloud.scheduler.job.v1.executed` event. (A Pub/Sub target is a plain Pub/Sub message.)
   */
  target?: 'http' | 'cloudevent'
  project?: string
  location?: string
  path?: string
}

/** A Cloud Scheduler run as it reaches a function. https://cloud.google.com/scheduler/docs/creating#http */
export function schedulerJob(options: SchedulerJobOptions = {}): NativeRequest {
  const job = options.job ?? 'test-job'
  const time = isoTime(options.scheduleTime)
  if (options.target === 'cloudevent') {
    const name = `projects/${options.project ?? 'test-project'}/locations/${options.location ?? 'us-central1'}/jobs/${job}`
    return cloudEvent({
      type: 'google.cloud.scheduler.job.v1.executed',
      source: `//cloudscheduler.googleapis.com/${name}`,
      id: nextId(),
      time,
      data: options.body === undefined ? {} : { customData: toBase64(options.body) },
      path: options.path,
    })
  }
  const headers: Record<string, string> = {
    'user-agent': 'Google-Cloud-Scheduler',
    'x-cloudscheduler': 'true',
    'x-cloudscheduler-jobname': job,
    'x-cloudscheduler-scheduletime': time,
  }
  // Scheduler's default content type for a job body. (SCHED-PROTO: HttpTarget.headers)
  if (options.body !== undefined) headers['content-type'] = 'application/octet-stream'
  return { method: 'POST', path: options.path ?? '/', headers, body: options.body }
}

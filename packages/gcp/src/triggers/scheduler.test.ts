import { type ScheduleEvent, schedule } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { fixture } from '../../test/fixtures.js'
import { captureLogs } from '../../test/logs.js'
import { type Sig, servedUnderEverySignature } from '../../test/signatures.js'
import { cloudEvent, pubsubCloudEvent, pubsubPush, schedulerJob, storageCloudEvent } from '../testing.js'

const seen: (Omit<ScheduleEvent, 'scheduledAt'> & { scheduledAt: string })[] = []
const recorder = schedule(async (e) => {
  seen.push({ ...e, scheduledAt: e.scheduledAt.toISOString() })
})

describe('Cloud Scheduler → schedule functions, through the Functions Framework', () => {
  const servers = servedUnderEverySignature(recorder, () => {
    seen.length = 0
  })

  it.each<Sig>(['cloudevent', 'http', 'event'])(
    'scheduler/google-cloudevents-scheduler-job-data as an Eventarc job.v1.executed event — %s signature',
    async (sig) => {
      const request = cloudEvent({
        type: 'google.cloud.scheduler.job.v1.executed',
        source: '//cloudscheduler.googleapis.com/projects/p/locations/us-central1/jobs/nightly-report',
        id: 'run-1',
        time: '2021-02-05T04:00:00.000Z',
        data: fixture('scheduler', 'google-cloudevents-scheduler-job-data'),
      })
      const res = await servers[sig].send(request)
      expect(res.status).toBe(204)
      expect(seen).toHaveLength(1)
      expect(seen[0]).toMatchObject({
        scheduledAt: '2021-02-05T04:00:00.000Z',
        name: 'nightly-report',
        isPastDue: true,
      })
      expect((seen[0]?.native as { data: unknown }).data).toEqual({ customData: 'bXkgYmFzZTY0IGRhdGE=' })
    },
  )

  it('an HTTP target run (X-CloudScheduler headers) on time', async () => {
    const at = new Date()
    const res = await servers.http.send(schedulerJob({ job: 'hourly', scheduleTime: at, body: 'payload' }))
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ scheduledAt: at.toISOString(), name: 'hourly', isPastDue: false })
    expect((seen[0]?.native as { body: Buffer }).body.toString()).toBe('payload')
  })

  it('an HTTP target run more than a minute late is past due', async () => {
    const res = await servers.http.send(schedulerJob({ job: 'late', scheduleTime: new Date(Date.now() - 5 * 60_000) }))
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ name: 'late', isPastDue: true })
  })

  it.each<[Sig, ReturnType<typeof pubsubPush>]>([
    ['cloudevent', pubsubCloudEvent({ data: 'tick', publishTime: '2024-01-01T00:00:00.000Z' })],
    ['http', pubsubPush({ data: 'tick', publishTime: '2024-01-01T00:00:00.000Z' })],
  ])('a Pub/Sub-target job is a plain message, scheduled at its publish time — %s', async (sig, request) => {
    const res = await servers[sig].send(request)
    expect(res.status).toBe(204)
    expect(seen[0]).toMatchObject({ scheduledAt: '2024-01-01T00:00:00.000Z', name: undefined, isPastDue: true })
  })

  it('a Storage event is a kind mismatch naming both kinds', async () => {
    const logs = captureLogs()
    try {
      const res = await servers.cloudevent.send(storageCloudEvent({ bucket: 'b', name: 'k' }))
      expect(res.status).toBe(500)
      expect(res.text()).toBe(
        'faasade: this is a "schedule" function but it received a Cloud Storage event (CloudEvent ' +
          'google.cloud.storage.object.v1.finalized). Wire it to a schedule trigger, or define it with the kind that ' +
          'matches a Cloud Storage event (CloudEvent google.cloud.storage.object.v1.finalized).',
      )
      expect(seen).toHaveLength(0)
      expect(logs.lines.some((l) => l.error?.name === 'KindMismatchError')).toBe(true)
    } finally {
      logs.restore()
    }
  })
})

import type { InvocationContext } from '@azure/functions'
import type { ScheduleEvent } from '@faasade/core'
import { toDate } from '@faasade/core/adapter'
import { isRecord } from './_metadata.js'

/** The host fires up to about a second early (clock skew) and corrects for it (TimerListener.cs). */
const EARLY_MS = 5_000

/**
 * A timer run. During the run the timer object still holds the status written after the previous one, so
 * `scheduleStatus.next` IS the occurrence now running (late when `isPastDue`); `last` is the run before.
 * `scheduledAt` is `next` when it is not in the future, else (run-on-startup, or `scheduleStatus` null because
 * schedule monitoring is off: `useMonitor: false`, sub-minute schedules) the invocation time.
 * @see https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#usage
 * @see https://github.com/Azure/azure-webjobs-sdk-extensions/blob/dev/src/WebJobs.Extensions/Extensions/Timers/Listener/TimerListener.cs
 */
export function toScheduleEvent(input: unknown, context: InvocationContext): ScheduleEvent {
  const timer = isRecord(input) ? input : {}
  // The v4 library camel-cases timer input; accept the host's PascalCase form too (fx azure/timer/*).
  const status = timer.scheduleStatus ?? timer.ScheduleStatus
  const pastDue = timer.isPastDue ?? timer.IsPastDue
  const now = Date.now()
  const next = isRecord(status) ? toDate((status.next ?? status.Next) as string | undefined) : undefined
  return {
    scheduledAt: next && next.getTime() <= now + EARLY_MS ? next : new Date(now),
    isPastDue: pastDue === true,
    name: context.functionName,
    native: { input, metadata: context.triggerMetadata ?? {} },
  }
}

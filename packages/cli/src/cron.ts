import { CliError } from './errors.js'

const FIELD = /^(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/[0-9]+)?)*$/
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const

/** The five fields of a standard cron expression (minute hour day-of-month month day-of-week), checked. */
export function parseCron(cron: string, where: string): string[] {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 5 || !fields.every((f) => FIELD.test(f))) {
    throw new CliError(
      `${where}: "${cron}" is not a five-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 * * * *".`,
    )
  }
  return fields
}

/**
 * EventBridge `cron(...)`: six fields with a year, `?` in one of the two day fields, and days of week 1-7 from
 * Sunday, so numbers become names (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 */
export function toAwsCron(cron: string, where: string): string {
  const [min, hour, dom, month, dow] = parseCron(cron, where) as [string, string, string, string, string]
  if (dom !== '*' && dow !== '*') {
    throw new CliError(
      `${where}: AWS cannot schedule on both a day of the month and a day of the week ("${cron}"); use one.`,
    )
  }
  if (dow === '*') return `cron(${min} ${hour} ${dom} ${month} ? *)`
  if (dow.includes('/'))
    throw new CliError(`${where}: AWS does not accept steps (/) in the day-of-week field ("${cron}").`)
  const days = dow.replace(/[0-7]/g, (d) => DAYS[Number(d)] as string)
  return `cron(${min} ${hour} ? ${month} ${days} *)`
}

/** Azure timer NCRONTAB: six fields, seconds first (https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#ncrontab-expressions). */
export function toAzureCron(cron: string, where: string): string {
  return `0 ${parseCron(cron, where).join(' ')}`
}

import { describe, expect, it } from 'vitest'
import { toAwsCron, toAzureCron } from './cron.js'

describe('cron conversion', () => {
  it.each([
    ['0 * * * *', 'cron(0 * * * ? *)', '0 0 * * * *'],
    ['30 2 1 * *', 'cron(30 2 1 * ? *)', '0 30 2 1 * *'],
    ['0 9 * * 1-5', 'cron(0 9 ? * MON-FRI *)', '0 0 9 * * 1-5'],
    ['*/15 * * * 0,6', 'cron(*/15 * ? * SUN,SAT *)', '0 */15 * * * 0,6'],
    ['0 0 * * 7', 'cron(0 0 ? * SUN *)', '0 0 0 * * 7'],
  ])('%s → AWS %s, Azure %s', (cron, aws, azure) => {
    expect(toAwsCron(cron, 'job')).toBe(aws)
    expect(toAzureCron(cron, 'job')).toBe(azure)
  })

  it('rejects what is not five cron fields, naming the function', () => {
    expect(() => toAwsCron('every hour', 'nightly')).toThrow(
      /nightly: "every hour" is not a five-field cron expression/,
    )
    expect(() => toAzureCron('0 0 * * * *', 'nightly')).toThrow(/five-field/)
  })

  it('rejects what EventBridge cannot express', () => {
    expect(() => toAwsCron('0 0 1 * 1', 'job')).toThrow(/both a day of the month and a day of the week/)
    expect(() => toAwsCron('0 0 * * */2', 'job')).toThrow(/steps/)
  })
})

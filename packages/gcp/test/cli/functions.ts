// Served by the Functions Framework's own CLI in src/framework-cli.test.ts, as a deployment would load it.
import { http, json, messages } from '@faasade/core'
import { backgroundFunction, cloudFunction, register } from '../../src/index.js'

const report = messages(async (m, ctx) => {
  ctx.log.info('received', { id: m.id, text: m.text(), attempt: m.attempt, functionName: ctx.functionName })
  if (m.text() === 'fail') throw new Error('asked to fail')
})

/** gen1: exported background function, `--signature-type=event`. */
export const onMessage = backgroundFunction(report)

/** gen2: exported CloudEvent function, `--signature-type=cloudevent`. */
export const onEvent = cloudFunction(report)

/** HTTP: exported, `--signature-type=http` (the default). */
export const hello = cloudFunction(
  http((req, ctx) =>
    json({ hello: req.query.get('name') ?? 'world', functionName: ctx.functionName, deadline: ctx.deadline }),
  ),
)

// Registered: takes precedence over exports and sets the signature itself.
register('registered', report)

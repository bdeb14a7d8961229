import { type Message, messages } from '@faasade/core'
import { describe, expect, it } from 'vitest'
import { captureLogs } from '../../test/capture-logs.js'
import { fixture } from '../../test/fixture.js'
import { lambda } from '../index.js'
import { invokeLambda, lambdaContext, sns } from '../testing.js'

describe('SNS through lambda()', () => {
  it('doc sample: PascalCase record read; {Type, Value} attributes as strings; nothing returned', async () => {
    const seen: Message[] = []
    const handler = lambda(messages((m) => void seen.push(m)))
    expect(await invokeLambda(handler, fixture('sns', 'lambda-dev-guide-sns'))).toBeUndefined()
    expect(seen).toHaveLength(1)
    const m = seen[0] as Message
    expect(m.id).toBe('95df01b4-ee98-5cb9-9903-4c221d41eb5e')
    expect(m.text()).toBe('Hello from SNS!')
    expect(m.attributes).toEqual({ Test: 'TestString', TestBinary: 'TestBinary' })
    expect(m.attempt).toBe(1)
    expect(m.publishedAt).toEqual(new Date('2019-01-02T12:45:07.000Z'))
  })

  it('a failure rethrows the handler error so Lambda retries the asynchronous event', async () => {
    const handler = lambda(
      messages(() => {
        throw new RangeError('downstream is down')
      }),
    )
    const { logs } = await captureLogs(async () => {
      await expect(invokeLambda(handler, sns('hi'), lambdaContext({ awsRequestId: 'sns-req' }))).rejects.toThrow(
        RangeError,
      )
    })
    expect(logs).toMatchObject([
      { level: 'ERROR', requestId: 'sns-req', errorType: 'RangeError', errorMessage: 'downstream is down' },
    ])
  })

  it('JSON messages and attributes from the builder', async () => {
    const seen: Message[] = []
    await invokeLambda(
      lambda(messages((m) => void seen.push(m))),
      sns({ message: { order: 7 }, attributes: { kind: 'order' } }),
    )
    expect(seen[0]?.json()).toEqual({ order: 7 })
    expect(seen[0]?.attributes).toEqual({ kind: 'order' })
  })
})

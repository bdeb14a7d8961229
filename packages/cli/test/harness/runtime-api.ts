import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the runtime client posted for one invocation (or for init). */
export interface Posted {
  path: 'response' | 'error' | 'init/error'
  headers: IncomingMessage['headers']
  body: string
  json<T = any>(): T
}

interface Pending {
  id: string
  event: unknown
  resolve(posted: Posted): void
  reject(error: Error): void
}

/**
 * A Lambda Runtime API on 127.0.0.1 (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): `/next`
 * long-polls for the queued events, `/response`, `/error` and `/init/error` are recorded and answered 202.
 */
export async function startRuntimeApi(functionName = 'fn') {
  const queue: Pending[] = []
  const inFlight = new Map<string, Pending>()
  const waiting: ServerResponse[] = []
  const initErrors: Posted[] = []
  let onInitError: ((posted: Posted) => void) | undefined
  let counter = 0

  const deliver = (res: ServerResponse, item: Pending): void => {
    inFlight.set(item.id, item)
    res.writeHead(200, {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': item.id,
      'lambda-runtime-deadline-ms': String(Date.now() + 30_000),
      'lambda-runtime-invoked-function-arn': `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
      'lambda-runtime-trace-id': `Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1`,
    })
    res.end(JSON.stringify(item.event))
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = req.url ?? ''
      if (req.method === 'GET' && url.endsWith('/runtime/invocation/next')) {
        const item = queue.shift()
        if (item) deliver(res, item)
        else waiting.push(res)
        return
      }
      const body = Buffer.concat(chunks).toString('utf8')
      const match = /\/runtime\/(?:invocation\/([^/]+)\/(response|error)|(init\/error))$/.exec(url)
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end()
        return
      }
      const path = (match[2] ?? match[3]) as Posted['path']
      const posted: Posted = { path, headers: req.headers, body, json: () => JSON.parse(body) }
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"OK"}')
      if (path === 'init/error') {
        initErrors.push(posted)
        onInitError?.(posted)
        // The runtime exits after an init error: nothing queued will be answered.
        for (const p of [...queue.splice(0), ...inFlight.values()])
          p.reject(new Error(`the runtime failed to init: ${body}`))
        inFlight.clear()
        return
      }
      const id = decodeURIComponent(match[1] as string)
      inFlight.get(id)?.resolve(posted)
      inFlight.delete(id)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    address: `127.0.0.1:${port}`,
    initErrors,
    /** Queues one event and resolves with what the runtime posted back for it. */
    invoke(event: unknown): Promise<Posted> {
      return new Promise((resolve, reject) => {
        const first = initErrors[0]
        if (first) return reject(new Error(`the runtime failed to init: ${first.body}`))
        const item: Pending = { id: `req-${++counter}`, event, resolve, reject }
        const res = waiting.shift()
        if (res) deliver(res, item)
        else queue.push(item)
      })
    },
    /** Resolves with the first `/init/error` post. */
    initError(): Promise<Posted> {
      const first = initErrors[0]
      return first ? Promise.resolve(first) : new Promise((resolve) => (onInitError = resolve))
    },
    async close(): Promise<void> {
      for (const res of waiting) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type RuntimeApi = Awaited<ReturnType<typeof startRuntimeApi>>

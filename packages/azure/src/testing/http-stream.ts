import { request } from 'node:http'
import net from 'node:net'
import type { RpcHttpInit, RpcTypedData } from './rpc.js'

/** What the client received from a streamed response. */
export interface StreamedResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The body chunks in the order they arrived. */
  chunks: Uint8Array[]
  text(): string
}

/**
 * Runs `start` while recording every server it makes listen: the library's HTTP-stream proxy keeps its server
 * to itself, and the harness must close it on `dispose()`.
 */
export function captureServers<T>(start: () => T, servers: net.Server[]): T {
  const listen = net.Server.prototype.listen
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    servers.push(this)
    return (listen as (...a: unknown[]) => net.Server).apply(this, args)
  } as typeof listen
  try {
    return start()
  } finally {
    net.Server.prototype.listen = listen
  }
}

/** The host's trigger metadata for a streamed request: `Headers`, `Query` (ignored by the library), route params. */
export function streamMetadata(init: RpcHttpInit): Record<string, RpcTypedData> {
  const meta: Record<string, RpcTypedData> = {
    Headers: { json: JSON.stringify(init.headers ?? {}) },
    Query: { json: JSON.stringify(Object.fromEntries(new URL(init.url).searchParams)) },
  }
  for (const [k, v] of Object.entries(init.params ?? {})) meta[k] = { string: v }
  return meta
}

/**
 * Forwards a request to the library's proxy as the host does in stream mode (`x-ms-invocation-id`,
 * `x-forwarded-host`/`-proto` headers) and collects the streamed answer.
 * @see https://github.com/Azure/azure-functions-nodejs-library/blob/v4.x/src/http/httpProxy.ts
 */
export function sendToProxy(
  httpUri: string,
  init: RpcHttpInit,
  invocationId: string,
  onChunk?: (chunk: Uint8Array, index: number) => void,
): { response: Promise<StreamedResponse>; abort(): void } {
  const url = new URL(init.url)
  const req = request(new URL(url.pathname + url.search, httpUri), {
    method: init.method ?? 'GET',
    agent: false,
    headers: {
      ...init.headers,
      connection: 'close',
      'x-ms-invocation-id': invocationId,
      'x-forwarded-host': url.host,
      'x-forwarded-proto': url.protocol.slice(0, -1),
    },
  })
  const response = new Promise<StreamedResponse>((resolve, reject) => {
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks: Uint8Array[] = []
      res.on('data', (chunk: Buffer) => {
        chunks.push(new Uint8Array(chunk))
        onChunk?.(chunk, chunks.length - 1)
      })
      res.on('error', reject)
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          chunks,
          text: () => Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
  })
  req.end(init.body)
  return { response, abort: () => req.destroy() }
}

import { randomUUID } from 'node:crypto'
import { readFile, mkdir, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Target } from './artifact.js'
import { awsEntry } from './aws/build.js'
import { writeAzureApp } from './azure/build.js'
import { azurePlan } from './azure/plan.js'
import { bundle } from './bundle.js'
import { lambdaContext, lambdaError } from './dev/aws.js'
import { setCookie } from './dev/azure.js'
import { frameworkEntry } from './dev/gcp.js'
import { type ModuleInfo, discover } from './discover.js'
import { CliError } from './errors.js'
import { cacheDir } from './project.js'

/** Options of `faasade invoke`. */
export interface InvokeOptions {
  module: string
  /** The export to call. */
  name: string
  target: Target
  /** Path of a JSON file holding the native event (or the event itself). */
  event: string | { value: unknown }
}

/** The native result, as the cloud would report it; `ok` is false when the platform would see a failure. */
export interface InvokeResult {
  ok: boolean
  output: unknown
}

async function readEvent(event: InvokeOptions['event']): Promise<unknown> {
  if (typeof event !== 'string') return event.value
  let text: string
  try {
    text = await readFile(resolve(event), 'utf8')
  } catch {
    throw new CliError(`Event file not found: ${event}.`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new CliError(`Event file ${event} is not valid JSON: ${(error as Error).message}`)
  }
}

const record = (v: unknown): Record<string, any> => (v && typeof v === 'object' ? (v as Record<string, any>) : {})

async function invokeAws(mod: ModuleInfo, dir: string, name: string, event: unknown): Promise<InvokeResult> {
  const file = join(dir, 'index.mjs')
  await bundle({ entry: awsEntry(mod), resolveDir: mod.project, outfile: file, projectDirs: [mod.project] })
  const handlers = (await import(pathToFileURL(file).href)) as Record<
    string,
    (e: unknown, c: unknown) => Promise<unknown>
  >
  try {
    return { ok: true, output: (await handlers[name]?.(event, lambdaContext(name, randomUUID()))) ?? null }
  } catch (error) {
    return { ok: false, output: lambdaError(error) }
  }
}

/** An HTTP request for the framework: a CloudEvent (structured), a raw `{ method, path, headers, body }`, or a JSON body. */
function gcpRequest(
  event: unknown,
  kind: string,
): { method: string; path: string; headers: Record<string, string>; body?: string } {
  const e = record(event)
  if (kind === 'http' || kind === 'invoke' || ('headers' in e && 'body' in e && !('specversion' in e))) {
    const body = e.body === undefined ? undefined : typeof e.body === 'string' ? e.body : JSON.stringify(e.body)
    const headers: Record<string, string> = {
      ...(typeof e.body === 'object' && e.body !== null ? { 'content-type': 'application/json' } : {}),
      ...record(e.headers),
    }
    return { method: e.method ?? (body === undefined ? 'GET' : 'POST'), path: e.path ?? '/', headers, body }
  }
  const type = 'specversion' in e ? 'application/cloudevents+json' : 'application/json'
  return { method: 'POST', path: '/', headers: { 'content-type': type }, body: JSON.stringify(event) }
}

async function invokeGcp(mod: ModuleInfo, dir: string, name: string, event: unknown): Promise<InvokeResult> {
  const framework = frameworkEntry(mod.project)
  const file = join(dir, 'index.mjs')
  const entry = `import * as user from ${JSON.stringify(mod.path)}\nimport { register } from '@faasade/gcp'\nregister(${JSON.stringify(name)}, user.${name})\n`
  await bundle({
    entry,
    resolveDir: mod.project,
    outfile: file,
    projectDirs: [mod.project],
    pin: { '@google-cloud/functions-framework': framework },
  })
  await import(pathToFileURL(file).href)
  const server = (createRequire(framework)('./testing.js') as { getTestServer(n: string): Server }).getTestServer(name)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  try {
    const req = gcpRequest(event, mod.functions[0]?.kind ?? 'http')
    const { port } = server.address() as AddressInfo
    const res = await fetch(`http://127.0.0.1:${port}${req.path}`, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(60_000),
    })
    const text = await res.text()
    const headers = Object.fromEntries(res.headers)
    let body: unknown = text
    if (/json/.test(headers['content-type'] ?? '')) body = JSON.parse(text) as unknown
    return { ok: res.status < 400, output: { status: res.status, headers, body } }
  } finally {
    server.closeAllConnections()
    await new Promise<void>((done) => server.close(() => done()))
  }
}

async function invokeAzure(mod: ModuleInfo, dir: string, name: string, event: unknown): Promise<InvokeResult> {
  await writeAzureApp(mod, dir, azurePlan(mod.functions))
  const testing = await import('@faasade/azure/testing')
  const worker = testing.createWorkerHarness()
  try {
    await worker.loadApp(dir)
    const e = record(event)
    const kind = mod.functions[0]?.kind
    const invocation =
      kind === 'http' || kind === 'invoke'
        ? {
            data: testing.rpcHttp({
              method: e.method ?? (e.body === undefined ? 'GET' : 'POST'),
              url: new URL(e.url ?? e.path ?? '/', 'http://localhost:7071').href,
              headers: record(e.headers),
              params: record(e.params),
              body: e.body === undefined ? undefined : typeof e.body === 'string' ? e.body : JSON.stringify(e.body),
            }),
          }
        : {
            data: testing.rpcData('data' in e ? e.data : event),
            triggerMetadata: testing.rpcMetadata(record(e.triggerMetadata)),
          }
    const result = await worker.invoke(name, invocation)
    if (result.http) {
      const { status, headers, cookies, body } = result.http
      const text = new TextDecoder().decode(body)
      const output = {
        status,
        headers,
        cookies: cookies.map(setCookie),
        body: /json/.test(headers['content-type'] ?? '') ? JSON.parse(text) : text,
      }
      return { ok: status < 400, output }
    }
    if (result.error) return { ok: false, output: { error: (result.error as Error).message ?? String(result.error) } }
    return { ok: true, output: result.response ?? null }
  } finally {
    await worker.dispose()
  }
}

/** Builds the module for a cloud and delivers one native event to one function; the result is what that cloud reads back. */
export async function invokeOnce(options: InvokeOptions): Promise<InvokeResult> {
  const event = await readEvent(options.event)
  const mod = await discover(options.module, [options.name])
  const dir = join(cacheDir(mod.project, 'invoke'), `${options.target}-${process.pid}-${randomUUID().slice(0, 8)}`)
  await mkdir(dir, { recursive: true })
  try {
    if (options.target === 'aws') return await invokeAws(mod, dir, options.name, event)
    if (options.target === 'gcp') return await invokeGcp(mod, dir, options.name, event)
    return await invokeAzure(mod, dir, options.name, event)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

import { type FSWatcher, watch } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import type { Target } from '../artifact.js'
import { type ModuleInfo, discover } from '../discover.js'
import { CliError } from '../errors.js'
import { cacheDir } from '../project.js'
import { loadAws } from './aws.js'
import { loadAzure } from './azure.js'
import { loadGcp } from './gcp.js'
import { type Route, findRoute } from './routes.js'

/** A module built for one cloud and loaded in this process, answering HTTP through that cloud's native shape. */
export interface DevTarget {
  routes: Route[]
  serve(route: Route, params: Record<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void>
  close(): Promise<void>
}

/** Builds and loads a module for one cloud into `dir`. */
export type DevLoader = (mod: ModuleInfo, dir: string) => Promise<DevTarget>

const LOADERS: Record<Target, DevLoader> = { aws: loadAws, gcp: loadGcp, azure: loadAzure }

/** Options of `faasade dev`. */
export interface DevOptions {
  module: string
  target: Target
  /** Default 3000; 0 picks a free port. */
  port?: number
  /** Rebuild and reload when a source file of the module changes; default true. */
  watch?: boolean
  /** Where reload notices and errors go. */
  log?: (line: string) => void
}

/** A running `faasade dev` server. */
export interface DevServer {
  url: string
  target: Target
  /** `METHOD /path → function` lines. */
  routes: string[]
  /** Rebuilds and swaps in the new code (what a file change does). */
  reload(): Promise<void>
  close(): Promise<void>
}

let generation = 0

async function load(options: DevOptions): Promise<{ mod: ModuleInfo; target: DevTarget; dir: string }> {
  const mod = await discover(options.module)
  if (!mod.functions.some((f) => f.kind === 'http' || f.kind === 'invoke')) {
    throw new CliError(
      `${options.module} has no http or invoke function to serve; use \`faasade invoke\` for the others.`,
    )
  }
  const dir = join(cacheDir(mod.project, 'dev'), `${options.target}-${process.pid}-${++generation}`)
  await mkdir(dir, { recursive: true })
  return { mod, target: await LOADERS[options.target](mod, dir), dir }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new CliError(`Port ${port} is already in use; pick another with --port.`))
      else reject(error)
    })
    server.listen(port, '127.0.0.1', () => resolve())
  })
}

/**
 * Serves a module's http (and invoke) functions on 127.0.0.1 through the chosen cloud's adapter: the request
 * becomes that cloud's native input, the adapter answers natively, the answer becomes the HTTP response.
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  let current = await load(options)
  const server = createServer((req, res) => {
    const active = current
    const url = new URL(req.url ?? '/', 'http://localhost')
    const found = findRoute(active.target.routes, req.method ?? 'GET', url.pathname)
    if (!found.route) {
      const status = found.methodMismatch ? 405 : 404
      res.writeHead(status, { 'content-type': 'application/problem+json' })
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: status === 405 ? 'Method Not Allowed' : 'Not Found',
          status,
          detail: `No function serves ${req.method} ${url.pathname}.`,
        }),
      )
      return
    }
    active.target.serve(found.route, found.params, req, res).catch((error: unknown) => {
      log(`faasade dev: ${(error as Error).stack ?? String(error)}`)
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end('faasade dev: the function crashed; see the terminal.')
    })
  })
  try {
    await listen(server, options.port ?? 3000)
  } catch (error) {
    await current.target.close()
    await rm(current.dir, { recursive: true, force: true })
    throw error
  }
  const { port } = server.address() as AddressInfo

  let watchers: FSWatcher[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let reloading = Promise.resolve()
  const reload = (): Promise<void> => {
    reloading = reloading.then(async () => {
      try {
        const next = await load(options)
        const old = current
        current = next
        await old.target.close()
        await rm(old.dir, { recursive: true, force: true })
        rewatch()
        log(`faasade dev: reloaded ${options.module}`)
      } catch (error) {
        log(`faasade dev: reload failed, still serving the previous build: ${(error as Error).message}`)
      }
    })
    return reloading
  }
  const rewatch = (): void => {
    for (const w of watchers) w.close()
    watchers = []
    if (options.watch === false) return
    const files = new Set(current.mod.inputs)
    for (const dir of new Set([...files].map((f) => dirname(f)))) {
      const w = watch(dir, (_event, name) => {
        if (!name || !files.has(join(dir, name.toString()))) return
        clearTimeout(timer)
        timer = setTimeout(() => void reload(), 80)
      })
      w.on('error', () => undefined)
      watchers.push(w)
    }
  }
  rewatch()

  // A `/{*path}` twin of a route (GCP mounts) is listed once.
  const lines = (): string[] =>
    current.target.routes
      .filter((r) => !r.template.endsWith('/{*path}'))
      .map((r) => `${r.methods?.join(',') ?? 'ANY'} ${r.template} → ${r.name}`)
  return {
    url: `http://127.0.0.1:${port}`,
    target: options.target,
    get routes() {
      return lines()
    },
    reload,
    async close() {
      clearTimeout(timer)
      for (const w of watchers) w.close()
      await reloading
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await current.target.close()
      await rm(current.dir, { recursive: true, force: true })
    },
  }
}

import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import { TARGETS, type Target } from './artifact.js'
import { build } from './build.js'
import { startDev } from './dev/server.js'
import { CliError } from './errors.js'
import { invokeOnce } from './invoke.js'

/** Where the CLI writes; tests pass their own. */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
}

const USAGE = `Usage:
  faasade build <module> --target aws|gcp|azure|all [--out DIR] [--only a,b] [--region R] [--stack NAME]
  faasade dev <module> --target aws|gcp|azure [--port 3000] [--no-watch]
  faasade invoke <module> <function> --target aws|gcp|azure --event file.json

<module> is a .ts or .js file exporting faasade functions by name.`

const OPTIONS = {
  target: { type: 'string', short: 't' },
  out: { type: 'string', short: 'o' },
  only: { type: 'string' },
  region: { type: 'string' },
  stack: { type: 'string' },
  port: { type: 'string', short: 'p' },
  event: { type: 'string', short: 'e' },
  'no-watch': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

/** A path relative to the current folder when it is inside it, absolute otherwise. */
function show(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel
}

function target(value: string | undefined, allowAll: boolean): Target | 'all' {
  const allowed: readonly string[] = allowAll ? [...TARGETS, 'all'] : TARGETS
  if (!value) throw new CliError(`--target is required: ${allowed.join(' | ')}.`)
  if (!allowed.includes(value)) throw new CliError(`Unknown --target "${value}": use ${allowed.join(' | ')}.`)
  return value as Target | 'all'
}

function port(value: string | undefined): number {
  if (value === undefined) return 3000
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`--port must be a port number (0-65535), got "${value}".`)
  return n
}

async function withStdoutOnStderr<T>(run: () => Promise<T>): Promise<T> {
  const write = process.stdout.write
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof write
  try {
    return await run()
  } finally {
    process.stdout.write = write
  }
}

/** Runs `faasade <argv>`; resolves with the exit code (a dev server keeps running until `signal` aborts). */
export async function main(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    })
    const [command, module, fnName] = positionals
    if (values.version) {
      io.stdout(`${version()}\n`)
      return 0
    }
    if (values.help || !command) {
      io.stdout(`${USAGE}\n`)
      return values.help ? 0 : 1
    }
    if (command !== 'invoke' && fnName !== undefined) throw new CliError(`Unexpected argument "${fnName}".\n${USAGE}`)
    if (!module) throw new CliError(`${command}: give the module that exports your functions.\n${USAGE}`)
    if (command === 'build') {
      const only = values.only
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      const result = await build({
        module,
        target: target(values.target, true),
        out: values.out,
        only,
        region: values.region,
        stack: values.stack,
      })
      for (const name of result.module.skipped) io.stderr(`skipped export "${name}": not a faasade function\n`)
      for (const a of result.artifacts) {
        io.stdout(`${a.target}: ${show(a.dir)} (${show(a.zip)})\n`)
        for (const c of a.commands) io.stdout(`  ${c}\n`)
      }
      return 0
    }
    if (command === 'dev') {
      const server = await startDev({
        module,
        target: target(values.target, false) as Target,
        port: port(values.port),
        watch: !values['no-watch'],
        log: io.stderr,
      })
      io.stdout(`faasade dev (${server.target}) on ${server.url}\n`)
      for (const r of server.routes) io.stdout(`  ${r}\n`)
      await new Promise<void>((resolve) => {
        if (signal?.aborted) resolve()
        signal?.addEventListener('abort', () => resolve(), { once: true })
        process.once('SIGINT', () => resolve())
      })
      await server.close()
      return 0
    }
    if (command === 'invoke') {
      if (!fnName) throw new CliError(`invoke: name the function to call.\n${USAGE}`)
      if (!values.event) throw new CliError('invoke: --event file.json is required (the native event to deliver).')
      const options = { module, name: fnName, target: target(values.target, false) as Target, event: values.event }
      // The function's own logs go to stderr, so stdout carries only the native result.
      const result = await withStdoutOnStderr(() => invokeOnce(options))
      io.stdout(`${JSON.stringify(result.output, null, 2)}\n`)
      return result.ok ? 0 : 1
    }
    throw new CliError(`Unknown command "${command}".\n${USAGE}`)
  } catch (error) {
    if (error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`faasade: ${(error as Error).message}\n`)
      return 1
    }
    io.stderr(`faasade: unexpected error: ${(error as Error).stack ?? String(error)}\n`)
    return 2
  }
}

/** The CLI's version, from its package.json. */
export function version(): string {
  const url = new URL('../package.json', import.meta.url)
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version
}

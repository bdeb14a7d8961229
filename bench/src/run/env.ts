/** The machine and versions a run happened on, for the README. */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { BENCH } from '../paths.js'

const PACKAGES = [
  '@faasade/core',
  '@faasade/aws',
  '@faasade/azure',
  '@faasade/gcp',
  'hono',
  '@middy/core',
  '@middy/http-json-body-parser',
  '@middy/http-error-handler',
  'serverless-http',
  '@marplex/hono-azurefunc-adapter',
  '@azure/functions',
  '@google-cloud/functions-framework',
  'mitata',
  'esbuild',
] as const

export interface RunEnv {
  date: string
  cpus: number
  cpu: string
  node: string
  commit: string
  packages: Record<string, string>
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    return line?.split(':')[1]?.trim() ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: BENCH,
      encoding: 'utf8',
      timeout: 5000,
    }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '../packages/*/src/*'], {
      cwd: BENCH,
      encoding: 'utf8',
      timeout: 5000,
    }).trim()
    return dirty ? `${head} + uncommitted adapter work` : head
  } catch {
    return 'unknown'
  }
}

export function runEnv(): RunEnv {
  const packages: Record<string, string> = {}
  for (const name of PACKAGES) {
    try {
      packages[name] = (
        JSON.parse(readFileSync(`${BENCH}node_modules/${name}/package.json`, 'utf8')) as { version: string }
      ).version
    } catch {
      packages[name] = 'missing'
    }
  }
  return {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    cpu: cpuModel(),
    node: process.version,
    commit: commit(),
    packages,
  }
}

import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { type RuntimeApi, startRuntimeApi } from './runtime-api.js'

const run = promisify(execFile)
const CACHE = fileURLToPath(new URL('../../.cache/ric', import.meta.url))
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url))

/** AWS's runtime clients: 4.x has the Node 24 semantics (no callback handlers), 3.x those of Node 20/22. */
export type RicVersion = '4.0.2' | '3.3.0'

/**
 * Unpacks `aws-lambda-ric@version` into the git-ignored cache with `npm pack` (never `npm install`: its
 * preinstall builds curl and aws-lambda-cpp natively). Concurrent callers wait for the first.
 */
export async function ensureRic(version: RicVersion): Promise<string> {
  const root = join(CACHE, version)
  if (existsSync(join(root, 'package', 'package.json'))) return root
  await mkdir(CACHE, { recursive: true })
  const lock = `${root}.lock`
  try {
    await mkdir(lock)
  } catch {
    for (let i = 0; i < 240 && !existsSync(join(root, 'package', 'package.json')); i++)
      await new Promise((r) => setTimeout(r, 500))
    if (existsSync(join(root, 'package', 'package.json'))) return root
    throw new Error(
      `Timed out waiting for another process to unpack aws-lambda-ric@${version} (remove ${lock} if stale).`,
    )
  }
  try {
    const tmp = await mkdtemp(join(CACHE, `tmp-${version}-`))
    try {
      await run('npm', ['pack', `aws-lambda-ric@${version}`, '--pack-destination', tmp, '--silent'], {
        timeout: 120_000,
      })
    } catch (error) {
      throw new Error(
        `npm pack aws-lambda-ric@${version} failed (the npm registry must be reachable): ${(error as Error).message}`,
      )
    }
    const tgz = (await readdir(tmp)).find((f) => f.endsWith('.tgz'))
    if (!tgz) throw new Error(`npm pack aws-lambda-ric@${version} wrote no tarball`)
    await run('tar', ['-xzf', join(tmp, tgz), '-C', tmp], { timeout: 60_000 })
    await rm(join(tmp, tgz))
    await rename(tmp, root)
    return root
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

/** A runtime client process serving one handler of an unpacked function, with its Runtime API. */
export interface RicProcess {
  api: RuntimeApi
  child: ChildProcess
  output(): string
  exited: Promise<number | null>
  stop(): Promise<void>
}

/** Starts AWS's runtime client on `taskRoot` with `_HANDLER=handler`, driven by a loopback Runtime API. */
export async function startRic(
  version: RicVersion,
  taskRoot: string,
  handler: string,
  timeoutMs = 60_000,
): Promise<RicProcess> {
  const ric = await ensureRic(version)
  const api = await startRuntimeApi(handler.split('.')[1])
  const v4 = version.startsWith('4')
  const args = v4
    ? ['--require', PRELOAD, join(ric, 'package', 'index.mjs')]
    : ['--require', PRELOAD, join(ric, 'package', 'bin', 'index.mjs'), handler]
  const child = spawn(process.execPath, args, {
    cwd: taskRoot,
    env: {
      PATH: process.env.PATH,
      AWS_LAMBDA_RUNTIME_API: api.address,
      _HANDLER: handler,
      LAMBDA_TASK_ROOT: taskRoot,
      AWS_LAMBDA_FUNCTION_NAME: handler.split('.')[1],
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/test',
      AWS_LAMBDA_LOG_STREAM_NAME: '2026/11/24/[$LATEST]test',
      AWS_EXECUTION_ENV: v4 ? 'AWS_Lambda_nodejs24.x' : 'AWS_Lambda_nodejs22.x',
      AWS_REGION: 'us-east-1',
      TZ: 'UTC',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  void exited.then(() => clearTimeout(timer))
  return {
    api,
    child,
    output: () => output,
    exited,
    async stop() {
      clearTimeout(timer)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
      await api.close()
    },
  }
}

import { type ChildProcess, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, symlink } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { packageDir } from '../../src/project.js'

const NAME = '@google-cloud/functions-framework'
const LOOPBACK = fileURLToPath(new URL('./loopback.cjs', import.meta.url))

/** The installed framework's package folder (the workspace's copy). */
export function frameworkDir(): string {
  const dir = packageDir(NAME, [])
  if (!dir) throw new Error(`${NAME} is not installed`)
  return dir
}

/**
 * A temp copy of a built `gcp/source` folder with the framework linked into its node_modules, as the
 * platform's `npm install` would leave it.
 */
export async function prepareSource(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'faasade-gcp-source-'))
  await cp(source, dir, { recursive: true })
  await mkdir(join(dir, 'node_modules', '@google-cloud'), { recursive: true })
  await symlink(frameworkDir(), join(dir, 'node_modules', NAME), 'dir')
  return dir
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** A Functions Framework CLI process serving one target. */
export interface FrameworkProcess {
  url: string
  child: ChildProcess
  output(): string
  stop(): Promise<void>
}

/**
 * Starts the framework's own CLI (`functions-framework --target --signature-type --source --port`) on the
 * folder, the way Cloud Run functions starts it, and resolves once it serves.
 */
export async function startFramework(
  source: string,
  target: string,
  signature: 'http' | 'cloudevent' | 'event',
  timeoutMs = 60_000,
): Promise<FrameworkProcess> {
  const port = await freePort()
  const main = join(frameworkDir(), 'build', 'src', 'main.js')
  const child = spawn(
    process.execPath,
    [
      '--require',
      LOOPBACK,
      main,
      `--target=${target}`,
      `--signature-type=${signature}`,
      `--source=${source}`,
      `--port=${port}`,
    ],
    {
      cwd: source,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        K_SERVICE: target,
        CLOUD_RUN_TIMEOUT_SECONDS: '60',
        GOOGLE_CLOUD_PROJECT: 'demo-project',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  void exited.then(() => clearTimeout(timer))
  await new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      output += c.toString()
      if (output.includes('Serving function...')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
    child.once('exit', (code) => reject(new Error(`functions-framework exited (${code}) before serving:\n${output}`)))
  })
  // Logged during the listen callback, just before the socket accepts; the framework is ready now.
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop() {
      clearTimeout(timer)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
    },
  }
}

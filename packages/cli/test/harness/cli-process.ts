import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { packageDir } from '../../src/project.js'

// The `faasade` bin from source, in its own plain Node process (tsx compiles the TypeScript): what a user runs,
// without the test runner's module conditions in the way.
const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url))
const TSX = pathToFileURL(join(packageDir('tsx', []) as string, 'dist', 'loader.mjs')).href

function spawnCli(args: readonly string[], cwd: string): ChildProcess {
  return spawn(process.execPath, ['--import', TSX, '--conditions=source', BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs `faasade <args>` to completion (killed after `timeoutMs`). */
export function runCli(
  args: readonly string[],
  cwd = process.cwd(),
  timeoutMs = 60_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, cwd)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    }),
  )
}

/** A running `faasade dev`. */
export interface CliDev {
  url: string
  output(): string
  stop(): Promise<void>
}

/** Starts `faasade dev <args>` and resolves with its URL once it serves. */
export async function startCliDev(args: readonly string[], cwd = process.cwd(), timeoutMs = 60_000): Promise<CliDev> {
  const child = spawnCli(['dev', ...args], cwd)
  let output = ''
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString()
      const m = / on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (m) resolve(m[1] as string)
    })
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
    child.once('close', (code) => reject(new Error(`faasade dev exited (${code}):\n${output}`)))
  })
  return {
    url,
    output: () => output,
    async stop() {
      clearTimeout(timer)
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT')
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(killer)
      }
    },
  }
}

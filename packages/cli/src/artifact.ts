import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { FunctionInfo } from './discover.js'

export const TARGETS = ['aws', 'gcp', 'azure'] as const
/** A cloud `faasade build` writes artifacts for. */
export type Target = (typeof TARGETS)[number]

/** What `faasade build` wrote for one target. */
export interface Artifact {
  target: Target
  /** The target's folder inside the output folder. */
  dir: string
  /** The deployable archive. */
  zip: string
  /** Shell commands that deploy it. */
  commands: string[]
}

/** Empties `dir` (it is ours: the build writes it whole). */
export async function freshDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
}

/** Writes a text file, creating its folder. */
export async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, text)
}

/** Import of the user's module plus one line per function, for a generated entry. */
export function entrySource(
  modulePath: string,
  adapterImport: string,
  lines: (f: FunctionInfo) => string,
  functions: readonly FunctionInfo[],
): string {
  return [`import * as user from ${JSON.stringify(modulePath)}`, adapterImport, ...functions.map(lines), ''].join('\n')
}

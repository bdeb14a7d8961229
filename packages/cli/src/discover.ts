import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { FaasFunction, Kind } from '@faasade/core'
import { isFaasFunction } from '@faasade/core'
import { bundle } from './bundle.js'
import { CliError } from './errors.js'
import { cacheDir, projectDir, resolveModule } from './project.js'

/** One faasade function exported by the user's module. */
export interface FunctionInfo {
  /** The export name; also the function's name on every cloud. */
  name: string
  kind: Kind
  fn: FaasFunction
}

/** The user's module: its path, its project and its faasade exports. */
export interface ModuleInfo {
  path: string
  project: string
  functions: FunctionInfo[]
  /** Exports that are not faasade functions (schemas, helpers), left out of the artifacts. */
  skipped: string[]
  /** Source files the module was built from (watched by `faasade dev`). */
  inputs: string[]
}

let counter = 0

/** Loads the module's exports by bundling it (TypeScript included) and importing the bundle. */
async function loadExports(
  path: string,
  project: string,
): Promise<{ exports: Record<string, unknown>; inputs: string[] }> {
  const dir = cacheDir(project, 'discover')
  await mkdir(dir, { recursive: true })
  const outfile = join(dir, `module-${process.pid}-${++counter}.mjs`)
  try {
    const { inputs } = await bundle({
      entry: `import * as m from ${JSON.stringify(path)}\nexport const exportsOf = m\n`,
      resolveDir: project,
      outfile,
      projectDirs: [project],
      externalPackages: true,
    })
    let loaded: { exportsOf: Record<string, unknown> }
    try {
      loaded = (await import(pathToFileURL(outfile).href)) as typeof loaded
    } catch (error) {
      throw new CliError(`The module ${path} threw while loading: ${(error as Error).message ?? String(error)}`)
    }
    return { exports: { ...loaded.exportsOf }, inputs }
  } finally {
    await rm(outfile, { force: true })
  }
}

/**
 * Finds the faasade functions a module exports. `only` picks some by name: a missing name or a name that is not a
 * faasade function is a clear error, as is a module with no faasade function at all.
 */
export async function discover(module: string, only?: readonly string[]): Promise<ModuleInfo> {
  const path = resolveModule(module)
  const project = projectDir(path)
  const { exports, inputs } = await loadExports(path, project)
  const functions: FunctionInfo[] = []
  const skipped: string[] = []
  for (const [name, value] of Object.entries(exports)) {
    if (isFaasFunction(value) && name === 'default' && (!only?.length || only.includes(name))) {
      throw new CliError(
        `${module}: export the default faasade function under a name; the name becomes the function's name on each cloud.`,
      )
    }
    if (isFaasFunction(value) && name !== 'default') functions.push({ name, kind: value.kind, fn: value })
    else skipped.push(name)
  }
  const available = functions.map((f) => f.name).join(', ') || 'none'
  if (only?.length) {
    for (const name of only) {
      if (!(name in exports))
        throw new CliError(`${module} has no export named "${name}". Its faasade functions: ${available}.`)
      if (!functions.some((f) => f.name === name)) {
        throw new CliError(
          `The export "${name}" of ${module} is not a faasade function (make it with http(), messages(), objects(), schedule(), events() or invoke() from @faasade/core).`,
        )
      }
    }
    return { path, project, functions: functions.filter((f) => only.includes(f.name)), skipped, inputs }
  }
  if (functions.length === 0) {
    throw new CliError(
      `${module} exports no faasade function${skipped.length ? ` (its exports: ${skipped.join(', ')})` : ''}. Export one made with http(), messages(), objects(), schedule(), events() or invoke().`,
    )
  }
  return { path, project, functions, skipped, inputs }
}

import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CliError } from './errors.js'

/** Where the CLI itself is installed; platform packages it ships are resolved from here when the project lacks them. */
export const CLI_DIR: string = dirname(fileURLToPath(import.meta.url))

/** The absolute path of the user's module, or a clear error when it does not exist. */
export function resolveModule(module: string, cwd: string = process.cwd()): string {
  const path = resolve(cwd, module)
  if (!existsSync(path)) throw new CliError(`Module not found: ${module} (looked at ${path}).`)
  return path
}

/** The folder of the nearest package.json above `file` (the user's project), or the file's folder. */
export function projectDir(file: string): string {
  let dir = dirname(file)
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir
    const up = dirname(dir)
    if (up === dir) return dirname(file)
    dir = up
  }
}

/** Resolves `request` from the project first, then from the CLI's own dependencies. */
export function resolveFrom(request: string, fromDirs: readonly string[]): string | undefined {
  for (const dir of [...fromDirs, CLI_DIR]) {
    try {
      return createRequire(join(dir, 'noop.js')).resolve(request)
    } catch {
      // try the next place
    }
  }
  return undefined
}

/** A cache folder inside the project's node_modules, so bundles written there resolve the project's packages. */
export function cacheDir(project: string, name: string): string {
  return join(project, 'node_modules', '.cache', 'faasade', name)
}

/** The real folder of an installed package (found through its package.json, or its main file when that is not exported). */
export function packageDir(name: string, fromDirs: readonly string[]): string | undefined {
  const manifest = resolveFrom(`${name}/package.json`, fromDirs)
  if (manifest) return dirname(realpathSync(manifest))
  const main = resolveFrom(name, fromDirs)
  for (let dir = main && dirname(main); dir && dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name)
      return realpathSync(dir)
  }
  return undefined
}

import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { CliError } from '../errors.js'
import { packageDir } from '../project.js'

interface Manifest {
  name: string
  version: string
  dependencies?: Record<string, string>
}

/** `name` and its production dependencies, each resolved from the package that needs it. */
function closure(name: string, fromDirs: readonly string[]): Map<string, { dir: string; version: string }> {
  const found = new Map<string, { dir: string; version: string }>()
  const visit = (pkg: string, from: readonly string[]): boolean => {
    const dir = packageDir(pkg, from)
    if (!dir) return false
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
    const seen = found.get(pkg)
    if (seen) {
      if (seen.version !== manifest.version)
        throw new CliError(`Cannot flatten ${pkg}: versions ${seen.version} and ${manifest.version} are both needed.`)
      return true
    }
    found.set(pkg, { dir, version: manifest.version })
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (!visit(dep, [dir])) throw new CliError(`${pkg} needs ${dep}, which is not installed next to it.`)
    }
    return true
  }
  return visit(name, fromDirs) ? found : new Map()
}

/**
 * Puts `@azure/functions` (and its dependencies) into `appDir/node_modules`. The copy comes from the installed
 * copy the project (or the CLI) resolves — offline and the same version the tests ran; `npm install` is the
 * fallback when none is installed. Returns the installed version.
 */
export async function installAzureFunctions(appDir: string, fromDirs: readonly string[]): Promise<string> {
  const packages = closure('@azure/functions', fromDirs)
  const own = packages.get('@azure/functions')
  if (own) {
    for (const [name, { dir }] of packages) {
      await cp(dir, join(appDir, 'node_modules', name), {
        recursive: true,
        dereference: true,
        filter: (src) => !src.slice(dir.length).includes('node_modules'),
      })
    }
    return own.version
  }
  try {
    await promisify(execFile)('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'], {
      cwd: appDir,
      timeout: 180_000,
    })
  } catch (error) {
    throw new CliError(
      `@azure/functions is not installed in your project and \`npm install\` in ${appDir} failed (offline?). Add @azure/functions to your project's dependencies and build again.\n${(error as Error).message}`,
    )
  }
  const installed = createRequire(join(appDir, 'noop.js')).resolve('@azure/functions/package.json')
  return (JSON.parse(readFileSync(installed, 'utf8')) as Manifest).version
}

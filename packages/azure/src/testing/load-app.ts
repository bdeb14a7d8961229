import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over slash-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  const p = pattern.replace(/^\.\//, '')
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string
    if (c === '*') {
      if (p[i + 1] === '*') {
        re += p[i + 2] === '/' ? '(?:.*/)?' : '.*'
        i += p[i + 2] === '/' ? 2 : 1
      } else re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '{') {
      const end = p.indexOf('}', i)
      re += `(?:${p
        .slice(i + 1, end)
        .split(',')
        .map(escapeRegExp)
        .join('|')})`
      i = end
    } else re += escapeRegExp(c)
  }
  return new RegExp(`^${re}$`)
}

const escapeRegExp = (s: string): string => s.replace(/[.+^$()|[\]\\]/g, '\\$&')

function walk(dir: string, root: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) walk(full, root, out)
    else out.push(relative(root, full).split(sep).join('/'))
  }
}

/** The files package.json `main` names, expanded as the worker does with globby (sorted). */
export function expandMain(dir: string, main: string): string[] {
  if (!/[*?{]/.test(main)) return existsSync(join(dir, main)) ? [main.replace(/^\.\//, '')] : []
  const all: string[] = []
  walk(dir, dir, all)
  const re = globToRegExp(main)
  return all.filter((f) => re.test(f)).sort()
}

const loaded = new Set<string>()

/** ESM by extension, else by package.json `type` (loadScriptFile.ts). */
const isEsm = (file: string, type: unknown): boolean =>
  file.endsWith('.mjs') || (!file.endsWith('.cjs') && type === 'module')

/**
 * Loads an app's entry points the way the Node worker's `startApp` does: read package.json `main`, expand it,
 * `import()` ESM files and `require` the rest, so `app.*` calls run against the app's own
 * `node_modules/@azure/functions`.
 * @see https://github.com/Azure/azure-functions-nodejs-worker/blob/v3.x/src/startApp.ts
 */
export async function loadEntryPoints(dir: string): Promise<string[]> {
  const pkgPath = join(dir, 'package.json')
  if (!existsSync(pkgPath)) throw new Error(`faasade: ${dir} has no package.json`)
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { main?: string; type?: string }
  if (!pkg.main) throw new Error(`faasade: ${pkgPath} has no "main"; the worker would load no functions`)
  const files = expandMain(dir, pkg.main)
  if (files.length === 0) {
    throw new Error(
      `Worker was unable to load entry point "${pkg.main}": Found zero files matching the supplied pattern`,
    )
  }
  const require = createRequire(pkgPath)
  for (const file of files) {
    const full = join(dir, file)
    // Loading the same app again (a dev server reloading) must run its app.* calls again: bypass the caches.
    const again = loaded.has(full)
    loaded.add(full)
    if (isEsm(full, pkg.type)) {
      const url = pathToFileURL(full).href
      await import(/* @vite-ignore */ again ? `${url}?reload=${loaded.size}-${Date.now()}` : url)
    } else {
      if (again) delete require.cache[require.resolve(full)]
      require(full)
    }
  }
  return files
}

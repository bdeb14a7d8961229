import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type Message, type Metafile, type Plugin, build } from 'esbuild'
import { CliError } from './errors.js'
import { resolveFrom } from './project.js'

/** Packages each cloud installs itself and that must stay `require`/`import`-able at run time. */
export const PLATFORM_PACKAGES = [
  '@azure/functions',
  '@azure/functions-core',
  '@google-cloud/functions-framework',
] as const

export interface BundleOptions {
  /** JavaScript source of the entry; imports resolve from `resolveDir`. */
  entry: string
  resolveDir: string
  outfile: string
  /** Folders to resolve `@faasade/*` from (the user's project first). */
  projectDirs: readonly string[]
  /** Bare imports left out of the bundle. */
  external?: readonly string[]
  /** Leave every bare import except `@faasade/*` out of the bundle (discovery, where the project's node_modules are reachable). */
  externalPackages?: boolean
  minify?: boolean
  /** Bare imports kept external but rewritten to these absolute files (dev: the exact copy the CLI drives). */
  pin?: Readonly<Record<string, string>>
}

/** What a bundle was built from, for reload on change. */
export interface BundleResult {
  inputs: string[]
}

const FAASADE = /^@faasade\/(core|aws|gcp|azure)(\/[a-z-]+)?$/

/**
 * Resolves `@faasade/*` to one copy (the project's when it has one), using the package's `source` condition when
 * its sources ship beside it: one copy means one `HttpError` class, so `instanceof` holds across user code and adapter.
 */
function faasadePlugin(projectDirs: readonly string[]): Plugin {
  return {
    name: 'faasade-resolve',
    setup(b) {
      b.onResolve({ filter: FAASADE }, (args) => {
        const [, pkg, sub = ''] = FAASADE.exec(args.path) as RegExpExecArray
        const manifest = resolveFrom(`@faasade/${pkg}/package.json`, projectDirs)
        if (!manifest) return undefined
        const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports
        const entry = exports?.[`.${sub}`] as { source?: string; import?: { default?: string } } | undefined
        for (const rel of [entry?.source, entry?.import?.default]) {
          if (rel && existsSync(join(dirname(manifest), rel))) return { path: join(dirname(manifest), rel) }
        }
        return undefined
      })
    },
  }
}

function formatMessages(messages: readonly Message[]): string {
  return messages
    .map((m) => (m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text))
    .join('\n')
}

// Bundled CommonJS dependencies may call `require` for Node built-ins; an ESM bundle needs a real one.
const ESM_BANNER =
  "import { createRequire as __faasadeCreateRequire } from 'node:module';\nconst require = __faasadeCreateRequire(import.meta.url);"

/** Bundles user code + core + adapter into one ESM file for Node 22; platform packages stay external. */
export async function bundle(options: BundleOptions): Promise<BundleResult> {
  let metafile: Metafile
  try {
    const result = await build({
      stdin: { contents: options.entry, resolveDir: options.resolveDir, sourcefile: 'faasade-entry.js', loader: 'js' },
      outfile: options.outfile,
      absWorkingDir: options.resolveDir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: { js: ESM_BANNER },
      external: [...PLATFORM_PACKAGES.filter((p) => !options.pin?.[p]), ...(options.external ?? [])],
      plugins: [
        ...(options.pin ? [pinPlugin(options.pin)] : []),
        faasadePlugin(options.projectDirs),
        ...(options.externalPackages ? [externalPackagesPlugin()] : []),
      ],
      minify: options.minify ?? false,
      legalComments: 'none',
      sourcemap: false,
      metafile: true,
      logLevel: 'silent',
      write: true,
    })
    metafile = result.metafile
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (errors?.length) throw new CliError(`Could not bundle the module:\n${formatMessages(errors)}`)
    throw error
  }
  const inputs = Object.keys(metafile.inputs).filter((p) => !p.startsWith('<') && !p.includes('node_modules'))
  return { inputs: inputs.map((p) => resolve(options.resolveDir, p)) }
}

function pinPlugin(pin: Readonly<Record<string, string>>): Plugin {
  return {
    name: 'faasade-pin',
    setup(b) {
      b.onResolve({ filter: /^[@a-z]/ }, (args) => {
        const path = pin[args.path]
        return path ? { path, external: true } : undefined
      })
    },
  }
}

function externalPackagesPlugin(): Plugin {
  return {
    name: 'faasade-external-packages',
    setup(b) {
      // Runs after faasadePlugin: anything bare that is not @faasade/* is loaded from node_modules at run time.
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        args.path.startsWith('@faasade/') ? undefined : { path: args.path, external: true },
      )
    },
  }
}

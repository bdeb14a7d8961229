/**
 * Bundles each entry of `entries/` the way a Lambda deploy does: esbuild, minified ESM for Node 20, workspace
 * packages from their TypeScript sources (the `source` condition, so no build is needed), zod external.
 */
import { build } from 'esbuild'
import { mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { COLD_CACHE, ENTRY_DIR } from '../paths.js'

export const ENTRIES = {
  raw: 'raw-hello',
  faasade: 'faasade-hello',
  hono: 'hono-hello',
  middy: 'middy-hello',
  'serverless-http': 'serverless-http-hello',
} as const

export const LIBRARIES = {
  faasade: { entry: 'faasade-lib', what: '@faasade/core + @faasade/aws (zod excluded)' },
  hono: { entry: 'hono-lib', what: 'hono + hono/aws-lambda' },
  middy: { entry: 'middy-lib', what: '@middy/core + http-json-body-parser + http-error-handler' },
  'serverless-http': { entry: 'serverless-http-lib', what: 'serverless-http' },
} as const

// esbuild's ESM output has no `require`; CommonJS dependencies (serverless-http) need one for node builtins.
const REQUIRE_SHIM = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);"

export interface Bundle {
  entry: string
  file: string
  bytes: number
  gzipBytes: number
}

export async function bundle(entry: string): Promise<Bundle> {
  mkdirSync(COLD_CACHE, { recursive: true })
  const file = `${COLD_CACHE}${entry}.mjs`
  const result = await build({
    entryPoints: [`${ENTRY_DIR}${entry}.ts`],
    outfile: file,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    external: ['zod'],
    banner: entry.startsWith('serverless-http') ? { js: REQUIRE_SHIM } : {},
    legalComments: 'none',
    logLevel: 'silent',
    write: false,
  })
  const out = result.outputFiles?.[0]
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`)
  writeFileSync(file, out.contents)
  // The shim is ours, not the library's: leave it out of the size.
  const bytes = out.contents.byteLength - (entry.startsWith('serverless-http') ? Buffer.byteLength(REQUIRE_SHIM) : 0)
  return { entry, file, bytes, gzipBytes: gzipSync(out.contents, { level: 9 }).byteLength }
}

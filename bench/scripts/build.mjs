// Bundles the bench runner into .cache/bench.mjs, so `pnpm bench` runs plain JavaScript under plain Node:
// no TypeScript loader, no source-map support (which makes every `error.stack` several times slower).
// faasade comes from its TypeScript sources (the `source` condition), compiled as tsup compiles it for
// dist (esbuild, node20); the peers and provider libraries stay external, loaded from node_modules as shipped.
// FAASADE_PACKAGES=/some/copy/packages bundles faasade from a scratch copy instead (to measure a fix).
// Usage: node scripts/build.mjs [outfile] (default .cache/bench.mjs)
import { build } from 'esbuild'
import { faasadeFrom } from './faasade-from.mjs'

const scratch = process.env.FAASADE_PACKAGES

await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outfile: process.argv[2] ?? new URL('../.cache/bench.mjs', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['source'],
  plugins: [faasadeFrom(scratch)],
  logLevel: 'warning',
})
if (scratch) console.error(`bench: faasade bundled from ${scratch}`)

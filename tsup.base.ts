import { type Options, defineConfig } from 'tsup'

/** How every package builds: ESM + CJS + .d.ts for Node 20, shared chunks so both entry points see one core. */
export function packageBuild(entry: string[], overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: true,
    treeshake: true,
    ...overrides,
  })
}

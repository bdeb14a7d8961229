import { defineConfig } from 'vitest/config'

// Workspace packages resolve to their TypeScript sources through the `source` export condition,
// so tests never need a build.
export default defineConfig({
  // No `import` here: vitest hands these to Node as --conditions, and then CommonJS `require('is-promise')`
  // inside Express (under the Functions Framework) would load the package's ESM file.
  resolve: { conditions: ['source', 'module', 'node', 'default'] },
  ssr: { resolve: { conditions: ['source', 'node', 'default'], externalConditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/*/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], tsconfig: './tsconfig.typetest.json' },
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})

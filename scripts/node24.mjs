// Runs a script under Node 24 (fetched from the npm registry by npx), where users deploy: Lambda's Node 24 runtime
// is where arity-3 handlers are rejected, and where the bench's timings matter most.
// Usage: node scripts/node24.mjs vitest <args>   (vitest from the root node_modules)
//        node scripts/node24.mjs <node args and script> <args>
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
const args = process.argv.slice(2)
if (args[0] === 'vitest') args[0] = vitest
const version = spawnSync('npx', ['-y', 'node@24', '--version'], { encoding: 'utf8' })
if (version.status !== 0 || !/^v24\./.test(version.stdout.trim())) {
  console.error(`node24: could not get Node 24 from the npm registry (npx -y node@24):\n${version.stderr}`)
  process.exit(1)
}
console.log(`node24: running ${args.join(' ')} on Node ${version.stdout.trim()}`)
const run = spawnSync('npx', ['-y', 'node@24', ...args], { stdio: 'inherit' })
process.exit(run.status ?? 1)

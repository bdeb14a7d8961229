// Runs vitest under Node 24 (fetched from the npm registry by npx), where users deploy:
// Lambda's Node 24 runtime is where arity-3 handlers are rejected.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
const args = process.argv.slice(2)
if (args[0] === 'vitest') args.shift()
const version = spawnSync('npx', ['-y', 'node@24', '--version'], { cwd: root, encoding: 'utf8' })
if (version.status !== 0 || !/^v24\./.test(version.stdout.trim())) {
  console.error(`node24: could not get Node 24 from the npm registry (npx -y node@24):\n${version.stderr}`)
  process.exit(1)
}
console.log(`node24: running vitest ${args.join(' ')} on Node ${version.stdout.trim()}`)
const run = spawnSync('npx', ['-y', 'node@24', vitest, ...args], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)

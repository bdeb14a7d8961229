// Paired A/B of a change to faasade's AWS HTTP path: two builds of the packages timed in one process, in
// interleaved rounds (order rotated per round), beside the raw floor of the same case. A slow spell of the host
// then falls on A and B alike, so their ratio holds where a full `pnpm bench` run scatters.
// Usage: node scripts/ab.mjs <A packages dir> [B packages dir] [--rounds=15]
//   git worktree add /tmp/base HEAD && node scripts/ab.mjs /tmp/base/packages   (B: this checkout's packages/)
//   node ../scripts/node24.mjs scripts/ab.mjs /tmp/base/packages                 (the same on Node 24)
import { mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { faasadeFrom } from './faasade-from.mjs'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '15' } },
})
const [dirA, dirB] = positionals
if (!dirA) throw new Error('usage: node scripts/ab.mjs <A packages dir> [B packages dir] [--rounds=15]')
const BENCH = new URL('../', import.meta.url).pathname
const OUT = `${BENCH}.cache/ab/`
mkdirSync(OUT, { recursive: true })

async function bundle(name, contents, packages) {
  await build({
    stdin: { contents, resolveDir: BENCH, loader: 'ts' },
    outfile: `${OUT}${name}.mjs`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['source'],
    plugins: [faasadeFrom(packages)],
    logLevel: 'warning',
  })
  return import(`${OUT}${name}.mjs`)
}

const faasade = `export { lambda } from '@faasade/aws'
export { faasadeGet, faasadePost } from './src/functions.ts'`
// Every case, as the bench process loads them (peers and provider libraries too): the same loaded heap.
const floors = `export { cases } from './src/cases/index.ts'
export { rawGet } from './src/cases/aws-http-get.ts'
export { rawPost } from './src/cases/aws-http-post.ts'
export { httpApiGet, httpApiPost, lambdaContext } from './src/inputs/aws.ts'`

const F = await bundle('floors', floors)
const A = await bundle('a', faasade, dirA)
const B = await bundle('b', faasade, dirB)

const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) * 1e3
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

/** ns per call of one ~2 ms batch. */
async function batch(handler, event, calls) {
  const t0 = cpuNow()
  for (let i = 0; i < calls; i++) await handler({ ...event }, F.lambdaContext)
  return (cpuNow() - t0) / calls
}

async function pair(caseName, event, variants) {
  const names = Object.keys(variants)
  for (const name of names) for (let i = 0; i < 20_000; i++) await variants[name]({ ...event }, F.lambdaContext)
  const calls = Math.max(50, Math.round(2e6 / (await batch(variants.floor, event, 1000))))
  const rounds = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const name of names.map((_, i) => names[(i + r) % names.length])) {
      const samples = []
      for (let k = 0; k < 50; k++) samples.push(await batch(variants[name], event, calls))
      rounds[name].push(median(samples))
    }
  }
  const ratio = (a, b) => median(rounds[a].map((x, i) => x / rounds[b][i]))
  const spread = rounds.b.map((x, i) => x / rounds.a[i])
  const ns = (n) => `${median(rounds[n]).toFixed(0)} ns`
  console.log(
    `${caseName} (Node ${process.versions.node}): floor ${ns('floor')}; A ${ns('a')} (${ratio('a', 'floor').toFixed(3)}×);` +
      ` B ${ns('b')} (${ratio('b', 'floor').toFixed(3)}×); B/A ${ratio('b', 'a').toFixed(4)}` +
      ` (rounds ${Math.min(...spread).toFixed(3)}–${Math.max(...spread).toFixed(3)})`,
  )
}

await pair('aws-http-get', F.httpApiGet, { floor: F.rawGet, a: A.lambda(A.faasadeGet), b: B.lambda(B.faasadeGet) })
await pair('aws-http-post', F.httpApiPost, { floor: F.rawPost, a: A.lambda(A.faasadePost), b: B.lambda(B.faasadePost) })

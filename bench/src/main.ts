/**
 * `pnpm bench`: smoke check, then timings (rounds × variants), cold starts and bundle sizes, as markdown.
 * `pnpm smoke` (`--smoke [--json]`): every case and every bundled entry runs and agrees with its floor; no timing.
 * Flags: --clock=cpu|wall (cpu) --rounds=N (5) --min-ms=N (250) --cold-runs=N (25) --only=<case id part> --no-cold --write-readme
 * Profiling: `node --cpu-prof .cache/bench.mjs --profile=<case>:<variant> [--seconds=5]`, then `node scripts/top.mjs`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { cases } from './cases/index.js'
import { coldSmoke, coldStarts, sizes } from './cold/cold.js'
import { runEnv } from './run/env.js'
import { measureAll, measureRound } from './run/measure.js'
import { BENCH } from './paths.js'
import { caseTable, coldTable, envBlock, sizeTable, targetTable, targets } from './run/report.js'
import { quietly } from './run/quiet.js'
import { formatSmoke, smoke } from './run/smoke.js'

// `pnpm bench -- --rounds=3` passes the `--` through.
const argv = process.argv.slice(2).filter((a) => a !== '--')
const { values } = parseArgs({
  args: argv,
  options: {
    smoke: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '5' },
    'min-ms': { type: 'string', default: '250' },
    'cold-runs': { type: 'string', default: '25' },
    only: { type: 'string' },
    'no-cold': { type: 'boolean', default: false },
    'write-readme': { type: 'boolean', default: false },
    clock: { type: 'string', default: 'cpu' },
    profile: { type: 'string' },
    worker: { type: 'string' },
    round: { type: 'string', default: '0' },
    variant: { type: 'string' },
    seconds: { type: 'string', default: '5' },
  },
})

const log = (line: string) => process.stderr.write(`${line}\n`)
const selected = values.only ? cases.filter((c) => c.id.includes(values.only as string)) : cases

if (values.worker) {
  // One round of one case in this fresh process (see run/measure.ts); the result is the last stdout line.
  const c = cases.find((k) => k.id === values.worker)
  if (!c) throw new Error(`no case ${values.worker}`)
  const clock = values.clock === 'wall' ? 'wall' : 'cpu'
  const variant = values.variant === undefined ? undefined : Number(values.variant)
  const result = await measureRound(c, Number(values.round), { clock, minMs: Number(values['min-ms']), variant })
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(0)
}

if (values.profile) {
  // `node --cpu-prof .cache/bench.mjs --profile=aws-http-get:faasade`: one variant in a loop, nothing else.
  const [caseId, variantName] = values.profile.split(':')
  const variant = cases.find((c) => c.id === caseId)?.variants.find((v) => v.name === variantName)
  if (!variant) throw new Error(`no variant ${values.profile}; try e.g. aws-http-get:faasade`)
  const invoker = await variant.build()
  const until = performance.now() + Number(values.seconds) * 1000
  let calls = 0
  await quietly(async () => {
    while (performance.now() < until) for (let i = 0; i < 100; i++, calls++) await invoker.invoke()
  })
  await invoker.close?.()
  log(`${values.profile}: ${calls} calls, ${((Number(values.seconds) * 1e9) / calls).toFixed(0)} ns/call`)
  process.exit(0)
}

const started = performance.now()
const smokeRows = await smoke(selected)
log(formatSmoke(smokeRows))
const smokeOk = smokeRows.every((r) => r.agrees)

if (values.smoke) {
  const cold = await coldSmoke()
  for (const r of cold)
    log(`${r.agrees ? '✓' : '✗'} cold-start       ${r.variant.padEnd(16)} ${r.agrees ? 'agrees' : r.detail}`)
  const size = await sizes()
  for (const s of size) log(`✓ bundle           ${s.variant.padEnd(16)} ${s.bundle.bytes} bytes minified`)
  const ok = smokeOk && cold.every((r) => r.agrees)
  log(ok ? 'smoke: every case agrees with its floor' : 'smoke: FAILED')
  if (values.json) {
    const rows = smokeRows.map(({ outcome: _, ...row }) => row)
    const sizeRows = size.map((s) => ({ variant: s.variant, bytes: s.bundle.bytes }))
    process.stdout.write(`${JSON.stringify({ rows, cold, sizes: sizeRows })}\n`)
  }
  process.exitCode = ok ? 0 : 1
} else {
  if (!smokeOk) log('warning: some variants disagree with their floor; their timings are not comparable')
  // What was bundled, read before the run (others may commit while it runs).
  const env = runEnv()
  const clock = values.clock === 'wall' ? 'wall' : 'cpu'
  const options = {
    clock,
    rounds: Number(values.rounds),
    minMs: Number(values['min-ms']),
    coldRuns: Number(values['cold-runs']),
  } as const
  const { timings, references } = measureAll(selected, {
    ...options,
    script: fileURLToPath(import.meta.url),
    onProgress: log,
  })
  const cold = values['no-cold'] ? undefined : await coldStarts(options.coldRuns)
  const size = await sizes()
  const script = process.versions.node.startsWith('24.') ? 'bench:node24' : 'bench'
  const command = `pnpm ${script}${argv.length ? ` -- ${argv.join(' ')}` : ''}`
  const sections = [
    '#### Per invocation',
    caseTable(selected, timings),
    '#### Targets',
    targetTable(targets(selected, timings, cold, size)),
    ...(cold ? ['#### Cold start (bundled AWS entry, fresh process each run)', coldTable(cold)] : []),
    '#### Bundle size',
    sizeTable(size),
    '#### Run',
    envBlock(env, options, command, references),
  ]
  const markdown = `${sections.join('\n\n')}\n`
  process.stdout.write(`\n${markdown}`)
  mkdirSync(`${BENCH}.cache`, { recursive: true })
  writeFileSync(`${BENCH}.cache/results.md`, markdown)
  writeFileSync(
    `${BENCH}.cache/results.json`,
    JSON.stringify({ env, options, timings, cold, size, smoke: smokeRows }, null, 2),
  )
  if (values['write-readme']) {
    // Each Node major has its own block: the library supports Node 20, and users deploy on Node 24.
    const block = `results-node${process.versions.node.split('.')[0]}`
    const readme = `${BENCH}README.md`
    const text = readFileSync(readme, 'utf8')
    const [head, rest] = text.split(`<!-- ${block}:start -->`)
    const tail = rest?.split(`<!-- ${block}:end -->`)[1]
    if (head === undefined || tail === undefined) throw new Error(`README.md lacks the ${block} markers`)
    writeFileSync(readme, `${head}<!-- ${block}:start -->\n${markdown}<!-- ${block}:end -->${tail}`)
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

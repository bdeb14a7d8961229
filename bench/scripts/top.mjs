// Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by function, and time including callees.
// Usage: node scripts/top.mjs [file.cpuprofile | dir] [rows=25]
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

let file = process.argv[2] ?? '.'
if (statSync(file).isDirectory()) {
  const profiles = readdirSync(file)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(file, f))
  profiles.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  if (!profiles[0]) throw new Error(`no .cpuprofile in ${file}`)
  file = profiles[0]
}
const rows = Number(process.argv[3] ?? 25)
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'))
const byId = new Map(nodes.map((n) => [n.id, n]))
const parent = new Map()
for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id)
const self = new Map()
const total = new Map()
let all = 0
const name = (n) => {
  const f = n.callFrame
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|packages|bench)\//, '$1/')}:${f.lineNumber + 1}` : ''
  return `${f.functionName || '(anonymous)'} ${where}`.trim()
}
for (let i = 0; i < samples.length; i++) {
  const dt = timeDeltas[i] ?? 0
  all += dt
  let n = byId.get(samples[i])
  self.set(name(n), (self.get(name(n)) ?? 0) + dt)
  const seen = new Set()
  while (n) {
    const k = name(n)
    if (!seen.has(k)) {
      total.set(k, (total.get(k) ?? 0) + dt)
      seen.add(k)
    }
    n = byId.get(parent.get(n.id))
  }
}
const pct = (v) => `${((100 * v) / all).toFixed(1).padStart(5)}%`
console.log(`${file}: ${(all / 1e3).toFixed(0)} ms sampled\n-- self --`)
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(pct(v), k)
console.log('-- total (with callees) --')
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(pct(v), k)

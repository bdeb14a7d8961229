// Loads every built entry of every package the way a user's plain Node does: ESM import and CJS require,
// by package name, from outside the workspace. vitest resolves sources; this checks what ships.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'faasade-smoke-'))
mkdirSync(join(dir, 'node_modules', '@faasade'), { recursive: true })
let failed = 0
let passed = 0
try {
  for (const name of readdirSync(join(root, 'packages'))) {
    const pkgDir = join(root, 'packages', name)
    if (!existsSync(join(pkgDir, 'package.json'))) continue
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
    if (!existsSync(join(pkgDir, 'dist'))) {
      console.error(`✗ ${pkg.name}: no dist/ (run pnpm build first)`)
      failed++
      continue
    }
    symlinkSync(pkgDir, join(dir, 'node_modules', pkg.name))
    for (const [sub, target] of Object.entries(pkg.exports ?? { '.': {} })) {
      if (sub === './package.json' || typeof target !== 'object') continue
      const spec = sub === '.' ? pkg.name : `${pkg.name}/${sub.slice(2)}`
      const checks = [
        [
          'esm',
          [
            '--input-type=module',
            '-e',
            `const m = await import(${JSON.stringify(spec)}); if (!Object.keys(m).length) throw new Error('no exports')`,
          ],
        ],
        [
          'cjs',
          [
            '-e',
            `const m = require(${JSON.stringify(spec)}); if (!Object.keys(m).length) throw new Error('no exports')`,
          ],
        ],
      ]
      for (const [mode, args] of checks) {
        if (mode === 'cjs' && !target.require) continue
        const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 30_000 })
        if (r.status === 0) {
          passed++
          console.log(`✓ ${spec} (${mode})`)
        } else {
          failed++
          console.error(
            `✗ ${spec} (${mode}): ${(r.stderr || r.error?.message || '').split('\n').slice(0, 6).join('\n  ')}`,
          )
        }
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
console.log(`smoke: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)

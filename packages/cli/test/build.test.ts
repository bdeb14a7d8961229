import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../src/build.js'
import { main } from '../src/main.js'

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url))
const MODULE = fixture('app/functions.ts')
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'faasade-build-'))
  // Written here, not kept as a fixture, so the package's typecheck does not trip on it.
  await writeFile(join(work, 'syntax.ts'), 'export const broken = (\n')
})
afterAll(async () => rm(work, { recursive: true, force: true }))

async function cli(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

describe('faasade build', () => {
  it('gives byte-identical archives for the same input', async () => {
    const one = await build({ module: MODULE, target: 'all', out: join(work, 'one') })
    const two = await build({ module: MODULE, target: 'all', out: join(work, 'two') })
    expect(one.artifacts.map((a) => a.target)).toEqual(['aws', 'gcp', 'azure'])
    for (const [i, a] of one.artifacts.entries()) {
      const b = two.artifacts[i]
      expect(Buffer.compare(await readFile(a.zip), await readFile(b?.zip as string))).toBe(0)
    }
  }, 60_000)

  it('writes one handler per function in index.mjs and a manifest', async () => {
    const out = join(work, 'one')
    expect((await readdir(join(out, 'aws'))).sort()).toEqual([
      'README.deploy.md',
      'function',
      'function.zip',
      'template.yaml',
    ])
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.functions.map((f: { name: string; kind: string }) => `${f.name}:${f.kind}`)).toEqual([
      'boom:http',
      'consume:messages',
      'echo:http',
      'hello:http',
      'sum:invoke',
    ])
    const mod = await import(join(out, 'aws', 'function', 'index.mjs'))
    expect(Object.keys(mod).sort()).toEqual(['boom', 'consume', 'echo', 'hello', 'sum'])
    for (const key of Object.keys(mod)) expect(mod[key].length).toBeLessThanOrEqual(2)
  })

  it('prints each artifact and its deploy commands, and skips non-faasade exports with a note', async () => {
    const r = await cli('build', MODULE, '--target', 'gcp', '--out', join(work, 'cli'), '--region', 'europe-west1')
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('skipped export "schema": not a faasade function')
    expect(r.stdout).toContain('gcloud functions deploy hello --gen2 --region=europe-west1 --runtime=nodejs22')
  })

  it.each([
    [['build', fixture('app/nope.ts'), '--target', 'aws'], /Module not found: .*nope\.ts/],
    [['build', MODULE, '--target', 'heroku'], /Unknown --target "heroku": use aws \| gcp \| azure \| all/],
    [['build', MODULE], /--target is required/],
    [
      ['build', MODULE, '--target', 'aws', '--only', 'missing'],
      /has no export named "missing". Its faasade functions: boom, consume, echo, hello, sum/,
    ],
    [['build', MODULE, '--target', 'aws', '--only', 'schema'], /The export "schema" of .* is not a faasade function/],
    [
      ['build', fixture('bad/none.ts'), '--target', 'aws'],
      /exports no faasade function \(its exports: answer, helper\)/,
    ],
    [
      ['build', fixture('bad/throws.ts'), '--target', 'aws'],
      /threw while loading: configuration missing: DATABASE_URL/,
    ],
    [['build', 'SYNTAX', '--target', 'aws'], /Could not bundle the module:\n.*syntax\.ts:2:0/],
    [
      ['build', fixture('bad/missing-deploy.ts'), '--target', 'all'],
      /orphan \(messages\) needs deploy.aws.queue, topic, stream or table for the aws target/,
    ],
    [['build', fixture('bad/missing-deploy.ts'), '--target', 'gcp'], /orphan \(messages\) needs deploy.gcp.topic/],
    [
      ['build', fixture('bad/missing-deploy.ts'), '--target', 'azure'],
      /orphan \(messages\) needs deploy.azure for the azure target/,
    ],
    [['build', fixture('bad/default.ts'), '--target', 'aws'], /export the default faasade function under a name/],
    [['deploy', MODULE], /Unknown command "deploy"/],
    [['build', MODULE, '--target', 'aws', '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits 1 with a clear message: %j', async (args, message) => {
    const out = join(work, 'errors')
    const r = await cli(...args.map((a) => (a === 'SYNTAX' ? join(work, 'syntax.ts') : a)), '--out', out)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.code).toBe(1)
  })

  it('writes nothing when a later target lacks a setting', async () => {
    const out = join(work, 'partial')
    await cli('build', fixture('bad/missing-deploy.ts'), '--target', 'all', '--out', out)
    await expect(readdir(out)).rejects.toThrow(/ENOENT/)
  })
})

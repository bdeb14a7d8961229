import { mkdtemp, mkdir, rm, utimes, writeFile, chmod } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 as zlibCrc32 } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { readZip } from '../test/harness/unzip.js'
import { collectEntries, crc32, createZip } from './zip.js'

const dirs: string[] = []
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

async function tree(files: Record<string, string>, mode = 0o600, mtime = new Date()): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'faasade-zip-'))
  dirs.push(dir)
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true })
    await writeFile(join(dir, path), text)
    await chmod(join(dir, path), mode)
    await utimes(join(dir, path), mtime, mtime)
  }
  return dir
}

describe('createZip', () => {
  it('computes the same CRC-32 as zlib', () => {
    const data = new TextEncoder().encode('faasade: one function, three clouds')
    expect(crc32(data)).toBe(zlibCrc32(data))
  })

  it('gives the same bytes for the same files whatever their order, mtimes or modes on disk', async () => {
    const files = { 'index.mjs': 'export const handler = async () => 1\n'.repeat(50), 'lib/a.js': 'a', 'lib/b.js': 'b' }
    const one = await tree(files, 0o600, new Date('2001-01-01'))
    const two = await tree(Object.fromEntries(Object.entries(files).reverse()), 0o755, new Date('2030-05-05'))
    const a = createZip(await collectEntries(one))
    const b = createZip(await collectEntries(two))
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('writes sorted entries, files 0644 and folders 0755 from a Unix host, fixed 1980-01-01 mtimes, contents intact', async () => {
    const dir = await tree({ 'z.txt': 'last', 'index.mjs': 'x'.repeat(1000), 'node_modules/p/i.js': 'p' })
    const entries = readZip(createZip(await collectEntries(dir)))
    expect(entries.map((e) => e.path)).toEqual([
      'index.mjs',
      'node_modules/',
      'node_modules/p/',
      'node_modules/p/i.js',
      'z.txt',
    ])
    for (const e of entries) {
      expect(e.madeBy).toBe(3)
      expect(e.mode).toBe(e.path.endsWith('/') ? 0o040755 : 0o100644)
      expect([e.dosDate, e.dosTime]).toEqual([(0 << 9) | (1 << 5) | 1, 0])
    }
    expect(entries[0]?.data.toString()).toBe('x'.repeat(1000))
    expect(entries[4]?.data.toString()).toBe('last')
  })

  it('writes an empty archive that readers accept', () => {
    expect(readZip(createZip([]))).toEqual([])
  })
})

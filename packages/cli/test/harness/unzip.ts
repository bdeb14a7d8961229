import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { inflateRawSync } from 'node:zlib'

/** One entry read back from a zip's central directory. */
export interface ReadEntry {
  path: string
  mode: number
  madeBy: number
  dosTime: number
  dosDate: number
  data: Buffer
}

/** Reads a zip (stored or deflated entries) through its central directory, as unzip tools do. */
export function readZip(zip: Uint8Array): ReadEntry[] {
  const buf = Buffer.from(zip)
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (end < 0) throw new Error('not a zip: no end of central directory')
  const count = buf.readUInt16LE(end + 10)
  let at = buf.readUInt32LE(end + 16)
  const out: ReadEntry[] = []
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`)
    const method = buf.readUInt16LE(at + 10)
    const size = buf.readUInt32LE(at + 20)
    const nameLen = buf.readUInt16LE(at + 28)
    const extraLen = buf.readUInt16LE(at + 30)
    const commentLen = buf.readUInt16LE(at + 32)
    const local = buf.readUInt32LE(at + 42)
    const path = buf.toString('utf8', at + 46, at + 46 + nameLen)
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(start, start + size)
    out.push({
      path,
      madeBy: buf.readUInt16LE(at + 4) >> 8,
      mode: buf.readUInt32LE(at + 38) >>> 16,
      dosTime: buf.readUInt16LE(at + 12),
      dosDate: buf.readUInt16LE(at + 14),
      data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
    })
    at += 46 + nameLen + extraLen + commentLen
  }
  return out
}

/** Extracts a zip into `dir` (a temporary Lambda task root, for example). */
export async function extractZip(zip: Uint8Array, dir: string): Promise<ReadEntry[]> {
  const entries = readZip(zip)
  for (const e of entries) {
    const target = join(dir, e.path)
    if (e.path.endsWith('/')) await mkdir(target, { recursive: true })
    else {
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, e.data, { mode: e.mode & 0o777 })
    }
  }
  return entries
}

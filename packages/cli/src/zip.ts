import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { deflateRawSync } from 'node:zlib'

/** One file or folder to put in a zip; paths use `/`, folders end with `/`. */
export interface ZipEntry {
  path: string
  data?: Uint8Array
}

// DOS date 1980-01-01 00:00:00: every entry gets the same mtime so equal input gives equal bytes.
const DOS_TIME = 0
const DOS_DATE = (0 << 9) | (1 << 5) | 1
const FILE_MODE = 0o100644
const DIR_MODE = 0o040755

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

/** CRC-32 as zip wants it (zlib.crc32 exists only from Node 20.15). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/**
 * A zip archive of `entries`, reproducible: entries sorted by path, fixed mtimes, files 0644 and folders
 * 0755 (Lambda keeps POSIX modes: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-package.html).
 */
export function createZip(entries: readonly ZipEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const chunks: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of sorted) {
    const isDir = entry.path.endsWith('/')
    const name = Buffer.from(entry.path, 'utf8')
    const raw = isDir ? new Uint8Array(0) : (entry.data ?? new Uint8Array(0))
    const deflated = raw.length > 0 ? deflateRawSync(raw, { level: 9 }) : Buffer.alloc(0)
    const useDeflate = deflated.length < raw.length
    const body = useDeflate ? deflated : Buffer.from(raw)
    const crc = crc32(raw)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8)
    local.writeUInt16LE(DOS_TIME, 10)
    local.writeUInt16LE(DOS_DATE, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const head = Buffer.alloc(46)
    head.writeUInt32LE(0x02014b50, 0)
    head.writeUInt16LE((3 << 8) | 20, 4) // made by Unix, so the external attributes carry POSIX modes
    head.writeUInt16LE(20, 6)
    head.writeUInt16LE(0x0800, 8)
    head.writeUInt16LE(useDeflate ? 8 : 0, 10)
    head.writeUInt16LE(DOS_TIME, 12)
    head.writeUInt16LE(DOS_DATE, 14)
    head.writeUInt32LE(crc, 16)
    head.writeUInt32LE(body.length, 20)
    head.writeUInt32LE(raw.length, 24)
    head.writeUInt16LE(name.length, 28)
    head.writeUInt32LE((((isDir ? DIR_MODE : FILE_MODE) << 16) | (isDir ? 0x10 : 0)) >>> 0, 38)
    head.writeUInt32LE(offset, 42)
    chunks.push(local, name, body)
    central.push(head, name)
    offset += local.length + name.length + body.length
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0)
  if (sorted.length > 0xffff || offset > 0xffffffff)
    throw new Error('faasade: the archive needs zip64, which is not supported.')
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(sorted.length, 8)
  end.writeUInt16LE(sorted.length, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...chunks, ...central, end])
}

/** Every file and folder under `dir` as zip entries (symbolic links followed), paths relative to `dir`. */
export async function collectEntries(
  dir: string,
  exclude: (path: string) => boolean = () => false,
): Promise<ZipEntry[]> {
  const out: ZipEntry[] = []
  const walk = async (current: string): Promise<void> => {
    for (const name of await readdir(current)) {
      const full = join(current, name)
      const path = relative(dir, full).split(sep).join('/')
      if (exclude(path)) continue
      const info = await stat(full)
      if (info.isDirectory()) {
        out.push({ path: `${path}/` })
        await walk(full)
      } else if (info.isFile()) {
        out.push({ path, data: await readFile(full) })
      }
    }
  }
  await walk(dir)
  return out
}

/** Zips the folder `dir` into `file`. */
export async function zipDirectory(dir: string, file: string, exclude?: (path: string) => boolean): Promise<void> {
  await writeFile(file, createZip(await collectEntries(dir, exclude)))
}

import type { IncomingMessage, ServerResponse } from 'node:http'

/** The whole request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Writes status, headers (string or repeated), Set-Cookie lines and body. */
export function writeResponse(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | readonly string[]>,
  cookies: readonly string[],
  body: Uint8Array,
): void {
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, typeof v === 'string' ? v : [...v])
  if (cookies.length) res.setHeader('set-cookie', [...cookies])
  res.writeHead(status)
  res.end(body)
}

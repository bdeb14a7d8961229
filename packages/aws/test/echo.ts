import { http, json } from '@faasade/core'

/** Echoes the normalized request back as JSON, so a test can check what the adapter read off an event. */
export const echo = http(async (req, ctx) => {
  const bytes = await req.bytes()
  return json({
    method: req.method,
    path: req.path,
    url: req.url,
    query: [...req.query],
    headers: [...req.headers],
    cookies: req.cookies,
    ip: req.ip ?? null,
    params: req.params,
    body: Buffer.from(bytes).toString('utf8'),
    bodyBase64: Buffer.from(bytes).toString('base64'),
    requestId: ctx.requestId,
    functionName: ctx.functionName,
    provider: ctx.provider,
  })
})

export interface Echoed {
  method: string
  path: string
  url: string
  query: Array<[string, string]>
  headers: Array<[string, string]>
  cookies: Record<string, string>
  ip: string | null
  params: Record<string, string>
  body: string
  bodyBase64: string
  requestId: string
  functionName: string
  provider: string
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import { writeAzureApp } from '../azure/build.js'
import { azurePlan } from '../azure/plan.js'
import type { ModuleInfo } from '../discover.js'
import { readBody, writeResponse } from './io.js'
import { route } from './routes.js'
import type { DevTarget } from './server.js'

type Testing = typeof import('@faasade/azure/testing')

const SAME_SITE: Record<string, string> = { lax: 'Lax', strict: 'Strict', explicitNone: 'None' }

/** A Set-Cookie line from an RpcHttpCookie (`{ value }` wrappers, `expires.value.seconds`), as the host writes it. */
export function setCookie(c: Record<string, any>): string {
  let line = `${c.name}=${c.value}`
  if (c.domain?.value) line += `; Domain=${c.domain.value}`
  if (c.path?.value) line += `; Path=${c.path.value}`
  if (c.expires?.value?.seconds !== undefined)
    line += `; Expires=${new Date(Number(c.expires.value.seconds) * 1000).toUTCString()}`
  if (c.maxAge?.value !== undefined) line += `; Max-Age=${c.maxAge.value}`
  if (c.secure?.value) line += '; Secure'
  if (c.httpOnly?.value) line += '; HttpOnly'
  const sameSite = SAME_SITE[String(c.sameSite)]
  if (sameSite) line += `; SameSite=${sameSite}`
  return line
}

/**
 * Builds the v4 app (the same folder `faasade build` writes), loads it the way the Azure worker does and serves each
 * HTTP function at `/api/<route>`: the request goes in as the host's RPC HTTP data, the library builds its own
 * `HttpRequest`, and the RPC response comes back out as HTTP.
 */
export async function loadAzure(mod: ModuleInfo, dir: string): Promise<DevTarget> {
  const served: ModuleInfo = {
    ...mod,
    functions: mod.functions.filter((f) => f.kind === 'http' || f.kind === 'invoke'),
  }
  const plan = azurePlan(served.functions)
  await writeAzureApp(served, dir, plan)
  const testing: Testing = await import('@faasade/azure/testing')
  const worker = testing.createWorkerHarness()
  await worker.loadApp(dir)
  const routes = plan.map((p) =>
    route(p.name, `/api/${p.options.route as string}`, p.options.methods as string[] | undefined),
  )
  return {
    routes,
    async serve(r, params, req: IncomingMessage, res: ServerResponse) {
      const body = await readBody(req)
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
      const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`
      const data = testing.rpcHttp({
        method: req.method ?? 'GET',
        url,
        headers,
        params,
        body: body.length ? new Uint8Array(body) : undefined,
      })
      const result = await worker.invoke(r.name, { data })
      const http = result.http
      if (!http) throw new Error(`the ${r.name} invocation returned no HTTP response`)
      writeResponse(res, http.status, http.headers, http.cookies.map(setCookie), http.body)
    },
    close: () => worker.dispose(),
  }
}

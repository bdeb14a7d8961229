import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { bundle } from '../bundle.js'
import type { ModuleInfo } from '../discover.js'
import { CliError } from '../errors.js'
import { resolveFrom } from '../project.js'
import { route } from './routes.js'
import type { DevTarget } from './server.js'

const FRAMEWORK = '@google-cloud/functions-framework'

/** The Functions Framework's entry file, from the project or else the CLI's own copy. */
export function frameworkEntry(project: string): string {
  const entry = resolveFrom(FRAMEWORK, [project])
  if (!entry) throw new CliError(`${FRAMEWORK} is not installed; add it to your project (npm i ${FRAMEWORK}).`)
  return entry
}

/**
 * Registers the module's http and invoke functions with the real Functions Framework and serves each through
 * the framework's own server (`getTestServer`), mounted at `/<function>` as gen1 URLs are.
 */
export async function loadGcp(mod: ModuleInfo, dir: string): Promise<DevTarget> {
  const framework = frameworkEntry(mod.project)
  const served = mod.functions.filter((f) => f.kind === 'http' || f.kind === 'invoke')
  const entry = [
    `import * as user from ${JSON.stringify(mod.path)}`,
    "import { register } from '@faasade/gcp'",
    ...served.map((f) => `register(${JSON.stringify(f.name)}, user.${f.name})`),
    '',
  ].join('\n')
  const file = join(dir, 'index.mjs')
  // The bundle imports the very framework copy whose registry getTestServer reads.
  await bundle({
    entry,
    resolveDir: mod.project,
    outfile: file,
    projectDirs: [mod.project],
    pin: { [FRAMEWORK]: framework },
  })
  await import(pathToFileURL(file).href)
  const testing = createRequire(framework)('./testing.js') as { getTestServer(name: string): Server }
  const servers = new Map(served.map((f) => [f.name, testing.getTestServer(f.name)]))
  const routes = served.flatMap((f) => [route(f.name, `/${f.name}`), route(f.name, `/${f.name}/{*path}`)])
  return {
    routes,
    serve(r, _params, req: IncomingMessage, res: ServerResponse) {
      const url = new URL(req.url ?? '/', 'http://localhost')
      req.url = `${url.pathname.slice(r.name.length + 1) || '/'}${url.search}`
      return new Promise<void>((resolve) => {
        res.once('close', () => resolve())
        ;(servers.get(r.name) as Server).emit('request', req, res)
      })
    },
    async close() {},
  }
}

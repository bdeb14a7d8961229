import { basename, join } from 'node:path'
import { type Artifact, freshDir, writeText } from '../artifact.js'
import { bundle } from '../bundle.js'
import type { ModuleInfo } from '../discover.js'
import { zipDirectory } from '../zip.js'
import { installAzureFunctions } from './install.js'
import { type AzureRegistration, DEFAULT_CONNECTIONS, azurePlan } from './plan.js'

/** The Azure entry: top-level `register()` calls, one `app.*` registration per function. */
export function azureEntry(mod: ModuleInfo, plan: readonly AzureRegistration[]): string {
  return [
    `import * as user from ${JSON.stringify(mod.path)}`,
    "import { register } from '@faasade/azure'",
    ...plan.map((r) => `register(${JSON.stringify(r.name)}, user.${r.name}, ${JSON.stringify(r.options)})`),
    '',
  ].join('\n')
}

// Every trigger but HTTP and timer comes from the extension bundle: https://learn.microsoft.com/azure/azure-functions/functions-bindings-register
const HOST_JSON = {
  version: '2.0',
  logging: { applicationInsights: { samplingSettings: { isEnabled: true, excludedTypes: 'Request' } } },
  extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** Writes the v4 app folder: index.js (bundle), host.json, package.json `main`, node_modules/@azure/functions. */
export async function writeAzureApp(mod: ModuleInfo, app: string, plan: readonly AzureRegistration[]): Promise<void> {
  await freshDir(app)
  await bundle({
    entry: azureEntry(mod, plan),
    resolveDir: mod.project,
    outfile: join(app, 'index.js'),
    projectDirs: [mod.project],
  })
  await writeText(join(app, 'host.json'), json(HOST_JSON))
  const name = `${basename(mod.project)}-azure`.replace(/[^a-z0-9-]/gi, '-').toLowerCase()
  const manifest = (version: string) => ({
    name,
    version: '1.0.0',
    private: true,
    type: 'module',
    main: 'index.js',
    engines: { node: '>=22' },
    dependencies: { '@azure/functions': `^${version}` },
  })
  await writeText(join(app, 'package.json'), json(manifest('4.16.5')))
  const version = await installAzureFunctions(app, [mod.project])
  await writeText(join(app, 'package.json'), json(manifest(version)))
  await writeText(join(app, '.funcignore'), ['local.settings.json', '.vscode', '*.ts', ''].join('\n'))
}

/** Writes the v4 app folder, app.zip (without local settings) and a local.settings.json sample. */
export async function buildAzure(mod: ModuleInfo, out: string): Promise<Artifact> {
  const plan = azurePlan(mod.functions)
  const dir = join(out, 'azure')
  const app = join(dir, 'app')
  await freshDir(dir)
  await writeAzureApp(mod, app, plan)
  const connections = [...new Set(plan.flatMap((r) => r.connections))].filter((c) => c !== DEFAULT_CONNECTIONS.storage)
  const settings = {
    IsEncrypted: false,
    Values: {
      FUNCTIONS_WORKER_RUNTIME: 'node',
      AzureWebJobsStorage: 'UseDevelopmentStorage=true',
      ...Object.fromEntries(connections.map((c) => [c, `<connection string for ${c}>`])),
    },
  }
  await writeText(join(app, 'local.settings.json'), json(settings))
  const zip = join(dir, 'app.zip')
  await zipDirectory(app, zip, (path) => path === 'local.settings.json')
  const commands = [
    'az functionapp create --resource-group <group> --name <app> --storage-account <storage> --consumption-plan-location <region> --runtime node --runtime-version 22 --functions-version 4',
    ...connections.map(
      (c) =>
        `az functionapp config appsettings set --resource-group <group> --name <app> --settings "${c}=<connection string>"`,
    ),
    `az functionapp deployment source config-zip --resource-group <group> --name <app> --src ${zip}`,
  ]
  const routes = plan
    .filter((r) => r.trigger === 'http')
    .map((r) => `- \`${r.name}\`: \`/api/${r.options.route as string}\``)
  await writeText(
    join(dir, 'README.deploy.md'),
    [
      '# Deploy to Azure Functions (Node.js v4 model)',
      '',
      '`app/` is the function app root (zip root = wwwroot): `host.json` with the extension bundle, `package.json` whose',
      '`main` is `index.js`, which registers every function at load time, and `node_modules/@azure/functions`.',
      '`app/local.settings.json` is a sample for `func start` (never deployed; `app.zip` leaves it out).',
      '',
      '```sh',
      ...commands.map((c) => c.replace(zip, 'app.zip')),
      '```',
      '',
      'Or, with Core Tools, from `app/`: `func azure functionapp publish <app>`.',
      '',
      ...(routes.length ? ['HTTP routes (host prefix `/api`):', '', ...routes, ''] : []),
    ].join('\n'),
  )
  return { target: 'azure', dir, zip, commands }
}

import { basename, join } from 'node:path'
import { type Artifact, freshDir, writeText } from '../artifact.js'
import { bundle } from '../bundle.js'
import type { ModuleInfo } from '../discover.js'
import { zipDirectory } from '../zip.js'
import { GCP_RUNTIME, type GcpDeployment, deployCommand, gcpPlan, gen1Export } from './plan.js'

const FRAMEWORK_RANGE = '^5.0.5'

/** The GCP entry: `register()` for every function (gen2), plus each event function's gen1 background export. */
export function gcpEntry(mod: ModuleInfo, plan: readonly GcpDeployment[]): string {
  const gen1 = new Set(plan.filter((d) => d.gen1Flags).map((d) => d.entryPoint))
  return [
    `import * as user from ${JSON.stringify(mod.path)}`,
    "import { backgroundFunction, register } from '@faasade/gcp'",
    ...mod.functions.map((f) => `register(${JSON.stringify(f.name)}, user.${f.name})`),
    ...[...gen1].map(
      (name) =>
        `export const ${gen1Export(name)} = backgroundFunction(user.${name}, { name: ${JSON.stringify(name)} })`,
    ),
    '',
  ].join('\n')
}

/** Writes the `--source` folder (index.js, package.json, .gcloudignore), source.zip and the gcloud commands. */
export async function buildGcp(mod: ModuleInfo, out: string, region = 'us-central1'): Promise<Artifact> {
  const plan = gcpPlan(mod.functions, region)
  const dir = join(out, 'gcp')
  const source = join(dir, 'source')
  await freshDir(source)
  await bundle({
    entry: gcpEntry(mod, plan),
    resolveDir: mod.project,
    outfile: join(source, 'index.js'),
    projectDirs: [mod.project],
  })
  const manifest = {
    name: `${basename(mod.project)}-gcp`.replace(/[^a-z0-9-]/gi, '-').toLowerCase(),
    version: '1.0.0',
    private: true,
    type: 'module',
    main: 'index.js',
    engines: { node: '>=22' },
    // Prebuilt: an empty gcp-build stops the platform running a build script (there is none).
    scripts: { 'gcp-build': '' },
    dependencies: { '@google-cloud/functions-framework': FRAMEWORK_RANGE },
  }
  await writeText(join(source, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  await writeText(join(source, '.gcloudignore'), ['.gcloudignore', 'node_modules/', '*.zip', ''].join('\n'))
  const zip = join(dir, 'source.zip')
  await zipDirectory(source, zip)
  const commands = plan.flatMap((d) => [...d.before, deployCommand(d, source, region), ...d.after])
  const gen1 = plan.filter((d) => d.gen1Flags)
  await writeText(
    join(dir, 'README.deploy.md'),
    [
      '# Deploy to Google Cloud Functions (Cloud Run functions)',
      '',
      `\`source/\` is the \`--source\` folder (runtime ${GCP_RUNTIME}): \`index.js\` registers every function with the Functions`,
      'Framework under its export name (the `--entry-point`); `package.json` names it as `main` and has an empty `gcp-build`.',
      '`source.zip` holds the same files, for a `gs://` upload or Terraform `storage_source`. Run from this folder:',
      '',
      '```sh',
      ...plan.flatMap((d) => [...d.before, deployCommand(d, 'source', region), ...d.after]),
      '```',
      '',
      ...(gen1.length
        ? [
            'Event functions also ship their gen1 background form (`<export>_gen1`, `(data, context)`). For 1st gen:',
            '',
            '```sh',
            ...gen1.map((d) => deployCommand(d, 'source', region, true)),
            '```',
            '',
          ]
        : []),
    ].join('\n'),
  )
  return { target: 'gcp', dir, zip, commands }
}

import { join } from 'node:path'
import { type Artifact, entrySource, freshDir, writeText } from '../artifact.js'
import { bundle } from '../bundle.js'
import type { ModuleInfo } from '../discover.js'
import { zipDirectory } from '../zip.js'
import { AWS_RUNTIME, samTemplate } from './template.js'

/**
 * The AWS entry: one Lambda handler (`index.<export>`, arity ≤ 2) per faasade function, each from its kind's own
 * entry (`@faasade/aws/http`, …) so the bundle carries only the triggers its functions serve.
 */
export function awsEntry(mod: ModuleInfo): string {
  const kinds = [...new Set(mod.functions.map((f) => f.kind))].sort()
  const imports = kinds.map((kind) => `import { handle as $faasade_${kind} } from '@faasade/aws/${kind}'`).join('\n')
  return entrySource(
    mod.path,
    imports,
    (f) => `export const ${f.name} = $faasade_${f.kind}(user.${f.name})`,
    mod.functions,
  )
}

/** Bundles `function/index.mjs`, zips it reproducibly, and writes the SAM template and deploy notes. */
export async function buildAws(mod: ModuleInfo, out: string, stack = 'faasade-app'): Promise<Artifact> {
  const template = samTemplate(mod.functions)
  const dir = join(out, 'aws')
  await freshDir(dir)
  await bundle({
    entry: awsEntry(mod),
    resolveDir: mod.project,
    outfile: join(dir, 'function', 'index.mjs'),
    projectDirs: [mod.project],
  })
  const zip = join(dir, 'function.zip')
  await zipDirectory(join(dir, 'function'), zip)
  await writeText(join(dir, 'template.yaml'), template)
  const commands = [
    `sam deploy --template-file ${join(dir, 'template.yaml')} --stack-name ${stack} --capabilities CAPABILITY_IAM --resolve-s3`,
  ]
  await writeText(
    join(dir, 'README.deploy.md'),
    [
      '# Deploy to AWS Lambda',
      '',
      `\`function.zip\` holds \`index.mjs\` (runtime ${AWS_RUNTIME}); each function's handler is \`index.<export>\`.`,
      '`template.yaml` (SAM) wires each function to its trigger. Deploy everything:',
      '',
      '```sh',
      `sam deploy --template-file template.yaml --stack-name ${stack} --capabilities CAPABILITY_IAM --resolve-s3`,
      '```',
      '',
      'Or one function without SAM (the trigger is then yours to add):',
      '',
      '```sh',
      ...mod.functions.map(
        (f) =>
          `aws lambda create-function --function-name ${f.name} --runtime ${AWS_RUNTIME} --handler index.${f.name} --zip-file fileb://function.zip --role <execution-role-arn>`,
      ),
      '```',
      '',
    ].join('\n'),
  )
  return { target: 'aws', dir, zip, commands }
}

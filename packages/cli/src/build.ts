import { relative, resolve } from 'node:path'
import { type Artifact, TARGETS, type Target, writeText } from './artifact.js'
import { buildAws } from './aws/build.js'
import { samTemplate } from './aws/template.js'
import { buildAzure } from './azure/build.js'
import { azurePlan } from './azure/plan.js'
import { type ModuleInfo, discover } from './discover.js'
import { buildGcp } from './gcp/build.js'
import { gcpPlan } from './gcp/plan.js'

/** Options of `faasade build`. */
export interface BuildOptions {
  /** Path of the module that exports faasade functions by name. */
  module: string
  target: Target | 'all'
  /** Output folder; default `dist/deploy` beside the current folder. */
  out?: string
  /** Build only these exports. */
  only?: readonly string[]
  /** GCP region for the generated gcloud commands; default `us-central1`. */
  region?: string
  /** CloudFormation stack name in the generated SAM command; default `faasade-app`. */
  stack?: string
}

/** What `faasade build` wrote. */
export interface BuildResult {
  module: ModuleInfo
  out: string
  artifacts: Artifact[]
}

/**
 * Builds deployable artifacts of a module's faasade functions for one cloud or all three.
 * @example
 * const { artifacts } = await build({ module: 'functions/orders.ts', target: 'all', out: 'dist/deploy' })
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const mod = await discover(options.module, options.only)
  const out = resolve(options.out ?? 'dist/deploy')
  const targets: readonly Target[] = options.target === 'all' ? TARGETS : [options.target]
  // Check every target's settings before writing anything, so a missing setting leaves no half-built output.
  for (const target of targets) {
    if (target === 'aws') samTemplate(mod.functions)
    else if (target === 'gcp') gcpPlan(mod.functions, options.region ?? 'us-central1')
    else azurePlan(mod.functions)
  }
  const artifacts: Artifact[] = []
  for (const target of targets) {
    if (target === 'aws') artifacts.push(await buildAws(mod, out, options.stack))
    else if (target === 'gcp') artifacts.push(await buildGcp(mod, out, options.region))
    else artifacts.push(await buildAzure(mod, out))
  }
  const manifest = {
    module: relative(out, mod.path),
    functions: mod.functions.map((f) => ({ name: f.name, kind: f.kind, deploy: f.fn.options.deploy ?? {} })),
    runtimes: { aws: 'nodejs22.x', gcp: 'nodejs22', azure: '22' },
    artifacts: artifacts.map((a) => ({ target: a.target, dir: relative(out, a.dir), zip: relative(out, a.zip) })),
  }
  await writeText(resolve(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return { module: mod, out, artifacts }
}

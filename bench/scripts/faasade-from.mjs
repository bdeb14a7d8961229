// The esbuild plugin of the bench's own builds: peers and provider libraries stay external (loaded from
// node_modules as shipped); faasade is compiled from its TypeScript sources, from this checkout's packages/ (the
// `source` export condition) or, given `packages`, from that folder (a scratch copy or a worktree of another commit).
import { readFileSync } from 'node:fs'

/** `@faasade/core/adapter` → the `source` file of that export under `packages`. */
function sourceIn(packages, spec) {
  const [, name, sub] = /^@faasade\/([^/]+)(\/.*)?$/.exec(spec) ?? []
  if (!name) return undefined
  const dir = `${packages}/${name}`
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'))
  const target = pkg.exports?.[sub ? `.${sub}` : '.']?.source
  return target ? `${dir}/${target}` : undefined
}

export function faasadeFrom(packages) {
  return {
    name: 'faasade-from',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (!args.path.startsWith('@faasade/')) return { path: args.path, external: true }
        if (packages) return { path: sourceIn(packages, args.path) }
        return undefined
      })
    },
  }
}

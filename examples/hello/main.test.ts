import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

// The README's main job must keep working: run it as `pnpm start` does (sources here, dist there) and read what it prints.
it('serves the same hello function through AWS, GCP and Azure', () => {
  const cwd = fileURLToPath(new URL('.', import.meta.url))
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--conditions=source', 'main.ts'], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
  })
  for (const [cloud, name] of [
    ['HTTP API (payload 2.0)', 'Ada'],
    ['REST API (v1)', 'Grace'],
    ['ALB', 'Linus'],
    ['Functions Framework', 'Barbara'],
    ['@azure/functions v4', 'Margaret'],
  ]) {
    expect(out).toContain(cloud)
    expect(out).toContain(name)
  }
  expect(out.match(/"via\\?": ?\\?"aws/g)?.length).toBe(4)
  expect(out).toContain('"via": "gcp"')
  expect(out).toContain('"via": "azure"')
  expect(out).toContain('"type": "httpTrigger"')
})

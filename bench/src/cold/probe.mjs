// One cold start in a fresh process: import the bundle, then call its handler once. Plain Node, no loader.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [file, eventFile] = process.argv.slice(2)
const t0 = performance.now()
const mod = await import(pathToFileURL(file).href)
const t1 = performance.now()
const event = JSON.parse(readFileSync(eventFile, 'utf8'))
const context = { awsRequestId: 'probe', functionName: 'probe', getRemainingTimeInMillis: () => 29_000 }
const result = await mod.handler(event, context)
const t2 = performance.now()
process.stdout.write(
  JSON.stringify({ importMs: t1 - t0, firstCallMs: t2 - t1, statusCode: result?.statusCode, body: result?.body }),
)

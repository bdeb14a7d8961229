/**
 * `faasade` CLI as a library: build deployable artifacts for AWS Lambda, Google Cloud Functions and Azure
 * Functions from one module of faasade functions, serve them locally, or deliver one native event.
 * @module
 */
export { build } from './build.js'
export type { BuildOptions, BuildResult } from './build.js'
export type { Artifact, Target } from './artifact.js'
export { TARGETS } from './artifact.js'
export { discover } from './discover.js'
export type { FunctionInfo, ModuleInfo } from './discover.js'
export { startDev } from './dev/server.js'
export type { DevOptions, DevServer } from './dev/server.js'
export { invokeOnce } from './invoke.js'
export type { InvokeOptions, InvokeResult } from './invoke.js'
export { main } from './main.js'
export type { Io } from './main.js'
export { CliError } from './errors.js'
export { createZip } from './zip.js'
export type { ZipEntry } from './zip.js'

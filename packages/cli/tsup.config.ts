import { packageBuild } from '../../tsup.base.js'

export default packageBuild(['src/index.ts', 'src/bin.ts'], {
  dts: { entry: 'src/index.ts' },
  // The CommonJS build reads its own location through import.meta.url (to find the packages it ships).
  shims: true,
  treeshake: false,
})

import { packageBuild } from '../../tsup.base.js'

const KINDS = ['http', 'messages', 'objects', 'schedule', 'events', 'invoke']

export default packageBuild(['src/index.ts', 'src/testing.ts', ...KINDS.map((kind) => `src/kinds/${kind}.ts`)])

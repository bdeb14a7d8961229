/**
 * The bench folder, found from this module's URL: one level up both from `src/paths.ts` (vitest, tsc) and from
 * `.cache/bench.mjs` (the bundle `pnpm bench` runs).
 */
import { fileURLToPath } from 'node:url'

export const BENCH = fileURLToPath(new URL('../', import.meta.url))
export const CACHE = `${BENCH}.cache/`
export const COLD_CACHE = `${CACHE}cold/`
export const ENTRY_DIR = `${BENCH}src/cold/entries/`
export const PROBE = `${BENCH}src/cold/probe.mjs`

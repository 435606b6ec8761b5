#!/usr/bin/env node
// `npx zhiliang …`: the built CLI when dist/ is up to date, else the TypeScript sources via tsx.
import { existsSync } from 'node:fs';
import { isBuildFresh } from '../scripts/build-state.mjs';

const built = new URL('../dist/server/src/cli/main.js', import.meta.url);
if (existsSync(built) && isBuildFresh()) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../server/src/cli/main.ts', import.meta.url).href);
}

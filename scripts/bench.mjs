#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, after making sure the build is current.
import { spawnSync } from 'node:child_process';
import { isBuildFresh, markBuilt, ROOT } from './build-state.mjs';

if (!isBuildFresh()) {
  if (spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  markBuilt();
}
let failed = false;
for (const script of ['bench/calendar.bench.ts', 'bench/plan-parse.bench.ts', 'bench/plan-publish.bench.ts', 'bench/plan-dashboard.bench.ts', 'bench/start.bench.ts', 'bench/http.bench.ts', 'bench/entities-import.bench.ts', 'bench/excel-export.bench.ts']) {
  const r = spawnSync('npx', ['tsx', script, ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

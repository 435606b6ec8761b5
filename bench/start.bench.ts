/**
 * Start to healthy: `npm start` until GET /api/health answers. Target ≤ 5 s with an existing PGlite
 * data directory, and ≤ 60 s for the first start on an empty one (initdb, migrations, the demo
 * city with its 20,000 market entities, their archive, lists and evaluations); the first start is
 * checked to have loaded the demo registry. Needs an up-to-date build.
 * Run: npx tsx bench/start.bench.ts [--runs 5]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error: a plain .mjs helper without types
import { isBuildFresh } from '../scripts/build-state.mjs';
import { machine, median, report } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
if (!(isBuildFresh as () => boolean)()) {
  console.error('The build is stale: run `npm run build` first.');
  process.exit(1);
}

async function startOnce(dataDir: string, port: number, check?: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, ZHILIANG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ZHILIANG_ADMIN_PASSWORD: 'Bench-Admin-Pass-2026', ZHILIANG_DEMO_PASSWORD: 'Bench-Demo-Pass-2026', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) {
          const s = (performance.now() - t0) / 1000;
          await check?.();
          return s;
        }
      } catch (e) {
        if (e instanceof DemoMissing) throw e;
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

class DemoMissing extends Error {}
/** The demo registry is there: the food group of the fuzzy-search example and the demo enterprise. */
async function demoLoaded(port: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/api/public/credit?name=${encodeURIComponent('天津食品集团')}`);
  const body = (await res.json()) as { items?: { name: string }[]; total?: number };
  if (!res.ok || body.items?.[0]?.name !== '天津市食品集团有限公司') throw new DemoMissing(`demo entities missing after first start: ${res.status}`);
}

const port = 3000 + Math.floor(Math.random() * 2000) + 5000;
const first: number[] = [];
const warm: number[] = [];
const dirs: string[] = [];
for (let i = 0; i < Math.min(3, runs); i++) {
  const dir = mkdtempSync(join(tmpdir(), 'zl-bench-start-'));
  dirs.push(dir);
  first.push(await startOnce(dir, port, () => demoLoaded(port)));
}
for (let i = 0; i < runs; i++) warm.push(await startOnce(dirs[0]!, port));
for (const d of dirs) rmSync(d, { recursive: true, force: true });

report('Start to healthy (npm start → /api/health 200, PGlite)', {
  machine: machine(),
  'existing data directory': `median ${median(warm).toFixed(2)} s over ${warm.length} runs (${warm.map((s) => s.toFixed(2)).join(', ')}; target ≤ 5 s)`,
  'first start (initdb, migrations, demo city incl. 20,000 entities and evaluations)': `median ${median(first).toFixed(2)} s over ${first.length} runs (${first.map((s) => s.toFixed(2)).join(', ')}; target ≤ 60 s)`,
});
if (median(warm) > 5 || median(first) > 60) process.exitCode = 1;

/**
 * GET /api/auth/me with a session, on PostgreSQL: target ≥ 3,000 req/s and ≥ 0.4 × a bare Fastify
 * route returning a constant, measured in the same run. Also: one login (argon2id) latency.
 * Uses DATABASE_URL when set, else starts a throwaway PostgreSQL cluster. Needs `npm run build`.
 * Run: npx tsx bench/http.bench.ts [--seconds 10] [--runs 3] [--connections 32]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ARGON2_PARAMS } from '../server/src/platform/auth/password.js';
import { benchDatabase, machine, median, report } from './lib.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, runs: { type: 'string', default: '3' }, connections: { type: 'string', default: '32' } } });
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const connections = Number(values.connections);

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timeout waiting for ${url}`);
}

function cannon(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers }, (err, result) => {
      if (err) reject(err);
      else if (result.non2xx > 0) reject(new Error(`${result.non2xx} non-2xx responses from ${url}`));
      else resolve(result.requests.average);
    });
  });
}

const database = await benchDatabase('zl_bench');
const dbUrl = database.url;

const appPort = await freePort();
const barePort = await freePort();
const password = 'Bench-Admin-Pass-2026';
const server = spawn(process.execPath, ['-e', "import('./dist/server/src/main.js').then(m => m.runServer())"], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', DATABASE_URL: dbUrl, ZHILIANG_ADMIN_PASSWORD: password, ZHILIANG_DEMO_PASSWORD: password, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const bare = spawn(process.execPath, [join(ROOT, 'bench/bare-fastify.mjs')], { cwd: ROOT, env: { ...process.env, PORT: String(barePort) }, stdio: ['ignore', 'ignore', 'inherit'] });

try {
  await waitFor(`http://127.0.0.1:${appPort}/api/health`, server);
  await waitFor(`http://127.0.0.1:${barePort}/const`, bare);

  // Login latency (argon2id verification dominates), sequential.
  const loginMs: number[] = [];
  let cookie = '';
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${appPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quality-office', password }),
    });
    loginMs.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  }

  const me: number[] = [];
  const constant: number[] = [];
  await cannon(`http://127.0.0.1:${appPort}/api/auth/me`, { cookie }); // warm-up
  await cannon(`http://127.0.0.1:${barePort}/const`, {});
  for (let r = 0; r < runs; r++) {
    me.push(await cannon(`http://127.0.0.1:${appPort}/api/auth/me`, { cookie }));
    constant.push(await cannon(`http://127.0.0.1:${barePort}/const`, {}));
  }
  const meMedian = median(me);
  const constMedian = median(constant);
  report('GET /api/auth/me on PostgreSQL vs bare Fastify', {
    machine: machine(),
    load: `autocannon, ${connections} connections, ${seconds} s per run, ${runs} runs alternating (after one warm-up each), median`,
    'GET /api/auth/me (session cookie)': `${Math.round(meMedian).toLocaleString('en')} req/s (runs: ${me.map((x) => Math.round(x)).join(', ')}; target ≥ 3,000)`,
    'bare Fastify constant route': `${Math.round(constMedian).toLocaleString('en')} req/s (runs: ${constant.map((x) => Math.round(x)).join(', ')})`,
    ratio: `${(meMedian / constMedian).toFixed(2)} × (target ≥ 0.40)`,
  });
  report('One login (argon2id)', {
    parameters: `argon2id m=${ARGON2_PARAMS.memoryCost} KiB, t=${ARGON2_PARAMS.timeCost}, p=${ARGON2_PARAMS.parallelism}`,
    'POST /api/auth/login': `median ${median(loginMs).toFixed(0)} ms over ${loginMs.length} sequential logins (min ${Math.min(...loginMs).toFixed(0)}, max ${Math.max(...loginMs).toFixed(0)}; target 50–250 ms)`,
  });
  if (meMedian < 3000 || meMedian / constMedian < 0.4) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  bare.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await database.drop();
}

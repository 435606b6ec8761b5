/**
 * Public credit lookup at city scale: on a throwaway PostgreSQL with `--entities` (default
 * 1,000,000) market entities, each with archive records and a grade, measure
 *   - GET /api/public/credit/:uscc at a fixed 500 requests/s, p99 (target ≤ 20 ms);
 *   - GET /api/public/credit?name=… at a fixed 200 requests/s, p99 (target ≤ 50 ms);
 * with the per-IP limit off (ZHILIANG_PUBLIC_RATE_LIMIT=off; autocannon is one IP). The physical
 * limits, in the same run: one hand-written SQL statement answering the same question, timed from
 * this process sequentially; and the same statement behind bare Fastify (bench/bare-lookup.ts) at
 * the same request rates, which is what this machine can do over HTTP at all. By name there are
 * two floors: the tokens-only statement of the first measurement, and the product's own statement
 * (tokens, then the rare-part fallback when no token matches), written by hand.
 * Data: a small generator here (names from the demo city's parts, jieba search text, USCCs with
 * valid check characters, bulk INSERT … SELECT FROM unnest in batches); records, grades and list
 * entries set-based in SQL.
 * `--baseline DIR` also serves, in each run, the product of another checkout (e.g. the code before a
 * change, `git archive <commit> | tar -x -C DIR` with node_modules linked) on the same database.
 * Run: flock /tmp/zl-heavy.lock npx tsx bench/public-lookup.bench.ts [--entities 1000000] [--seconds 20] [--runs 3] [--profile DIR] [--name-only] [--baseline DIR]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../server/src/db/client.js';
import { seedBuiltins, seedDemo } from '../server/src/modules/system/index.js';
import { benchDatabase, machine, median, report } from './lib.js';
import { generateLookupData } from './lookup-data.js';
import { BY_NAME_PRODUCT_SQL, BY_NAME_SQL, BY_USCC_SQL, byNameParams } from './public-lookup.sql.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { entities: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '20' }, runs: { type: 'string', default: '3' }, profile: { type: 'string' }, 'name-only': { type: 'boolean', default: false }, baseline: { type: 'string' } } });
const nameOnly = values['name-only'];
const N = Number(values.entities);
const seconds = Number(values.seconds);
const runs = Number(values.runs);
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
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** autocannon at a fixed overall rate; paths rotate through `paths`. */
function atRate(base: string, paths: string[], rate: number): Promise<autocannon.Result> {
  let k = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        connections: Math.max(10, Math.ceil(rate / 20)),
        overallRate: rate,
        duration: seconds,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[k++ % paths.length]! }) }],
      },
      (err, result) => (err ? reject(err) : result.non2xx > 0 ? reject(new Error(`${result.non2xx} non-2xx from ${base}`)) : resolve(result)),
    );
  });
}

function p99(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!;
}

const database = await benchDatabase('zl_lookup');
const dbUrl = database.url;
let server: ChildProcess | undefined;
try {
  const handle = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 });
  await handle.migrate();
  await seedBuiltins(handle.db, { adminPassword: 'Bench-Admin-Pass-2026' });
  await seedDemo(handle.db, { password: 'Bench-Demo-Pass-2026' });
  await handle.close();
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const sample = await generateLookupData(client, N);
  const names = ['天津泰达食品', '天津华诚机械有限公司', '宏远电子', '天津鑫盛商贸', '瑞丰物流', '天津恒信化工', '博翔软件', '天津嘉润餐饮'];

  // The floor: one hand-written statement per question, from this process, one at a time.
  const usccMs: number[] = [];
  const nameMs: number[] = [];
  const productNameMs: number[] = [];
  const nameParams = await byNameParams(client);
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    await client.query(BY_USCC_SQL, [sample[i % sample.length]]);
    usccMs.push(performance.now() - t);
  }
  for (let i = 0; i < 400; i++) {
    const nm = names[i % names.length]!;
    const t = performance.now();
    await client.query(BY_NAME_SQL, nameParams.tokens(nm));
    nameMs.push(performance.now() - t);
    const t2 = performance.now();
    await client.query(BY_NAME_PRODUCT_SQL, nameParams.product(nm));
    productNameMs.push(performance.now() - t2);
  }
  await client.end();

  const usccPaths = sample.map((u) => `/api/public/credit/${u}`);
  const namePaths = names.map((n) => `/api/public/credit?name=${encodeURIComponent(n)}&pageSize=10`);
  // --profile DIR: a V8 CPU profile of the product server under this load (written when it exits).
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const serve = async (args: string[], env: Record<string, string>, ready: (base: string) => string, cwd = ROOT): Promise<string> => {
    const port = await freePort();
    server = spawn(process.execPath, args, { cwd, env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(ready(base), server);
    return base;
  };
  const stop = async () => {
    server!.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
    server = undefined;
  };
  type Run = { uscc: autocannon.Result | null; name: autocannon.Result; productName?: autocannon.Result };
  const product: Run[] = [];
  const before: Run[] = [];
  const bare: Run[] = [];
  // Product and HTTP floor alternate, run after run, so a drift of the shared machine hits both.
  for (let run = 0; run < runs; run++) {
    const base = await serve(
      [...profile, '--import', 'tsx', '-e', "import('./server/src/main.ts').then(m => m.runServer())"],
      { HOST: '127.0.0.1', DATABASE_URL: dbUrl, ZHILIANG_PUBLIC_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', ZHILIANG_DEMO: 'false' },
      (b) => `${b}/api/health`,
    );
    // Warm-up, as a server in service is: every pool connection has run both statements.
    if (!nameOnly) await atRate(base, usccPaths.slice(0, 200), 200);
    await atRate(base, namePaths, 100);
    product.push({ uscc: nameOnly ? null : await atRate(base, usccPaths, 500), name: await atRate(base, namePaths, 200) });
    await stop();

    if (values.baseline) {
      const old = await serve(
        ['--import', 'tsx', '-e', "import('./server/src/main.ts').then(m => m.runServer())"],
        { HOST: '127.0.0.1', DATABASE_URL: dbUrl, ZHILIANG_PUBLIC_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', ZHILIANG_DEMO: 'false' },
        (b) => `${b}/api/health`,
        values.baseline,
      );
      if (!nameOnly) await atRate(old, usccPaths.slice(0, 200), 200);
      await atRate(old, namePaths, 100);
      before.push({ uscc: nameOnly ? null : await atRate(old, usccPaths, 500), name: await atRate(old, namePaths, 200) });
      await stop();
    }

    // The HTTP floor, same rates: bare Fastify + one pool query of the floor's statement.
    const bareBase = await serve(['--import', 'tsx', join(ROOT, 'bench/bare-lookup.ts')], { DATABASE_URL: dbUrl }, (b) => `${b}/u/${sample[0]}`);
    if (!nameOnly) await atRate(bareBase, sample.slice(0, 200).map((u) => `/u/${u}`), 200); // warm-up, the same
    await atRate(bareBase, names.map((n) => `/n?name=${encodeURIComponent(n)}`), 100);
    await atRate(bareBase, names.map((n) => `/p?name=${encodeURIComponent(n)}`), 100);
    bare.push({
      uscc: nameOnly ? null : await atRate(bareBase, sample.map((u) => `/u/${u}`), 500),
      name: await atRate(bareBase, names.map((n) => `/n?name=${encodeURIComponent(n)}`), 200),
      productName: await atRate(bareBase, names.map((n) => `/p?name=${encodeURIComponent(n)}`), 200),
    });
    await stop();
  }
  const summary = (rs: autocannon.Result[]) =>
    `p99 ${median(rs.map((r) => r.latency.p99))} ms [${rs.map((r) => r.latency.p99).join(', ')}], p50 ${median(rs.map((r) => r.latency.p50))} ms, ${Math.round(median(rs.map((r) => r.requests.average)))} req/s achieved (median of ${rs.length} runs of ${seconds} s)`;
  const p99Of = (rs: Run[], k: keyof Run) => median(rs.map((r) => r[k]!.latency.p99));
  const byUscc = nameOnly ? NaN : p99Of(product, 'uscc');
  const byName = p99Of(product, 'name');
  const results = (rs: Run[], k: keyof Run) => rs.map((r) => r[k]!);

  report(`Public credit lookup (${N.toLocaleString('en')} entities, PostgreSQL)`, {
    machine: machine(),
    data: `${N.toLocaleString('en')} entities, ${(3 * N).toLocaleString('en')} archive records, grade + risk per entity, ${Math.floor(N / 100).toLocaleString('en')} penalty publications`,
    ...(nameOnly ? {} : { 'GET /api/public/credit/:uscc at 500 req/s': `${summary(results(product, 'uscc'))} (target p99 ≤ 20 ms)` }),
    'GET /api/public/credit?name= at 200 req/s': `${summary(results(product, 'name'))} (target p99 ≤ 50 ms)`,
    ...(before.length > 0
      ? {
          'the same, code of --baseline': summary(results(before, 'name')),
          'ratio baseline / HTTP floor (tokens-only), median p99': (p99Of(before, 'name') / Math.max(1, p99Of(bare, 'name'))).toFixed(2),
        }
      : {}),
    'floor: one SQL statement by USCC (sequential)': `p99 ${p99(usccMs).toFixed(2)} ms over ${usccMs.length}`,
    'floor: the tokens-only name statement (sequential)': `p99 ${p99(nameMs).toFixed(2)} ms over ${nameMs.length}`,
    'floor: the product’s name statement by hand (sequential)': `p99 ${p99(productNameMs).toFixed(2)} ms over ${productNameMs.length}`,
    ...(nameOnly ? {} : { 'HTTP floor: bare Fastify + the USCC statement at 500 req/s': summary(results(bare, 'uscc')) }),
    'HTTP floor: bare Fastify + the tokens-only name statement at 200 req/s': summary(results(bare, 'name')),
    'HTTP floor: bare Fastify + the product’s name statement at 200 req/s': summary(results(bare, 'productName')),
    'ratio product / HTTP floor, median p99': `${nameOnly ? '' : `by USCC ${(byUscc / Math.max(1, p99Of(bare, 'uscc'))).toFixed(2)}, `}by name ${(byName / Math.max(1, p99Of(bare, 'name'))).toFixed(2)} (tokens-only floor), ${(byName / Math.max(1, p99Of(bare, 'productName'))).toFixed(2)} (the product’s statement)`,
    'ratio per run (by name, tokens-only floor)': product.map((r, i) => (r.name.latency.p99 / Math.max(1, bare[i]!.name.latency.p99)).toFixed(2)).join(', '),
  });
  if ((!nameOnly && byUscc > 20) || byName > 50) process.exitCode = 1;
} finally {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  await database.drop();
}

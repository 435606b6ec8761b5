/**
 * Upload stall (issue 12 §2.2): while the worst-case uploads are parsed — a 2 MB .docx whose
 * document.xml unpacks to 75 MB (plan import) and a million-row .xlsx (user import, 5,000-row cap)
 * — another client asks GET /api/health every 20 ms. Target: health p99 < 100 ms during the upload.
 * Also the upload's own time and answer, and the server's RSS (peak during, and 15 s after).
 *
 * Runs the built server of a checkout (default: this one; `--root` another, e.g. the code before
 * the change built in a temporary directory) on a fresh PGlite data directory with a small demo city.
 * Run: npx tsx bench/upload-stall.bench.ts [--runs 3] [--only docx|xlsx] [--root /path/to/checkout]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bombDocx, xlsxOf } from '../server/src/test/zip-fixtures.js';
import { machine, median, report } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, root: { type: 'string' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const ROOT = resolve(values.root ?? join(import.meta.dirname, '..'));
const MAIN = join(ROOT, 'dist/server/src/main.js');
if (!existsSync(MAIN)) {
  console.error(`${MAIN} is missing: run \`npm run build\` in ${ROOT} first.`);
  process.exit(1);
}
const PASSWORD = 'Bench-Upload-Pass-2026';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Resident set of a process and its threads (the workers are threads of the server), in MB. */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

/**
 * fetch, once more on a reused keep-alive socket that the server had closed (it closes a connection
 * after answering an upload early, before reading the whole body).
 */
async function fetchOnce(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    if ((e as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw e;
    return fetch(url, init);
  }
}

async function login(base: string, username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetchOnce(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('zl_csrf='))!.slice('zl_csrf='.length);
  return { cookie: cookies.join('; '), csrf };
}

interface Sample {
  status: number;
  uploads: number;
  uploadS: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
  healthCount: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
}

/**
 * Post `file` again and again for at least `windowS` seconds (at least once), while probing
 * /api/health every 20 ms and sampling the server's RSS every 100 ms: a fast refusal still leaves
 * enough health samples for a p99. Without a file: the idle reference over the same window.
 */
async function uploadWhileProbing(base: string, pid: number, windowS: number, upload?: { url: string; session: { cookie: string; csrf: string }; file: Buffer; filename: string; type: string }): Promise<Sample> {
  const rssBefore = rssMb(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 100);
  // The prober is a process of its own, so that the work of sending a large upload from this
  // process never shows up as server latency.
  const prober = spawn(process.execPath, ['-e', PROBER, `${base}/api/health`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((r) => (ready = r));
  prober.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('R')) ready();
  });
  await isReady;
  const t0 = performance.now();
  let status = 0;
  let times = 0;
  if (!upload) await new Promise((r) => setTimeout(r, windowS * 1000));
  while (upload && (times === 0 || performance.now() - t0 < windowS * 1000)) {
    const form = new FormData();
    form.append('file', new Blob([upload.file], { type: upload.type }), upload.filename);
    const res = await fetchOnce(`${base}${upload.url}`, { method: 'POST', headers: { cookie: upload.session.cookie, 'x-csrf-token': upload.session.csrf }, body: form });
    await res.arrayBuffer();
    status = res.status;
    times++;
  }
  const uploadS = (performance.now() - t0) / 1000 / Math.max(1, times);
  prober.stdin.end();
  await new Promise((r) => prober.once('exit', r));
  clearInterval(sampler);
  const latencies = JSON.parse(out.slice(1)) as number[];
  // Memory 15 s later: does the server give back what the parse took?
  await new Promise((r) => setTimeout(r, 15_000));
  return {
    status,
    uploads: times,
    uploadS,
    healthP50: percentile(latencies, 50),
    healthP99: percentile(latencies, 99),
    healthMax: Math.max(...latencies),
    healthCount: latencies.length,
    rssBefore,
    rssPeak,
    rssAfter: rssMb(pid),
  };
}

/** Asks the URL every 20 ms until its stdin closes, then prints the latencies (ms) as JSON. */
const PROBER = `
const url = process.argv[1];
const latencies = [];
let done = false;
process.stdin.on('end', () => (done = true)).resume();
const ask = async () => { try { await (await fetch(url)).arrayBuffer(); } catch { await (await fetch(url)).arrayBuffer(); } };
(async () => {
  // One request to warm the connection, then "R": the uploads start now.
  await ask();
  process.stdout.write('R');
  while (!done) {
    const t0 = performance.now();
    await ask();
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  process.stdout.write(JSON.stringify(latencies));
})();
`;

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  // PGlite: no DATABASE_URL.
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child = spawn(process.execPath, ['-e', `import(${JSON.stringify(MAIN)}).then(m => m.runServer())`], {
    cwd: ROOT,
    env: { ...env, ZHILIANG_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ZHILIANG_ADMIN_PASSWORD: PASSWORD, ZHILIANG_DEMO_PASSWORD: PASSWORD, ZHILIANG_DEMO_ENTITIES: '300', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 3000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

const cases = [
  { key: 'docx', title: 'zip-bomb .docx → POST /api/plans/import', url: '/api/plans/import', user: 'quality-office', filename: '质量强市行动计划.docx', type: DOCX, make: () => bombDocx(75) },
  {
    key: 'xlsx',
    title: '1,000,000-row .xlsx → POST /api/system/users/import',
    url: '/api/system/users/import',
    user: 'admin',
    filename: 'users.xlsx',
    type: XLSX,
    // The case: about 8 MB, a million rows (one numeric column under the import's header).
    make: () => xlsxOf(['用户名', '姓名', '区划代码', '角色'], 1_000_000, (i) => [i]),
  },
].filter((c) => !values.only || c.key === values.only);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'zl-bench-upload-'));
const server = await startServer(dataDir, port);
const results: Record<string, string> = { machine: machine(), checkout: ROOT };
try {
  const WINDOW_S = 5;
  const idle: Sample[] = [];
  for (let r = 0; r < runs; r++) idle.push(await uploadWhileProbing(base, server.pid!, WINDOW_S));
  results[`health, idle (${WINDOW_S} s windows, same prober)`] = `p50 ${median(idle.map((s) => s.healthP50)).toFixed(1)} ms, p99 ${median(idle.map((s) => s.healthP99)).toFixed(1)} ms, max ${median(idle.map((s) => s.healthMax)).toFixed(0)} ms; RSS ${median(idle.map((s) => s.rssAfter)).toFixed(0)} MB`;
  for (const c of cases) {
    const file = c.make();
    const samples: Sample[] = [];
    for (let r = 0; r < runs; r++) {
      const session = await login(base, c.user);
      samples.push(await uploadWhileProbing(base, server.pid!, WINDOW_S, { url: c.url, session, file, filename: c.filename, type: c.type }));
      console.log(`${c.key} run ${r + 1}:`, JSON.stringify(samples.at(-1)));
    }
    const m = (f: (s: Sample) => number) => median(samples.map(f));
    results[`${c.title} (${(file.length / 1024 / 1024).toFixed(1)} MB file)`] =
      `answer ${samples.map((s) => s.status).join('/')}, ${m((s) => s.uploads)} uploads per run, ${m((s) => s.uploadS).toFixed(2)} s each; ` +
      `health during them p50 ${m((s) => s.healthP50).toFixed(1)} ms, **p99 ${m((s) => s.healthP99).toFixed(1)} ms**, max ${m((s) => s.healthMax).toFixed(0)} ms (${m((s) => s.healthCount)} requests); ` +
      `RSS ${m((s) => s.rssBefore).toFixed(0)} → peak ${m((s) => s.rssPeak).toFixed(0)} → ${m((s) => s.rssAfter).toFixed(0)} MB 15 s later (median of ${runs} runs)`;
  }
  // Idle workers exit after 60 s and give their memory back.
  await new Promise((r) => setTimeout(r, 65_000));
  results['RSS 80 s after the last upload'] = `${rssMb(server.pid!).toFixed(0)} MB`;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
report('Upload stall: /api/health while a worst-case upload is parsed (target p99 < 100 ms)', results);

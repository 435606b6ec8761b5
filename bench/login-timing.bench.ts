/**
 * Login answers must not tell which usernames exist, by their words nor by their time (issue 12
 * §1.2): a wrong password for a real account and any password for an unknown name each cost one
 * argon2id verification (the unknown one against a dummy hash). Measures both through the HTTP
 * stack (in-process, PGlite), alternating, each attempt from its own address so that no lock or
 * throttle interferes; also the password-strength estimate per call.
 * Run: npx tsx bench/login-timing.bench.ts [--runs 40]
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config/config.js';
import { openDatabase } from '../server/src/db/client.js';
import { seedBuiltins } from '../server/src/modules/system/index.js';
import { passwordStrength } from '../server/src/platform/auth/password-strength.js';
import { machine, median, report } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const runs = Number(values.runs);

const handle = await openDatabase({ memory: true });
await handle.migrate();
await seedBuiltins(handle.db, { adminPassword: 'Bench-Login-Timing-2026!' });
const app = await buildApp({ db: handle.db, dbKind: handle.kind, config: { ...loadConfig({}), loginRateLimit: null }, serveWeb: false });
await app.ready();

let n = 0;
async function attempt(username: string): Promise<{ ms: number; status: number; body: string }> {
  n++;
  const remoteAddress = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const t0 = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password: `Wrong-Guess-${n}` } });
  return { ms: performance.now() - t0, status: res.statusCode, body: res.body.replace(/"requestId":"[^"]+"/, '') };
}

// Warm-up: the dummy hash is computed on first use, JIT, connections.
for (let i = 0; i < 3; i++) {
  await attempt('admin');
  await attempt(`nobody-${i}`);
}
const known: number[] = [];
const unknown: number[] = [];
const bodies = new Set<string>();
for (let i = 0; i < runs; i++) {
  const a = await attempt('admin');
  const b = await attempt(`nobody-${i}`);
  known.push(a.ms);
  unknown.push(b.ms);
  bodies.add(a.body).add(b.body);
  if (a.status !== 401 || b.status !== 401) throw new Error(`expected 401s, got ${a.status} / ${b.status}`);
}
const p90 = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length * 0.9)]!;

const strength: number[] = [];
await passwordStrength('warm-up-Password-1');
for (const p of ['Password123!', 'Initial-Pass-2026', 'Tj120103-Harbor-0817!', '1qaz@WSX3edc', 'Heping-Staff-0817!', 'Woaini1314!']) {
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await passwordStrength(p, { username: 'zhang.san', displayName: '张三' });
    strength.push(performance.now() - t0);
  }
}

report('login: wrong password vs unknown username (HTTP, in-process, PGlite)', {
  machine: machine(),
  attempts: `${runs} each, alternating`,
  'wrong password, real account: median / p90': `${median(known).toFixed(1)} ms / ${p90(known).toFixed(1)} ms`,
  'unknown username: median / p90': `${median(unknown).toFixed(1)} ms / ${p90(unknown).toFixed(1)} ms`,
  'ratio of medians (unknown / known)': (median(unknown) / median(known)).toFixed(2),
  'distinct response bodies (without request id)': bodies.size,
  'password strength estimate per call: median / max': `${median(strength).toFixed(1)} ms / ${Math.max(...strength).toFixed(1)} ms`,
});
await app.close();
await handle.close();

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { usccCheckCharacter as usccCheck } from '../../contracts/uscc.js';

// `npx zhiliang …` end to end, on its own database (a fresh PGlite directory or a fresh PostgreSQL database).
const ROOT = join(import.meta.dirname, '..', '..');
let env: NodeJS.ProcessEnv;
let dataDir: string;
let pgDb: string | null = null;

function zhiliang(...args: string[]) {
  const r = spawnSync('npx', ['zhiliang', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

async function tamper(statement: string): Promise<void> {
  const sqls = ['ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only', statement, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only'];
  if (env.DATABASE_URL) {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    for (const s of sqls) await c.query(s);
    await c.end();
    return;
  }
  const db = new PGlite(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
  for (const s of sqls) await db.exec(s);
  await db.close();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zl-cli-'));
  // A small demo registry, as in Vitest: this spec proves the commands, and the full 20,000-entity
  // load is what the e2e server itself does at its first start (and bench/start.bench.ts times).
  env = { ...process.env, ZHILIANG_DATA_DIR: dataDir, ZHILIANG_ADMIN_PASSWORD: 'Cli-Admin-Pass-2026', ZHILIANG_DEMO_ENTITIES: '300', LOG_LEVEL: 'warn' };
  if (process.env.DATABASE_URL) {
    pgDb = `zl_cli_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`CREATE DATABASE ${pgDb}`);
    await c.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${pgDb}`;
    env.DATABASE_URL = url.toString();
  }
});

test.afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (pgDb) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`);
    await c.end();
  }
});

test('migrate creates the schema and built-ins; running it again is a no-op', () => {
  const first = zhiliang('migrate');
  expect(first.status, first.out).toBe(0);
  expect(first.out).toContain('up to date');
  expect(zhiliang('migrate').status).toBe(0);
});

test('seed demo loads Tianjin once', () => {
  const first = zhiliang('seed', 'demo', '--password', 'Cli-Demo-Pass-2026');
  expect(first.status, first.out).toBe(0);
  expect(first.out).toMatch(/\+17 区划 districts, \+80 部门 departments/);
  const again = zhiliang('seed', 'demo', '--password', 'Cli-Demo-Pass-2026');
  expect(again.out).toContain('+0 区划 districts, +0 部门 departments, +0 用户 users');
});

test('user create and reset-password', () => {
  const created = zhiliang('user', 'create', '--username', 'cli-inspector', '--name', '命令行执法员', '--role', 'inspector', '--dept', '天津市河西区市场监督管理局');
  expect(created.status, created.out).toBe(0);
  expect(created.out).toMatch(/created user #\d+ cli-inspector/);
  expect(created.out).toMatch(/initial password \(change at first login\): \S{16}/);
  const dup = zhiliang('user', 'create', '--username', 'cli-inspector', '--name', 'x', '--role', 'inspector');
  expect(dup.status).toBe(1);
  expect(dup.out).toContain('USERNAME_TAKEN');
  const badRole = zhiliang('user', 'create', '--username', 'cli-x', '--name', 'x', '--role', 'no_such_role');
  expect(badRole.status).toBe(1);
  const reset = zhiliang('user', 'reset-password', 'cli-inspector', '--password', 'Reset-Pass-2026');
  expect(reset.status, reset.out).toBe(0);
  const weak = zhiliang('user', 'reset-password', 'cli-inspector', '--password', 'weak');
  expect(weak.status).toBe(1);
  expect(zhiliang('user', 'reset-password', 'nobody').status).toBe(1);
});

test('entities import: JSON result, re-import unchanged, exit 1 on errors', () => {
  // USCCs with their GB 32100 check characters (computed once by contracts/uscc.ts).
  const file = join(dataDir, 'entities.csv');
  const good = ['91120101MA0E2E0018', '91120102MA0E2E002X'].map((u) => u.slice(0, 17) + usccCheck(u.slice(0, 17)));
  writeFileSync(file, `统一社会信用代码,名称,区划代码,行业代码,登记状态\n${good[0]},命令行甲有限公司,120101,C,存续\n${good[1]},命令行乙有限公司,120102,14,存续\n`);
  const first = zhiliang('entities', 'import', file, '--json');
  expect(first.status, first.out).toBe(0);
  // --json keeps stdout pure JSON (start-up notes and npm's warnings go to stderr).
  expect(JSON.parse(first.stdout)).toEqual({ inserted: 2, updated: 0, unchanged: 0, errors: [] });
  const again = zhiliang('entities', 'import', file, '--json');
  expect(JSON.parse(again.stdout)).toEqual({ inserted: 0, updated: 0, unchanged: 2, errors: [] });
  const bad = join(dataDir, 'bad.csv');
  writeFileSync(bad, `统一社会信用代码,名称,区划代码,行业代码\n${good[0]},命令行甲有限公司,129999,C\n`);
  const refused = zhiliang('entities', 'import', bad);
  expect(refused.status).toBe(1);
  expect(refused.out).toContain('第 2 行');
});

test('bad usage exits 2', () => {
  expect(zhiliang('no-such-command').status).toBe(2);
  expect(zhiliang('user', 'create').status).toBe(2);
});

test('audit verify passes on an intact chain and names the first altered row', async () => {
  const ok = zhiliang('audit', 'verify');
  expect(ok.status, ok.out).toBe(0);
  const rows = Number(/intact: (\d+) rows/.exec(ok.out)?.[1]);
  expect(rows).toBeGreaterThanOrEqual(5);
  await tamper(`UPDATE audit_log SET after = '{"forged": true}'::jsonb WHERE seq = 3`);
  const bad = zhiliang('audit', 'verify');
  expect(bad.status).toBe(1);
  expect(bad.out).toContain('broken at row 3');
});

/**
 * `zhiliang entities import` in-process, on its own database (a fresh PGlite data directory, or a
 * fresh PostgreSQL database when the suite runs on PostgreSQL), seeded with the demo city's districts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { openConfiguredDatabase } from '../../../bootstrap.js';
import { loadConfig } from '../../../config/config.js';
import { district } from '../../system/system.table.js';
import { cli } from '../../../test/run-cli.js';

const ENV_KEYS = ['ZHILIANG_DATA_DIR', 'ZHILIANG_ADMIN_PASSWORD', 'DATABASE_URL', 'LOG_LEVEL'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let dataDir: string;
let pgDb: string | null = null;

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const U = (n: number) => uscc(`91120101MA0C${String(n).padStart(5, '0')}`);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'zl-cli-import-'));
  process.env.ZHILIANG_DATA_DIR = dataDir;
  process.env.ZHILIANG_ADMIN_PASSWORD = 'Cli-Admin-Pass-2026';
  process.env.LOG_LEVEL = 'warn';
  const serverUrl = inject('databaseUrl');
  if (serverUrl) {
    pgDb = `zl_cli_imp_${process.pid}_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${pgDb}`);
    await c.end();
    const url = new URL(serverUrl);
    url.pathname = `/${pgDb}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    delete process.env.DATABASE_URL;
  }
  // Migrate through the CLI, then add the two districts the files use (the demo seed hashes a
  // dozen passwords and is slow; the import only needs the district table).
  const migrated = await cli('migrate');
  if (migrated.code !== 0) throw new Error(migrated.err);
  const h = await openConfiguredDatabase(loadConfig());
  try {
    await h.db
      .insert(district)
      .values([
        { code: '120000', name: '天津市', parentCode: null, level: 1 },
        { code: '120101', name: '和平区', parentCode: '120000', level: 3 },
        { code: '120102', name: '河东区', parentCode: '120000', level: 3 },
      ])
      .onConflictDoNothing();
  } finally {
    await h.close();
  }
}, 300_000);

afterAll(async () => {
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
  rmSync(dataDir, { recursive: true, force: true });
  if (pgDb) {
    const c = new pg.Client({ connectionString: inject('databaseUrl') });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`);
    await c.end();
  }
});

function file(name: string, lines: string[]): string {
  const p = join(dataDir, name);
  writeFileSync(p, `\uFEFF${lines.join('\n')}\n`);
  return p;
}

const HEADER = '统一社会信用代码,名称,区划代码,行业代码';

describe('zhiliang entities import', () => {
  it('prints exactly the JSON result and exits 1 when the file has errors', async () => {
    const bad = U(2).slice(0, 17) + (U(2)[17] === 'A' ? 'B' : 'A');
    const p = file('bad.csv', [HEADER, `${U(1)},甲有限公司,120101,C`, `${bad},乙有限公司,120101,C`]);
    const r = await cli('entities', 'import', p, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ inserted: 0, updated: 0, unchanged: 0, errors: [{ row: 3, column: '统一社会信用代码', message: expect.stringContaining('checksum') }] });

    const skipped = await cli('entities', 'import', p, '--json', '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out)).toEqual({ inserted: 1, updated: 0, unchanged: 0, errors: [expect.objectContaining({ row: 3 })] });
  });

  it('re-imports without changes and prints a human summary without --json', async () => {
    const p = file('ok.csv', [HEADER, `${U(1)},甲有限公司,120101,C`, `${U(3)},丙有限公司,120102,14`]);
    const r = await cli('entities', 'import', p);
    expect(r.code).toBe(0);
    expect(r.out).toContain('新增 inserted 1，更新 updated 0，未变 unchanged 1');
    const again = await cli('entities', 'import', p, '--json');
    expect(JSON.parse(again.out)).toEqual({ inserted: 0, updated: 0, unchanged: 2, errors: [] });
  });

  it('exits 1 naming a missing column or an unreadable file', async () => {
    const r = await cli('entities', 'import', file('header.csv', ['统一社会信用代码,名称', `${U(1)},甲有限公司`]), '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('区划代码');
    const missing = await cli('entities', 'import', join(dataDir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read the file');
  });
});

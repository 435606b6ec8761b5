/**
 * `zhiliang entities import` in-process, on its own database (a fresh PGlite data directory, or a
 * fresh PostgreSQL database when the suite runs on PostgreSQL), seeded with the demo city's districts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { openConfiguredDatabase } from '../../../bootstrap.js';
import { loadConfig } from '../../../config/config.js';
import { cli } from '../../../test/run-cli.js';
import { cliDatabase } from '../../../test/cli-db.js';

const db = cliDatabase('cli-import');

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const U = (n: number) => uscc(`91120101MA0C${String(n).padStart(5, '0')}`);

beforeAll(async () => {
  await db.setup();
  // Migrate through the CLI, then add the two districts the files use (the demo seed hashes a
  // dozen passwords and is slow; the import only needs the district table).
  const migrated = await cli('migrate');
  if (migrated.code !== 0) throw new Error(migrated.err);
  const h = await openConfiguredDatabase(loadConfig());
  try {
    // Plain SQL: this test may not reach into the system module's tables (.dependency-cruiser.cjs).
    await h.db.execute(
      `insert into district (code, name, parent_code, level) values ('120000', '天津市', null, 1), ('120101', '和平区', '120000', 3), ('120102', '河东区', '120000', 3) on conflict do nothing`,
    );
  } finally {
    await h.close();
  }
}, 300_000);

afterAll(() => db.teardown());

function file(name: string, lines: string[]): string {
  const p = join(db.dataDir, name);
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
    const missing = await cli('entities', 'import', join(db.dataDir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot read the file');
  });
});

/** Each USCC with the kinds of its evaluations, read on the CLI's database. */
async function evaluationKinds(usccs: string[]): Promise<Record<string, string[]>> {
  const h = await openConfiguredDatabase(loadConfig());
  try {
    const r = (await h.db.execute(
      `select e.uscc, coalesce(array_agg(ce.kind order by ce.kind) filter (where ce.kind is not null), '{}') as kinds
       from entity e left join credit_evaluation ce on ce.entity_id = e.id
       where e.uscc in (${usccs.map((u) => `'${u}'`).join(', ')}) group by e.uscc`,
    )) as unknown as { rows: { uscc: string; kinds: string[] }[] };
    return Object.fromEntries(r.rows.map((x) => [x.uscc, x.kinds]));
  } finally {
    await h.close();
  }
}

describe('zhiliang entities import grades what it imports', () => {
  const codes = [U(101), U(102), U(103)];
  const graded = Object.fromEntries(codes.map((c) => [c, ['grade', 'risk']]));

  it('leaves every imported entity with both evaluations, as the server does', async () => {
    const p = file('graded.csv', [HEADER, `${codes[0]},天津评价甲有限公司,120101,C`, `${codes[1]},天津评价乙有限公司,120101,C`, `${codes[2]},天津评价丙有限公司,120102,14`]);
    const r = await cli('entities', 'import', p, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ inserted: 3 });
    expect(await evaluationKinds(codes)).toEqual(graded);
  });

  it('grades unchanged rows that an earlier import left without an evaluation', async () => {
    // The state an import by an older CLI left behind: the entities are there, their grades are not.
    const h = await openConfiguredDatabase(loadConfig());
    try {
      await h.db.execute('delete from credit_evaluation');
    } finally {
      await h.close();
    }
    const p = file('graded.csv', [HEADER, `${codes[0]},天津评价甲有限公司,120101,C`, `${codes[1]},天津评价乙有限公司,120101,C`, `${codes[2]},天津评价丙有限公司,120102,14`]);
    const r = await cli('entities', 'import', p, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await evaluationKinds(codes)).toEqual(graded);
  });
});

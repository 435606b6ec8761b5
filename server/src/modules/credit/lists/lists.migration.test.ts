/**
 * The hand-written backfill of migration 0009 (listing decision 文号 vs penalty decision 文号), run
 * again on rows shaped like those written before it: the form's rows had the penalty's number in
 * decision_no, the demo's rows their own listing number. The statements are read from the
 * migration file itself, so the test checks the SQL that ships.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../../config/paths.js';
import { createTestDb } from '../../../test/test-db.js';
import type { DbHandle } from '../../../db/client.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { archiveRecord, entity } from '../../entities/index.js';
import { creditListEntry } from './lists.table.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(() => h.close());

/** The migration's UPDATE statements (the column itself exists already: the test database is migrated). */
function backfill(): string[] {
  const sqlText = readFileSync(join(MIGRATIONS_DIR, '0009_listing_numbers_and_submissions.sql'), 'utf8');
  return sqlText
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter((s) => s.includes('UPDATE "credit_list_entry"'));
}

describe('migration 0009 backfill', () => {
  it('moves penalty numbers out of decision_no, keeps listing numbers, and names the penalty of every entry resting on one', async () => {
    const body = '91120101MA05MG8Q1'.slice(0, 17);
    const [e] = await h.db.insert(entity).values({ uscc: body + usccCheckCharacter(body), name: '天津迁移测试有限公司', entityType: 'company', districtCode: '120101', industrySection: 'C', status: 'active', searchText: '天津 迁移 测试' }).returning();
    const penalty = (no: string) => ({ entityId: e!.id, kind: 'penalty', title: '行政处罚', occurredOn: '2025-01-02', recordedBy: 'test', sourceModule: 'test', visibility: 'public', payload: { decisionNo: no } });
    const [p1, p2, p3] = await h.db.insert(archiveRecord).values([penalty('津市监罚〔2025〕1号'), penalty('津市监罚〔2025〕2号'), penalty('津市监罚〔2025〕3号')]).returning();
    const base = { entityId: e!.id, districtCode: '120101', grounds: 'food_safety', decisionDate: '2025-02-01', createdBy: 'test' };
    const rows = await h.db
      .insert(creditListEntry)
      .values([
        // The form before the fix: the penalty's number, matched to its record.
        { ...base, list: 'serious-violation', status: 'published', decisionNo: '津市监罚〔2025〕1号', sourceRecordId: p1!.id },
        // The form, no record matched: the typed penalty number with the warning.
        { ...base, list: 'serious-violation', status: 'revoked', decisionNo: '津市监罚〔2025〕9号', warning: '档案中没有文号为「津市监罚〔2025〕9号」的行政处罚记录' },
        // The demo: the listing's own number, resting on a penalty record.
        { ...base, list: 'serious-violation', status: 'removed', decisionNo: '津市监列严〔2025〕4号', sourceRecordId: p2!.id },
        // A penalty publication: its decision is the penalty.
        { ...base, list: 'penalty-publication', status: 'listed', decisionNo: '津市监罚〔2025〕3号', sourceRecordId: p3!.id },
        // The abnormal list: its own number, nothing to move.
        { ...base, list: 'abnormal', status: 'listed', decisionNo: '津市监异〔2025〕5号' },
      ])
      .returning({ id: creditListEntry.id });
    const statements = backfill();
    expect(statements).toHaveLength(2);
    for (const s of statements) await h.db.execute(s);
    const ids = rows.map((r) => r.id).join(',');
    const res = (await h.db.execute(`select list, decision_no, penalty_decision_no from credit_list_entry where id in (${ids}) order by id`)) as unknown as { rows: { list: string; decision_no: string | null; penalty_decision_no: string | null }[] };
    expect(res.rows).toEqual([
      { list: 'serious-violation', decision_no: null, penalty_decision_no: '津市监罚〔2025〕1号' },
      { list: 'serious-violation', decision_no: null, penalty_decision_no: '津市监罚〔2025〕9号' },
      { list: 'serious-violation', decision_no: '津市监列严〔2025〕4号', penalty_decision_no: '津市监罚〔2025〕2号' },
      { list: 'penalty-publication', decision_no: '津市监罚〔2025〕3号', penalty_decision_no: '津市监罚〔2025〕3号' },
      { list: 'abnormal', decision_no: '津市监异〔2025〕5号', penalty_decision_no: null },
    ]);
    // Run twice: nothing moves again.
    for (const s of statements) await h.db.execute(s);
    const again = (await h.db.execute(`select list, decision_no, penalty_decision_no from credit_list_entry where id in (${ids}) order by id`)) as unknown as { rows: unknown[] };
    expect(again.rows).toEqual(res.rows);
  });
});

/**
 * The demo as loaded (the test template is the demo city): its published red round agrees with its
 * own criteria once everyone is graded, so an officer checking a member finds the grade it claims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { createTestDb } from '../../test/test-db.js';
import { honourCandidates, qualifiesForHonour, type HonourCriteriaInput } from '../../modules/credit/index.js';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

interface MemberRow {
  round_id: number;
  criteria: HonourCriteriaInput;
  entity_id: number;
  grade: string | null;
  grounds: string;
}

describe('the demo red round', () => {
  it('lists only entities whose grade its criteria accept, and who meet the rest of them', async () => {
    const { rows } = (await handle.db.execute(`
      select r.id as round_id, r.criteria, l.entity_id, ev.grade, l.grounds
      from credit_honour_round r
      join credit_list_entry l on l.round_id = r.id
      left join credit_evaluation ev on ev.entity_id = l.entity_id and ev.kind = 'grade'
      where r.list = 'red' and r.status = 'published' and r.created_by = 'quality-office'`)) as unknown as { rows: MemberRow[] };
    expect(rows.length).toBeGreaterThan(0);
    for (const m of rows) {
      expect(m.criteria.grades, `entity ${m.entity_id}`).toContain(m.grade);
      // The stated ground names the grade the member actually has.
      expect(m.grounds).toBe(`grade:${m.grade}`);
    }
    // And the rest of the criteria (no penalty within 3 years, on no credit list), by the rule a compiled round applies.
    const candidates = new Map((await honourCandidates(handle.db)).map((c) => [c.entityId, c]));
    for (const m of rows) expect(qualifiesForHonour('red', m.criteria, candidates.get(Number(m.entity_id))!, todayInChina()), `entity ${m.entity_id}`).toBe(true);
  });
});

describe('the demo lists', () => {
  it('put every listing in force into the entity archive, as a real listing does (the grade counts it)', async () => {
    const { rows } = (await handle.db.execute(`
      select l.list, count(*)::int as entries, count(r.id)::int as recorded, count(*) filter (where r.payload->>'reason' ~ '^[a-z_.:-]+$')::int as coded
      from credit_list_entry l
      left join archive_record r on r.kind = 'list_entry' and r.source_module = 'credit' and r.source_id = 'list:' || l.id || ':entry'
      where l.status = 'published' and l.list <> 'penalty-publication'
      group by l.list order by l.list`)) as unknown as { rows: { list: string; entries: number; recorded: number; coded: number }[] };
    expect(rows.map((r) => r.list)).toEqual(['abnormal', 'black', 'red', 'serious-violation']);
    // Every entry has its record, and no record gives its reason as a code.
    for (const r of rows) expect(r, r.list).toMatchObject({ recorded: r.entries, coded: 0 });
  });
});

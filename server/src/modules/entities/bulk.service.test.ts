/**
 * The bulk loaders (the demo city, a migration): derived columns computed as the single-entity use
 * cases compute them, one audit row per bulk write, registered entities kept as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import type { DbHandle } from '../../db/client.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { systemSource } from '../../platform/context.js';
import { createTestDb } from '../../test/test-db.js';
import { appendRecordsInBulk, registerEntitiesInBulk, usccExists, type BulkEntity } from './bulk.service.js';
import { findEntityByUscc } from './entities.repository.js';

let h: DbHandle;
beforeAll(async () => {
  h = await createTestDb();
});
afterAll(async () => {
  await h.close();
});

const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const source = systemSource({ username: 'loader' });

function bulkEntity(body17: string, name: string, products: BulkEntity['products'] = []): BulkEntity {
  return { uscc: uscc(body17), name, formerNames: ['旧名称有限公司'], entityType: 'company', districtCode: '120101', industrySection: 'C', status: 'active', products, licences: [] };
}

describe('registerEntitiesInBulk and appendRecordsInBulk', () => {
  it('register with search text, pinyin and the licensed-products flag, and write one audit row per bulk write', async () => {
    const seq = (await auditHeadRow(h.db))?.seq ?? 0;
    const rows = [
      bulkEntity('91120101MA0BULK01', '天津市批量食品有限公司', [{ name: '饼干', category: '食品', standard: null, licenceRequired: true, cccRequired: false }]),
      bulkEntity('91120101MA0BULK02', '天津市批量贸易有限公司'),
    ];
    const ids = await h.db.transaction(async (tx) => {
      const ids = await registerEntitiesInBulk(tx, source, rows, 'test load');
      await appendRecordsInBulk(
        tx,
        source,
        [...ids.values()].map((entityId) => ({ entityId, kind: 'note', title: '批量备注', occurredOn: '2026-01-05', recordedBy: 'loader', sourceModule: 'test', visibility: 'internal', payload: { text: '批量' } })),
        'test load',
      );
      return ids;
    });
    expect(ids.size).toBe(2);
    const food = (await findEntityByUscc(h.db, rows[0]!.uscc))!;
    expect(food.id).toBe(ids.get(rows[0]!.uscc));
    expect(food.searchText).toContain('食品');
    expect(food.searchText).toContain('名称'); // the former name's words too
    expect(food.namePinyin).toContain('tianjinshi');
    expect(food.licensedProducts).toBe(true);
    expect((await findEntityByUscc(h.db, rows[1]!.uscc))!.licensedProducts).toBe(false);

    const audit = await auditRowsAfter(h.db, seq, 10);
    expect(audit.map((a) => `${a.action}:${a.actorUsername}`)).toEqual(['entities.entity.bulk_register:loader', 'entities.record.bulk_append:loader']);
    expect(audit[0]!.after).toEqual({ entities: 2, products: 1, licences: 0, reason: 'test load' });
    expect(audit[1]!.after).toEqual({ records: 2, kinds: { note: 2 }, reason: 'test load' });
  });

  it('keeps an entity already registered as it is and still answers its id', async () => {
    const again = bulkEntity('91120101MA0BULK01', '改过的名称有限公司');
    const before = (await findEntityByUscc(h.db, again.uscc))!;
    const ids = await h.db.transaction((tx) => registerEntitiesInBulk(tx, source, [again], 'test reload'));
    expect(ids.get(again.uscc)).toBe(before.id);
    expect((await findEntityByUscc(h.db, again.uscc))!.name).toBe('天津市批量食品有限公司');
    expect(await usccExists(h.db, again.uscc)).toBe(true);
    expect(await usccExists(h.db, uscc('91120101MA0NOPE01'))).toBe(false);
  });

  it('writes nothing when the transaction fails', async () => {
    const seq = (await auditHeadRow(h.db))?.seq ?? 0;
    const row = bulkEntity('91120101MA0BULK03', '天津市回滚测试有限公司');
    await expect(
      h.db.transaction(async (tx) => {
        await registerEntitiesInBulk(tx, source, [row], 'test rollback');
        throw new Error('the loader failed half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await usccExists(h.db, row.uscc)).toBe(false);
    expect(await auditRowsAfter(h.db, seq, 10)).toEqual([]);
  });
});

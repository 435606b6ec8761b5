/**
 * Bulk registration and bulk archive append, for loaders that bring thousands of rows at once (the
 * demo city; a migration from an older system). They run inside the caller's transaction and write
 * ONE audit row each, saying how many rows and why, instead of one row per entity or record; the
 * per-record listeners do not run (the caller grades the registry afterwards, in one statement).
 * The entity's derived columns (search text, pinyin, licensed-products flag) are computed here,
 * as the single-entity use cases compute them.
 */
import type { Transaction } from '../../db/client.js';
import { appendAudit, type AuditSource } from '../../platform/audit/audit.repository.js';
import { insertEntities, insertLicences, insertProducts, insertRecords, usccExists, type EntityInsert, type LicenceInsert, type ProductInsert, type RecordInsert } from './bulk.repository.js';
import { namePinyin } from './entities.pinyin.js';
import { searchText } from './entities.search.js';

export type BulkEntity = Omit<EntityInsert, 'id' | 'searchText' | 'namePinyin' | 'licensedProducts'> & {
  products: readonly Omit<ProductInsert, 'id' | 'entityId'>[];
  licences: readonly Omit<LicenceInsert, 'id' | 'entityId'>[];
};
export type BulkRecord = Omit<RecordInsert, 'id'>;

export { usccExists };

/**
 * Register entities with their products and licences (USCCs already registered are kept as they
 * are); returns the id of every given USCC. Audited as `entities.entity.bulk_register`.
 */
export async function registerEntitiesInBulk(tx: Transaction, source: AuditSource, rows: readonly BulkEntity[], reason: string): Promise<Map<string, number>> {
  const ids = await insertEntities(
    tx,
    rows.map(({ products, licences: _licences, ...e }) => ({
      ...e,
      formerNames: e.formerNames ?? [],
      searchText: searchText([e.name, ...(e.formerNames ?? [])]),
      namePinyin: namePinyin([e.name, ...(e.formerNames ?? [])]),
      licensedProducts: products.some((x) => x.licenceRequired || x.cccRequired),
    })),
  );
  const idOf = (uscc: string) => ids.get(uscc)!;
  const products = rows.flatMap((e) => e.products.map((p) => ({ ...p, entityId: idOf(e.uscc) })));
  const licences = rows.flatMap((e) => e.licences.map((l) => ({ ...l, entityId: idOf(e.uscc) })));
  await insertProducts(tx, products);
  await insertLicences(tx, licences);
  await appendAudit(tx, source, {
    action: 'entities.entity.bulk_register',
    targetType: 'entity',
    targetId: null,
    after: { entities: rows.length, products: products.length, licences: licences.length, reason },
  });
  return ids;
}

/** Append archive records in the order given; returns their ids in that order. Audited as `entities.record.bulk_append`. */
export async function appendRecordsInBulk(tx: Transaction, source: AuditSource, rows: readonly BulkRecord[], reason: string): Promise<number[]> {
  const ids = await insertRecords(tx, rows);
  const kinds: Record<string, number> = {};
  for (const r of rows) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  await appendAudit(tx, source, { action: 'entities.record.bulk_append', targetType: 'archive_record', targetId: null, after: { records: ids.length, kinds, reason } });
  return ids;
}

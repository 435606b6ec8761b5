import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { dictItem, dictType } from './system.table.js';

export type DictTypeRow = typeof dictType.$inferSelect;
export type DictItemRow = typeof dictItem.$inferSelect;
export type NewDictItemRow = typeof dictItem.$inferInsert;

async function itemCounts(db: Executor, types: readonly string[]): Promise<Map<string, number>> {
  if (types.length === 0) return new Map();
  const rows = await db
    .select({ type: dictItem.dictType, n: count() })
    .from(dictItem)
    .where(inArray(dictItem.dictType, [...types]))
    .groupBy(dictItem.dictType);
  return new Map(rows.map((r) => [r.type, r.n]));
}

export async function listDictTypes(db: Executor, f: { keyword?: string | undefined; status?: string | undefined }, page: { offset: number; limit: number }) {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(dictType.type, k), ilike(dictType.nameZh, k), ilike(dictType.nameEn, k)));
  }
  if (f.status) parts.push(eq(dictType.status, f.status));
  const where = and(...parts);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(dictType).where(where).orderBy(asc(dictType.type)).offset(page.offset).limit(page.limit),
    db.select({ total: count() }).from(dictType).where(where),
  ]);
  const counts = await itemCounts(db, rows.map((t) => t.type));
  return { rows: rows.map((t) => ({ t, itemCount: counts.get(t.type) ?? 0 })), total };
}

export async function findDictType(db: Executor, type: string): Promise<(DictTypeRow & { itemCount: number }) | null> {
  const [row] = await db.select().from(dictType).where(eq(dictType.type, type));
  if (!row) return null;
  return { ...row, itemCount: (await itemCounts(db, [type])).get(type) ?? 0 };
}

export async function itemsOfType(db: Executor, type: string): Promise<DictItemRow[]> {
  return db.select().from(dictItem).where(eq(dictItem.dictType, type)).orderBy(asc(dictItem.sort), asc(dictItem.id));
}

/** Every active item of every active type. */
export async function activeItems(db: Executor): Promise<DictItemRow[]> {
  return db
    .select({ i: dictItem })
    .from(dictItem)
    .innerJoin(dictType, eq(dictType.type, dictItem.dictType))
    .where(and(eq(dictItem.status, 'active'), eq(dictType.status, 'active')))
    .orderBy(asc(dictItem.dictType), asc(dictItem.sort), asc(dictItem.id))
    .then((rows) => rows.map((r) => r.i));
}

export async function findDictItem(db: Executor, id: number): Promise<DictItemRow | null> {
  const [row] = await db.select().from(dictItem).where(eq(dictItem.id, id));
  return row ?? null;
}

export async function findDictItemByValue(db: Executor, type: string, value: string): Promise<DictItemRow | null> {
  const [row] = await db.select().from(dictItem).where(and(eq(dictItem.dictType, type), eq(dictItem.value, value)));
  return row ?? null;
}

export async function insertDictType(db: Executor, values: typeof dictType.$inferInsert): Promise<DictTypeRow> {
  const [row] = await db.insert(dictType).values(values).returning();
  return row!;
}

export async function updateDictTypeRow(db: Executor, type: string, values: Partial<typeof dictType.$inferInsert>): Promise<DictTypeRow> {
  const [row] = await db
    .update(dictType)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(dictType.type, type))
    .returning();
  return row!;
}

export async function deleteDictTypeRow(db: Executor, type: string): Promise<void> {
  await db.delete(dictType).where(eq(dictType.type, type));
}

export async function insertDictItem(db: Executor, values: NewDictItemRow): Promise<DictItemRow> {
  const [row] = await db.insert(dictItem).values(values).returning();
  return row!;
}

export async function updateDictItemRow(db: Executor, id: number, values: Partial<NewDictItemRow>): Promise<DictItemRow> {
  const [row] = await db
    .update(dictItem)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(dictItem.id, id))
    .returning();
  return row!;
}

export async function deleteDictItemRow(db: Executor, id: number): Promise<void> {
  await db.delete(dictItem).where(eq(dictItem.id, id));
}

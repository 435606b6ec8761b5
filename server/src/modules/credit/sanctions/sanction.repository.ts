/** Joint-sanction rules and the query log: the only Drizzle-aware code of the sanction use cases. */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { pageWindow } from '../../../db/query-helpers.js';
import { creditListEntry } from '../lists/lists.table.js';
import { creditSanctionQuery, creditSanctionRule } from './sanction.table.js';
import { creditEvaluation } from '../scoring/scoring.table.js';
import { ACTIVE_ENTRY_STATUSES } from '../repair/repair.rules.js';
import type { SanctionRuleSeed } from './sanction.data.js';

export type SanctionRuleRow = typeof creditSanctionRule.$inferSelect;
export type SanctionQueryRow = typeof creditSanctionQuery.$inferSelect;

/** Insert the rules that are missing; existing ones (and the office's edits) stay. Returns how many were added. */
export async function insertMissingRules(db: Executor, rules: readonly SanctionRuleSeed[], by: string): Promise<number> {
  if (rules.length === 0) return 0;
  const rows = await db
    .insert(creditSanctionRule)
    .values(rules.map((r) => ({ ...r, updatedBy: by })))
    .onConflictDoNothing()
    .returning({ id: creditSanctionRule.id });
  return rows.length;
}

export async function listRules(db: Executor): Promise<SanctionRuleRow[]> {
  return db.select().from(creditSanctionRule).orderBy(asc(creditSanctionRule.trigger), asc(creditSanctionRule.measure));
}

export async function findRule(db: Executor, id: number): Promise<SanctionRuleRow | null> {
  const [row] = await db.select().from(creditSanctionRule).where(eq(creditSanctionRule.id, id));
  return row ?? null;
}

export async function updateRule(db: Executor, id: number, values: Partial<typeof creditSanctionRule.$inferInsert>): Promise<SanctionRuleRow | null> {
  const [row] = await db
    .update(creditSanctionRule)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(creditSanctionRule.id, id))
    .returning();
  return row ?? null;
}

export async function activeEntriesForSanctions(db: Executor, entityId: number) {
  return db
    .select({ list: creditListEntry.list, decisionDate: creditListEntry.decisionDate, publishedOn: creditListEntry.publishedOn, autoRemoveOn: creditListEntry.autoRemoveOn })
    .from(creditListEntry)
    .where(and(eq(creditListEntry.entityId, entityId), inArray(creditListEntry.status, [...ACTIVE_ENTRY_STATUSES])));
}

export async function currentGrade(db: Executor, entityId: number): Promise<{ grade: string; computedAt: Date } | null> {
  const [row] = await db
    .select({ grade: creditEvaluation.grade, computedAt: creditEvaluation.computedAt })
    .from(creditEvaluation)
    .where(and(eq(creditEvaluation.entityId, entityId), eq(creditEvaluation.kind, 'grade')));
  return row ?? null;
}

export async function insertSanctionQuery(db: Executor, values: typeof creditSanctionQuery.$inferInsert): Promise<void> {
  await db.insert(creditSanctionQuery).values(values);
}

export async function listSanctionQueries(db: Executor, q: { page: number; pageSize: number; uscc?: string | undefined }): Promise<{ rows: SanctionQueryRow[]; total: number }> {
  const where = q.uscc ? eq(creditSanctionQuery.uscc, q.uscc.toUpperCase()) : undefined;
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const rows = await db.select().from(creditSanctionQuery).where(where).orderBy(desc(creditSanctionQuery.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(creditSanctionQuery).where(where);
  return { rows, total: total?.n ?? 0 };
}

import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { operLog } from './oper-log.table.js';

export type NewOperLog = typeof operLog.$inferInsert;
export type OperLogRow = typeof operLog.$inferSelect;

export async function insertOperLog(db: Executor, row: NewOperLog): Promise<void> {
  await db.insert(operLog).values(row);
}

export interface OperLogFilter {
  keyword?: string | undefined;
  operType?: string | undefined;
  status?: string | undefined;
  operName?: string | undefined;
  fromTime?: Date | undefined;
  toTime?: Date | undefined;
}

function where(f: OperLogFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(operLog.title, k), ilike(operLog.operUrl, k), ilike(operLog.operName, k), ilike(operLog.requestId, k)));
  }
  if (f.operType) parts.push(eq(operLog.operType, f.operType));
  if (f.status) parts.push(eq(operLog.status, f.status));
  if (f.operName) parts.push(eq(operLog.operName, f.operName.toLowerCase()));
  if (f.fromTime) parts.push(gte(operLog.operTime, f.fromTime));
  if (f.toTime) parts.push(lt(operLog.operTime, f.toTime));
  return and(...parts);
}

/** Rows matching `f`, newest first, with ids below `beforeId` (keyset batches for the export). */
export async function operLogsBefore(db: Executor, f: OperLogFilter, beforeId: number | null, limit: number): Promise<OperLogRow[]> {
  return db
    .select()
    .from(operLog)
    .where(and(where(f), beforeId === null ? undefined : lt(operLog.id, beforeId)))
    .orderBy(desc(operLog.id))
    .limit(limit);
}

export async function listOperLogs(db: Executor, f: OperLogFilter, page: { offset: number; limit: number }): Promise<{ rows: OperLogRow[]; total: number }> {
  const w = where(f);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(operLog).where(w).orderBy(desc(operLog.id)).offset(page.offset).limit(page.limit),
    db.select({ total: count() }).from(operLog).where(w),
  ]);
  return { rows, total };
}

export async function recentOperLogs(db: Executor, limit: number): Promise<OperLogRow[]> {
  return db.select().from(operLog).orderBy(desc(operLog.id)).limit(limit);
}

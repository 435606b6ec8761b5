/**
 * Official-document issuers and the 发文字号 register: the stored settings, the per-prefix-and-year
 * counter and every number given.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { docIssuer, docNumber, docNumberCounter } from './system.table.js';

export type DocIssuerRow = typeof docIssuer.$inferSelect;
export type DocNumberRow = typeof docNumber.$inferSelect;

export async function findDocIssuerRow(db: Executor, key: string): Promise<DocIssuerRow | null> {
  const [row] = await db.select().from(docIssuer).where(eq(docIssuer.key, key));
  return row ?? null;
}

export async function putDocIssuer(db: Executor, row: Omit<typeof docIssuer.$inferInsert, 'updatedAt'>): Promise<DocIssuerRow> {
  const [saved] = await db
    .insert(docIssuer)
    .values(row)
    .onConflictDoUpdate({ target: docIssuer.key, set: { name: row.name, mark: row.mark, prefix: row.prefix, printer: row.printer, updatedBy: row.updatedBy, updatedAt: new Date() } })
    .returning();
  return saved!;
}

/** The last sequence number given under `prefix` in `year` (0 when none). */
export async function lastDocSeq(db: Executor, prefix: string, year: number): Promise<number> {
  const [row] = await db.select({ last: docNumberCounter.last }).from(docNumberCounter).where(and(eq(docNumberCounter.prefix, prefix), eq(docNumberCounter.year, year)));
  return row?.last ?? 0;
}

/** Take the next sequence number under `prefix` in `year`: the counter row stays locked until the transaction ends. */
export async function takeDocSeq(db: Executor, prefix: string, year: number): Promise<number> {
  const [row] = await db
    .insert(docNumberCounter)
    .values({ prefix, year, last: 1 })
    .onConflictDoUpdate({ target: [docNumberCounter.prefix, docNumberCounter.year], set: { last: sql`${docNumberCounter.last} + 1` } })
    .returning({ last: docNumberCounter.last });
  return row!.last;
}

export async function findDocNumberByRef(db: Executor, kind: string, ref: string): Promise<DocNumberRow | null> {
  const [row] = await db.select().from(docNumber).where(and(eq(docNumber.kind, kind), eq(docNumber.ref, ref)));
  return row ?? null;
}

export async function insertDocNumber(db: Executor, row: Omit<typeof docNumber.$inferInsert, 'id' | 'issuedAt'>): Promise<DocNumberRow> {
  const [saved] = await db.insert(docNumber).values(row).returning();
  return saved!;
}

/** How many numbers were given under `prefix` in `year`. */
export async function countDocNumbers(db: Executor, prefix: string, year: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(docNumber).where(and(eq(docNumber.prefix, prefix), eq(docNumber.year, year)));
  return row?.n ?? 0;
}

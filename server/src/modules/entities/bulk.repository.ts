/**
 * Bulk writes into the registry and the archive: multi-row INSERTs in chunks (one statement per
 * chunk instead of one per row), so 20,000 entities with their archive load in seconds on PGlite.
 * Only `bulk.service.ts` calls these; other modules and the demo seeder go through it.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { archiveRecord, entity, entityLicence, entityProduct } from './entities.table.js';

export type EntityInsert = typeof entity.$inferInsert;
export type RecordInsert = typeof archiveRecord.$inferInsert;
export type ProductInsert = typeof entityProduct.$inferInsert;
export type LicenceInsert = typeof entityLicence.$inferInsert;

/** Rows per INSERT: below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK = 1_000;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function usccExists(db: Executor, uscc: string): Promise<boolean> {
  const [row] = await db.select({ id: entity.id }).from(entity).where(eq(entity.uscc, uscc));
  return row !== undefined;
}

/** Insert entities (skipping USCCs already present); returns the id of every given USCC. */
export async function insertEntities(db: Executor, rows: readonly EntityInsert[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const part of chunks(rows)) {
    const inserted = await db.insert(entity).values(part).onConflictDoNothing().returning({ id: entity.id, uscc: entity.uscc });
    for (const r of inserted) ids.set(r.uscc, r.id);
    const missing = part.filter((r) => !ids.has(r.uscc)).map((r) => r.uscc);
    if (missing.length) {
      const existing = await db.select({ id: entity.id, uscc: entity.uscc }).from(entity).where(inArray(entity.uscc, missing));
      for (const r of existing) ids.set(r.uscc, r.id);
    }
  }
  return ids;
}

export async function insertProducts(db: Executor, rows: readonly ProductInsert[]): Promise<void> {
  for (const part of chunks(rows, 2_000)) await db.insert(entityProduct).values(part);
}

export async function insertLicences(db: Executor, rows: readonly LicenceInsert[]): Promise<void> {
  for (const part of chunks(rows, 2_000)) await db.insert(entityLicence).values(part).onConflictDoNothing();
}

/** Insert records in order; returns their ids in the same order. */
export async function insertRecords(db: Executor, rows: readonly RecordInsert[]): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(rows, 2_000)) {
    const inserted = await db.insert(archiveRecord).values(part).returning({ id: archiveRecord.id });
    // INSERT … RETURNING yields rows in VALUES order for a plain multi-row insert.
    for (const r of inserted) ids.push(r.id);
  }
  return ids;
}

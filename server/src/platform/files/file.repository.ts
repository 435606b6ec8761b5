import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { storedFile } from './file.table.js';

export type StoredFileRow = typeof storedFile.$inferSelect;
export type FileMeta = Omit<StoredFileRow, 'data'>;

const META = {
  id: storedFile.id,
  ownerType: storedFile.ownerType,
  ownerId: storedFile.ownerId,
  filename: storedFile.filename,
  mimetype: storedFile.mimetype,
  size: storedFile.size,
  sha256: storedFile.sha256,
  uploadedBy: storedFile.uploadedBy,
  uploadedAt: storedFile.uploadedAt,
};

export async function insertFile(db: Executor, values: typeof storedFile.$inferInsert): Promise<FileMeta> {
  const [row] = await db.insert(storedFile).values(values).returning(META);
  return row!;
}

export async function findFile(db: Executor, id: number): Promise<StoredFileRow | null> {
  const [row] = await db.select().from(storedFile).where(eq(storedFile.id, id));
  return row ?? null;
}

/** The files of some owners, metadata only. */
export async function filesOf(db: Executor, ownerType: string, ownerIds: readonly number[]): Promise<FileMeta[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select(META)
    .from(storedFile)
    .where(and(eq(storedFile.ownerType, ownerType), inArray(storedFile.ownerId, [...ownerIds])))
    .orderBy(asc(storedFile.id));
}

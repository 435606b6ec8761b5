import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { appUser, department, district } from './system.table.js';

export type DistrictRow = typeof district.$inferSelect;
export type NewDistrictRow = typeof district.$inferInsert;

export async function findDistrict(db: Executor, code: string): Promise<DistrictRow | null> {
  const [row] = await db.select().from(district).where(eq(district.code, code));
  return row ?? null;
}

const userCount = sql<number>`(select count(*) from ${appUser} where ${appUser.districtCode} = ${district.code})`.mapWith(Number);

export async function listDistricts(db: Executor, f: { keyword?: string | undefined; status?: string | undefined }): Promise<(DistrictRow & { userCount: number })[]> {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(district.name, k), ilike(district.code, k)));
  }
  if (f.status) parts.push(eq(district.status, f.status));
  const rows = await db
    .select({ d: district, userCount })
    .from(district)
    .where(and(...parts))
    .orderBy(asc(district.code));
  return rows.map((r) => ({ ...r.d, userCount: r.userCount }));
}

export async function insertDistrict(db: Executor, values: NewDistrictRow): Promise<DistrictRow> {
  const [row] = await db.insert(district).values(values).returning();
  return row!;
}

export async function updateDistrictRow(db: Executor, code: string, values: Partial<NewDistrictRow>): Promise<DistrictRow> {
  const [row] = await db
    .update(district)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(district.code, code))
    .returning();
  return row!;
}

export async function deleteDistrictRow(db: Executor, code: string): Promise<void> {
  await db.delete(district).where(eq(district.code, code));
}

/** What still points at a district: child districts, departments, users. */
export async function districtUsage(db: Executor, code: string): Promise<{ children: number; departments: number; users: number }> {
  const [[c], [d], [u]] = await Promise.all([
    db.select({ n: count() }).from(district).where(eq(district.parentCode, code)),
    db.select({ n: count() }).from(department).where(eq(department.districtCode, code)),
    db.select({ n: count() }).from(appUser).where(eq(appUser.districtCode, code)),
  ]);
  return { children: c?.n ?? 0, departments: d?.n ?? 0, users: u?.n ?? 0 };
}

export async function countDistricts(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(district);
  return row?.n ?? 0;
}

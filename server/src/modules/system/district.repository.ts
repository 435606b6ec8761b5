import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { appUser, department, district } from './system.table.js';

export type DistrictRow = typeof district.$inferSelect;
export type NewDistrictRow = typeof district.$inferInsert;

export async function findDistrict(db: Executor, code: string): Promise<DistrictRow | null> {
  const [row] = await db.select().from(district).where(eq(district.code, code));
  return row ?? null;
}

export async function listDistricts(db: Executor, f: { keyword?: string | undefined; status?: string | undefined }): Promise<(DistrictRow & { userCount: number })[]> {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(district.name, k), ilike(district.code, k)));
  }
  if (f.status) parts.push(eq(district.status, f.status));
  const [rows, counts] = await Promise.all([
    db.select().from(district).where(and(...parts)).orderBy(asc(district.code)),
    db.select({ code: appUser.districtCode, n: count() }).from(appUser).groupBy(appUser.districtCode),
  ]);
  const byCode = new Map(counts.map((c) => [c.code, c.n]));
  return rows.map((d) => ({ ...d, userCount: byCode.get(d.code) ?? 0 }));
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

/** Levels of a district's direct children. */
export async function childLevels(db: Executor, code: string): Promise<number[]> {
  const rows = await db.select({ level: district.level }).from(district).where(eq(district.parentCode, code));
  return rows.map((r) => r.level);
}

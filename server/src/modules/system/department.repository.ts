import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { scopePredicate, type DataScope, type ScopeColumns } from '../../platform/data-scope/data-scope.js';
import { appUser, department } from './system.table.js';

export type DepartmentRow = typeof department.$inferSelect;
export type NewDepartmentRow = typeof department.$inferInsert;

export const DEPARTMENT_SCOPE: ScopeColumns = { deptId: department.id, districtCode: department.districtCode };

/** A department as other modules' rules read it: names to match printed units, kind and district for eligibility, path for the own-unit test. */
export interface DirectoryDept {
  id: number;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: string;
  districtCode: string | null;
  status: string;
  ancestors: string;
}

/**
 * Every department, active or not, in directory order (the department page's: sort, then id).
 * The one directory query other modules read — plans to match printed unit names and to publish,
 * assessment for eligible units — so a new column or rule of the directory lands in one place.
 */
export async function departmentDirectory(db: Executor): Promise<DirectoryDept[]> {
  return db
    .select({
      id: department.id,
      name: department.name,
      shortName: department.shortName,
      aliases: department.aliases,
      kind: department.kind,
      districtCode: department.districtCode,
      status: department.status,
      ancestors: department.ancestors,
    })
    .from(department)
    .orderBy(asc(department.sort), asc(department.id));
}

export async function findDepartment(db: Executor, id: number, scope?: DataScope): Promise<DepartmentRow | null> {
  const [row] = await db
    .select()
    .from(department)
    .where(and(eq(department.id, id), scope ? scopePredicate(scope, DEPARTMENT_SCOPE) : undefined));
  return row ?? null;
}

export interface DepartmentFilter {
  keyword?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
}

export async function listDepartments(db: Executor, scope: DataScope, f: DepartmentFilter): Promise<(DepartmentRow & { userCount: number })[]> {
  const parts: (SQL | undefined)[] = [scopePredicate(scope, DEPARTMENT_SCOPE)];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(department.name, k), ilike(department.shortName, k), sql`array_to_string(${department.aliases}, ' ') ilike ${k}`));
  }
  if (f.status) parts.push(eq(department.status, f.status));
  if (f.kind) parts.push(eq(department.kind, f.kind));
  const [rows, counts] = await Promise.all([
    db.select().from(department).where(and(...parts)).orderBy(asc(department.sort), asc(department.id)),
    db.select({ deptId: appUser.deptId, n: count() }).from(appUser).groupBy(appUser.deptId),
  ]);
  const byDept = new Map(counts.map((c) => [c.deptId, c.n]));
  return rows.map((d) => ({ ...d, userCount: byDept.get(d.id) ?? 0 }));
}

export async function findDepartmentsByName(db: Executor, name: string): Promise<DepartmentRow[]> {
  return db
    .select()
    .from(department)
    .where(or(eq(department.name, name), eq(department.shortName, name), sql`${name} = any(${department.aliases})`));
}

export async function siblingNameTaken(db: Executor, parentId: number | null, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: department.id })
    .from(department)
    .where(
      and(
        parentId === null ? sql`${department.parentId} is null` : eq(department.parentId, parentId),
        eq(department.name, name),
        exceptId ? sql`${department.id} <> ${exceptId}` : undefined,
      ),
    );
  return !!row;
}

export async function insertDepartment(db: Executor, values: NewDepartmentRow): Promise<DepartmentRow> {
  const [row] = await db.insert(department).values(values).returning();
  return row!;
}

export async function updateDepartmentRow(db: Executor, id: number, values: Partial<NewDepartmentRow>): Promise<DepartmentRow> {
  const [row] = await db
    .update(department)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(department.id, id))
    .returning();
  return row!;
}

/** After a move: rewrite the ancestors of every descendant from the old prefix to the new one. */
export async function moveDescendants(db: Executor, id: number, oldPath: string, newPath: string): Promise<void> {
  await db
    .update(department)
    .set({ ancestors: sql`${newPath} || substr(${department.ancestors}, ${oldPath.length + 1})` })
    .where(sql`(',' || ${department.ancestors} || ',') like ${`%,${id},%`}`);
}

export async function countChildren(db: Executor, id: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(department).where(eq(department.parentId, id));
  return row?.n ?? 0;
}

export async function deleteDepartmentRow(db: Executor, id: number): Promise<void> {
  await db.delete(department).where(eq(department.id, id));
}

export async function countDepartmentsByKind(db: Executor, scope: DataScope): Promise<{ kind: string; count: number }[]> {
  return db
    .select({ kind: department.kind, count: count() })
    .from(department)
    .where(scopePredicate(scope, DEPARTMENT_SCOPE))
    .groupBy(department.kind)
    .orderBy(department.kind);
}

/** A department and every one below it (its id in their ancestors path), with their districts. */
export async function departmentAndBelow(db: Executor, id: number): Promise<{ id: number; districtCode: string | null }[]> {
  return db
    .select({ id: department.id, districtCode: department.districtCode })
    .from(department)
    .where(sql`${department.id} = ${id} or (',' || ${department.ancestors} || ',') like ${`%,${id},%`}`)
    .orderBy(asc(department.id));
}

/**
 * Users. Every list and lookup made on behalf of a person applies that person's data scope.
 */
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import { scopePredicate, type DataScope, type ScopeColumns } from '../../platform/data-scope/data-scope.js';
// Read only: an enterprise account lies where the registry places its enterprise.
import { appUser, department, district, loginFailure, role, userRole } from './system.table.js';

export type UserRow = typeof appUser.$inferSelect;
export type NewUserRow = typeof appUser.$inferInsert;

/** How the users table maps onto data-scope dimensions. */
export const USER_SCOPE: ScopeColumns = {
  deptId: appUser.deptId,
  districtCode: appUser.districtCode,
  ownerUserId: appUser.id,
  enterpriseUscc: appUser.enterpriseUscc,
};

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | null> {
  const [row] = await db.select().from(appUser).where(eq(appUser.username, username));
  return row ?? null;
}

/** A person as other modules show them: display name and department, looked up by login name. */
export interface PersonRef {
  displayName: string;
  deptName: string | null;
}

/**
 * Display names and departments of accounts, in one query for all the given login names (rows of a
 * page name the same few officers many times). Unknown login names (the `system` actor, a CLI user,
 * an account imported from elsewhere) are simply absent from the map.
 */
export async function peopleByUsername(db: Executor, usernames: readonly string[]): Promise<Map<string, PersonRef>> {
  const unique = [...new Set(usernames)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ username: appUser.username, displayName: appUser.displayName, deptName: department.name })
    .from(appUser)
    .leftJoin(department, eq(department.id, appUser.deptId))
    .where(inArray(appUser.username, unique));
  return new Map(rows.map((r) => [r.username, { displayName: r.displayName, deptName: r.deptName }]));
}

export async function findUserById(db: Executor, id: number, scope?: DataScope): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(appUser)
    .where(and(eq(appUser.id, id), scope ? scopePredicate(scope, USER_SCOPE) : undefined));
  return row ?? null;
}

export async function insertUser(db: Executor, values: NewUserRow): Promise<UserRow> {
  const [row] = await db.insert(appUser).values(values).returning();
  return row!;
}

export async function updateUserRow(db: Executor, id: number, values: Partial<NewUserRow>): Promise<UserRow> {
  const [row] = await db
    .update(appUser)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(appUser.id, id))
    .returning();
  return row!;
}

export async function setUserRoles(db: Executor, userId: number, roleIds: readonly number[]): Promise<void> {
  await db.delete(userRole).where(eq(userRole.userId, userId));
  const unique = [...new Set(roleIds)];
  if (unique.length > 0) await db.insert(userRole).values(unique.map((roleId) => ({ userId, roleId })));
}

export async function rolesOfUsers(db: Executor, userIds: readonly number[]): Promise<Map<number, { id: number; key: string; name: string }[]>> {
  const out = new Map<number, { id: number; key: string; name: string }[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: userRole.userId, id: role.id, key: role.key, name: role.name })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(inArray(userRole.userId, [...userIds]))
    .orderBy(role.sort, role.id);
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), { id: r.id, key: r.key, name: r.name }]);
  return out;
}

export interface UserFilter {
  keyword?: string | undefined;
  deptId?: number | undefined;
  /** Include the department's descendants when filtering by department (the tree on the left of the page). */
  deptIds?: number[] | undefined;
  districtCode?: string | undefined;
  roleId?: number | undefined;
  status?: string | undefined;
}

function userWhere(scope: DataScope, f: UserFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [scopePredicate(scope, USER_SCOPE)];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(appUser.username, k), ilike(appUser.displayName, k), ilike(appUser.phone, k), ilike(appUser.email, k)));
  }
  if (f.deptIds) parts.push(inArray(appUser.deptId, f.deptIds.length > 0 ? f.deptIds : [-1]));
  if (f.districtCode) parts.push(eq(appUser.districtCode, f.districtCode));
  if (f.roleId) {
    parts.push(inArray(appUser.id, sql`(select ${userRole.userId} from ${userRole} where ${userRole.roleId} = ${f.roleId})`));
  }
  if (f.status) parts.push(eq(appUser.status, f.status));
  return and(...parts);
}

/** Locks still running on the account's name, from any source: the latest end, and how many sources. */
const activeLocks = sql`from ${loginFailure} where ${loginFailure.username} = ${appUser.username} and ${loginFailure.lockedUntil} > now()`;

const listColumns = {
  user: appUser,
  deptName: department.name,
  districtName: district.name,
  lockedUntil: sql<Date | null>`(select max(${loginFailure.lockedUntil}) ${activeLocks})`.mapWith(loginFailure.lockedUntil),
  lockedSources: sql<number>`(select count(*) ${activeLocks})`.mapWith(Number),
};

export type UserListRow = { user: UserRow; deptName: string | null; districtName: string | null; lockedUntil: Date | null; lockedSources: number };

export async function listUsers(db: Executor, scope: DataScope, f: UserFilter, page: { offset: number; limit: number }): Promise<{ rows: UserListRow[]; total: number }> {
  const where = userWhere(scope, f);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(listColumns)
      .from(appUser)
      .leftJoin(department, eq(department.id, appUser.deptId))
      .leftJoin(district, eq(district.code, appUser.districtCode))
      .where(where)
      .orderBy(asc(appUser.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ total: count() }).from(appUser).where(where),
  ]);
  return { rows, total };
}

export async function getUserListRow(db: Executor, id: number): Promise<UserListRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(appUser)
    .leftJoin(department, eq(department.id, appUser.deptId))
    .leftJoin(district, eq(district.code, appUser.districtCode))
    .where(eq(appUser.id, id));
  return row ?? null;
}

export async function usernamesTaken(db: Executor, usernames: readonly string[]): Promise<Map<string, UserRow>> {
  const out = new Map<string, UserRow>();
  if (usernames.length === 0) return out;
  const rows = await db.select().from(appUser).where(inArray(appUser.username, [...usernames]));
  for (const r of rows) out.set(r.username, r);
  return out;
}

/** User counts, within `scope` when given. */
export async function countUsers(db: Executor, scope?: DataScope): Promise<{ total: number; active: number; locked: number }> {
  const [row] = await db
    .select({
      total: count(),
      active: sql<number>`count(*) filter (where ${appUser.status} = 'active')`.mapWith(Number),
      locked: sql<number>`count(*) filter (where exists (select 1 ${activeLocks}))`.mapWith(Number),
    })
    .from(appUser)
    .where(scope ? scopePredicate(scope, USER_SCOPE) : undefined);
  return row ?? { total: 0, active: 0, locked: 0 };
}

/** Users per role (every role listed, zero included), counting only users within `scope`. */
export async function countUsersByRole(db: Executor, scope: DataScope): Promise<{ key: string; name: string; count: number }[]> {
  const [roles, counts] = await Promise.all([
    db.select({ id: role.id, key: role.key, name: role.name }).from(role).orderBy(role.sort, role.id),
    db
      .select({ roleId: userRole.roleId, n: count() })
      .from(userRole)
      .innerJoin(appUser, eq(appUser.id, userRole.userId))
      .where(scopePredicate(scope, USER_SCOPE))
      .groupBy(userRole.roleId),
  ]);
  const byRole = new Map(counts.map((c) => [c.roleId, c.n]));
  return roles.map((r) => ({ key: r.key, name: r.name, count: byRole.get(r.id) ?? 0 }));
}

export async function countUsersInDepartment(db: Executor, deptId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(appUser).where(eq(appUser.deptId, deptId));
  return row?.n ?? 0;
}

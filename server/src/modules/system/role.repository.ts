import { and, asc, count, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { containsPattern } from '../../db/query-helpers.js';
import type { GrantableRole } from './system.rules.js';
import { appUser, department, permissionCatalog, role, roleDepartment, rolePermission, userRole } from './system.table.js';

export type RoleRow = typeof role.$inferSelect;
export type NewRoleRow = typeof role.$inferInsert;

export async function findRole(db: Executor, id: number): Promise<RoleRow | null> {
  const [row] = await db.select().from(role).where(eq(role.id, id));
  return row ?? null;
}

export async function findRoleByKey(db: Executor, key: string): Promise<RoleRow | null> {
  const [row] = await db.select().from(role).where(eq(role.key, key));
  return row ?? null;
}

export async function findRoleByName(db: Executor, name: string, exceptId?: number): Promise<RoleRow | null> {
  const [row] = await db
    .select()
    .from(role)
    .where(and(eq(role.name, name), exceptId ? ne(role.id, exceptId) : undefined));
  return row ?? null;
}

export async function findRolesByIds(db: Executor, ids: readonly number[]): Promise<RoleRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(role).where(inArray(role.id, [...ids]));
}

/**
 * Row-lock roles until the transaction ends: `update` by a role edit, `share` by a grant. An edit and
 * a grant of the same role then run one after the other, so each judges what the other committed
 * (an edit widening a role while it is granted to an account outside the editor's scope, or a grant
 * of a role while it is widened, could otherwise both pass their checks on PostgreSQL).
 */
export async function lockRoles(tx: Executor, ids: readonly number[], mode: 'update' | 'share'): Promise<void> {
  if (ids.length === 0) return;
  // In id order, so that two transactions locking overlapping sets cannot deadlock.
  await tx
    .select({ id: role.id })
    .from(role)
    .where(inArray(role.id, [...ids]))
    .orderBy(asc(role.id))
    .for(mode);
}

export async function findRolesByNamesOrKeys(db: Executor, names: readonly string[]): Promise<RoleRow[]> {
  if (names.length === 0) return [];
  return db.select().from(role).where(or(inArray(role.name, [...names]), inArray(role.key, [...names])));
}

/** The union of permissions the given roles carry. */
export async function permissionsOfRoleIds(db: Executor, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectDistinct({ p: rolePermission.permission }).from(rolePermission).where(inArray(rolePermission.roleId, [...ids]));
  return rows.map((r) => r.p);
}

export async function listRoles(db: Executor, f: { keyword?: string | undefined; status?: string | undefined }, page: { offset: number; limit: number }) {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    parts.push(or(ilike(role.name, k), ilike(role.key, k)));
  }
  if (f.status) parts.push(eq(role.status, f.status));
  const where = and(...parts);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(role).where(where).orderBy(asc(role.sort), asc(role.id)).offset(page.offset).limit(page.limit),
    db.select({ total: count() }).from(role).where(where),
  ]);
  const counts = await userCountsOfRoles(db, rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ r, userCount: counts.get(r.id) ?? 0 })), total };
}

/** Permissions and custom departments of several roles, keyed by role id. */
export async function roleGrants(db: Executor, ids: readonly number[]): Promise<Map<number, { permissions: string[]; deptIds: number[] }>> {
  const out = new Map<number, { permissions: string[]; deptIds: number[] }>();
  for (const id of ids) out.set(id, { permissions: [], deptIds: [] });
  if (ids.length === 0) return out;
  const [perms, depts] = await Promise.all([
    db.select().from(rolePermission).where(inArray(rolePermission.roleId, [...ids])).orderBy(rolePermission.permission),
    db.select().from(roleDepartment).where(inArray(roleDepartment.roleId, [...ids])).orderBy(roleDepartment.deptId),
  ]);
  for (const p of perms) out.get(p.roleId)!.permissions.push(p.permission);
  for (const d of depts) out.get(d.roleId)!.deptIds.push(d.deptId);
  return out;
}

export async function insertRole(db: Executor, values: NewRoleRow): Promise<RoleRow> {
  const [row] = await db.insert(role).values(values).returning();
  return row!;
}

export async function updateRoleRow(db: Executor, id: number, values: Partial<NewRoleRow>): Promise<RoleRow> {
  const [row] = await db
    .update(role)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(role.id, id))
    .returning();
  return row!;
}

export async function setRoleGrants(db: Executor, id: number, permissions: readonly string[], deptIds: readonly number[]): Promise<void> {
  await db.delete(rolePermission).where(eq(rolePermission.roleId, id));
  await db.delete(roleDepartment).where(eq(roleDepartment.roleId, id));
  if (permissions.length > 0) await db.insert(rolePermission).values([...new Set(permissions)].map((permission) => ({ roleId: id, permission })));
  if (deptIds.length > 0) await db.insert(roleDepartment).values([...new Set(deptIds)].map((deptId) => ({ roleId: id, deptId })));
}

/** Add permissions to a role, keeping the ones it has. */
export async function addRolePermissions(db: Executor, id: number, permissions: readonly string[]): Promise<void> {
  if (permissions.length === 0) return;
  await db
    .insert(rolePermission)
    .values([...new Set(permissions)].map((permission) => ({ roleId: id, permission })))
    .onConflictDoNothing();
}

/** Permissions the roles have already been seeded with. */
export async function catalogedPermissions(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ permission: permissionCatalog.permission }).from(permissionCatalog);
  return new Set(rows.map((r) => r.permission));
}

export async function catalogPermissions(db: Executor, permissions: readonly string[]): Promise<void> {
  if (permissions.length === 0) return;
  await db
    .insert(permissionCatalog)
    .values(permissions.map((permission) => ({ permission })))
    .onConflictDoNothing();
}

export async function deleteRoleRow(db: Executor, id: number): Promise<void> {
  await db.delete(role).where(eq(role.id, id));
}

async function userCountsOfRoles(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ roleId: userRole.roleId, n: count() })
    .from(userRole)
    .where(inArray(userRole.roleId, [...ids]))
    .groupBy(userRole.roleId);
  return new Map(rows.map((r) => [r.roleId, r.n]));
}

/** Every role's name by its key. */
export async function roleNamesByKey(db: Executor): Promise<Map<string, string>> {
  const rows = await db.select({ key: role.key, name: role.name }).from(role);
  return new Map(rows.map((r) => [r.key, r.name]));
}

/** Where each holder of a role sits: what a change to the role's scope is judged against. */
export async function roleHolders(db: Executor, id: number): Promise<{ id: number; deptId: number | null; districtCode: string | null; enterpriseUscc: string | null }[]> {
  return db
    .select({ id: appUser.id, deptId: appUser.deptId, districtCode: appUser.districtCode, enterpriseUscc: appUser.enterpriseUscc })
    .from(userRole)
    .innerJoin(appUser, eq(appUser.id, userRole.userId))
    .where(eq(userRole.roleId, id))
    .orderBy(asc(appUser.id));
}

export async function countRoleUsers(db: Executor, id: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(userRole).where(eq(userRole.roleId, id));
  return row?.n ?? 0;
}

/** Roles (by id, or every active one) with what granting them involves: permissions, scope, custom departments. */
export async function rolesForGranting(db: Executor, ids?: readonly number[]): Promise<(GrantableRole & { id: number; key: string; name: string })[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select()
    .from(role)
    .where(ids ? inArray(role.id, [...ids]) : eq(role.status, 'active'))
    .orderBy(asc(role.sort), asc(role.id));
  const grants = await roleGrants(db, rows.map((r) => r.id));
  const deptIds = [...new Set([...grants.values()].flatMap((g) => g.deptIds))];
  const depts = deptIds.length
    ? await db.select({ id: department.id, districtCode: department.districtCode }).from(department).where(inArray(department.id, deptIds))
    : [];
  const districtOf = new Map(depts.map((d) => [d.id, d.districtCode]));
  return rows.map((r) => {
    const g = grants.get(r.id)!;
    return {
      id: r.id,
      key: r.key,
      name: r.name,
      permissions: g.permissions,
      dataScope: r.dataScope,
      customDepts: g.deptIds.map((id) => ({ id, districtCode: districtOf.get(id) ?? null })),
    };
  });
}

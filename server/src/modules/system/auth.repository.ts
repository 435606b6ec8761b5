/**
 * Sessions and the principal behind them, and failed logins. Only this file writes `user_session`
 * and `login_failure` (the user list reads the locks).
 */
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { userSession } from './session.table.js';
import { appUser, department, district, loginFailure, role, roleDepartment, rolePermission, userRole } from './system.table.js';

export interface NewSession {
  id: string;
  userId: number;
  csrfToken: string;
  ip: string | null;
  userAgent: string | null;
  expiresAt: Date;
}

export async function insertSession(db: Executor, s: NewSession): Promise<void> {
  await db.insert(userSession).values(s);
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(userSession).where(eq(userSession.id, id));
}

export async function deleteUserSessions(db: Executor, userId: number): Promise<number> {
  const rows = await db.delete(userSession).where(eq(userSession.userId, userId)).returning({ id: userSession.id });
  return rows.length;
}

export async function deleteSessionsExpiredBefore(db: Executor, now: Date): Promise<void> {
  await db.delete(userSession).where(lt(userSession.expiresAt, now));
}

export async function touchSession(db: Executor, id: string, at: Date): Promise<void> {
  await db.update(userSession).set({ lastSeenAt: at }).where(eq(userSession.id, id));
}

/** The session row with its (active) user, department and district names. */
export async function findSessionWithUser(db: Executor, sessionId: string) {
  const [row] = await db
    .select({
      sessionId: userSession.id,
      csrfToken: userSession.csrfToken,
      expiresAt: userSession.expiresAt,
      lastSeenAt: userSession.lastSeenAt,
      userId: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      status: appUser.status,
      deptId: appUser.deptId,
      deptName: department.name,
      districtCode: appUser.districtCode,
      districtName: district.name,
      enterpriseUscc: appUser.enterpriseUscc,
      mustChangePassword: appUser.mustChangePassword,
    })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .leftJoin(department, eq(department.id, appUser.deptId))
    .leftJoin(district, eq(district.code, appUser.districtCode))
    .where(eq(userSession.id, sessionId));
  return row ?? null;
}

/** Active roles of a user with their scope settings. */
export async function activeRolesOfUser(db: Executor, userId: number) {
  return db
    .select({ id: role.id, key: role.key, name: role.name, dataScope: role.dataScope })
    .from(userRole)
    .innerJoin(role, eq(role.id, userRole.roleId))
    .where(and(eq(userRole.userId, userId), eq(role.status, 'active')))
    .orderBy(role.sort, role.id);
}

export async function permissionsOfRoles(db: Executor, roleIds: readonly number[]): Promise<string[]> {
  if (roleIds.length === 0) return [];
  const rows = await db.selectDistinct({ p: rolePermission.permission }).from(rolePermission).where(inArray(rolePermission.roleId, [...roleIds]));
  return rows.map((r) => r.p);
}

export async function customDeptsOfRoles(db: Executor, roleIds: readonly number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (roleIds.length === 0) return out;
  const rows = await db.select().from(roleDepartment).where(inArray(roleDepartment.roleId, [...roleIds]));
  for (const r of rows) out.set(r.roleId, [...(out.get(r.roleId) ?? []), r.deptId]);
  return out;
}

/** A department and everything below it (ancestors path contains its id). */
export async function selfAndDescendantDeptIds(db: Executor, deptId: number): Promise<number[]> {
  const rows = await db
    .select({ id: department.id })
    .from(department)
    .where(sql`${department.id} = ${deptId} or (',' || ${department.ancestors} || ',') like ${`%,${deptId},%`}`);
  return rows.map((r) => r.id);
}

export type LoginFailureRow = typeof loginFailure.$inferSelect;

/** The failures of one username from one source, if any. */
export async function findLoginFailure(db: Executor, username: string, source: string): Promise<LoginFailureRow | null> {
  const [row] = await db
    .select()
    .from(loginFailure)
    .where(and(eq(loginFailure.username, username), eq(loginFailure.source, source)));
  return row ?? null;
}

/**
 * The failures of a name from a source, row-locked until the transaction ends (created empty when
 * there are none), so that concurrent failures are counted one after another, none lost.
 */
export async function lockLoginFailure(tx: Executor, username: string, source: string, now: Date): Promise<LoginFailureRow> {
  await tx.insert(loginFailure).values({ username, source, failedCount: 0, lockedUntil: null, lastFailedAt: now }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(loginFailure)
    .where(and(eq(loginFailure.username, username), eq(loginFailure.source, source)))
    .for('update');
  return row!;
}

/** Record the count and lock after a failure (insert or overwrite). */
export async function saveLoginFailure(db: Executor, row: LoginFailureRow): Promise<void> {
  await db
    .insert(loginFailure)
    .values(row)
    .onConflictDoUpdate({
      target: [loginFailure.username, loginFailure.source],
      set: { failedCount: row.failedCount, lockedUntil: row.lockedUntil, lastFailedAt: row.lastFailedAt },
    });
}

/** Forget the failures of a username from one source (a success from there). */
export async function clearLoginFailure(db: Executor, username: string, source: string): Promise<void> {
  await db.delete(loginFailure).where(and(eq(loginFailure.username, username), eq(loginFailure.source, source)));
}

/** Forget every failure and lock of a username (an administrator's unlock or password reset); returns what there was. */
export async function clearLoginFailures(db: Executor, username: string): Promise<LoginFailureRow[]> {
  return db.delete(loginFailure).where(eq(loginFailure.username, username)).returning();
}

/** Drop failures older than `before` whose lock (if any) is over: they no longer count. */
export async function forgetLoginFailuresBefore(db: Executor, before: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(loginFailure)
    .where(and(lt(loginFailure.lastFailedAt, before), or(isNull(loginFailure.lockedUntil), lt(loginFailure.lockedUntil, now))))
    .returning({ username: loginFailure.username });
  return rows.length;
}

/**
 * The district of each department: its own, else its nearest ancestor's (a department created
 * without one takes its parent's, but an older row may have none). A department scope covers this
 * district's regulated subjects (data-scope.ts, `jurisdictionPrefixes`).
 */
export async function districtsOfDepartments(db: Executor, ids: readonly number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: department.id,
      districtCode: sql<string | null>`coalesce(${department.districtCode}, (
        select a.district_code from department a
        where a.district_code is not null and (',' || ${department.ancestors} || ',') like '%,' || a.id || ',%'
        order by length(a.ancestors) desc limit 1))`,
    })
    .from(department)
    .where(inArray(department.id, [...ids]));
  for (const r of rows) out.set(r.id, r.districtCode);
  return out;
}

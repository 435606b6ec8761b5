/**
 * User use cases: authorize (route) → load in scope → rules → one transaction with the audit row.
 * Users are never deleted (nothing is ever lost): they are disabled.
 */
import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from '../../../../contracts/system.js';
import type { Page } from '../../../../contracts/common.js';
import { msg } from '../../../../contracts/i18n.js';
import { validateUscc } from '../../../../contracts/uscc.js';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/password.js';
import type { Ctx } from '../../platform/context.js';
import { recordInScope } from '../../platform/data-scope/data-scope.js';
import { AppError } from '../../platform/http/errors.js';
import { deleteUserSessions, selfAndDescendantDeptIds } from './auth.repository.js';
import { findDepartment } from './department.repository.js';
import { findDistrict } from './district.repository.js';
import { findRolesByIds, rolesForGranting } from './role.repository.js';
import { maskPhone, normalizeUsername, roleGrantProblem } from './system.rules.js';
import {
  findUserById,
  findUserByUsername,
  getUserListRow,
  insertUser,
  listUsers as listUserRows,
  rolesOfUsers,
  setUserRoles,
  updateUserRow,
  type UserListRow,
  type UserRow,
} from './user.repository.js';

type RoleRef = { id: number; key: string; name: string };

export function toUserDto(r: UserListRow, roles: RoleRef[], opts: { fullPhone: boolean }): User {
  const u = r.user;
  const now = Date.now();
  const locked = !!u.lockedUntil && u.lockedUntil.getTime() > now;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    deptId: u.deptId,
    deptName: r.deptName,
    districtCode: u.districtCode,
    districtName: r.districtName,
    phone: opts.fullPhone ? u.phone : maskPhone(u.phone),
    email: u.email,
    enterpriseUscc: u.enterpriseUscc,
    status: u.status as User['status'],
    roles,
    locked,
    lockedUntil: locked ? u.lockedUntil!.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** The user list, limited to the actor's data scope; phones masked. */
export async function listUsers(ctx: Ctx, q: UserListQuery): Promise<Page<User>> {
  // Filtering by a department in the tree shows that department and everything under it.
  const deptIds = q.deptId ? await selfAndDescendantDeptIds(ctx.db, q.deptId) : undefined;
  const { rows, total } = await listUserRows(
    ctx.db,
    ctx.scope,
    { keyword: q.keyword, deptIds, districtCode: q.districtCode, roleId: q.roleId, status: q.status },
    pageWindow(q.page, q.pageSize),
  );
  const roles = await rolesOfUsers(ctx.db, rows.map((r) => r.user.id));
  return {
    items: rows.map((r) => toUserDto(r, roles.get(r.user.id) ?? [], { fullPhone: false })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function loadUserDto(db: Executor, id: number, fullPhone: boolean): Promise<User> {
  const row = await getUserListRow(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const roles = await rolesOfUsers(db, [id]);
  return toUserDto(row, roles.get(id) ?? [], { fullPhone });
}

/** One user for the edit form (full phone). Outside the actor's scope it does not exist. */
export async function getUser(ctx: Ctx, id: number): Promise<User> {
  const row = await findUserById(ctx.db, id, ctx.scope);
  if (!row) throw new AppError('NOT_FOUND');
  return loadUserDto(ctx.db, id, true);
}

interface UserRefs {
  deptId: number | null;
  districtCode: string | null;
  enterpriseUscc: string | null;
  roleIds: number[];
}

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ path, code: 'reference', message: msg(zh, en) }] });
}

/**
 * Check what a user record points at: the department and district exist, the enterprise code is a
 * valid USCC, the roles exist and grant nothing the actor lacks, and the record lies in the actor's
 * scope. Returns the district to store (the department's when none is given).
 */
async function checkUserRefs(ctx: Ctx, db: Executor, refs: UserRefs, previousRoleIds: readonly number[] = []): Promise<{ districtCode: string | null }> {
  let districtCode = refs.districtCode;
  let deptDistrict: string | null = null;
  if (refs.deptId !== null) {
    const dept = await findDepartment(db, refs.deptId);
    if (!dept) throw invalid('deptId', '部门不存在', 'No such department');
    deptDistrict = dept.districtCode;
    districtCode ??= dept.districtCode;
  }
  if (districtCode && !(await findDistrict(db, districtCode))) throw invalid('districtCode', '区划不存在', 'No such district');
  if (refs.enterpriseUscc) {
    const check = validateUscc(refs.enterpriseUscc);
    if (!check.valid) throw invalid('enterpriseUscc', `统一社会信用代码不合法：${check.reason}`, `Invalid USCC (${check.rule})`);
  }
  const roles = await findRolesByIds(db, refs.roleIds);
  if (roles.length !== new Set(refs.roleIds).size) throw invalid('roleIds', '角色不存在', 'No such role');
  const added = refs.roleIds.filter((id) => !previousRoleIds.includes(id));
  for (const r of await rolesForGranting(db, added)) {
    const problem = roleGrantProblem(ctx, r);
    if (problem) {
      throw new AppError('FORBIDDEN', {
        message: {
          zh: `不能授予角色「${r.name}」：其权限或数据范围超出您本人`,
          en: `You cannot grant the role “${r.name}”: its permissions or data scope exceed yours`,
        },
        details: { role: r.key, permissions: problem.permissions, scope: problem.scope },
      });
    }
  }
  const inScope = recordInScope(ctx.scope, {
    deptId: refs.deptId,
    districtCode: districtCode ?? deptDistrict,
    enterpriseUscc: refs.enterpriseUscc,
  });
  if (!inScope) throw new AppError('OUT_OF_SCOPE');
  return { districtCode };
}

/** Create a user with an initial password, which must be changed at first login. */
export async function createUser(ctx: Ctx, body: CreateUserBody): Promise<User> {
  const username = normalizeUsername(body.username);
  if (await findUserByUsername(ctx.db, username)) throw new AppError('USERNAME_TAKEN', { details: { username } });
  const refs = {
    deptId: body.deptId,
    districtCode: body.districtCode ?? null,
    enterpriseUscc: body.enterpriseUscc ?? null,
    roleIds: body.roleIds,
  };
  const { districtCode } = await checkUserRefs(ctx, ctx.db, refs);
  assertPasswordPolicy(body.password);
  const passwordHash = await hashPassword(body.password);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      username,
      displayName: body.displayName,
      deptId: body.deptId,
      districtCode,
      phone: body.phone ?? null,
      email: body.email ?? null,
      enterpriseUscc: refs.enterpriseUscc,
      status: body.status,
      passwordHash,
      mustChangePassword: true,
    });
    await setUserRoles(tx, row.id, body.roleIds);
    const after = await loadUserDto(tx, row.id, false);
    await appendAudit(tx, ctx, { action: 'system.user.create', targetType: 'user', targetId: row.id, after });
    return row.id;
  });
  return loadUserDto(ctx.db, id, true);
}

/** Edit a user's profile, department, district and roles. Nobody changes their own roles. */
export async function updateUser(ctx: Ctx, id: number, body: UpdateUserBody): Promise<User> {
  await loadManageableUser(ctx, ctx.db, id);
  const before = await loadUserDto(ctx.db, id, false);
  const previousRoleIds = before.roles.map((r) => r.id);
  const rolesChanged = [...body.roleIds].sort().join() !== [...previousRoleIds].sort().join();
  if (id === ctx.actor.userId && (rolesChanged || body.status !== 'active')) throw new AppError('SELF_LOCKOUT');
  const { districtCode } = await checkUserRefs(
    ctx,
    ctx.db,
    { deptId: body.deptId, districtCode: body.districtCode ?? null, enterpriseUscc: body.enterpriseUscc ?? null, roleIds: body.roleIds },
    previousRoleIds,
  );
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, {
      displayName: body.displayName,
      deptId: body.deptId,
      districtCode,
      phone: body.phone ?? null,
      email: body.email ?? null,
      enterpriseUscc: body.enterpriseUscc ?? null,
      status: body.status,
    });
    if (rolesChanged) await setUserRoles(tx, id, body.roleIds);
    if (body.status !== 'active') await deleteUserSessions(tx, id);
    const after = await loadUserDto(tx, id, false);
    await appendAudit(tx, ctx, { action: 'system.user.update', targetType: 'user', targetId: id, before, after });
  });
  authChanged();
  return loadUserDto(ctx.db, id, true);
}

/** Enable or disable a user; disabling ends their sessions at once. */
export async function setUserStatus(ctx: Ctx, id: number, status: 'active' | 'disabled'): Promise<User> {
  const existing = await loadManageableUser(ctx, ctx.db, id);
  if (id === ctx.actor.userId && status !== 'active') throw new AppError('SELF_LOCKOUT');
  if (existing.status === status) return loadUserDto(ctx.db, id, false);
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, { status });
    if (status !== 'active') await deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, {
      action: status === 'active' ? 'system.user.enable' : 'system.user.disable',
      targetType: 'user',
      targetId: id,
      before: { status: existing.status },
      after: { status },
    });
  });
  authChanged();
  return loadUserDto(ctx.db, id, false);
}

/** Set a new password for a user (who must change it at next login); unlocks and logs them out. */
export async function resetUserPassword(ctx: Ctx, id: number, password: string): Promise<void> {
  await loadManageableUser(ctx, ctx.db, id);
  assertPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, passwordChangedAt: new Date() });
    await deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, { action: 'system.user.reset_password', targetType: 'user', targetId: id });
  });
  authChanged();
}

/** Lift a lockout before its 15 minutes are over. */
export async function unlockUser(ctx: Ctx, id: number): Promise<User> {
  const existing = await loadManageableUser(ctx, ctx.db, id);
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, { failedLoginCount: 0, lockedUntil: null });
    await appendAudit(tx, ctx, {
      action: 'system.user.unlock',
      targetType: 'user',
      targetId: id,
      before: { lockedUntil: existing.lockedUntil, failedLoginCount: existing.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
  });
  return loadUserDto(ctx.db, id, false);
}

/** The roles the actor may give a user: active ones within the actor's own permissions and data scope. */
export async function assignableRoles(ctx: Ctx): Promise<RoleRef[]> {
  const roles = await rolesForGranting(ctx.db);
  return roles.filter((r) => roleGrantProblem(ctx, r) === null).map(({ id, key, name }) => ({ id, key, name }));
}

/**
 * Load a user the actor may manage: inside the actor's data scope (else 404, as if absent) and
 * holding no role the actor could not grant — so nobody resets, disables or edits an account more
 * powerful than their own (else 403).
 */
async function loadManageableUser(ctx: Ctx, db: Executor, id: number): Promise<UserRow> {
  const user = await findUserById(db, id, ctx.scope);
  if (!user) throw new AppError('NOT_FOUND');
  const roleIds = ((await rolesOfUsers(db, [id])).get(id) ?? []).map((r) => r.id);
  for (const r of await rolesForGranting(db, roleIds)) {
    if (roleGrantProblem(ctx, r)) {
      throw new AppError('FORBIDDEN', {
        message: { zh: `该用户拥有角色「${r.name}」，其权限或数据范围超出您本人，不能由您管理`, en: `This user holds the role “${r.name}”, which exceeds your permissions or data scope` },
        details: { role: r.key },
      });
    }
  }
  return user;
}

export { checkUserRefs, loadManageableUser, loadUserDto };

/**
 * User use cases: authorize (route) → load in scope → rules → one transaction with the audit row.
 * Users are never deleted (nothing is ever lost): they are disabled.
 */
import type { CreateUserBody, UpdateUserBody, User, UserListQuery } from '../../../../contracts/system.js';
import type { Page } from '../../../../contracts/common.js';
import { BUILTIN_DICTS } from '../../../../contracts/dicts.js';
import { msg } from '../../../../contracts/i18n.js';
import { validateUscc } from '../../../../contracts/uscc.js';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/password.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { clearLoginFailures, deleteUserSessions, selfAndDescendantDeptIds } from './auth.repository.js';
import { departmentAndBelow, findDepartment } from './department.repository.js';
import { findDistrict } from './district.repository.js';
import { findRolesByIds, lockRoles, rolesForGranting } from './role.repository.js';
import {
  maskPhone,
  normalizeUsername,
  NOWHERE,
  placementOutsideScope,
  roleGrantProblem,
  type AccountPlacement,
  type PlacementField,
  type ScopedDept,
} from './system.rules.js';
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
    locked: r.lockedSources > 0,
    lockedUntil: r.lockedSources > 0 && r.lockedUntil ? r.lockedUntil.toISOString() : null,
    lockedSources: r.lockedSources,
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
}

function invalid(path: string, zh: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', { details: [{ path, code: 'reference', message: msg(zh, en) }] });
}

/**
 * Resolve what an account's fields point at: the department (and every department below it), the
 * district — the department's when none is given, else the registered enterprise's — and the
 * enterprise with the district the registry places it in. A department, district or enterprise
 * code that does not exist is a 400 naming the field.
 */
async function loadPlacement(ctx: Pick<Ctx, 'domain'>, db: Executor, refs: UserRefs): Promise<AccountPlacement> {
  let dept: ScopedDept | null = null;
  let deptAndBelow: ScopedDept[] = [];
  if (refs.deptId !== null) {
    const row = await findDepartment(db, refs.deptId);
    if (!row) throw invalid('deptId', '部门不存在', 'No such department');
    dept = { id: row.id, districtCode: row.districtCode };
    deptAndBelow = await departmentAndBelow(db, row.id);
  }
  let enterprise: AccountPlacement['enterprise'] = null;
  if (refs.enterpriseUscc) {
    const check = validateUscc(refs.enterpriseUscc);
    if (!check.valid) throw invalid('enterpriseUscc', `统一社会信用代码不合法：${check.reason}`, `Invalid USCC (${check.rule})`);
    enterprise = { uscc: refs.enterpriseUscc, districtCode: await ctx.domain.queries.enterpriseDistrict(db, refs.enterpriseUscc) };
  }
  const districtCode = refs.districtCode ?? dept?.districtCode ?? enterprise?.districtCode ?? null;
  if (districtCode && !(await findDistrict(db, districtCode))) throw invalid('districtCode', '区划不存在', 'No such district');
  return { dept, deptAndBelow, districtCode, enterprise };
}

const FIELD_NAMES: Record<PlacementField, [string, string]> = {
  deptId: ['部门', 'department'],
  districtCode: ['区划', 'district'],
  enterpriseUscc: ['企业', 'enterprise'],
};

/** 403 OUT_OF_SCOPE naming each field outside the actor's scope (the form shows it on that field). */
function outOfScope(fields: readonly PlacementField[], managing: boolean): AppError {
  const zh = fields.map((f) => FIELD_NAMES[f][0]).join('、');
  const en = fields.map((f) => FIELD_NAMES[f][1]).join(', ');
  return new AppError('OUT_OF_SCOPE', {
    message: managing
      ? { zh: `该用户的${zh}超出您的数据权限范围，不能由您管理`, en: `This user’s ${en} lies outside your data scope` }
      : { zh: `用户的${zh}须在您的数据权限范围内`, en: `The user’s ${en} must lie inside your data scope` },
    details: fields.map((path) => ({
      path,
      code: 'out_of_scope',
      message: msg(`${FIELD_NAMES[path][0]}超出您的数据权限范围`, `This ${FIELD_NAMES[path][1]} is outside your data scope`),
    })),
  });
}

function scopeLabel(kind: string, lang: 'zh' | 'en'): string {
  const item = BUILTIN_DICTS.find((d) => d.type === 'sys_data_scope')!.items.find((i) => i.value === kind);
  return item ? item[lang] : kind;
}

/** 403 FORBIDDEN saying whether the role's permissions or its data scope (applied to this account) is the problem. */
function roleRefused(r: { key: string; name: string; dataScope: string }, problem: { permissions: string[]; scope: boolean }, managing: boolean): AppError {
  const zhWhy = problem.permissions.length > 0 ? '其权限超出您本人' : `其数据范围「${scopeLabel(r.dataScope, 'zh')}」作用于该用户后超出您的数据权限范围`;
  const enWhy = problem.permissions.length > 0 ? 'its permissions exceed yours' : `its data scope (${scopeLabel(r.dataScope, 'en')}), applied to this user, reaches beyond yours`;
  return new AppError('FORBIDDEN', {
    message: managing
      ? { zh: `该用户拥有角色「${r.name}」，${zhWhy}，不能由您管理`, en: `This user holds the role “${r.name}”: ${enWhy}` }
      : { zh: `不能授予角色「${r.name}」：${zhWhy}`, en: `You cannot grant the role “${r.name}”: ${enWhy}` },
    details: { role: r.key, permissions: problem.permissions, scope: problem.scope },
  });
}

/**
 * Check what a user record points at and whether the actor may place it there with these roles: the
 * department, district and enterprise exist and each lies in the actor's scope (403 OUT_OF_SCOPE),
 * the roles exist (400), and no role grants a permission the actor lacks or — applied to this
 * account — sees beyond the actor's scope (403 FORBIDDEN). Every role is checked, kept or added:
 * moving an account changes what its roles reach. Returns the district to store.
 */
async function checkUserRefs(ctx: Ctx, db: Executor, refs: UserRefs & { roleIds: number[] }): Promise<{ districtCode: string | null }> {
  const placement = await loadPlacement(ctx, db, refs);
  const roles = await findRolesByIds(db, refs.roleIds);
  if (roles.length !== new Set(refs.roleIds).size) throw invalid('roleIds', '角色不存在', 'No such role');
  const outside = placementOutsideScope(ctx.scope, placement);
  if (outside.length > 0) throw outOfScope(outside, false);
  for (const r of await rolesForGranting(db, refs.roleIds)) {
    const problem = roleGrantProblem(ctx, r, placement);
    if (problem) throw roleRefused(r, problem, false);
  }
  return { districtCode: placement.districtCode };
}

/**
 * The same check again inside the writing transaction, with the roles share-locked: a role edit
 * running at the same time either finished before (and its new reach is judged here) or waits for
 * this grant (and judges this account among the role's holders). The first check, before the
 * transaction, answers bad input without the slow password hash.
 */
async function recheckUserRefs(ctx: Ctx, tx: Executor, refs: UserRefs & { roleIds: number[] }): Promise<void> {
  await lockRoles(tx, refs.roleIds, 'share');
  await checkUserRefs(ctx, tx, refs);
}

/** What a created or edited account points at, as the checks read it. */
function refsOf(body: UpdateUserBody): UserRefs & { roleIds: number[] } {
  return { deptId: body.deptId, districtCode: body.districtCode ?? null, enterpriseUscc: body.enterpriseUscc ?? null, roleIds: body.roleIds };
}

/** Create a user with an initial password, which must be changed at first login. */
export async function createUser(ctx: Ctx, body: CreateUserBody): Promise<User> {
  const username = normalizeUsername(body.username);
  if (await findUserByUsername(ctx.db, username)) throw new AppError('USERNAME_TAKEN', { details: { username } });
  const refs = refsOf(body);
  const { districtCode } = await checkUserRefs(ctx, ctx.db, refs);
  await assertPasswordPolicy(body.password, { username, displayName: body.displayName });
  const passwordHash = await hashPassword(body.password);
  const id = await ctx.db.transaction(async (tx) => {
    await recheckUserRefs(ctx, tx, refs);
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
  const refs = refsOf(body);
  const { districtCode } = await checkUserRefs(ctx, ctx.db, refs);
  await ctx.db.transaction(async (tx) => {
    await recheckUserRefs(ctx, tx, refs);
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
  const user = await loadManageableUser(ctx, ctx.db, id);
  await assertPasswordPolicy(password, { username: user.username, displayName: user.displayName });
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() });
    await clearLoginFailures(tx, user.username);
    await deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, { action: 'system.user.reset_password', targetType: 'user', targetId: id });
  });
  authChanged();
}

/** Lift every lock on the user's name before its 15 minutes are over, from whichever sources, and forget the failures. */
export async function unlockUser(ctx: Ctx, id: number): Promise<User> {
  const existing = await loadManageableUser(ctx, ctx.db, id);
  const before = await loadUserDto(ctx.db, id, false);
  await ctx.db.transaction(async (tx) => {
    const cleared = await clearLoginFailures(tx, existing.username);
    await appendAudit(tx, ctx, {
      action: 'system.user.unlock',
      targetType: 'user',
      targetId: id,
      before: { lockedUntil: before.lockedUntil, lockedSources: before.lockedSources, failedSources: cleared.length },
      after: { lockedUntil: null, lockedSources: 0, failedSources: 0 },
    });
  });
  return loadUserDto(ctx.db, id, false);
}

/**
 * The roles the actor may give a user: active ones within the actor's own permissions and data
 * scope. Given where the account sits (`target`: the form's department, district and enterprise),
 * only those the actor may grant to that account.
 */
export async function assignableRoles(ctx: Ctx, target?: Partial<UserRefs>): Promise<RoleRef[]> {
  const roles = await rolesForGranting(ctx.db);
  const placement = target
    ? await loadPlacement(ctx, ctx.db, { deptId: target.deptId ?? null, districtCode: target.districtCode ?? null, enterpriseUscc: target.enterpriseUscc ?? null })
    : NOWHERE;
  return roles.filter((r) => roleGrantProblem(ctx, r, placement) === null).map(({ id, key, name }) => ({ id, key, name }));
}

/**
 * Load a user the actor may manage (edit, disable, unlock, reset): inside the actor's data scope
 * (else 404, as if absent), every field of the account inside it too, and holding no role the actor
 * could not grant to this very account — so nobody resets, disables or edits an account that
 * reaches further than their own (else 403).
 */
async function loadManageableUser(ctx: Ctx, db: Executor, id: number): Promise<UserRow> {
  const user = await findUserById(db, id, ctx.scope);
  if (!user) throw new AppError('NOT_FOUND');
  const placement = await loadPlacement(ctx, db, { deptId: user.deptId, districtCode: user.districtCode, enterpriseUscc: user.enterpriseUscc });
  const outside = placementOutsideScope(ctx.scope, placement);
  if (outside.length > 0) throw outOfScope(outside, true);
  const roleIds = ((await rolesOfUsers(db, [id])).get(id) ?? []).map((r) => r.id);
  for (const r of await rolesForGranting(db, roleIds)) {
    const problem = roleGrantProblem(ctx, r, placement);
    if (problem) throw roleRefused(r, problem, true);
  }
  return user;
}

export { checkUserRefs, loadManageableUser, loadPlacement, loadUserDto, recheckUserRefs };

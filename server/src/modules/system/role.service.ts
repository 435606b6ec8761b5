/**
 * Role use cases. Built-in roles can be renamed and re-permissioned but not deleted; the
 * administrator role always keeps every permission and the full data scope (no lock-out).
 */
import type { CreateRoleBody, Role, UpdateRoleBody } from '../../../../contracts/system.js';
import type { Page } from '../../../../contracts/common.js';
import { ALL_PERMISSIONS } from '../../../../contracts/permissions.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import type { Executor } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { msg } from '../../../../contracts/i18n.js';
import { findDepartment } from './department.repository.js';
import {
  countRoleUsers,
  deleteRoleRow,
  findRole,
  findRoleByKey,
  findRoleByName,
  insertRole,
  listRoles as listRoleRows,
  lockRoles,
  roleGrants,
  roleHolders,
  rolesForGranting,
  setRoleGrants,
  updateRoleRow,
  type RoleRow,
} from './role.repository.js';
import { isAdminRoleKey, placementOutsideScope, roleGrantProblem, roleReachOutsideScope, unknownPermissions, type GrantableRole, type ScopedDept } from './system.rules.js';
import { loadPlacement } from './user.service.js';

export function toRoleDto(r: RoleRow, grants: { permissions: string[]; deptIds: number[] }, userCount: number): Role {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    dataScope: r.dataScope as Role['dataScope'],
    customDeptIds: grants.deptIds,
    permissions: isAdminRoleKey(r.key) ? [...ALL_PERMISSIONS] : grants.permissions,
    sort: r.sort,
    status: r.status as Role['status'],
    builtin: r.builtin,
    remark: r.remark,
    userCount,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listRoles(ctx: Ctx, q: { page: number; pageSize: number; keyword?: string | undefined; status?: string | undefined }): Promise<Page<Role>> {
  const { rows, total } = await listRoleRows(ctx.db, q, pageWindow(q.page, q.pageSize));
  const grants = await roleGrants(ctx.db, rows.map((r) => r.r.id));
  return { items: rows.map((r) => toRoleDto(r.r, grants.get(r.r.id)!, r.userCount)), total, page: q.page, pageSize: q.pageSize };
}

export async function getRole(ctx: Ctx, id: number): Promise<Role> {
  const row = await findRole(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const grants = await roleGrants(ctx.db, [id]);
  return toRoleDto(row, grants.get(id)!, await countRoleUsers(ctx.db, id));
}

/**
 * Known permissions only; nothing the actor lacks may be added (permissions the role already had may
 * stay), and the role's data scope may not exceed the actor's.
 */
async function checkGrants(ctx: Ctx, body: UpdateRoleBody, previous: readonly string[] = []): Promise<ScopedDept[]> {
  const unknown = unknownPermissions(body.permissions);
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      details: unknown.map((p) => ({ path: 'permissions', code: 'unknown_permission', message: msg(`未知权限：${p}`, `Unknown permission: ${p}`) })),
    });
  }
  const customDepts: ScopedDept[] = [];
  if (body.dataScope === 'custom') {
    for (const id of body.customDeptIds) {
      const dept = await findDepartment(ctx.db, id);
      if (!dept) {
        throw new AppError('VALIDATION_FAILED', { details: [{ path: 'customDeptIds', code: 'reference', message: msg(`部门不存在：${id}`, `No such department: ${id}`) }] });
      }
      customDepts.push({ id, districtCode: dept.districtCode });
    }
  }
  const added = body.permissions.filter((p) => !previous.includes(p));
  const problem = roleGrantProblem(ctx, { permissions: added, dataScope: body.dataScope, customDepts });
  if (problem) {
    throw new AppError('FORBIDDEN', {
      message: { zh: '不能授予超出本人的权限或数据范围', en: 'You cannot grant permissions or a data scope beyond your own' },
      details: problem,
    });
  }
  return customDepts;
}

/**
 * A role's scope kinds 本部门, 本部门及以下, 本区划 and 本企业 mean something only on an account,
 * so a change to a role is judged on every account holding it: each holder must be one the editor
 * may manage (inside the editor's scope), and the role as it will be must not let any of them see
 * beyond the editor's own scope. Otherwise an editor could widen a role they hold themselves
 * (本部门 → 本区划 of the whole city) or change the reach of accounts in other districts.
 */
async function checkHolders(ctx: Ctx, db: Executor, next: GrantableRole, roleId: number): Promise<void> {
  if (ctx.scope.all) return;
  for (const holder of await roleHolders(db, roleId)) {
    const placement = await loadPlacement(ctx, db, holder);
    if (placementOutsideScope(ctx.scope, placement).length > 0 || roleReachOutsideScope(ctx.scope, next, placement)) {
      throw new AppError('FORBIDDEN', {
        message: {
          zh: '该角色的持有人在您的数据范围之外，或修改后其数据范围将超出您本人，不能由您修改',
          en: 'A holder of this role is outside your data scope, or would see beyond it after the change',
        },
        details: { userId: holder.id },
      });
    }
  }
}

export async function createRole(ctx: Ctx, body: CreateRoleBody): Promise<Role> {
  if (await findRoleByKey(ctx.db, body.key)) throw new AppError('CODE_TAKEN', { details: { key: body.key } });
  if (await findRoleByName(ctx.db, body.name)) throw new AppError('NAME_TAKEN', { details: { name: body.name } });
  await checkGrants(ctx, body);
  const deptIds = body.dataScope === 'custom' ? body.customDeptIds : [];
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertRole(tx, {
      key: body.key,
      name: body.name,
      dataScope: body.dataScope,
      sort: body.sort,
      status: body.status,
      remark: body.remark ?? null,
      builtin: false,
    });
    await setRoleGrants(tx, row.id, body.permissions, deptIds);
    await appendAudit(tx, ctx, { action: 'system.role.create', targetType: 'role', targetId: row.id, after: toRoleDto(row, { permissions: body.permissions, deptIds }, 0) });
    return row.id;
  });
  return getRole(ctx, id);
}

export async function updateRole(ctx: Ctx, id: number, body: UpdateRoleBody): Promise<Role> {
  const existing = await findRole(ctx.db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  if (isAdminRoleKey(existing.key)) {
    const keepsAll = ALL_PERMISSIONS.every((p) => body.permissions.includes(p));
    if (!keepsAll || body.dataScope !== 'all' || body.status !== 'active') throw new AppError('ROLE_ADMIN_LOCKED');
  }
  if (await findRoleByName(ctx.db, body.name, id)) throw new AppError('NAME_TAKEN', { details: { name: body.name } });
  const before = await getRole(ctx, id);
  // A role that sees wider than the editor (e.g. scope "all") is not theirs to edit. Permissions it
  // already holds may stay even if the editor lacks them (checkGrants looks at added ones only).
  const [current] = await rolesForGranting(ctx.db, [id]);
  if (current && roleGrantProblem(ctx, current)?.scope) {
    throw new AppError('FORBIDDEN', { message: { zh: '该角色的数据范围超出您本人，不能由您修改', en: 'This role’s data scope exceeds yours' } });
  }
  const customDepts = await checkGrants(ctx, body, before.permissions);
  const next = { permissions: body.permissions, dataScope: body.dataScope, customDepts };
  const deptIds = body.dataScope === 'custom' ? body.customDeptIds : [];
  await ctx.db.transaction(async (tx) => {
    // The holders are judged under the role's row lock: a grant of this role waits for the edit
    // (and an edit for a grant in progress), so no account gains the new reach unjudged.
    await lockRoles(tx, [id], 'update');
    await checkHolders(ctx, tx, next, id);
    const row = await updateRoleRow(tx, id, { name: body.name, dataScope: body.dataScope, sort: body.sort, status: body.status, remark: body.remark ?? null });
    await setRoleGrants(tx, id, body.permissions, deptIds);
    await appendAudit(tx, ctx, {
      action: 'system.role.update',
      targetType: 'role',
      targetId: id,
      before,
      after: toRoleDto(row, { permissions: body.permissions, deptIds }, before.userCount),
    });
  });
  authChanged();
  return getRole(ctx, id);
}

/** Delete a custom role nobody holds. */
export async function deleteRole(ctx: Ctx, id: number): Promise<void> {
  const existing = await findRole(ctx.db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  if (existing.builtin) throw new AppError('ROLE_BUILTIN');
  const [current] = await rolesForGranting(ctx.db, [id]);
  if (current && roleGrantProblem(ctx, current)) {
    throw new AppError('FORBIDDEN', { message: { zh: '该角色的权限或数据范围超出您本人，不能由您删除', en: 'This role exceeds your permissions or data scope' } });
  }
  const users = await countRoleUsers(ctx.db, id);
  if (users > 0) {
    throw new AppError('ROLE_IN_USE', {
      message: { zh: `角色「${existing.name}」仍有 ${users} 名用户`, en: `The role still has ${users} user(s)` },
      details: { users },
    });
  }
  const before = await getRole(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await deleteRoleRow(tx, id);
    await appendAudit(tx, ctx, { action: 'system.role.delete', targetType: 'role', targetId: id, before });
  });
  authChanged();
}

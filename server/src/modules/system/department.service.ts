/**
 * Department use cases. The tree is kept in `ancestors` paths; moving a department rewrites the
 * paths of everything below it in the same transaction.
 */
import type { CreateDepartmentBody, Department, UpdateDepartmentBody } from '../../../../contracts/system.js';
import { msg } from '../../../../contracts/i18n.js';
import type { Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { districtInScope } from '../../platform/data-scope/data-scope.js';
import {
  countChildren,
  deleteDepartmentRow,
  findDepartment,
  insertDepartment,
  listDepartments as listDepartmentRows,
  moveDescendants,
  siblingNameTaken,
  updateDepartmentRow,
  type DepartmentFilter,
  type DepartmentRow,
} from './department.repository.js';
import { findDistrict } from './district.repository.js';
import { ancestorsUnder, isSelfOrDescendant } from './system.rules.js';
import { countUsersInDepartment } from './user.repository.js';

export function toDepartmentDto(d: DepartmentRow, userCount: number): Department {
  return {
    id: d.id,
    parentId: d.parentId,
    ancestors: d.ancestors,
    name: d.name,
    shortName: d.shortName,
    aliases: d.aliases,
    kind: d.kind as Department['kind'],
    districtCode: d.districtCode,
    leader: d.leader,
    phone: d.phone,
    sort: d.sort,
    status: d.status as Department['status'],
    userCount,
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** Departments in the actor's scope, flat (the web builds the tree from parentId). */
export async function listDepartments(ctx: Ctx, f: DepartmentFilter): Promise<Department[]> {
  const rows = await listDepartmentRows(ctx.db, ctx.scope, f);
  return rows.map((r) => toDepartmentDto(r, r.userCount));
}

/** The parent a department goes under: it must exist in the actor's scope; only a user who sees everything creates top-level units. */
async function loadParent(ctx: Ctx, db: Executor, parentId: number | null): Promise<DepartmentRow | null> {
  if (parentId === null) {
    if (!ctx.scope.all) throw new AppError('OUT_OF_SCOPE');
    return null;
  }
  const parent = await findDepartment(db, parentId, ctx.scope);
  if (!parent) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'parentId', code: 'reference', message: msg('上级部门不存在或不在您的数据范围内', 'No such parent department in your scope') }] });
  }
  return parent;
}

async function checkDistrict(db: Executor, code: string | null | undefined): Promise<void> {
  if (code && !(await findDistrict(db, code))) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'districtCode', code: 'reference', message: msg('区划不存在', 'No such district') }] });
  }
}

/**
 * Where the department will stand must be inside the actor's scope. A district-scoped actor keeps
 * it in their district; a department-scoped one, under a department they see. A department left
 * without a district takes its parent's.
 */
function placeInScope(ctx: Ctx, parent: DepartmentRow | null, districtCode: string | null | undefined): string | null {
  const district = districtCode ?? parent?.districtCode ?? null;
  if (ctx.scope.all) return district;
  const allowed = ctx.scope.districtPrefixes.length > 0 ? districtInScope(ctx.scope, district) : parent !== null && ctx.scope.deptIds.includes(parent.id);
  if (!allowed) throw new AppError('OUT_OF_SCOPE');
  return district;
}

function rowValues(body: CreateDepartmentBody) {
  return {
    parentId: body.parentId,
    name: body.name,
    shortName: body.shortName ?? null,
    aliases: [...new Set(body.aliases.filter((a) => a !== body.name))],
    kind: body.kind,
    districtCode: body.districtCode ?? null,
    leader: body.leader ?? null,
    phone: body.phone ?? null,
    sort: body.sort,
    status: body.status,
  };
}

export async function createDepartment(ctx: Ctx, body: CreateDepartmentBody): Promise<Department> {
  const parent = await loadParent(ctx, ctx.db, body.parentId);
  await checkDistrict(ctx.db, body.districtCode);
  const districtCode = placeInScope(ctx, parent, body.districtCode);
  if (await siblingNameTaken(ctx.db, body.parentId, body.name)) throw new AppError('NAME_TAKEN', { details: { name: body.name } });
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertDepartment(tx, { ...rowValues(body), districtCode, ancestors: ancestorsUnder(parent) });
    await appendAudit(tx, ctx, { action: 'system.dept.create', targetType: 'department', targetId: created.id, after: toDepartmentDto(created, 0) });
    return created;
  });
  authChanged();
  return toDepartmentDto(row, 0);
}

export async function updateDepartment(ctx: Ctx, id: number, body: UpdateDepartmentBody): Promise<Department> {
  const existing = await findDepartment(ctx.db, id, ctx.scope);
  if (!existing) throw new AppError('NOT_FOUND');
  await checkDistrict(ctx.db, body.districtCode);
  const moving = body.parentId !== existing.parentId;
  let parent = existing.parentId !== null ? await findDepartment(ctx.db, existing.parentId) : null;
  if (moving) {
    if (body.parentId !== null) {
      const candidate = await findDepartment(ctx.db, body.parentId);
      if (candidate && isSelfOrDescendant(id, candidate)) throw new AppError('DEPT_CYCLE');
    }
    parent = await loadParent(ctx, ctx.db, body.parentId);
  }
  const districtCode = placeInScope(ctx, parent, body.districtCode);
  if (await siblingNameTaken(ctx.db, body.parentId, body.name, id)) throw new AppError('NAME_TAKEN', { details: { name: body.name } });
  const users = await countUsersInDepartment(ctx.db, id);
  const row = await ctx.db.transaction(async (tx) => {
    const ancestors = ancestorsUnder(parent);
    const updated = await updateDepartmentRow(tx, id, { ...rowValues(body), districtCode, ancestors });
    if (ancestors !== existing.ancestors) {
      await moveDescendants(tx, id, `${existing.ancestors},${id}`, `${ancestors},${id}`);
    }
    await appendAudit(tx, ctx, {
      action: moving ? 'system.dept.move' : 'system.dept.update',
      targetType: 'department',
      targetId: id,
      before: toDepartmentDto(existing, users),
      after: toDepartmentDto(updated, users),
    });
    return updated;
  });
  authChanged();
  return toDepartmentDto(row, users);
}

/** Delete an empty department: no users and no sub-departments (409 saying how many otherwise). */
export async function deleteDepartment(ctx: Ctx, id: number): Promise<void> {
  const existing = await findDepartment(ctx.db, id, ctx.scope);
  if (!existing) throw new AppError('NOT_FOUND');
  const users = await countUsersInDepartment(ctx.db, id);
  if (users > 0) {
    throw new AppError('DEPT_HAS_USERS', {
      message: { zh: `部门「${existing.name}」下仍有 ${users} 名用户（含已停用），请先将他们调到其他部门再删除`, en: `The department still has ${users} user(s), disabled ones included; move them to another department first` },
      details: { users },
    });
  }
  const children = await countChildren(ctx.db, id);
  if (children > 0) {
    throw new AppError('DEPT_HAS_CHILDREN', {
      message: { zh: `部门「${existing.name}」下仍有 ${children} 个下级部门`, en: `The department still has ${children} sub-department(s)` },
      details: { children },
    });
  }
  await ctx.db.transaction(async (tx) => {
    await deleteDepartmentRow(tx, id);
    await appendAudit(tx, ctx, { action: 'system.dept.delete', targetType: 'department', targetId: id, before: toDepartmentDto(existing, 0) });
  });
  authChanged();
}

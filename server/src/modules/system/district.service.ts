/** 行政区划 use cases. Codes follow GB/T 2260; a code never changes once created. */
import type { CreateDistrictBody, District, UpdateDistrictBody } from '../../../../contracts/system.js';
import { msg } from '../../../../contracts/i18n.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import {
  childLevels,
  deleteDistrictRow,
  districtUsage,
  findDistrict,
  insertDistrict,
  listDistricts as listDistrictRows,
  updateDistrictRow,
  type DistrictRow,
} from './district.repository.js';

export function toDistrictDto(d: DistrictRow, userCount: number): District {
  return {
    code: d.code,
    name: d.name,
    parentCode: d.parentCode,
    level: d.level,
    sort: d.sort,
    status: d.status as District['status'],
    userCount,
  };
}

export async function listDistricts(ctx: Ctx, f: { keyword?: string | undefined; status?: string | undefined }): Promise<District[]> {
  const rows = await listDistrictRows(ctx.db, f);
  return rows.map((r) => toDistrictDto(r, r.userCount));
}

async function checkParent(ctx: Ctx, code: string, parentCode: string | null, level: number): Promise<void> {
  if (parentCode === null) return;
  if (parentCode === code) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'parentCode', code: 'reference', message: msg('上级区划不能是自身', 'A district cannot be its own parent') }] });
  }
  const parent = await findDistrict(ctx.db, parentCode);
  if (!parent) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'parentCode', code: 'reference', message: msg('上级区划不存在', 'No such parent district') }] });
  }
  if (parent.level >= level) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'level', code: 'reference', message: msg('级别应低于上级区划', 'The level must be below the parent’s') }] });
  }
}

export async function createDistrict(ctx: Ctx, body: CreateDistrictBody): Promise<District> {
  if (await findDistrict(ctx.db, body.code)) throw new AppError('CODE_TAKEN', { details: { code: body.code } });
  await checkParent(ctx, body.code, body.parentCode, body.level);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertDistrict(tx, body);
    await appendAudit(tx, ctx, { action: 'system.district.create', targetType: 'district', targetId: body.code, after: toDistrictDto(created, 0) });
    return created;
  });
  return toDistrictDto(row, 0);
}

export async function updateDistrict(ctx: Ctx, code: string, body: UpdateDistrictBody): Promise<District> {
  const existing = await findDistrict(ctx.db, code);
  if (!existing) throw new AppError('NOT_FOUND');
  await checkParent(ctx, code, body.parentCode, body.level);
  const deepest = await childLevels(ctx.db, code);
  if (deepest.some((l) => l <= body.level)) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'level', code: 'reference', message: msg('级别应高于其下级区划', 'The level must stay above its sub-districts’') }] });
  }
  const usage = await districtUsage(ctx.db, code);
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateDistrictRow(tx, code, body);
    await appendAudit(tx, ctx, {
      action: 'system.district.update',
      targetType: 'district',
      targetId: code,
      before: toDistrictDto(existing, usage.users),
      after: toDistrictDto(updated, usage.users),
    });
    return updated;
  });
  return toDistrictDto(row, usage.users);
}

/** Delete a district nothing refers to (409 naming what still does). */
export async function deleteDistrict(ctx: Ctx, code: string): Promise<void> {
  const existing = await findDistrict(ctx.db, code);
  if (!existing) throw new AppError('NOT_FOUND');
  const usage = await districtUsage(ctx.db, code);
  if (usage.children + usage.departments + usage.users > 0) {
    throw new AppError('DISTRICT_IN_USE', {
      message: {
        zh: `区划「${existing.name}」仍被使用：下级区划 ${usage.children} 个、部门 ${usage.departments} 个、用户 ${usage.users} 名`,
        en: `The district is still used by ${usage.children} sub-district(s), ${usage.departments} department(s) and ${usage.users} user(s)`,
      },
      details: usage,
    });
  }
  await ctx.db.transaction(async (tx) => {
    await deleteDistrictRow(tx, code);
    await appendAudit(tx, ctx, { action: 'system.district.delete', targetType: 'district', targetId: code, before: toDistrictDto(existing, 0) });
  });
}

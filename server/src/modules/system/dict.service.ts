/**
 * 数据字典 use cases. Built-in types and items (contracts/dicts.ts) can be relabelled, recoloured,
 * re-sorted and hidden, but not deleted or given another value: the code relies on their values.
 */
import type { Page } from '../../../../contracts/common.js';
import type {
  CreateDictItemBody,
  CreateDictTypeBody,
  DictItem,
  DictType,
  UpdateDictItemBody,
  UpdateDictTypeBody,
} from '../../../../contracts/system.js';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import {
  activeItems,
  deleteDictItemRow,
  deleteDictTypeRow,
  findDictItem,
  findDictItemByValue,
  findDictType,
  insertDictItem,
  insertDictType,
  itemsOfType,
  listDictTypes as listDictTypeRows,
  updateDictItemRow,
  updateDictTypeRow,
  type DictItemRow,
  type DictTypeRow,
} from './dict.repository.js';

export function toDictTypeDto(t: DictTypeRow, itemCount: number): DictType {
  return { type: t.type, nameZh: t.nameZh, nameEn: t.nameEn, builtin: t.builtin, status: t.status as DictType['status'], remark: t.remark, itemCount };
}

export function toDictItemDto(i: DictItemRow): DictItem {
  return {
    id: i.id,
    dictType: i.dictType,
    value: i.value,
    labelZh: i.labelZh,
    labelEn: i.labelEn,
    color: i.color,
    sort: i.sort,
    status: i.status as DictItem['status'],
    builtin: i.builtin,
  };
}

export async function listDictTypes(ctx: Ctx, q: { page: number; pageSize: number; keyword?: string | undefined; status?: string | undefined }): Promise<Page<DictType>> {
  const { rows, total } = await listDictTypeRows(ctx.db, q, pageWindow(q.page, q.pageSize));
  return { items: rows.map((r) => toDictTypeDto(r.t, r.itemCount)), total, page: q.page, pageSize: q.pageSize };
}

export async function getDictType(ctx: Ctx, type: string): Promise<{ type: DictType; items: DictItem[] }> {
  const t = await findDictType(ctx.db, type);
  if (!t) throw new AppError('NOT_FOUND');
  const items = await itemsOfType(ctx.db, type);
  return { type: toDictTypeDto(t, t.itemCount), items: items.map(toDictItemDto) };
}

/** Every active dictionary, keyed by type: what the web renders enums from. */
export async function allActiveDicts(ctx: Ctx): Promise<Record<string, DictItem[]>> {
  const out: Record<string, DictItem[]> = {};
  for (const i of await activeItems(ctx.db)) (out[i.dictType] ??= []).push(toDictItemDto(i));
  return out;
}

export async function createDictType(ctx: Ctx, body: CreateDictTypeBody): Promise<DictType> {
  if (await findDictType(ctx.db, body.type)) throw new AppError('CODE_TAKEN', { details: { type: body.type } });
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertDictType(tx, { ...body, nameEn: body.nameEn ?? null, remark: body.remark ?? null, builtin: false });
    await appendAudit(tx, ctx, { action: 'system.dict.type.create', targetType: 'dict_type', targetId: body.type, after: created });
    return created;
  });
  return toDictTypeDto(row, 0);
}

export async function updateDictType(ctx: Ctx, type: string, body: UpdateDictTypeBody): Promise<DictType> {
  const existing = await findDictType(ctx.db, type);
  if (!existing) throw new AppError('NOT_FOUND');
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateDictTypeRow(tx, type, { ...body, nameEn: body.nameEn ?? null, remark: body.remark ?? null });
    await appendAudit(tx, ctx, { action: 'system.dict.type.update', targetType: 'dict_type', targetId: type, before: existing, after: updated });
    return updated;
  });
  return toDictTypeDto(row, existing.itemCount);
}

export async function deleteDictType(ctx: Ctx, type: string): Promise<void> {
  const existing = await findDictType(ctx.db, type);
  if (!existing) throw new AppError('NOT_FOUND');
  if (existing.builtin) throw new AppError('DICT_BUILTIN');
  const items = await itemsOfType(ctx.db, type);
  await ctx.db.transaction(async (tx) => {
    await deleteDictTypeRow(tx, type);
    await appendAudit(tx, ctx, { action: 'system.dict.type.delete', targetType: 'dict_type', targetId: type, before: { ...existing, items } });
  });
}

export async function createDictItem(ctx: Ctx, type: string, body: CreateDictItemBody): Promise<DictItem> {
  if (!(await findDictType(ctx.db, type))) throw new AppError('NOT_FOUND');
  if (await findDictItemByValue(ctx.db, type, body.value)) throw new AppError('DICT_VALUE_TAKEN', { details: { value: body.value } });
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertDictItem(tx, { ...body, dictType: type, labelEn: body.labelEn ?? null, color: body.color ?? null, builtin: false });
    await appendAudit(tx, ctx, { action: 'system.dict.item.create', targetType: 'dict_item', targetId: created.id, after: created });
    return created;
  });
  return toDictItemDto(row);
}

export async function updateDictItem(ctx: Ctx, type: string, id: number, body: UpdateDictItemBody): Promise<DictItem> {
  const existing = await findDictItem(ctx.db, id);
  if (!existing || existing.dictType !== type) throw new AppError('NOT_FOUND');
  if (existing.builtin && body.value !== existing.value) throw new AppError('DICT_BUILTIN');
  if (body.value !== existing.value && (await findDictItemByValue(ctx.db, type, body.value))) {
    throw new AppError('DICT_VALUE_TAKEN', { details: { value: body.value } });
  }
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateDictItemRow(tx, id, { ...body, labelEn: body.labelEn ?? null, color: body.color ?? null });
    await appendAudit(tx, ctx, { action: 'system.dict.item.update', targetType: 'dict_item', targetId: id, before: existing, after: updated });
    return updated;
  });
  return toDictItemDto(row);
}

export async function deleteDictItem(ctx: Ctx, type: string, id: number): Promise<void> {
  const existing = await findDictItem(ctx.db, id);
  if (!existing || existing.dictType !== type) throw new AppError('NOT_FOUND');
  if (existing.builtin) throw new AppError('DICT_BUILTIN');
  await ctx.db.transaction(async (tx) => {
    await deleteDictItemRow(tx, id);
    await appendAudit(tx, ctx, { action: 'system.dict.item.delete', targetType: 'dict_item', targetId: id, before: existing });
  });
}

/** Dictionary labels (Chinese, as admins set them) for Excel exports; unknown values print as-is. */
export async function dictLabeler(db: Executor): Promise<(type: string, value: string) => string> {
  const byKey = new Map<string, string>();
  for (const i of await activeItems(db)) byKey.set(`${i.dictType}\u0000${i.value}`, i.labelZh);
  return (type, value) => byKey.get(`${type}\u0000${value}`) ?? value;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import { BUILTIN_DICTS } from '../../../../contracts/dicts.js';
import type { DictItem, DictType } from '../../../../contracts/system.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { findDictItem, findDictItemByValue, findDictType, itemsOfType, listDictTypes } from './dict.repository.js';
import { DICT_EXPORT } from './system.excel.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
async function snapshot(): Promise<string[]> {
  const { rows } = await listDictTypes(t.db, {}, { offset: 0, limit: 1000 });
  const out: string[] = [];
  for (const r of rows) out.push(JSON.stringify({ ...r, items: await itemsOfType(t.db, r.t.type) }));
  return out;
}
const itemId = async (type: string, value: string) => (await findDictItemByValue(t.db, type, value))!.id;

describe('GET /api/system/dicts/all', () => {
  it('gives any signed-in user every active item of every active dictionary, in order', async () => {
    const enterprise = await t.as('enterprise');
    const res = await enterprise.get('/api/system/dicts/all');
    expect(res.statusCode).toBe(200);
    const all = json<Record<string, DictItem[]>>(res);
    expect(Object.keys(all).sort()).toEqual(BUILTIN_DICTS.map((d) => d.type).sort());
    for (const d of BUILTIN_DICTS) {
      expect(all[d.type]!.map((i) => i.value)).toEqual(d.items.map((i) => i.value));
      expect(all[d.type]!.map((i) => i.labelZh)).toEqual(d.items.map((i) => i.zh));
    }
    expect(all.sys_status![0]).toEqual({ id: expect.any(Number), dictType: 'sys_status', value: 'active', labelZh: '正常', labelEn: 'Active', color: 'green', sort: 10, status: 'active', builtin: true });
  });

  it('leaves out disabled items and whole disabled dictionaries', async () => {
    const yes = await itemId('sys_yes_no', 'Y');
    expect((await admin.put(`/api/system/dicts/sys_yes_no/items/${yes}`, { value: 'Y', labelZh: '是', labelEn: 'Yes', status: 'disabled', sort: 10 })).statusCode).toBe(200);
    let all = json<Record<string, DictItem[]>>(await admin.get('/api/system/dicts/all'));
    expect(all.sys_yes_no!.map((i) => i.value)).toEqual(['N']);
    expect((await admin.put('/api/system/dicts/sys_yes_no', { nameZh: '是否', nameEn: 'Yes / no', status: 'disabled' })).statusCode).toBe(200);
    all = json<Record<string, DictItem[]>>(await admin.get('/api/system/dicts/all'));
    expect(all.sys_yes_no).toBeUndefined();
    await admin.put('/api/system/dicts/sys_yes_no', { nameZh: '是否', nameEn: 'Yes / no', status: 'active' });
    await admin.put(`/api/system/dicts/sys_yes_no/items/${yes}`, { value: 'Y', labelZh: '是', labelEn: 'Yes', status: 'active', sort: 10 });
    all = json<Record<string, DictItem[]>>(await admin.get('/api/system/dicts/all'));
    expect(all.sys_yes_no!.map((i) => i.value)).toEqual(['Y', 'N']);
  });
});

describe('GET /api/system/dicts and /:type', () => {
  it('lists the dictionary types with item counts', async () => {
    const qo = await t.as('quality-office');
    const page = json<Page<DictType>>(await qo.get('/api/system/dicts?pageSize=200'));
    expect(page.total).toBe(BUILTIN_DICTS.length);
    expect(page.items.map((d) => d.type)).toEqual(BUILTIN_DICTS.map((d) => d.type).sort());
    for (const d of page.items) {
      expect(d.itemCount).toBe(BUILTIN_DICTS.find((b) => b.type === d.type)!.items.length);
      expect(d.builtin).toBe(true);
    }
    const found = json<Page<DictType>>(await qo.get(`/api/system/dicts?keyword=${encodeURIComponent('日期')}`)).items.map((d) => d.type);
    expect(found).toEqual(['sys_day_kind']);
    expect(json<Page<DictType>>(await qo.get('/api/system/dicts?keyword=OPER')).items.map((d) => d.type)).toEqual(['sys_oper_status', 'sys_oper_type']);
  });

  it('shows a type with its items, and answers 404 / 400 for unknown or malformed types', async () => {
    const res = await admin.get('/api/system/dicts/sys_status');
    expect(res.statusCode).toBe(200);
    const body = json<{ type: DictType; items: DictItem[] }>(res);
    expect(body.type).toEqual({ type: 'sys_status', nameZh: '启用状态', nameEn: 'Status', builtin: true, status: 'active', remark: null, itemCount: 2 });
    expect(body.items.map((i) => i.value)).toEqual(['active', 'disabled']);
    expect((await admin.get('/api/system/dicts/no_such_type')).statusCode).toBe(404);
    for (const bad of ['Sys_Status', '1abc', 'a', `a${'b'.repeat(50)}`, 'sys-status']) {
      expect({ bad, status: (await admin.get(`/api/system/dicts/${bad}`)).statusCode }).toEqual({ bad, status: 400 });
    }
  });
});

describe('dictionary types: create, edit, delete', () => {
  it('creates a type and audits it', async () => {
    const seq = await headSeq();
    const res = await admin.post('/api/system/dicts', { type: 'plan_level', nameZh: '计划级别', nameEn: 'Plan level', remark: '行动计划' });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toEqual({ type: 'plan_level', nameZh: '计划级别', nameEn: 'Plan level', builtin: false, status: 'active', remark: '行动计划', itemCount: 0 });
    expect(await findDictType(t.db, 'plan_level')).toMatchObject({ nameZh: '计划级别', builtin: false, itemCount: 0 });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dict.type.create', targetType: 'dict_type', targetId: 'plan_level', before: null, after: { type: 'plan_level', nameZh: '计划级别' } });
  });

  it('rejects bad types and taken types, changing nothing', async () => {
    const before = await snapshot();
    const seq = await headSeq();
    for (const body of [
      { type: 'Plan', nameZh: 'x' },
      { type: 'plan-kind', nameZh: 'x' },
      { type: 'plan_kind', nameZh: '' },
      { type: 'plan_kind', nameZh: '名'.repeat(51) },
      { type: 'plan_kind', nameZh: 'x', nameEn: 'n'.repeat(101) },
      { type: 'plan_kind', nameZh: 'x', builtin: true },
      { type: 'plan_kind' },
    ]) {
      const res = await admin.post('/api/system/dicts', body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
    }
    const taken = await admin.post('/api/system/dicts', { type: 'sys_status', nameZh: '冒名' });
    expect(taken.statusCode).toBe(409);
    expect(errorCode(taken)).toBe('CODE_TAKEN');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('edits a type (built-in ones too) and audits before and after', async () => {
    const seq = await headSeq();
    const res = await admin.put('/api/system/dicts/sys_status', { nameZh: '状态', nameEn: 'Status', remark: '改名' });
    expect(res.statusCode).toBe(200);
    expect(json<DictType>(res)).toMatchObject({ type: 'sys_status', nameZh: '状态', builtin: true, itemCount: 2 });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dict.type.update', targetId: 'sys_status', before: { nameZh: '启用状态', remark: null }, after: { nameZh: '状态', remark: '改名' } });
    expect((await admin.put('/api/system/dicts/no_such_type', { nameZh: 'x' })).statusCode).toBe(404);
    expect((await admin.put('/api/system/dicts/sys_status', { type: 'sys_state', nameZh: 'x' })).statusCode).toBe(400);
  });

  it('refuses to delete a built-in type (409 DICT_BUILTIN)', async () => {
    const before = await snapshot();
    const res = await admin.delete('/api/system/dicts/sys_status');
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('DICT_BUILTIN');
    expect(await snapshot()).toEqual(before);
  });
});

describe('dictionary items', () => {
  it('adds an item and audits it', async () => {
    const seq = await headSeq();
    const res = await admin.post('/api/system/dicts/plan_level/items', { value: 'city', labelZh: '市级', labelEn: 'City', color: 'blue', sort: 10 });
    expect(res.statusCode).toBe(201);
    const item = json<DictItem>(res);
    expect(item).toEqual({ id: expect.any(Number), dictType: 'plan_level', value: 'city', labelZh: '市级', labelEn: 'City', color: 'blue', sort: 10, status: 'active', builtin: false });
    expect(await findDictItem(t.db, item.id)).toMatchObject({ dictType: 'plan_level', value: 'city', builtin: false });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dict.item.create', targetType: 'dict_item', targetId: String(item.id), after: { value: 'city', labelZh: '市级' } });
    expect((await findDictType(t.db, 'plan_level'))!.itemCount).toBe(1);
  });

  it('rejects bad items, taken values and unknown types, changing nothing', async () => {
    const before = await snapshot();
    const seq = await headSeq();
    for (const body of [
      { value: '', labelZh: 'x' },
      { value: 'v'.repeat(51), labelZh: 'x' },
      { value: 'x', labelZh: '' },
      { value: 'x', labelZh: 'x', color: 'c'.repeat(21) },
      { value: 'x', labelZh: 'x', sort: -1 },
      { value: 'x', labelZh: 'x', builtin: true },
      { value: 1, labelZh: 'x' },
    ]) {
      const res = await admin.post('/api/system/dicts/plan_level/items', body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
    }
    const taken = await admin.post('/api/system/dicts/plan_level/items', { value: 'city', labelZh: '重复' });
    expect(taken.statusCode).toBe(409);
    expect(errorCode(taken)).toBe('DICT_VALUE_TAKEN');
    expect((await admin.post('/api/system/dicts/no_such_type/items', { value: 'x', labelZh: 'x' })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('relabels a built-in item but refuses to re-key or delete it (409 DICT_BUILTIN)', async () => {
    const id = await itemId('sys_oper_status', 'failure');
    const seq = await headSeq();
    const relabel = await admin.put(`/api/system/dicts/sys_oper_status/items/${id}`, { value: 'failure', labelZh: '异常', labelEn: 'Failed', color: 'volcano', sort: 20 });
    expect(relabel.statusCode).toBe(200);
    expect(json<DictItem>(relabel)).toMatchObject({ value: 'failure', labelZh: '异常', color: 'volcano', builtin: true });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dict.item.update', targetId: String(id), before: { labelZh: '失败', color: 'red' }, after: { labelZh: '异常', color: 'volcano' } });
    const before = await snapshot();
    const rekey = await admin.put(`/api/system/dicts/sys_oper_status/items/${id}`, { value: 'failed', labelZh: '异常' });
    expect(rekey.statusCode).toBe(409);
    expect(errorCode(rekey)).toBe('DICT_BUILTIN');
    const del = await admin.delete(`/api/system/dicts/sys_oper_status/items/${id}`);
    expect(errorCode(del)).toBe('DICT_BUILTIN');
    expect(await snapshot()).toEqual(before);
  });

  it('re-keys and deletes custom items, refusing a value taken by a sibling', async () => {
    const created = json<DictItem>(await admin.post('/api/system/dicts/plan_level/items', { value: 'district', labelZh: '区级', sort: 20 }));
    const clash = await admin.put(`/api/system/dicts/plan_level/items/${created.id}`, { value: 'city', labelZh: '区级' });
    expect(errorCode(clash)).toBe('DICT_VALUE_TAKEN');
    const rekey = await admin.put(`/api/system/dicts/plan_level/items/${created.id}`, { value: 'county', labelZh: '县级', sort: 20 });
    expect(json<DictItem>(rekey)).toMatchObject({ value: 'county', labelZh: '县级', labelEn: null, color: null });
    const seq = await headSeq();
    const del = await admin.delete(`/api/system/dicts/plan_level/items/${created.id}`);
    expect(del.statusCode).toBe(200);
    expect(await findDictItem(t.db, created.id)).toBeNull();
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dict.item.delete', targetId: String(created.id), before: { value: 'county' }, after: null });
  });

  it('answers 404 for an item addressed under another type or not at all', async () => {
    const city = await itemId('plan_level', 'city');
    const body = { value: 'city', labelZh: '市级' };
    expect((await admin.put(`/api/system/dicts/sys_status/items/${city}`, body)).statusCode).toBe(404);
    expect((await admin.delete(`/api/system/dicts/sys_status/items/${city}`)).statusCode).toBe(404);
    expect((await admin.put('/api/system/dicts/plan_level/items/999999', body)).statusCode).toBe(404);
    expect((await admin.put('/api/system/dicts/plan_level/items/abc', body)).statusCode).toBe(400);
    expect((await findDictItem(t.db, city))!.dictType).toBe('plan_level');
  });

  it('deletes a custom type with all its items, auditing them', async () => {
    const items = await itemsOfType(t.db, 'plan_level');
    expect(items.length).toBe(1);
    const seq = await headSeq();
    const res = await admin.delete('/api/system/dicts/plan_level');
    expect(res.statusCode).toBe(200);
    expect(await findDictType(t.db, 'plan_level')).toBeNull();
    expect(await findDictItem(t.db, items[0]!.id)).toBeNull();
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dict.type.delete', targetId: 'plan_level', before: { type: 'plan_level', items: [{ value: 'city' }] } });
    expect((await admin.delete('/api/system/dicts/plan_level')).statusCode).toBe(404);
  });
});

describe('GET /api/system/dicts/export', () => {
  it('downloads every item of every type as .xlsx', async () => {
    const res = await admin.get('/api/system/dicts/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^数据字典-\d{8}\.xlsx$/);
    const { header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(header).toEqual(DICT_EXPORT.map((c) => c.header));
    expect(rows).toHaveLength(BUILTIN_DICTS.reduce((n, d) => n + d.items.length, 0));
    expect(rows).toContainEqual(['sys_day_kind', '日期类型', 'holiday', '法定节假日', 'Public holiday', 30, '正常', '是']);
  });
});

describe('dictionary types named like fixed routes', () => {
  it('does not create a type that GET /api/system/dicts/:type could never show (all, export)', async () => {
    for (const type of ['all', 'export']) {
      const created = await admin.post('/api/system/dicts', { type, nameZh: `名为 ${type} 的字典` });
      if (created.statusCode === 201) {
        const shown = await admin.get(`/api/system/dicts/${type}`);
        let shownType: unknown;
        try {
          shownType = (JSON.parse(shown.body) as { type?: { type?: string } }).type?.type ?? null;
        } catch {
          shownType = `not JSON (${String(shown.headers['content-type'])})`;
        }
        expect({ type, shownType }).toEqual({ type, shownType: type });
      } else {
        expect({ type, status: created.statusCode }).toEqual({ type, status: 400 });
      }
    }
  });
});

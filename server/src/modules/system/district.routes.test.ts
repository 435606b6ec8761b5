import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { District } from '../../../../contracts/system.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';
import { districtUsage, findDistrict, listDistricts } from './district.repository.js';
import { DISTRICT_EXPORT } from './system.excel.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
const allCodes = async () => (await listDistricts(t.db, {})).map((d) => `${d.code}|${d.name}|${d.parentCode}|${d.level}|${d.sort}|${d.status}`);


function expectXlsx(res: LightMyRequestResponse, baseName: string): void {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_MIME);
  const cd = String(res.headers['content-disposition']);
  expect(cd).toMatch(/^attachment; filename="export-\d{8}\.xlsx"; filename\*=UTF-8''/);
  expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]!)).toMatch(new RegExp(`^${baseName}-\\d{8}\\.xlsx$`));
}

describe('GET /api/system/districts', () => {
  it('lists the demo city and its 16 districts in code order, with user counts from the database', async () => {
    const admin = await t.as('admin');
    const res = await admin.get('/api/system/districts');
    expect(res.statusCode).toBe(200);
    const items = json<{ items: District[] }>(res).items;
    expect(items).toHaveLength(17);
    expect(items.map((d) => d.code)).toEqual([...items.map((d) => d.code)].sort());
    expect(items[0]).toEqual({ code: '120000', name: '天津市', parentCode: null, level: 1, sort: 0, status: 'active', userCount: expect.any(Number) });
    const heping = items.find((d) => d.code === '120101')!;
    expect(heping).toMatchObject({ name: '和平区', parentCode: '120000', level: 3 });
    const users = json<{ total: number }>(await admin.get('/api/system/users?districtCode=120101&pageSize=1')).total;
    expect(heping.userCount).toBe(users);
    expect(heping.userCount).toBe((await districtUsage(t.db, '120101')).users);
  });

  it('searches by name and by code, and filters by status', async () => {
    const dept = await t.as('dept-user'); // read access is enough
    const byName = json<{ items: District[] }>(await dept.get(`/api/system/districts?keyword=${encodeURIComponent('和平')}`)).items;
    expect(byName.map((d) => d.code)).toEqual(['120101']);
    const byCode = json<{ items: District[] }>(await dept.get('/api/system/districts?keyword=12011')).items;
    expect(byCode.map((d) => d.code)).toEqual(['120110', '120111', '120112', '120113', '120114', '120115', '120116', '120117', '120118', '120119']);
    expect(json<{ items: District[] }>(await dept.get('/api/system/districts?status=disabled')).items).toEqual([]);
  });

  it('rejects unknown parameters, a bad status and an over-long keyword', async () => {
    const admin = await t.as('admin');
    for (const q of ['foo=1', 'status=deleted', `keyword=${'x'.repeat(101)}`, 'keyword=a&keyword=b']) {
      const res = await admin.get(`/api/system/districts?${q}`);
      expect({ q, status: res.statusCode, code: errorCode(res) }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});

describe('POST /api/system/districts', () => {
  it('creates a district, returns it and appends one audit row', async () => {
    const admin = await t.as('admin');
    const seq = await headSeq();
    const res = await admin.post('/api/system/districts', { code: '120120', name: '测试新区', parentCode: '120000', level: 3, sort: 170 });
    expect(res.statusCode).toBe(201);
    const created = { code: '120120', name: '测试新区', parentCode: '120000', level: 3, sort: 170, status: 'active', userCount: 0 };
    expect(json(res)).toEqual(created);
    expect(await findDistrict(t.db, '120120')).toMatchObject({ code: '120120', name: '测试新区', parentCode: '120000', level: 3, sort: 170, status: 'active' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.district.create',
      targetType: 'district',
      targetId: '120120',
      actorUsername: 'admin',
      actorRoles: ['admin'],
      before: null,
      after: created,
      requestId: res.headers['x-request-id'],
    });
  });

  it('accepts 9- and 12-digit township codes under a county', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/system/districts', { code: '120101001', name: '劝业场街道', parentCode: '120101', level: 4 });
    expect(res.statusCode).toBe(201);
    expect(json<District>(res)).toMatchObject({ sort: 0, status: 'active' });
  });

  it('rejects bad input with 400, names the field, and changes nothing', async () => {
    const admin = await t.as('admin');
    const valid = { code: '120121', name: '某区', parentCode: '120000', level: 3 };
    const cases: [string, unknown, string][] = [
      ['5-digit code', { ...valid, code: '12012' }, 'code'],
      ['letters in code', { ...valid, code: '1201AB' }, 'code'],
      ['empty name', { ...valid, name: '   ' }, 'name'],
      ['over-long name', { ...valid, name: '区'.repeat(51) }, 'name'],
      ['level 0', { ...valid, level: 0 }, 'level'],
      ['level 5', { ...valid, level: 5 }, 'level'],
      ['level as text', { ...valid, level: '3' }, 'level'],
      ['fractional sort', { ...valid, sort: 1.5 }, 'sort'],
      ['negative sort', { ...valid, sort: -1 }, 'sort'],
      ['bad status', { ...valid, status: 'gone' }, 'status'],
      ['missing parentCode', { code: '120121', name: '某区', level: 3 }, 'parentCode'],
      ['unknown field', { ...valid, population: 1 }, ''],
      ['unknown parent', { ...valid, parentCode: '130000' }, 'parentCode'],
      ['own parent', { ...valid, parentCode: '120121' }, 'parentCode'],
      ['level not below the parent', { ...valid, level: 1 }, 'level'],
    ];
    const before = await allCodes();
    const seq = await headSeq();
    for (const [name, body, path] of cases) {
      const res = await admin.post('/api/system/districts', body);
      const details = json<{ error: { details: { path: string }[] } }>(res).error.details;
      expect({ name, status: res.statusCode, code: errorCode(res) }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
      expect(details.map((d) => d.path)).toContain(path);
    }
    expect(await allCodes()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('refuses a code that exists (409 CODE_TAKEN) and keeps the original', async () => {
    const admin = await t.as('admin');
    const seq = await headSeq();
    const res = await admin.post('/api/system/districts', { code: '120101', name: '冒名区', parentCode: '120000', level: 3 });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('CODE_TAKEN');
    expect((await findDistrict(t.db, '120101'))!.name).toBe('和平区');
    expect(await auditSince(seq)).toEqual([]);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const admin = await t.as('admin');
    const res = await admin.request('POST', '/api/system/districts', { payload: '{"code": "1201', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MALFORMED_JSON');
  });
});

describe('PUT /api/system/districts/:code', () => {
  it('edits a district and audits before and after', async () => {
    const admin = await t.as('admin');
    const seq = await headSeq();
    const res = await admin.put('/api/system/districts/120120', { name: '测试新区（更名）', parentCode: '120000', level: 3, sort: 171, status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ code: '120120', name: '测试新区（更名）', sort: 171, status: 'disabled' });
    expect(await findDistrict(t.db, '120120')).toMatchObject({ name: '测试新区（更名）', sort: 171, status: 'disabled' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.district.update',
      targetType: 'district',
      targetId: '120120',
      before: { name: '测试新区', sort: 170, status: 'active' },
      after: { name: '测试新区（更名）', sort: 171, status: 'disabled' },
    });
    const disabled = json<{ items: District[] }>(await admin.get('/api/system/districts?status=disabled')).items;
    expect(disabled.map((d) => d.code)).toEqual(['120120']);
  });

  it('answers 404 for an unknown code and 400 for a malformed one or a code in the body', async () => {
    const admin = await t.as('admin');
    const body = { name: 'x', parentCode: '120000', level: 3 };
    const seq = await headSeq();
    const missing = await admin.put('/api/system/districts/120199', body);
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('NOT_FOUND');
    const malformed = await admin.put('/api/system/districts/12ab', body);
    expect(malformed.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string }[] } }>(malformed).error.details[0]!.path).toBe('params.code');
    const recode = await admin.put('/api/system/districts/120120', { ...body, code: '120122' });
    expect(recode.statusCode).toBe(400);
    const selfParent = await admin.put('/api/system/districts/120120', { ...body, parentCode: '120120' });
    expect(selfParent.statusCode).toBe(400);
    expect(await findDistrict(t.db, '120122')).toBeNull();
    expect((await findDistrict(t.db, '120120'))!.name).toBe('测试新区（更名）');
    expect(await auditSince(seq)).toEqual([]);
  });

  it('refuses a level at or below a sub-district’s (400) and keeps the tree', async () => {
    const admin = await t.as('admin');
    // 和平区 (county level 3) gets a township; it cannot then become a township itself.
    expect((await admin.post('/api/system/districts', { code: '120101099', name: '级别测试街道', parentCode: '120101', level: 4 })).statusCode).toBe(201);
    const res = await admin.put('/api/system/districts/120101', { name: '和平区', parentCode: '120000', level: 4, sort: 10, status: 'active' });
    expect(res.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string }[] } }>(res).error.details[0]!.path).toBe('level');
    expect((await findDistrict(t.db, '120101'))!.level).toBe(3);
  });
});

describe('DELETE /api/system/districts/:code', () => {
  it('refuses a district still in use (409) and says what uses it', async () => {
    const admin = await t.as('admin');
    const seq = await headSeq();
    const usage = await districtUsage(t.db, '120101');
    expect(usage.departments).toBe(2);
    expect(usage.users).toBeGreaterThan(0);
    const res = await admin.delete('/api/system/districts/120101');
    expect(res.statusCode).toBe(409);
    const err = json<{ error: { code: string; message: string; details: unknown } }>(res).error;
    expect(err.code).toBe('DISTRICT_IN_USE');
    expect(err.details).toEqual(usage);
    expect(err.message).toContain(`部门 ${usage.departments} 个`);
    expect(err.message).toContain(`用户 ${usage.users} 名`);
    const city = await admin.delete('/api/system/districts/120000');
    expect(json<{ error: { details: { children: number } } }>(city).error.details.children).toBe(17);
    expect(await findDistrict(t.db, '120101')).not.toBeNull();
    expect(await auditSince(seq)).toEqual([]);
  });

  it('deletes an unused district and audits what it was', async () => {
    const admin = await t.as('admin');
    const seq = await headSeq();
    const res = await admin.delete('/api/system/districts/120101001');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ ok: true });
    expect(await findDistrict(t.db, '120101001')).toBeNull();
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.district.delete', targetId: '120101001', before: { code: '120101001', name: '劝业场街道' }, after: null });
    const again = await admin.delete('/api/system/districts/120101001');
    expect(again.statusCode).toBe(404);
  });
});

describe('GET /api/system/districts/export', () => {
  it('downloads an .xlsx with the Chinese headers and labelled values', async () => {
    const qo = await t.as('quality-office');
    const res = await qo.get('/api/system/districts/export');
    expectXlsx(res, '行政区划');
    const { title, subtitle, header, rows, sheet } = await readExport(res);
    expect(title).toBe('行政区划');
    expect(subtitle).toMatch(/^筛选条件：全部\u3000\u3000导出时间：/);
    expectPrintable(sheet);
    expect(header).toEqual(DISTRICT_EXPORT.map((c) => c.header));
    expect(rows).toHaveLength((await listDistricts(t.db, {})).length);
    const heping = rows.find((r) => r[0] === '120101')!;
    const users = (await districtUsage(t.db, '120101')).users;
    expect(heping).toEqual(['120101', '和平区', '天津市', '120000', '县级', users, '正常']);
    expect(rows.find((r) => r[0] === '120000')!.slice(2, 5)).toEqual([null, null, '省级']);
  });

  it('applies the list filters', async () => {
    const admin = await t.as('admin');
    const { subtitle, rows } = await readExport(await admin.get(`/api/system/districts/export?keyword=${encodeURIComponent('南开')}&status=active`));
    expect(rows.map((r) => r[0])).toEqual(['120104']);
    // The parent is named even though the filter leaves it out of the list.
    expect(rows[0]![2]).toBe('天津市');
    expect(subtitle).toMatch(/^筛选条件：关键词：南开；状态：正常\u3000\u3000导出时间：/);
  });
});

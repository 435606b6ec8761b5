import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department } from '../../../../contracts/system.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';
import { findDepartment, listDepartments } from './department.repository.js';
import { DEPARTMENT_EXPORT } from './system.excel.js';
import { countUsersInDepartment } from './user.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
const allDepartments = () => listDepartments(t.db, FULL_SCOPE, {});
/** The tree as text: a rejected write must leave every row exactly as it was. */
const snapshot = async () => (await allDepartments()).map((d) => JSON.stringify({ ...d, updatedAt: d.updatedAt.toISOString() }));

async function idOf(name: string): Promise<number> {
  const d = (await allDepartments()).find((x) => x.name === name);
  if (!d) throw new Error(`no department ${name}`);
  return d.id;
}


const HP_BUREAU = '天津市和平区市场监督管理局';
const HP_GOV = '天津市和平区人民政府';
const AMR = '天津市市场监督管理委员会';
const GOV = '天津市人民政府';

describe('GET /api/system/departments', () => {
  it('lists every department for a user who sees everything, in sort order, with user counts', async () => {
    const admin = await t.as('admin');
    const res = await admin.get('/api/system/departments');
    expect(res.statusCode).toBe(200);
    const items = json<{ items: Department[] }>(res).items;
    const db = await allDepartments();
    expect(items.map((d) => d.id)).toEqual(db.map((d) => d.id));
    expect(items.length).toBe(db.length);
    const bureau = items.find((d) => d.name === HP_BUREAU)!;
    const gov = items.find((d) => d.name === HP_GOV)!;
    const root = items.find((d) => d.name === GOV)!;
    expect(root).toMatchObject({ parentId: null, ancestors: '0', kind: 'government', districtCode: '120000' });
    expect(gov).toMatchObject({ parentId: root.id, ancestors: `0,${root.id}` });
    expect(bureau).toEqual({
      id: expect.any(Number),
      parentId: gov.id,
      ancestors: `0,${root.id},${gov.id}`,
      name: HP_BUREAU,
      shortName: '和平区市场监管局',
      aliases: ['和平区市场监督管理局'],
      kind: 'regulator',
      districtCode: '120101',
      leader: null,
      phone: null,
      sort: expect.any(Number),
      status: 'active',
      userCount: await countUsersInDepartment(t.db, bureau.id),
      updatedAt: expect.any(String),
    });
    expect(bureau.userCount).toBe(4);
  });

  it('reports for every department the number of users whose department it is', async () => {
    const admin = await t.as('admin');
    const items = json<{ items: Department[] }>(await admin.get('/api/system/departments')).items;
    const wrong: string[] = [];
    for (const d of items) {
      const actual = await countUsersInDepartment(t.db, d.id);
      if (d.userCount !== actual) wrong.push(`${d.name}: listed ${d.userCount}, actual ${actual}`);
    }
    expect(wrong).toEqual([]);
  });

  it('searches names, short names and former names, and filters by kind', async () => {
    const admin = await t.as('admin');
    const names = async (q: string) => json<{ items: Department[] }>(await admin.get(`/api/system/departments?${q}`)).items.map((d) => d.name);
    expect(await names(`keyword=${encodeURIComponent('市市场监管委')}`)).toEqual([AMR]);
    expect(await names(`keyword=${encodeURIComponent('市场和质量')}`)).toEqual([AMR]);
    expect(await names(`keyword=${encodeURIComponent('市委网信办')}`)).toEqual(['中共天津市委网络安全和信息化委员会办公室']);
    const regulators = json<{ items: Department[] }>(await admin.get('/api/system/departments?kind=regulator')).items;
    expect(regulators).toHaveLength(17);
    expect(regulators.every((d) => d.kind === 'regulator')).toBe(true);
    expect(await names('kind=lab&status=disabled')).toEqual([]);
  });

  it('rejects an unknown kind, unknown parameters and an over-long keyword', async () => {
    const admin = await t.as('admin');
    for (const q of ['kind=ministry', 'parentId=1', `keyword=${'部'.repeat(101)}`]) {
      const res = await admin.get(`/api/system/departments?${q}`);
      expect({ q, status: res.statusCode }).toEqual({ q, status: 400 });
    }
  });
});

describe('POST /api/system/departments', () => {
  it('creates a department under a parent, computes its path and audits it', async () => {
    const admin = await t.as('admin');
    const parent = (await findDepartment(t.db, await idOf(HP_BUREAU)))!;
    const seq = await headSeq();
    const res = await admin.post('/api/system/departments', {
      parentId: parent.id,
      name: '和平区市场监管局综合执法支队',
      shortName: '和平综合执法',
      aliases: ['执法支队', '执法支队', '和平区市场监管局综合执法支队'],
      kind: 'internal',
      districtCode: '120101',
      leader: '刘队长',
      phone: '022-27301234',
      sort: 5,
    });
    expect(res.statusCode).toBe(201);
    const body = json<Department>(res);
    expect(body).toMatchObject({
      parentId: parent.id,
      ancestors: `${parent.ancestors},${parent.id}`,
      name: '和平区市场监管局综合执法支队',
      // Duplicates and the unit's own name are not kept as aliases.
      aliases: ['执法支队'],
      kind: 'internal',
      districtCode: '120101',
      leader: '刘队长',
      phone: '022-27301234',
      sort: 5,
      status: 'active',
      userCount: 0,
    });
    expect(await findDepartment(t.db, body.id)).toMatchObject({ parentId: parent.id, ancestors: body.ancestors, aliases: ['执法支队'], phone: '022-27301234' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dept.create', targetType: 'department', targetId: String(body.id), actorUsername: 'admin', before: null, after: { ...body } });
  });

  it('creates a top-level unit with the root path', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/system/departments', { parentId: null, name: '天津市测试顶级单位', kind: 'other' });
    expect(res.statusCode).toBe(201);
    expect(json<Department>(res)).toMatchObject({ parentId: null, ancestors: '0', aliases: [], districtCode: null, sort: 0 });
  });

  it('rejects bad input with 400 and changes nothing', async () => {
    const admin = await t.as('admin');
    const gov = await idOf(GOV);
    const valid = { parentId: gov, name: '某委员会', kind: 'member' };
    const cases: [string, unknown][] = [
      ['missing parentId', { name: '某委员会', kind: 'member' }],
      ['parentId as text', { ...valid, parentId: String(gov) }],
      ['unknown parent', { ...valid, parentId: 999_999 }],
      ['empty name', { ...valid, name: '' }],
      ['over-long name', { ...valid, name: '委'.repeat(101) }],
      ['over-long short name', { ...valid, shortName: '委'.repeat(51) }],
      ['unknown kind', { ...valid, kind: 'ministry' }],
      ['bad district code', { ...valid, districtCode: '1201' }],
      ['unknown district', { ...valid, districtCode: '120199' }],
      ['bad phone', { ...valid, phone: '12345' }],
      ['too many aliases', { ...valid, aliases: Array.from({ length: 21 }, (_, i) => `别名${i}`) }],
      ['empty alias', { ...valid, aliases: [''] }],
      ['aliases not a list', { ...valid, aliases: '别名' }],
      ['sort too big', { ...valid, sort: 10_000 }],
      ['unknown field', { ...valid, id: 1 }],
    ];
    const before = await snapshot();
    const seq = await headSeq();
    for (const [name, body] of cases) {
      const res = await admin.post('/api/system/departments', body);
      expect({ name, status: res.statusCode, code: errorCode(res) }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('refuses a name already used by a sibling (409 NAME_TAKEN), but allows it elsewhere in the tree', async () => {
    const admin = await t.as('admin');
    const gov = await idOf(GOV);
    const before = await snapshot();
    const seq = await headSeq();
    const res = await admin.post('/api/system/departments', { parentId: gov, name: AMR, kind: 'regulator' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('NAME_TAKEN');
    const root = await admin.post('/api/system/departments', { parentId: null, name: GOV, kind: 'government' });
    expect(root.statusCode).toBe(409);
    expect(errorCode(root)).toBe('NAME_TAKEN');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
    const elsewhere = await admin.post('/api/system/departments', { parentId: await idOf(AMR), name: '天津市测试顶级单位', kind: 'internal' });
    expect(elsewhere.statusCode).toBe(201);
  });
});

describe('PUT /api/system/departments/:id', () => {
  let a: Department;
  let b: Department;
  let c: Department;

  beforeAll(async () => {
    const admin = await t.as('admin');
    const gov = await idOf(GOV);
    a = json<Department>(await admin.post('/api/system/departments', { parentId: gov, name: '移动测试甲', kind: 'member', districtCode: '120000' }));
    b = json<Department>(await admin.post('/api/system/departments', { parentId: a.id, name: '移动测试乙', kind: 'internal' }));
    c = json<Department>(await admin.post('/api/system/departments', { parentId: b.id, name: '移动测试丙', kind: 'internal' }));
  });

  it('edits a department in place and audits before and after', async () => {
    const admin = await t.as('admin');
    const seq = await headSeq();
    const res = await admin.put(`/api/system/departments/${a.id}`, { parentId: a.parentId, name: '移动测试甲（更名）', kind: 'member', districtCode: '120000', leader: '张主任', sort: 3 });
    expect(res.statusCode).toBe(200);
    expect(json<Department>(res)).toMatchObject({ id: a.id, name: '移动测试甲（更名）', leader: '张主任', ancestors: a.ancestors, sort: 3 });
    expect(await findDepartment(t.db, a.id)).toMatchObject({ name: '移动测试甲（更名）', leader: '张主任' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.dept.update',
      targetId: String(a.id),
      before: { name: '移动测试甲', leader: null, sort: 0 },
      after: { name: '移动测试甲（更名）', leader: '张主任', sort: 3 },
    });
  });

  it('moves a subtree: the department and every descendant get the new path, in one audited change', async () => {
    const admin = await t.as('admin');
    const amr = (await findDepartment(t.db, await idOf(AMR)))!;
    const seq = await headSeq();
    const res = await admin.put(`/api/system/departments/${a.id}`, { parentId: amr.id, name: '移动测试甲（更名）', kind: 'member' });
    expect(res.statusCode).toBe(200);
    const newPath = `${amr.ancestors},${amr.id}`;
    expect(json<Department>(res)).toMatchObject({ parentId: amr.id, ancestors: newPath });
    expect((await findDepartment(t.db, a.id))!.ancestors).toBe(newPath);
    expect((await findDepartment(t.db, b.id))!.ancestors).toBe(`${newPath},${a.id}`);
    expect((await findDepartment(t.db, c.id))!.ancestors).toBe(`${newPath},${a.id},${b.id}`);
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dept.move', before: { parentId: a.parentId, ancestors: a.ancestors }, after: { parentId: amr.id, ancestors: newPath } });
    // The user list's department filter follows the new tree.
    const created = await admin.post('/api/system/users', { username: 'tree-user', password: 'Oak-Branch-Ledger-2026', displayName: '树用户', deptId: c.id, roleIds: [json<{ items: { id: number; key: string }[] }>(await admin.get('/api/system/roles')).items.find((r) => r.key === 'lab')!.id] });
    expect(created.statusCode).toBe(201);
    const underAmr = json<{ items: { username: string }[] }>(await admin.get(`/api/system/users?deptId=${amr.id}&pageSize=200`)).items.map((u) => u.username);
    expect(underAmr).toContain('tree-user');
  });

  it('refuses to move a department under itself or its descendants (400 DEPT_CYCLE) and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = await snapshot();
    const seq = await headSeq();
    for (const target of [a.id, b.id, c.id]) {
      const res = await admin.put(`/api/system/departments/${a.id}`, { parentId: target, name: '移动测试甲（更名）', kind: 'member' });
      expect({ target, status: res.statusCode, code: errorCode(res) }).toEqual({ target, status: 400, code: 'DEPT_CYCLE' });
    }
    const inner = await admin.put(`/api/system/departments/${b.id}`, { parentId: c.id, name: '移动测试乙', kind: 'internal' });
    expect(errorCode(inner)).toBe('DEPT_CYCLE');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('refuses a sibling name, an unknown parent and an unknown department, changing nothing', async () => {
    const admin = await t.as('admin');
    const before = await snapshot();
    const seq = await headSeq();
    const clash = await admin.put(`/api/system/departments/${c.id}`, { parentId: a.id, name: '移动测试乙', kind: 'internal' });
    expect(clash.statusCode).toBe(409);
    expect(errorCode(clash)).toBe('NAME_TAKEN');
    const orphan = await admin.put(`/api/system/departments/${c.id}`, { parentId: 999_999, name: '移动测试丙', kind: 'internal' });
    expect(orphan.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string }[] } }>(orphan).error.details[0]!.path).toBe('parentId');
    const missing = await admin.put('/api/system/departments/999999', { parentId: null, name: '不存在', kind: 'other' });
    expect(missing.statusCode).toBe(404);
    const badId = await admin.put('/api/system/departments/abc', { parentId: null, name: '不存在', kind: 'other' });
    expect(badId.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('DELETE /api/system/departments/:id', () => {
  it('refuses a department that still has users (409 DEPT_HAS_USERS) and says how many', async () => {
    const admin = await t.as('admin');
    const id = await idOf(HP_BUREAU);
    const users = await countUsersInDepartment(t.db, id);
    expect(users).toBe(4);
    const before = await snapshot();
    const seq = await headSeq();
    const res = await admin.delete(`/api/system/departments/${id}`);
    expect(res.statusCode).toBe(409);
    const err = json<{ error: { code: string; message: string; details: { users: number } } }>(res).error;
    expect(err.code).toBe('DEPT_HAS_USERS');
    expect(err.details).toEqual({ users: 4 });
    expect(err.message).toContain(`部门「${HP_BUREAU}」下仍有 4 名用户`);
    const en = await admin.request('DELETE', `/api/system/departments/${id}`, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(json<{ error: { message: string } }>(en).error.message).toContain('The department still has 4 user(s)');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('refuses a department with sub-departments (409 DEPT_HAS_CHILDREN) and says how many', async () => {
    const admin = await t.as('admin');
    const id = await idOf(HP_GOV);
    const seq = await headSeq();
    const res = await admin.delete(`/api/system/departments/${id}`);
    expect(res.statusCode).toBe(409);
    const err = json<{ error: { code: string; message: string; details: unknown } }>(res).error;
    expect(err.code).toBe('DEPT_HAS_CHILDREN');
    expect(err.details).toEqual({ children: 1 });
    expect(err.message).toContain('1 个下级部门');
    expect(await findDepartment(t.db, id)).not.toBeNull();
    expect(await auditSince(seq)).toEqual([]);
  });

  it('deletes an empty department and audits what it was', async () => {
    const admin = await t.as('admin');
    const created = json<Department>(await admin.post('/api/system/departments', { parentId: await idOf(GOV), name: '待删除单位', kind: 'other' }));
    const seq = await headSeq();
    const res = await admin.delete(`/api/system/departments/${created.id}`);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ ok: true });
    expect(await findDepartment(t.db, created.id)).toBeNull();
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.dept.delete', targetId: String(created.id), before: { id: created.id, name: '待删除单位' }, after: null });
    expect((await admin.delete(`/api/system/departments/${created.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/system/departments/export', () => {
  it('downloads an .xlsx with headers, parent names and labelled kinds', async () => {
    const qo = await t.as('quality-office');
    const res = await qo.get('/api/system/departments/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^部门-\d{8}\.xlsx$/);
    const { title, header, rows, sheet } = await readExport(res);
    expect(title).toBe('部门');
    expectPrintable(sheet);
    expect(header).toEqual(DEPARTMENT_EXPORT.map((c) => c.header));
    expect(rows).toHaveLength((await allDepartments()).length);
    const bureau = rows.find((r) => r[1] === HP_BUREAU)!;
    // The district by name, not 120101; numbers as numbers.
    expect(bureau).toEqual([await idOf(HP_BUREAU), HP_BUREAU, '和平区市场监管局', '和平区市场监督管理局', HP_GOV, '市场监管部门', '和平区', null, null, 4, bureau[10], '正常']);
    expect(typeof bureau[10]).toBe('number');
    const { subtitle } = await readExport(await qo.get('/api/system/departments/export?kind=regulator&status=active'));
    expect(subtitle).toMatch(/^筛选条件：部门类型：市场监管部门；状态：正常\u3000\u3000导出时间：/);
  });
});

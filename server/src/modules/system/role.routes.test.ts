import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import { ALL_PERMISSIONS, PERMISSION_GROUPS } from '../../../../contracts/permissions.js';
import type { Role } from '../../../../contracts/system.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { findDepartmentsByName } from './department.repository.js';
import { countRoleUsers, findRole, findRoleByKey, listRoles, roleGrants } from './role.repository.js';
import { ROLE_EXPORT } from './system.excel.js';
import { findUserByUsername } from './user.repository.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
const roleOf = async (key: string) => json<Role>(await admin.get(`/api/system/roles/${(await findRoleByKey(t.db, key))!.id}`));
/** Every role and its grants, as text: a rejected write must leave all of it as it was. */
async function snapshot(): Promise<string[]> {
  const { rows } = await listRoles(t.db, {}, { offset: 0, limit: 1000 });
  const grants = await roleGrants(t.db, rows.map((r) => r.r.id));
  return rows.map((r) => JSON.stringify({ ...r, grants: grants.get(r.r.id) }));
}
function editBody(r: Role, patch: Partial<Role> = {}) {
  const x = { ...r, ...patch };
  return { name: x.name, dataScope: x.dataScope, customDeptIds: x.customDeptIds, permissions: x.permissions, sort: x.sort, status: x.status, remark: x.remark };
}

describe('GET /api/system/permissions', () => {
  it('returns the whole permission catalogue, grouped', async () => {
    const res = await admin.get('/api/system/permissions');
    expect(res.statusCode).toBe(200);
    const groups = json<{ groups: { key: string; zh: string; permissions: { key: string; zh: string; en: string }[] }[] }>(res).groups;
    expect(groups.map((g) => g.key)).toEqual(PERMISSION_GROUPS.map((g) => g.key));
    const keys = groups.flatMap((g) => g.permissions.map((p) => p.key));
    expect(keys).toEqual([...ALL_PERMISSIONS]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const g of groups) for (const p of g.permissions) expect(p.key.startsWith(`${g.key}:`)).toBe(true);
  });
});

describe('GET /api/system/roles', () => {
  it('lists the built-in roles in order with their grants and user counts', async () => {
    const res = await admin.get('/api/system/roles');
    expect(res.statusCode).toBe(200);
    const page = json<Page<Role>>(res);
    expect(page.total).toBe(7);
    expect(page.items.map((r) => r.key)).toEqual(['admin', 'quality_office', 'dept_user', 'district_user', 'inspector', 'lab', 'enterprise']);
    for (const r of page.items) {
      expect(r.builtin).toBe(true);
      expect(r.userCount).toBe(await countRoleUsers(t.db, r.id));
      expect([...r.permissions].sort()).toEqual((await roleGrants(t.db, [r.id])).get(r.id)!.permissions.sort());
    }
    const adminRole = page.items[0]!;
    expect(adminRole).toMatchObject({ name: '系统管理员', dataScope: 'all', status: 'active', customDeptIds: [] });
    expect([...adminRole.permissions].sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(page.items.find((r) => r.key === 'district_user')).toMatchObject({ dataScope: 'district', userCount: 17 });
    expect([...page.items.find((r) => r.key === 'enterprise')!.permissions].sort()).toEqual([
      'credit:evaluation:list',
      'credit:repair:apply',
      'credit:repair:list',
      'credit:report:export',
      'entities:entity:list',
      'entities:record:declare',
      'entities:record:list',
    ]);
  });

  it('searches by name or key, filters by status and pages', async () => {
    const keys = async (q: string) => json<Page<Role>>(await admin.get(`/api/system/roles?${q}`)).items.map((r) => r.key);
    expect(await keys(`keyword=${encodeURIComponent('执法')}`)).toEqual(['inspector']);
    expect(await keys('keyword=DISTRICT')).toEqual(['district_user']);
    expect(await keys('status=disabled')).toEqual([]);
    const second = json<Page<Role>>(await admin.get('/api/system/roles?page=2&pageSize=3'));
    expect(second).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(second.items.map((r) => r.key)).toEqual(['district_user', 'inspector', 'lab']);
    for (const q of ['status=x', 'pageSize=500', 'dataScope=all']) expect((await admin.get(`/api/system/roles?${q}`)).statusCode).toBe(400);
  });

  it('shows one role, and 404 for an unknown one', async () => {
    const lab = await findRoleByKey(t.db, 'lab');
    const res = await admin.get(`/api/system/roles/${lab!.id}`);
    expect(json<Role>(res)).toMatchObject({ id: lab!.id, key: 'lab', name: '检验机构', dataScope: 'dept', permissions: ['system:calendar:list'], userCount: 1 });
    expect((await admin.get('/api/system/roles/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/system/roles/lab')).statusCode).toBe(400);
  });
});

describe('POST /api/system/roles', () => {
  it('creates a role with its permissions and audits it', async () => {
    const seq = await headSeq();
    const res = await admin.post('/api/system/roles', {
      key: 'city_auditor',
      name: '市级审计员',
      dataScope: 'all',
      permissions: ['monitor:audit:list', 'monitor:audit:verify', 'monitor:audit:list'],
      sort: 80,
      remark: '只读审计',
    });
    expect(res.statusCode).toBe(201);
    const role = json<Role>(res);
    expect(role).toMatchObject({ key: 'city_auditor', name: '市级审计员', dataScope: 'all', customDeptIds: [], permissions: ['monitor:audit:list', 'monitor:audit:verify'], sort: 80, status: 'active', builtin: false, remark: '只读审计', userCount: 0 });
    expect(await findRole(t.db, role.id)).toMatchObject({ key: 'city_auditor', builtin: false, dataScope: 'all' });
    expect((await roleGrants(t.db, [role.id])).get(role.id)).toEqual({ permissions: ['monitor:audit:list', 'monitor:audit:verify'], deptIds: [] });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.role.create', targetType: 'role', targetId: String(role.id), before: null, after: { key: 'city_auditor', dataScope: 'all' } });
  });

  it('keeps custom departments only for the custom scope', async () => {
    const dept = (await findDepartmentsByName(t.db, '天津市和平区市场监督管理局'))[0]!.id;
    const custom = json<Role>(await admin.post('/api/system/roles', { key: 'hp_custom', name: '和平自定义', dataScope: 'custom', customDeptIds: [dept, dept], permissions: [] }));
    expect(custom.customDeptIds).toEqual([dept]);
    expect((await roleGrants(t.db, [custom.id])).get(custom.id)!.deptIds).toEqual([dept]);
    const own = json<Role>(await admin.post('/api/system/roles', { key: 'own_dept', name: '本部门', dataScope: 'dept', customDeptIds: [dept], permissions: [] }));
    expect(own.customDeptIds).toEqual([]);
    expect((await roleGrants(t.db, [own.id])).get(own.id)!.deptIds).toEqual([]);
  });

  it('rejects bad input with 400 and changes nothing', async () => {
    const valid = { key: 'new_role', name: '新角色', dataScope: 'self', permissions: [] };
    const cases: [string, unknown, string][] = [
      ['key with a hyphen', { ...valid, key: 'new-role' }, 'key'],
      ['key starting with a digit', { ...valid, key: '1role' }, 'key'],
      ['upper-case key', { ...valid, key: 'NewRole' }, 'key'],
      ['one-letter key', { ...valid, key: 'r' }, 'key'],
      ['41-letter key', { ...valid, key: `r${'x'.repeat(40)}` }, 'key'],
      ['empty name', { ...valid, name: '' }, 'name'],
      ['over-long name', { ...valid, name: '角'.repeat(51) }, 'name'],
      ['unknown data scope', { ...valid, dataScope: 'everything' }, 'dataScope'],
      ['permissions missing', { key: 'new_role', name: '新角色', dataScope: 'self' }, 'permissions'],
      ['permissions not a list', { ...valid, permissions: 'system:user:list' }, 'permissions'],
      ['unknown permission', { ...valid, permissions: ['system:user:list', 'system:user:drop'] }, 'permissions'],
      ['wildcard permission', { ...valid, permissions: ['*'] }, 'permissions'],
      ['unknown custom department', { ...valid, dataScope: 'custom', customDeptIds: [999_999] }, 'customDeptIds'],
      ['over-long remark', { ...valid, remark: 'x'.repeat(501) }, 'remark'],
      ['builtin flag', { ...valid, builtin: true }, ''],
    ];
    const before = await snapshot();
    const seq = await headSeq();
    for (const [name, body, path] of cases) {
      const res = await admin.post('/api/system/roles', body);
      expect({ name, status: res.statusCode, code: errorCode(res) }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
      expect(json<{ error: { details: { path: string }[] } }>(res).error.details.map((d) => d.path)).toContain(path);
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('refuses a taken key (409 CODE_TAKEN) or name (409 NAME_TAKEN)', async () => {
    const before = await snapshot();
    const key = await admin.post('/api/system/roles', { key: 'admin', name: '另一个管理员', dataScope: 'all', permissions: [] });
    expect(key.statusCode).toBe(409);
    expect(errorCode(key)).toBe('CODE_TAKEN');
    const name = await admin.post('/api/system/roles', { key: 'admin_two', name: '系统管理员', dataScope: 'all', permissions: [] });
    expect(name.statusCode).toBe(409);
    expect(errorCode(name)).toBe('NAME_TAKEN');
    expect(await snapshot()).toEqual(before);
  });
});

describe('PUT /api/system/roles/:id', () => {
  it('changes grants, audits before and after, and takes effect on the next request', async () => {
    const lab = await t.as('lab');
    expect((await lab.get('/api/system/users')).statusCode).toBe(403);
    const role = await roleOf('lab');
    const seq = await headSeq();
    const res = await admin.put(`/api/system/roles/${role.id}`, editBody(role, { permissions: [...role.permissions, 'system:user:list'], remark: '可查看用户' }));
    expect(res.statusCode).toBe(200);
    expect(json<Role>(res)).toMatchObject({ permissions: ['system:calendar:list', 'system:user:list'], remark: '可查看用户', userCount: 1 });
    expect((await roleGrants(t.db, [role.id])).get(role.id)!.permissions).toEqual(['system:calendar:list', 'system:user:list']);
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.role.update',
      targetId: String(role.id),
      before: { permissions: ['system:calendar:list'], remark: role.remark },
      after: { permissions: ['system:calendar:list', 'system:user:list'], remark: '可查看用户' },
    });
    expect((await lab.get('/api/system/users')).statusCode).toBe(200);
  });

  it('takes every permission of a disabled role away from its users', async () => {
    const lab = await t.as('lab');
    const role = await roleOf('lab');
    expect((await admin.put(`/api/system/roles/${role.id}`, editBody(role, { status: 'disabled' }))).statusCode).toBe(200);
    expect((await lab.get('/api/system/calendar/years')).statusCode).toBe(403);
    expect(json<{ permissions: string[] }>(await lab.get('/api/auth/me')).permissions).toEqual([]);
    expect((await admin.put(`/api/system/roles/${role.id}`, editBody(role, { status: 'active' }))).statusCode).toBe(200);
    expect((await lab.get('/api/system/calendar/years')).statusCode).toBe(200);
  });

  it('keeps the administrator role whole (409 ROLE_ADMIN_LOCKED) but lets it be renamed', async () => {
    const role = await roleOf('admin');
    const before = await snapshot();
    const seq = await headSeq();
    for (const patch of [{ permissions: role.permissions.filter((p) => p !== 'monitor:audit:verify') }, { dataScope: 'dept' as const }, { status: 'disabled' as const }]) {
      const res = await admin.put(`/api/system/roles/${role.id}`, editBody(role, patch));
      expect({ patch, status: res.statusCode, code: errorCode(res) }).toEqual({ patch, status: 409, code: 'ROLE_ADMIN_LOCKED' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
    const renamed = await admin.put(`/api/system/roles/${role.id}`, editBody(role, { name: '超级管理员' }));
    expect(renamed.statusCode).toBe(200);
    expect((await findRole(t.db, role.id))!.name).toBe('超级管理员');
    expect((await admin.get('/api/system/users')).statusCode).toBe(200);
  });

  it('refuses a name taken by another role, unknown permissions and unknown roles', async () => {
    const role = await roleOf('inspector');
    const before = await snapshot();
    const taken = await admin.put(`/api/system/roles/${role.id}`, editBody(role, { name: '检验机构' }));
    expect(errorCode(taken)).toBe('NAME_TAKEN');
    const unknown = await admin.put(`/api/system/roles/${role.id}`, editBody(role, { permissions: ['system:user:purge'] }));
    expect(unknown.statusCode).toBe(400);
    const rekey = await admin.put(`/api/system/roles/${role.id}`, { ...editBody(role), key: 'inspector2' });
    expect(rekey.statusCode).toBe(400);
    expect((await admin.put('/api/system/roles/999999', editBody(role))).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    const same = await admin.put(`/api/system/roles/${role.id}`, editBody(role));
    expect(same.statusCode).toBe(200);
  });

  it('does not let a role editor grant permissions it does not hold (403 FORBIDDEN)', async () => {
    // An administrator delegates role editing to the lab user through a custom role.
    const editor = json<Role>(await admin.post('/api/system/roles', { key: 'role_editor', name: '角色编辑', dataScope: 'self', permissions: ['system:role:list', 'system:role:update'] }));
    const labUser = (await findUserByUsername(t.db, 'lab'))!;
    const labRole = await roleOf('lab');
    expect((await admin.put(`/api/system/users/${labUser.id}`, { displayName: labUser.displayName, deptId: labUser.deptId, districtCode: labUser.districtCode, roleIds: [labRole.id, editor.id] })).statusCode).toBe(200);
    const lab = await t.as('lab');
    expect(json<{ permissions: string[] }>(await lab.get('/api/auth/me')).permissions).toEqual(['system:calendar:list', 'system:role:list', 'system:role:update', 'system:user:list']);
    // A role nobody holds yet, with nothing the editor lacks (a held role is judged on its holders too).
    const target = json<Role>(await admin.post('/api/system/roles', { key: 'spot_checker', name: '抽查辅助', dataScope: 'self', permissions: ['system:calendar:list'] }));
    const before = await snapshot();
    const seq = await headSeq();
    const res = await lab.put(`/api/system/roles/${target.id}`, editBody(target, { permissions: ['system:calendar:list', 'system:user:delete', 'monitor:audit:list'] }));
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(json<{ error: { details: { permissions: string[] } } }>(res).error.details.permissions).toEqual(['system:user:delete', 'monitor:audit:list']);
    const create = await lab.post('/api/system/roles', { key: 'sneaky', name: '越权角色', dataScope: 'self', permissions: ['system:user:create'] });
    expect(create.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
    const allowed = await lab.put(`/api/system/roles/${target.id}`, editBody(target, { permissions: ['system:calendar:list'] }));
    expect(allowed.statusCode).toBe(200);
    expect((await roleGrants(t.db, [target.id])).get(target.id)!.permissions).toEqual(['system:calendar:list']);
  });

  it('lets a role editor change a role that already holds permissions the editor lacks, as long as it adds none of them', async () => {
    // Keeping a permission a role already has is not granting it (the user form applies the same rule
    // to roles a user already holds). This role holds system:district:list and system:dept:list,
    // which the delegated editor (lab + role_editor) lacks.
    const lab = await t.as('lab');
    const target = json<Role>(await admin.post('/api/system/roles', { key: 'directory_reader', name: '名录查阅', dataScope: 'self', permissions: ['system:district:list', 'system:dept:list'] }));
    const rename = await lab.put(`/api/system/roles/${target.id}`, editBody(target, { remark: '名录查阅（已复核）' }));
    expect(rename.statusCode).toBe(200);
    const add = await lab.put(`/api/system/roles/${target.id}`, editBody(target, { permissions: [...target.permissions, 'system:role:list', 'system:user:delete'] }));
    expect(add.statusCode).toBe(403);
    expect(json<{ error: { details: { permissions: string[] } } }>(add).error.details.permissions).toEqual(['system:user:delete']);
  });
});

describe('data scope and delegated role editing', () => {
  it('does not let a role editor widen the data scope of a role it holds (to see everything)', async () => {
    // The lab user holds lab (own department) and role_editor (self) and may list users: it sees
    // only its own department. Setting role_editor's scope to "all" would show it every user.
    const lab = await t.as('lab');
    const seen = json<Page<{ username: string }>>(await lab.get('/api/system/users?pageSize=200')).items.map((u) => u.username);
    expect(seen).toEqual(['lab']);
    const editor = await roleOf('role_editor');
    const before = await snapshot();
    const widen = await lab.put(`/api/system/roles/${editor.id}`, editBody(editor, { dataScope: 'all' }));
    expect(widen.statusCode).toBe(403);
    expect(errorCode(widen)).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    expect(json<Page<unknown>>(await lab.get('/api/system/users?pageSize=200')).total).toBe(1);
  });
});

describe('a role is judged on the accounts holding it', () => {
  it('does not let an editor with a department scope widen its own role to 本区划 (the whole city, through its account)', async () => {
    // The lab user's department (a city unit) is in district 120000: 本区划 on its account would be
    // the whole city, though nothing about the role names a place.
    const lab = await t.as('lab');
    const editor = await roleOf('role_editor');
    const before = await snapshot();
    const seq = await headSeq();
    for (const dataScope of ['district', 'all'] as const) {
      const widen = await lab.put(`/api/system/roles/${editor.id}`, editBody(editor, { dataScope }));
      expect(widen.statusCode, dataScope).toBe(403);
      expect(errorCode(widen)).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
    expect(json<Page<unknown>>(await lab.get('/api/system/users?pageSize=200')).total).toBe(1);
    // Narrowing, or staying inside, is the editor's to do.
    expect((await lab.put(`/api/system/roles/${editor.id}`, editBody(editor, { dataScope: 'dept' }))).statusCode).toBe(200);
    expect((await lab.put(`/api/system/roles/${editor.id}`, editBody(editor, { dataScope: 'self' }))).statusCode).toBe(200);
  });

  it('does not let an editor change, disable or strip a role held by accounts outside its scope (the inspectors of every district)', async () => {
    const lab = await t.as('lab');
    const inspector = await roleOf('inspector');
    expect(await countRoleUsers(t.db, inspector.id)).toBeGreaterThan(1);
    const before = await snapshot();
    const seq = await headSeq();
    for (const patch of [{ dataScope: 'district' as const }, { permissions: [] }, { status: 'disabled' as const }, { remark: '改个备注' }]) {
      const res = await lab.put(`/api/system/roles/${inspector.id}`, editBody(inspector, patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(403);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
    // The administrator (全部) still may.
    expect((await admin.put(`/api/system/roles/${inspector.id}`, editBody(inspector, { remark: '执法检查人员（已复核）' }))).statusCode).toBe(200);
  });
});

describe('DELETE /api/system/roles/:id', () => {
  it('refuses built-in roles (409 ROLE_BUILTIN) and roles still held (409 ROLE_IN_USE, saying how many)', async () => {
    const before = await snapshot();
    const seq = await headSeq();
    const builtin = await admin.delete(`/api/system/roles/${(await findRoleByKey(t.db, 'enterprise'))!.id}`);
    expect(builtin.statusCode).toBe(409);
    expect(errorCode(builtin)).toBe('ROLE_BUILTIN');
    const editor = (await findRoleByKey(t.db, 'role_editor'))!;
    const inUse = await admin.delete(`/api/system/roles/${editor.id}`);
    expect(inUse.statusCode).toBe(409);
    const err = json<{ error: { code: string; message: string; details: { users: number } } }>(inUse).error;
    expect(err).toMatchObject({ code: 'ROLE_IN_USE', details: { users: 1 } });
    expect(err.message).toBe('角色「角色编辑」仍有 1 名用户');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('deletes an unused custom role with its grants, and audits what it was', async () => {
    const role = (await findRoleByKey(t.db, 'city_auditor'))!;
    const seq = await headSeq();
    const res = await admin.delete(`/api/system/roles/${role.id}`);
    expect(res.statusCode).toBe(200);
    expect(await findRole(t.db, role.id)).toBeNull();
    expect((await roleGrants(t.db, [role.id])).get(role.id)).toEqual({ permissions: [], deptIds: [] });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.role.delete', targetId: String(role.id), before: { key: 'city_auditor', permissions: ['monitor:audit:list', 'monitor:audit:verify'] }, after: null });
    expect((await admin.delete(`/api/system/roles/${role.id}`)).statusCode).toBe(404);
  });
});

describe('GET /api/system/roles/export', () => {
  it('downloads the roles as .xlsx with labelled scope and built-in flag', async () => {
    const res = await admin.get('/api/system/roles/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^角色-\d{8}\.xlsx$/);
    const { header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(header).toEqual(ROLE_EXPORT.map((c) => c.header));
    expect(rows).toHaveLength(json<Page<Role>>(await admin.get('/api/system/roles')).total);
    const adminRow = rows.find((r) => r[2] === 'admin')!;
    expect(adminRow[3]).toBe('全部数据');
    expect(adminRow[4]).toBe(ALL_PERMISSIONS.length);
    expect(adminRow[7]).toBe('是');
    // Permissions in the role editor's words, not module:resource:action strings.
    const perms = String(adminRow[5]).split('、');
    expect(perms).toContain('导出用户');
    expect(perms.some((p) => /^[a-z-]+:[a-z-]+:[a-z-]+$/.test(p))).toBe(false);
  });
});

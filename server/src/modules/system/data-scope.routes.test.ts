/**
 * Data scope (数据权限) through the HTTP API on the demo city: what each role sees and may touch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { Department, Role, User } from '../../../../contracts/system.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { readExport } from '../../test/xlsx.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { findDepartmentsByName, listDepartments } from './department.repository.js';
import { DEMO_ENTERPRISE } from './seed/tianjin.data.js';
import { findUserById, findUserByUsername, listUsers, rolesOfUsers } from './user.repository.js';

let t: TestApp;
let admin: Agent;
const roles = new Map<string, Role>();

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  for (const r of json<Page<Role>>(await admin.get('/api/system/roles')).items) roles.set(r.key, r);
});
afterAll(async () => {
  await t.close();
});

const roleId = (key: string) => roles.get(key)!.id;
const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
const deptId = async (name: string) => (await findDepartmentsByName(t.db, name))[0]!.id;
const userId = async (username: string) => (await findUserByUsername(t.db, username))!.id;
const allUsers = async () => (await listUsers(t.db, FULL_SCOPE, {}, { offset: 0, limit: 10_000 })).rows.map((r) => r.user);
async function snapshot(): Promise<string[]> {
  const rows = await allUsers();
  const r = await rolesOfUsers(t.db, rows.map((u) => u.id));
  return rows.map((u) => JSON.stringify({ ...u, roles: r.get(u.id) }));
}
const listAll = async (agent: Agent, q = '') => json<Page<User>>(await agent.get(`/api/system/users?pageSize=200${q}`));

/** As an administrator, add permissions to a built-in role (the roles' permissions are editable). */
async function grant(key: string, extra: string[]): Promise<void> {
  const r = roles.get(key)!;
  const res = await admin.put(`/api/system/roles/${r.id}`, { name: r.name, dataScope: r.dataScope, customDeptIds: r.customDeptIds, permissions: [...r.permissions, ...extra], sort: r.sort, status: r.status, remark: r.remark });
  expect(res.statusCode).toBe(200);
  roles.set(key, json<Role>(res));
}

const HP_BUREAU = '天津市和平区市场监督管理局';
const NK_BUREAU = '天津市南开区市场监督管理局';
const NEW_PASSWORD = 'Scope-Test-2026';

describe('district scope (district-user, 和平区 120101)', () => {
  it('lists only users of its district — every row', async () => {
    const district = await t.as('district-user');
    const page = await listAll(district);
    const expected = (await allUsers()).filter((u) => u.districtCode?.startsWith('120101')).map((u) => u.id).sort((a, b) => a - b);
    expect(page.total).toBe(expected.length);
    expect(page.items.map((u) => u.id)).toEqual(expected);
    expect(page.items.length).toBeGreaterThanOrEqual(4);
    for (const u of page.items) expect(u.districtCode).toBe('120101');
  });

  it('cannot see a user of another district, in the list or by id, and cannot touch them', async () => {
    const district = await t.as('district-user');
    const inspector = await userId('inspector');
    expect((await listAll(district, '&keyword=inspector')).total).toBe(0);
    expect((await listAll(district, '&districtCode=120104')).total).toBe(0);
    const before = await snapshot();
    const seq = await headSeq();
    const get = await district.get(`/api/system/users/${inspector}`);
    expect(get.statusCode).toBe(404);
    expect(errorCode(get)).toBe('NOT_FOUND');
    const body = { displayName: '改名', deptId: await deptId(HP_BUREAU), roleIds: [roleId('inspector')] };
    expect((await district.put(`/api/system/users/${inspector}`, body)).statusCode).toBe(404);
    expect((await district.put(`/api/system/users/${inspector}/status`, { status: 'disabled' })).statusCode).toBe(404);
    expect((await district.put(`/api/system/users/${inspector}/password`, { password: NEW_PASSWORD })).statusCode).toBe(404);
    expect((await district.put(`/api/system/users/${inspector}/unlock`)).statusCode).toBe(404);
    expect((await district.get(`/api/system/users/${await userId('admin')}`)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('exports only users of its district', async () => {
    const district = await t.as('district-user');
    const res = await district.get('/api/system/users/export');
    expect(res.statusCode).toBe(200);
    const codes = (await readExport(res)).rows.map((r) => String(r[5]));
    expect(codes.length).toBe((await listAll(district)).total);
    expect(new Set(codes)).toEqual(new Set(['120101']));
  });

  it('sees only the departments of its district', async () => {
    const district = await t.as('district-user');
    const items = json<{ items: Department[] }>(await district.get('/api/system/departments')).items;
    expect(items.map((d) => d.name).sort()).toEqual([HP_BUREAU, '天津市和平区人民政府'].sort());
    for (const d of items) expect(d.districtCode).toBe('120101');
  });

  it('creates a user in its own district, audited under its own name', async () => {
    const district = await t.as('district-user');
    const seq = await headSeq();
    const res = await district.post('/api/system/users', { username: 'hp-staff', password: 'Initial-Pass-2026', displayName: '和平新人', deptId: await deptId(HP_BUREAU), roleIds: [roleId('inspector')] });
    expect(res.statusCode).toBe(201);
    expect(json<User>(res)).toMatchObject({ districtCode: '120101', deptName: HP_BUREAU });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.user.create', actorUsername: 'district-user', actorRoles: ['district_user'], actorDeptName: HP_BUREAU, actorId: await userId('district-user') });
  });

  it('cannot create a user outside its district (403 OUT_OF_SCOPE), whichever way the place is given', async () => {
    const district = await t.as('district-user');
    const base = { username: 'nk-staff', password: 'Initial-Pass-2026', displayName: '南开新人', roleIds: [roleId('inspector')] };
    const before = await snapshot();
    const seq = await headSeq();
    for (const body of [
      { ...base, deptId: null, districtCode: '120104' },
      { ...base, deptId: await deptId(NK_BUREAU) },
      { ...base, deptId: await deptId(HP_BUREAU), districtCode: '120104' },
      { ...base, deptId: null },
      { ...base, deptId: null, districtCode: '120000' },
    ]) {
      const res = await district.post('/api/system/users', body);
      expect({ body, status: res.statusCode, code: errorCode(res) }).toEqual({ body, status: 403, code: 'OUT_OF_SCOPE' });
    }
    expect(await findUserByUsername(t.db, 'nk-staff')).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('cannot grant a role carrying permissions it lacks (403 FORBIDDEN)', async () => {
    const district = await t.as('district-user');
    const base = { username: 'hp-boss', password: 'Initial-Pass-2026', displayName: '和平领导', deptId: await deptId(HP_BUREAU) };
    const before = await snapshot();
    const seq = await headSeq();
    for (const key of ['admin', 'quality_office']) {
      const res = await district.post('/api/system/users', { ...base, roleIds: [roleId('inspector'), roleId(key)] });
      expect({ key, status: res.statusCode, code: errorCode(res) }).toEqual({ key, status: 403, code: 'FORBIDDEN' });
      const denied = json<{ error: { details: { permissions: string[] } } }>(res).error.details.permissions;
      expect(denied.length).toBeGreaterThan(0);
      const mine = new Set(roles.get('district_user')!.permissions);
      expect(denied.every((p) => !mine.has(p))).toBe(true);
    }
    const staff = await userId('tj120101-02');
    const upgrade = await district.put(`/api/system/users/${staff}`, { displayName: '升级', deptId: await deptId(HP_BUREAU), roleIds: [roleId('inspector'), roleId('admin')] });
    expect(upgrade.statusCode).toBe(403);
    expect(errorCode(upgrade)).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('cannot move a user of its district into another district (403 OUT_OF_SCOPE)', async () => {
    const district = await t.as('district-user');
    const staff = await userId('tj120101-03');
    const before = await snapshot();
    const res = await district.put(`/api/system/users/${staff}`, { displayName: '调走', deptId: await deptId(NK_BUREAU), roleIds: [roleId('inspector')] });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('OUT_OF_SCOPE');
    expect(await snapshot()).toEqual(before);
  });

  it('cannot edit a user of its district who holds a role beyond its own permissions or scope', async () => {
    // 质量办 sees everything: a district user must not manage such an account (nor take it over).
    const staff = await userId('tj120101-02');
    const dept = await deptId(HP_BUREAU);
    expect((await admin.put(`/api/system/users/${staff}`, { displayName: '双角色', deptId: dept, roleIds: [roleId('inspector'), roleId('quality_office')] })).statusCode).toBe(200);
    const district = await t.as('district-user');
    const res = await district.put(`/api/system/users/${staff}`, { displayName: '双角色（改）', deptId: dept, roleIds: [roleId('inspector'), roleId('quality_office')] });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await findUserById(t.db, staff))!.displayName).toBe('双角色');
    expect((await district.put(`/api/system/users/${staff}/status`, { status: 'disabled' })).statusCode).toBe(403);
    expect((await district.put(`/api/system/users/${staff}/unlock`)).statusCode).toBe(403);
    expect((await findUserById(t.db, staff))!.status).toBe('active');
  });

  it('resets the password of a user of its district', async () => {
    const district = await t.as('district-user');
    const staff = await userId('tj120101-03');
    const res = await district.put(`/api/system/users/${staff}/password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(await verifyPassword((await findUserById(t.db, staff))!.passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it('cannot take over a more privileged account of its district by resetting its password', async () => {
    // An administrator account placed in 和平区 lies inside the district user's data scope; resetting
    // its password would hand the district user every administrator permission.
    const created = await admin.post('/api/system/users', { username: 'hp-admin', password: 'Initial-Pass-2026', displayName: '和平管理员', deptId: await deptId(HP_BUREAU), roleIds: [roleId('admin')] });
    expect(created.statusCode).toBe(201);
    const id = json<User>(created).id;
    const hash = (await findUserById(t.db, id))!.passwordHash;
    const district = await t.as('district-user');
    const res = await district.put(`/api/system/users/${id}/password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect((await findUserById(t.db, id))!.passwordHash).toBe(hash);
  });
});

describe('granting data scope (district-user)', () => {
  it('cannot give a user a role that sees more than the district user does (a city-wide scope)', async () => {
    // The role grants only a permission the district user holds, but over the whole city.
    const reader = await admin.post('/api/system/roles', { key: 'city_reader', name: '全市部门查看', dataScope: 'all', permissions: ['system:dept:list'] });
    expect(reader.statusCode).toBe(201);
    const readerId = json<Role>(reader).id;
    const district = await t.as('district-user');
    const options = json<{ items: { key: string }[] }>(await district.get('/api/system/users/role-options')).items.map((r) => r.key);
    expect(options).not.toContain('city_reader');
    const before = await snapshot();
    // Created with a password the district user chose, such an account would let it read the whole city.
    const res = await district.post('/api/system/users', { username: 'hp-reader', password: 'Initial-Pass-2026', displayName: '全市查看员', deptId: await deptId(HP_BUREAU), roleIds: [readerId] });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('cannot create a department in another district under one of its own (403 OUT_OF_SCOPE)', async () => {
    await grant('district_user', ['system:dept:create']);
    const district = await t.as('district-user');
    const before = (await listDepartments(t.db, FULL_SCOPE, {})).length;
    const res = await district.post('/api/system/departments', { parentId: await deptId(HP_BUREAU), name: '跨区科室', kind: 'internal', districtCode: '120104' });
    // Created, it would be invisible to its creator and appear in 南开区's scope under 和平区's tree.
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('OUT_OF_SCOPE');
    expect((await listDepartments(t.db, FULL_SCOPE, {})).length).toBe(before);
    const own = await district.post('/api/system/departments', { parentId: await deptId(HP_BUREAU), name: '和平综合科', kind: 'internal', districtCode: '120101' });
    expect(own.statusCode).toBe(201);
    expect(json<{ items: Department[] }>(await district.get('/api/system/departments')).items.map((d) => d.name)).toContain('和平综合科');
  });
});

describe('department scope (inspector, 南开区市场监督管理局)', () => {
  it('sees only its own department', async () => {
    const inspector = await t.as('inspector');
    const items = json<{ items: Department[] }>(await inspector.get('/api/system/departments')).items;
    expect(items.map((d) => d.name)).toEqual([NK_BUREAU]);
  });

  it('lists only users of its department once it may list users', async () => {
    await grant('inspector', ['system:user:list']);
    const inspector = await t.as('inspector');
    const nk = await deptId(NK_BUREAU);
    const page = await listAll(inspector);
    const expected = (await allUsers()).filter((u) => u.deptId === nk).map((u) => u.username).sort();
    expect(page.items.map((u) => u.username).sort()).toEqual(expected);
    expect(expected).toEqual(['inspector', 'tj120104-01', 'tj120104-02', 'tj120104-03']);
    for (const u of page.items) expect(u.deptId).toBe(nk);
    expect((await inspector.get(`/api/system/users/${await userId('district-user')}`)).statusCode).toBe(404);
  });
});

describe('department-and-below scope (dept-user, 市工业和信息化局)', () => {
  it('sees its department and a sub-department created later, with their users', async () => {
    const miit = await deptId('天津市工业和信息化局');
    const sub = json<Department>(await admin.post('/api/system/departments', { parentId: miit, name: '天津市中小企业服务中心', kind: 'internal', districtCode: '120000' }));
    const subUser = await admin.post('/api/system/users', { username: 'miit-sub', password: 'Initial-Pass-2026', displayName: '中心职员', deptId: sub.id, roleIds: [roleId('dept_user')] });
    expect(subUser.statusCode).toBe(201);
    await grant('dept_user', ['system:user:list']);
    const dept = await t.as('dept-user');
    const depts = json<{ items: Department[] }>(await dept.get('/api/system/departments')).items;
    expect(depts.map((d) => d.id).sort((a, b) => a - b)).toEqual([miit, sub.id].sort((a, b) => a - b));
    const users = await listAll(dept);
    expect(users.items.map((u) => u.username).sort()).toEqual(['dept-user', 'miit-sub', 'tj-miit-01']);
    for (const u of users.items) expect([miit, sub.id]).toContain(u.deptId);
  });
});

describe('enterprise scope (enterprise)', () => {
  it('sees only users acting for its own enterprise', async () => {
    const own = DEMO_ENTERPRISE.usccBody + usccCheckCharacter(DEMO_ENTERPRISE.usccBody);
    const otherBody = '91120116MA05JQ7W9';
    const other = otherBody + usccCheckCharacter(otherBody);
    const base = { password: 'Initial-Pass-2026', deptId: null, districtCode: '120116', roleIds: [roleId('enterprise')] };
    expect((await admin.post('/api/system/users', { ...base, username: 'ent-colleague', displayName: '同事', enterpriseUscc: own })).statusCode).toBe(201);
    const stranger = await admin.post('/api/system/users', { ...base, username: 'ent-stranger', displayName: '外人', enterpriseUscc: other });
    expect(stranger.statusCode).toBe(201);
    await grant('enterprise', ['system:user:list']);
    const enterprise = await t.as('enterprise');
    const page = await listAll(enterprise);
    expect(page.items.map((u) => u.username).sort()).toEqual(['ent-colleague', 'enterprise']);
    for (const u of page.items) expect(u.enterpriseUscc).toBe(own);
    expect((await enterprise.get(`/api/system/users/${json<User>(stranger).id}`)).statusCode).toBe(404);
  });
});

describe('union of several roles', () => {
  it('sees what any of its roles shows (custom departments and own department)', async () => {
    const hebei = await deptId('天津市河北区市场监督管理局');
    const viewer = await admin.post('/api/system/roles', { key: 'hebei_viewer', name: '河北区查看', dataScope: 'custom', customDeptIds: [hebei], permissions: ['system:user:list'] });
    expect(viewer.statusCode).toBe(201);
    const lab = await userId('lab');
    const labRow = (await findUserById(t.db, lab))!;
    expect((await admin.put(`/api/system/users/${lab}`, { displayName: labRow.displayName, deptId: labRow.deptId, districtCode: labRow.districtCode, roleIds: [roleId('lab'), json<Role>(viewer).id] })).statusCode).toBe(200);
    const agent = t.anon();
    expect((await agent.login('lab', TEST_DEMO_PASSWORD)).statusCode).toBe(200);
    const names = (await listAll(agent)).items.map((u) => u.username).sort();
    expect(names).toEqual(['lab', 'tj120105-01', 'tj120105-02', 'tj120105-03']);
  });

  it('sees everything with a role of full scope (quality office)', async () => {
    const qo = await t.as('quality-office');
    expect((await listAll(qo)).total).toBe((await allUsers()).length);
    expect(json<{ items: Department[] }>(await qo.get('/api/system/departments')).items.length).toBe((await listDepartments(t.db, FULL_SCOPE, {})).length);
  });
});

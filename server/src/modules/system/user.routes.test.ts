import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { User } from '../../../../contracts/system.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { buildTestApp, errorCode, json, multipartBody, type Agent, type TestApp } from '../../test/test-app.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { findLoginFailure, saveLoginFailure } from './auth.repository.js';
import { findDepartmentsByName } from './department.repository.js';
import { USER_EXPORT } from './system.excel.js';
import { maskPhone } from './system.rules.js';
import { countUsers, findUserById, findUserByUsername, listUsers, rolesOfUsers, updateUserRow } from './user.repository.js';

let t: TestApp;
let admin: Agent;
const roleIds = new Map<string, number>();
const HP_BUREAU = '天津市和平区市场监督管理局';
const VALID_USCC = `91120101MA05JQ7W8${usccCheckCharacter('91120101MA05JQ7W8')}`;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  for (const r of json<{ items: { id: number; key: string }[] }>(await admin.get('/api/system/roles')).items) roleIds.set(r.key, r.id);
});
afterAll(async () => {
  await t.close();
});

const role = (key: string) => roleIds.get(key)!;
const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
const deptId = async (name: string) => (await findDepartmentsByName(t.db, name))[0]!.id;
const userId = async (username: string) => (await findUserByUsername(t.db, username))!.id;

/** Every user row and its roles, as text: a rejected write must leave all of it as it was. */
async function snapshot(): Promise<string[]> {
  const { rows } = await listUsers(t.db, FULL_SCOPE, {}, { offset: 0, limit: 10_000 });
  const roles = await rolesOfUsers(t.db, rows.map((r) => r.user.id));
  return rows.map((r) => JSON.stringify({ ...r, roles: roles.get(r.user.id) ?? [] }));
}

async function sessionsOf(id: number): Promise<number> {
  const res = (await t.db.execute(`select count(*)::int as n from user_session where user_id = ${Number(id)}`)) as unknown as { rows: { n: number }[] };
  return Number(res.rows[0]!.n);
}


function newUser(over: Record<string, unknown> = {}) {
  return { username: 'li.na', password: 'Initial-Pass-2026', displayName: '张伟', deptId: null, roleIds: [role('lab')], ...over };
}

describe('GET /api/system/users', () => {
  it('pages through all users in id order, with masked phones and roles', async () => {
    const { total } = await countUsers(t.db);
    const first = json<Page<User>>(await admin.get('/api/system/users?page=1&pageSize=10'));
    const second = json<Page<User>>(await admin.get('/api/system/users?page=2&pageSize=10'));
    expect(first).toMatchObject({ total, page: 1, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(10);
    const ids = [...first.items, ...second.items].map((u) => u.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(20);
    const all = json<Page<User>>(await admin.get('/api/system/users?pageSize=200')).items;
    expect(all).toHaveLength(total);
    for (const u of all) {
      const row = (await findUserById(t.db, u.id))!;
      expect(u.phone).toBe(maskPhone(row.phone));
      if (row.phone) expect(u.phone).not.toBe(row.phone);
      expect(u.roles.length).toBeGreaterThan(0);
    }
    const beyond = json<Page<User>>(await admin.get('/api/system/users?page=1000&pageSize=200'));
    expect(beyond).toMatchObject({ items: [], total });
  });

  it('filters by keyword, district, role, status and department (with its sub-departments)', async () => {
    const list = async (q: string) => json<Page<User>>(await admin.get(`/api/system/users?pageSize=200&${q}`));
    expect((await list('keyword=District-User')).items.map((u) => u.username)).toEqual(['district-user']);
    expect((await list(`keyword=${encodeURIComponent('赵和平')}`)).items.map((u) => u.username)).toEqual(['district-user']);
    const nankai = await list('districtCode=120104');
    expect(nankai.total).toBe(4);
    expect(nankai.items.every((u) => u.districtCode === '120104' && u.districtName === '南开区')).toBe(true);
    const districtUsers = await list(`roleId=${role('district_user')}`);
    expect(districtUsers.total).toBe(17); // district-user and the first staff account of each of the 16 bureaus
    expect(districtUsers.items.every((u) => u.roles.some((r) => r.key === 'district_user'))).toBe(true);
    expect((await list('status=disabled')).total).toBe(0);
    const underGov = await list(`deptId=${await deptId('天津市和平区人民政府')}`);
    expect(underGov.items.map((u) => u.username).sort()).toEqual(['district-user', 'tj120101-01', 'tj120101-02', 'tj120101-03']);
    expect(underGov.items.every((u) => u.deptName === HP_BUREAU)).toBe(true);
    expect((await list('deptId=999999')).total).toBe(0);
  });

  it('rejects bad paging and filter values with 400', async () => {
    for (const q of ['page=0', 'page=-1', 'pageSize=0', 'pageSize=201', 'pageSize=abc', 'page=1.5', 'districtCode=12', 'roleId=-1', 'deptId=x', 'status=locked', 'sort=id', `keyword=${'k'.repeat(101)}`]) {
      const res = await admin.get(`/api/system/users?${q}`);
      expect({ q, status: res.statusCode, code: errorCode(res) }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});

describe('GET /api/system/users/:id', () => {
  it('shows one user with the full phone number for the edit form', async () => {
    const id = await userId('district-user');
    const row = (await findUserById(t.db, id))!;
    const res = await admin.get(`/api/system/users/${id}`);
    expect(res.statusCode).toBe(200);
    expect(json<User>(res)).toEqual({
      id,
      username: 'district-user',
      displayName: '赵和平',
      deptId: row.deptId,
      deptName: HP_BUREAU,
      districtCode: '120101',
      districtName: '和平区',
      phone: row.phone,
      email: null,
      enterpriseUscc: null,
      status: 'active',
      roles: [{ id: role('district_user'), key: 'district_user', name: '区用户' }],
      locked: false,
      lockedUntil: null,
      lockedSources: 0,
      mustChangePassword: false,
      lastLoginAt: null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    });
    expect(row.phone).toMatch(/^139\d{8}$/);
  });

  it('answers 404 for an unknown id and 400 for ids that are not positive 32-bit integers', async () => {
    const missing = await admin.get('/api/system/users/999999');
    expect(missing.statusCode).toBe(404);
    expect(errorCode(missing)).toBe('NOT_FOUND');
    for (const id of ['abc', '0', '-3', '1.5', '2147483648']) {
      const res = await admin.get(`/api/system/users/${id}`);
      expect({ id, status: res.statusCode }).toEqual({ id, status: 400 });
    }
  });
});

describe('POST /api/system/users', () => {
  it('creates a user who must change the password, stores only an argon2 hash, and audits it', async () => {
    const dept = await deptId(HP_BUREAU);
    const seq = await headSeq();
    const res = await admin.post(
      '/api/system/users',
      newUser({ username: 'Zhang.Wei', deptId: dept, phone: '13912345678', email: 'zhangwei@example.gov.cn', roleIds: [role('inspector'), role('lab')] }),
    );
    expect(res.statusCode).toBe(201);
    const created = json<User>(res);
    expect(created).toMatchObject({
      username: 'zhang.wei',
      displayName: '张伟',
      deptId: dept,
      deptName: HP_BUREAU,
      // No district given: the department's.
      districtCode: '120101',
      districtName: '和平区',
      phone: '13912345678',
      email: 'zhangwei@example.gov.cn',
      status: 'active',
      mustChangePassword: true,
      locked: false,
      lastLoginAt: null,
    });
    expect(created.roles.map((r) => r.key).sort()).toEqual(['inspector', 'lab']);
    const row = (await findUserByUsername(t.db, 'zhang.wei'))!;
    expect(row).toMatchObject({ id: created.id, districtCode: '120101', mustChangePassword: true });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, 'Initial-Pass-2026')).toBe(true);
    expect((await rolesOfUsers(t.db, [row.id])).get(row.id)!.map((r) => r.key).sort()).toEqual(['inspector', 'lab']);

    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.user.create', targetType: 'user', targetId: String(created.id), actorUsername: 'admin', before: null });
    expect(audit[0]!.after).toMatchObject({ username: 'zhang.wei', districtCode: '120101', phone: '139****5678' });
    const text = JSON.stringify(audit[0]);
    expect(text).not.toContain('Initial-Pass-2026');
    expect(text).not.toContain(row.passwordHash);
    expect(text).not.toContain('13912345678');
  });

  it('upper-cases a valid enterprise code and keeps an explicit district', async () => {
    const res = await admin.post('/api/system/users', newUser({ username: 'ent-user', enterpriseUscc: VALID_USCC.toLowerCase(), districtCode: '120116', roleIds: [role('enterprise')] }));
    expect(res.statusCode).toBe(201);
    expect(json<User>(res)).toMatchObject({ enterpriseUscc: VALID_USCC, districtCode: '120116', deptId: null, deptName: null });
    expect((await findUserByUsername(t.db, 'ent-user'))!.enterpriseUscc).toBe(VALID_USCC);
  });

  it('refuses a taken username in any case (409 USERNAME_TAKEN) and changes nothing', async () => {
    const before = await snapshot();
    const seq = await headSeq();
    for (const username of ['admin', 'ADMIN', ' Zhang.Wei ']) {
      const res = await admin.post('/api/system/users', newUser({ username }));
      expect({ username, status: res.statusCode, code: errorCode(res) }).toEqual({ username, status: 409, code: 'USERNAME_TAKEN' });
      expect(json<{ error: { details: { username: string } } }>(res).error.details.username).toBe(username.trim().toLowerCase());
    }
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('rejects bad input with 400 naming the field, and changes nothing', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['username too short', newUser({ username: 'ab' }), 'username'],
      ['username too long', newUser({ username: 'a'.repeat(33) }), 'username'],
      ['username with a space', newUser({ username: 'zhang wei' }), 'username'],
      ['username in Chinese', newUser({ username: '张伟伟' }), 'username'],
      ['username starting with a dot', newUser({ username: '.hidden' }), 'username'],
      ['weak password', newUser({ password: 'password' }), 'password'],
      ['two-class password', newUser({ password: 'alllowercase123' }), 'password'],
      ['over-long password', newUser({ password: `Aa1!${'x'.repeat(125)}` }), 'password'],
      ['empty display name', newUser({ displayName: ' ' }), 'displayName'],
      ['over-long display name', newUser({ displayName: '张'.repeat(51) }), 'displayName'],
      ['bad phone', newUser({ phone: '1234567' }), 'phone'],
      ['bad e-mail', newUser({ email: 'not-an-email' }), 'email'],
      ['over-long e-mail', newUser({ email: `${'a'.repeat(95)}@x.com` }), 'email'],
      ['short enterprise code', newUser({ enterpriseUscc: '9112010' }), 'enterpriseUscc'],
      ['bad district code', newUser({ districtCode: '1201' }), 'districtCode'],
      ['no roles', newUser({ roleIds: [] }), 'roleIds'],
      ['role id as text', newUser({ roleIds: [String(role('lab'))] }), 'roleIds.0'],
      ['dept id as text', newUser({ deptId: '5' }), 'deptId'],
      ['bad status', newUser({ status: 'locked' }), 'status'],
      ['missing display name', { username: 'x-user', password: 'Initial-Pass-2026', deptId: null, roleIds: [role('lab')] }, 'displayName'],
      ['unknown field', newUser({ isAdmin: true }), ''],
      ['password hash smuggled in', newUser({ passwordHash: 'x' }), ''],
      // Checked against the database:
      ['unknown role', newUser({ roleIds: [999_999] }), 'roleIds'],
      ['unknown department', newUser({ deptId: 999_999 }), 'deptId'],
      ['unknown district', newUser({ districtCode: '120199' }), 'districtCode'],
      ['enterprise code failing its check character', newUser({ enterpriseUscc: `91120101MA05JQ7W8${usccCheckCharacter('91120101MA05JQ7W8') === 'A' ? 'B' : 'A'}` }), 'enterpriseUscc'],
      ['enterprise code with a letter outside the charset', newUser({ enterpriseUscc: '91120101MA05JQ7WOX' }), 'enterpriseUscc'],
    ];
    const before = await snapshot();
    const seq = await headSeq();
    for (const [name, body, path] of cases) {
      const res = await admin.post('/api/system/users', body);
      expect({ name, status: res.statusCode, code: errorCode(res) }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
      const details = json<{ error: { details: { path: string; message: string }[] } }>(res).error.details;
      expect({ name, paths: details.map((d) => d.path) }).toEqual({ name, paths: expect.arrayContaining([path]) });
    }
    const uscc = await admin.post('/api/system/users', newUser({ enterpriseUscc: '91120101MA05JQ7WOX' }));
    expect(json<{ error: { details: { message: string }[] } }>(uscc).error.details[0]!.message).toContain('统一社会信用代码不合法');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('answers a body that is not JSON with 415 and an empty body with 400', async () => {
    const text = await admin.request('POST', '/api/system/users', { payload: 'username=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(text.statusCode).toBe(415);
    expect(errorCode(text)).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await admin.request('POST', '/api/system/users', { payload: '', headers: { 'content-type': 'application/json' } });
    expect(empty.statusCode).toBe(400);
  });

  it('gives a role listed twice once, like the import does (not a 409 “data changed, retry”)', async () => {
    const res = await admin.post('/api/system/users', newUser({ username: 'twice-lab', roleIds: [role('lab'), role('lab')] }));
    expect(errorCode(res)).not.toBe('CONFLICT');
    expect(res.statusCode).toBe(201);
    expect(json<User>(res).roles.map((r) => r.key)).toEqual(['lab']);
  });
});

describe('PUT /api/system/users/:id', () => {
  it('edits profile and roles, audits before and after, and returns the full phone', async () => {
    const id = await userId('zhang.wei');
    const seq = await headSeq();
    const res = await admin.put(`/api/system/users/${id}`, {
      displayName: '张伟（改）',
      deptId: await deptId('天津市南开区市场监督管理局'),
      phone: '13800001111',
      email: null,
      roleIds: [role('inspector')],
      status: 'active',
    });
    expect(res.statusCode).toBe(200);
    expect(json<User>(res)).toMatchObject({ displayName: '张伟（改）', districtCode: '120104', phone: '13800001111', email: null, roles: [{ key: 'inspector' }] });
    const row = (await findUserById(t.db, id))!;
    expect(row).toMatchObject({ displayName: '张伟（改）', districtCode: '120104', phone: '13800001111', email: null });
    expect((await rolesOfUsers(t.db, [id])).get(id)!.map((r) => r.key)).toEqual(['inspector']);
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.user.update',
      targetId: String(id),
      before: { displayName: '张伟', districtCode: '120101', phone: '139****5678' },
      after: { displayName: '张伟（改）', districtCode: '120104', phone: '138****1111' },
    });
    expect((audit[0]!.before as User).roles.map((r) => r.key).sort()).toEqual(['inspector', 'lab']);
    expect((audit[0]!.after as User).roles.map((r) => r.key)).toEqual(['inspector']);
  });

  it('refuses changes to one’s own roles or status (409 SELF_LOCKOUT) but allows editing one’s own profile', async () => {
    const me = await userId('admin');
    const row = (await findUserById(t.db, me))!;
    const base = { displayName: row.displayName, deptId: row.deptId, districtCode: row.districtCode, roleIds: [role('admin')], status: 'active' };
    const before = await snapshot();
    const seq = await headSeq();
    const roles = await admin.put(`/api/system/users/${me}`, { ...base, roleIds: [role('admin'), role('lab')] });
    expect(roles.statusCode).toBe(409);
    expect(errorCode(roles)).toBe('SELF_LOCKOUT');
    const disable = await admin.put(`/api/system/users/${me}`, { ...base, status: 'disabled' });
    expect(errorCode(disable)).toBe('SELF_LOCKOUT');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
    const profile = await admin.put(`/api/system/users/${me}`, { ...base, email: 'admin@example.gov.cn' });
    expect(profile.statusCode).toBe(200);
    expect((await findUserById(t.db, me))!.email).toBe('admin@example.gov.cn');
  });

  it('rejects the username or a password in an edit, and unknown users', async () => {
    const id = await userId('zhang.wei');
    const body = { displayName: 'x', deptId: null, roleIds: [role('lab')] };
    const before = await snapshot();
    for (const extra of [{ username: 'renamed' }, { password: 'Another-Pass-2026' }]) {
      const res = await admin.put(`/api/system/users/${id}`, { ...body, ...extra });
      expect(res.statusCode).toBe(400);
    }
    const missing = await admin.put('/api/system/users/999999', body);
    expect(missing.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('PUT /api/system/users/:id/status', () => {
  it('disables a user at once (sessions end) and enables them again, auditing each change once', async () => {
    const created = json<User>(await admin.post('/api/system/users', newUser({ username: 'status-user' })));
    const agent = t.anon();
    expect((await agent.login('status-user', 'Initial-Pass-2026')).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect(await sessionsOf(created.id)).toBe(1);

    const seq = await headSeq();
    const off = await admin.put(`/api/system/users/${created.id}/status`, { status: 'disabled' });
    expect(off.statusCode).toBe(200);
    expect(json<User>(off).status).toBe('disabled');
    expect((await findUserById(t.db, created.id))!.status).toBe('disabled');
    expect(await sessionsOf(created.id)).toBe(0);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    const again = await admin.put(`/api/system/users/${created.id}/status`, { status: 'disabled' });
    expect(again.statusCode).toBe(200);
    const on = await admin.put(`/api/system/users/${created.id}/status`, { status: 'active' });
    expect(json<User>(on).status).toBe('active');
    const audit = await auditSince(seq);
    expect(audit.map((a) => [a.action, a.targetId, a.before, a.after])).toEqual([
      ['system.user.disable', String(created.id), { status: 'active' }, { status: 'disabled' }],
      ['system.user.enable', String(created.id), { status: 'disabled' }, { status: 'active' }],
    ]);
  });

  it('refuses disabling oneself, bad bodies and unknown users', async () => {
    const seq = await headSeq();
    const self = await admin.put(`/api/system/users/${await userId('admin')}/status`, { status: 'disabled' });
    expect(self.statusCode).toBe(409);
    expect(errorCode(self)).toBe('SELF_LOCKOUT');
    const id = await userId('status-user');
    for (const body of [{ status: 'locked' }, {}, { status: 'active', reason: 'x' }, { status: null }]) {
      expect((await admin.put(`/api/system/users/${id}/status`, body)).statusCode).toBe(400);
    }
    expect((await admin.put('/api/system/users/999999/status', { status: 'disabled' })).statusCode).toBe(404);
    expect((await findUserById(t.db, id))!.status).toBe('active');
    expect((await findUserById(t.db, await userId('admin')))!.status).toBe('active');
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('PUT /api/system/users/:id/password', () => {
  it('sets a new password that must be changed, unlocks, ends sessions, and audits without the secret', async () => {
    const id = await userId('status-user');
    const agent = t.anon();
    expect((await agent.login('status-user', 'Initial-Pass-2026')).statusCode).toBe(200);
    await updateUserRow(t.db, id, { mustChangePassword: false });
    await saveLoginFailure(t.db, { username: 'status-user', source: '192.0.2.9', failedCount: 0, lockedUntil: new Date(Date.now() + 600_000), lastFailedAt: new Date() });
    await saveLoginFailure(t.db, { username: 'status-user', source: '192.0.2.10', failedCount: 3, lockedUntil: null, lastFailedAt: new Date() });
    const oldHash = (await findUserById(t.db, id))!.passwordHash;
    const seq = await headSeq();
    const res = await admin.put(`/api/system/users/${id}/password`, { password: 'Reset-Pass-2026!' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ ok: true });
    const row = (await findUserById(t.db, id))!;
    expect(row).toMatchObject({ mustChangePassword: true });
    // Unlocked from every address, and the failures forgotten.
    expect(await findLoginFailure(t.db, 'status-user', '192.0.2.9')).toBeNull();
    expect(await findLoginFailure(t.db, 'status-user', '192.0.2.10')).toBeNull();
    expect(row.passwordChangedAt).toBeInstanceOf(Date);
    expect(row.passwordHash).not.toBe(oldHash);
    expect(await verifyPassword(row.passwordHash, 'Reset-Pass-2026!')).toBe(true);
    expect(await sessionsOf(id)).toBe(0);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.user.reset_password', targetType: 'user', targetId: String(id), before: null, after: null });
    const relog = t.anon();
    expect((await relog.login('status-user', 'Reset-Pass-2026!')).statusCode).toBe(200);
    expect(errorCode(await relog.get('/api/system/calendar/years'))).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('rejects a weak password or extra fields and changes nothing', async () => {
    const id = await userId('status-user');
    const hash = (await findUserById(t.db, id))!.passwordHash;
    const seq = await headSeq();
    for (const body of [{ password: 'short' }, { password: 'alllowercase123' }, {}, { password: 'Reset-Pass-2026!', mustChange: false }, { password: 12345678901 }]) {
      const res = await admin.put(`/api/system/users/${id}/password`, body);
      expect(res.statusCode).toBe(400);
    }
    expect((await admin.put('/api/system/users/999999/password', { password: 'Reset-Pass-2026!' })).statusCode).toBe(404);
    expect((await findUserById(t.db, id))!.passwordHash).toBe(hash);
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('PUT /api/system/users/:id/unlock', () => {
  it('lifts the lock from every address, forgets the failures, and audits what it lifted', async () => {
    const id = await userId('tj120102-03');
    const until = new Date(Date.now() + 10 * 60_000);
    const fail = (source: string, failedCount: number, lockedUntil: Date | null) => saveLoginFailure(t.db, { username: 'tj120102-03', source, failedCount, lockedUntil, lastFailedAt: new Date() });
    await fail('192.0.2.1', 0, until);
    await fail('192.0.2.2', 0, new Date(Date.now() + 5 * 60_000));
    await fail('192.0.2.3', 2, null);
    const shown = json<User>(await admin.get(`/api/system/users/${id}`));
    expect(shown).toMatchObject({ locked: true, lockedUntil: until.toISOString(), lockedSources: 2 });
    const seq = await headSeq();
    const res = await admin.put(`/api/system/users/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(json<User>(res)).toMatchObject({ id, locked: false, lockedUntil: null, lockedSources: 0 });
    for (const source of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect(await findLoginFailure(t.db, 'tj120102-03', source)).toBeNull();
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.user.unlock',
      targetId: String(id),
      before: { lockedUntil: until.toISOString(), lockedSources: 2, failedSources: 3 },
      after: { lockedUntil: null, lockedSources: 0, failedSources: 0 },
    });
    // Unlocked, the right password works from the address that was locked.
    expect((await t.anon('192.0.2.1').login('tj120102-03')).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user and 400 for a bad id', async () => {
    const seq = await headSeq();
    expect((await admin.put('/api/system/users/999999/unlock')).statusCode).toBe(404);
    expect((await admin.put('/api/system/users/x/unlock')).statusCode).toBe(400);
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('GET /api/system/users/role-options', () => {
  it('offers an administrator every active role, in role order', async () => {
    const res = await admin.get('/api/system/users/role-options');
    expect(res.statusCode).toBe(200);
    expect(json<{ items: { key: string }[] }>(res).items.map((r) => r.key)).toEqual(['admin', 'quality_office', 'dept_user', 'district_user', 'inspector', 'lab', 'enterprise']);
  });

  it('leaves out disabled roles', async () => {
    const created = json<{ id: number }>(await admin.post('/api/system/roles', { key: 'temp_viewer', name: '临时查看', dataScope: 'self', permissions: [], status: 'disabled' }));
    const keys = json<{ items: { id: number; key: string }[] }>(await admin.get('/api/system/users/role-options')).items.map((r) => r.key);
    expect(keys).not.toContain('temp_viewer');
    expect(created.id).toBeGreaterThan(0);
  });

  it('offers a district user only the roles granting nothing beyond its own permissions', async () => {
    const district = await t.as('district-user');
    const items = json<{ items: { id: number; key: string; name: string }[] }>(await district.get('/api/system/users/role-options')).items;
    // The enterprise role holds what a district bureau does not (declaring, applying for repair): not offered.
    expect(items.map((r) => r.key)).toEqual(['dept_user', 'district_user', 'inspector', 'lab']);
    expect(items[0]).toEqual({ id: role('dept_user'), key: 'dept_user', name: '部门用户' });
  });
});

describe('GET /api/system/users/export', () => {
  it('downloads every user as .xlsx with masked phones, labels, names and real dates', async () => {
    const qo = await t.as('quality-office');
    const res = await qo.get('/api/system/users/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const cd = String(res.headers['content-disposition']);
    expect(cd).toContain('attachment; filename="export-');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]!)).toMatch(/^用户-\d{8}\.xlsx$/);
    const { title, subtitle, header, rows, sheet } = await readExport(res);
    expect(title).toBe('用户');
    expect(subtitle).toMatch(/^筛选条件：全部\u3000\u3000导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expectPrintable(sheet);
    expect(header).toEqual(USER_EXPORT.map((c) => c.header));
    expect(rows).toHaveLength((await countUsers(t.db)).total);
    const row = (await findUserByUsername(t.db, 'district-user'))!;
    const line = rows.find((r) => r[1] === 'district-user')!;
    // The id is a number, the status a label, the district a name (its code kept for re-import).
    expect(line.slice(0, 11)).toEqual([row.id, 'district-user', '赵和平', HP_BUREAU, '和平区', '120101', maskPhone(row.phone)!, null, '区用户', null, '正常']);
    expect(line[12]).toBeInstanceOf(Date);
    // 创建时间 is the Beijing wall clock of created_at.
    expect(Math.abs((line[12] as Date).getTime() - (row.createdAt.getTime() + 8 * 3_600_000))).toBeLessThan(1000);
    expect(sheet.getRow(4).getCell(13).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(rows.some((r) => r.includes(row.phone!))).toBe(false);
    expect(rows.find((r) => r[1] === 'zhang.wei')![8]).toBe('执法人员');
  });

  it('applies the list filters, names them in the title rows, and rejects paging parameters', async () => {
    const { subtitle, rows } = await readExport(await admin.get(`/api/system/users/export?districtCode=120104&status=active&roleId=${role('inspector')}`));
    expect(rows.map((r) => r[1]).sort()).toEqual(['inspector', 'tj120104-02', 'tj120104-03', 'zhang.wei']);
    expect(subtitle).toMatch(/^筛选条件：区划：南开区；角色：执法人员；状态：正常\u3000\u3000导出时间：/);
    expect((await admin.get('/api/system/users/export?page=2')).statusCode).toBe(400);
  });

  it('neutralises display names that a spreadsheet would take for formulas (=, +, -, @)', async () => {
    const names = ['=1+1', '+1+1', '-1+1', '@SUM(1)'];
    for (const [i, displayName] of names.entries()) expect((await admin.post('/api/system/users', newUser({ username: `formula-${i}`, displayName }))).statusCode).toBe(201);
    const { rows } = await readExport(await admin.get('/api/system/users/export?keyword=formula-'));
    expect(rows.map((r) => r[2]).sort()).toEqual(names.map((n) => `'${n}`).sort());
  });

  it('is the import’s file: an exported user uploads again unchanged (the title rows are skipped)', async () => {
    expect((await admin.post('/api/system/users', newUser({ username: 'round.trip', displayName: '往返', deptId: await deptId(HP_BUREAU), roleIds: [role('district_user')] }))).statusCode).toBe(201);
    const file = (await admin.get('/api/system/users/export?keyword=round.trip')).rawPayload;
    const res = await admin.request('POST', '/api/system/users/import', multipartBody(file, { filename: '用户.xlsx', type: XLSX_MIME }));
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ inserted: 0, updated: 0, unchanged: 1, skipped: 0, errors: [] });
  });

  it('is refused to a user who may list but not export', async () => {
    const res = await (await t.as('lab')).get('/api/system/users/export');
    expect(res.statusCode).toBe(403);
  });
});

describe('a user created by an administrator', () => {
  it('can log in with the initial password and must change it first', async () => {
    const agent = t.anon();
    const res = await agent.login('zhang.wei', 'Initial-Pass-2026');
    expect(res.statusCode).toBe(200);
    expect(json<{ user: { mustChangePassword: boolean } }>(res).user.mustChangePassword).toBe(true);
    expect(errorCode(await agent.get('/api/system/departments'))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.anon().login('zhang.wei', TEST_DEMO_PASSWORD)).statusCode).toBe(401);
  });
});

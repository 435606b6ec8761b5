/**
 * Issue 12 §1.3: common, guessable passwords and passwords containing the username are refused
 * wherever a password is set — creating a user, resetting one, changing one's own, importing — with
 * a 400 that says why in Chinese (and English), and nothing changes.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { Role, User } from '../../../../contracts/system.js';
import { auditHeadRow } from '../../platform/audit/audit.repository.js';
import { assertPasswordPolicy, generatePassword, passwordProblems } from '../../platform/auth/password.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { buildTestApp, errorCode, json, multipartBody, type Agent, type TestApp } from '../../test/test-app.js';
import { findDepartmentsByName } from './department.repository.js';
import { findUserByUsername } from './user.repository.js';

let t: TestApp;
let admin: Agent;
const roleIds = new Map<string, number>();

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  for (const r of json<Page<Role>>(await admin.get('/api/system/roles')).items) roleIds.set(r.key, r.id);
});
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
type PolicyError = { error: { code: string; message: string; details: { path: string; code: string; message: string }[] } };

/** Guessable although long enough and of three classes: the old policy accepted every one. */
const GUESSABLE = ['Password123!', 'P@ssw0rd2026', 'Qwerty123456!', 'Admin@123456', 'Abc123456789!', '1qaz@WSX3edc', 'Woaini1314!', 'Zhiliang@2026', 'Tianjin@123456'];

describe('the policy', () => {
  it('refuses common and guessable passwords, saying why in Chinese and English', async () => {
    for (const password of GUESSABLE) {
      const problems = await passwordProblems(password);
      expect({ password, n: problems.length }).toEqual({ password, n: 1 });
      expect(problems[0]).toMatch(/^密码太容易被猜到（强度 [0-2]\/4，至少需要 3）.* ¦ The password is too easy to guess/);
    }
  });

  it('refuses the username in any case, and the name in pinyin', async () => {
    expect(await passwordProblems('Li.Na-Secure-Harbor-7', { username: 'li.na' })).toEqual(['密码不能包含用户名（不区分大小写） ¦ The password must not contain the username (in any case)']);
    expect(await passwordProblems('XX-LI.NA-2026-xx', { username: 'li.na' })).toHaveLength(1);
    expect(await passwordProblems('Wangzhiliang2026!', { username: 'quality-office', displayName: '王质量' })).toEqual([
      '密码不能包含姓名的拼音（wangzhiliang） ¦ The password must not contain the name in pinyin (wangzhiliang)',
    ]);
    // The same password without the account's details passes: the refusal comes from the name.
    expect(await passwordProblems('Wangzhiliang2026!')).toEqual([]);
  });

  it('keeps the length and class rules', async () => {
    expect(await passwordProblems('Aa1!')).toEqual(['密码至少 10 个字符 ¦ At least 10 characters']);
    expect((await passwordProblems('alllowercase123'))[0]).toContain('至少三类');
    await expect(assertPasswordPolicy('Password123!', {}, { path: 'newPassword' })).rejects.toMatchObject({ code: 'PASSWORD_POLICY', details: [{ path: 'newPassword' }] });
  });

  it('accepts the generated passwords and every password the tests, e2e and README use', async () => {
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect({ p, problems: await passwordProblems(p, { username: 'zhangsan', displayName: '张三' }) }).toEqual({ p, problems: [] });
    }
    for (const p of [TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD, 'E2e-Admin-Pass-2026', 'E2e-Demo-Pass-2026', 'Admin-Pass-2026', 'Demo-Pass-2026', 'Initial-Pass-2026', 'Heping-Staff-0817!']) {
      expect({ p, problems: await passwordProblems(p) }).toEqual({ p, problems: [] });
    }
  });
});

describe('over HTTP', () => {
  it('refuses a guessable initial password when creating a user (400 PASSWORD_POLICY on the field) and creates nothing', async () => {
    const seq = await headSeq();
    const res = await admin.post('/api/system/users', { username: 'weak.pass', password: 'P@ssw0rd2026', displayName: '弱密码', deptId: null, roleIds: [roleIds.get('lab')!] });
    expect({ status: res.statusCode, code: errorCode(res) }).toEqual({ status: 400, code: 'PASSWORD_POLICY' });
    const body = json<PolicyError>(res);
    expect(body.error.message).toMatch(/^密码不符合安全要求：密码太容易被猜到/);
    expect(body.error.details).toEqual([{ path: 'password', code: 'password_policy', message: expect.stringContaining('与常用密码相似') }]);
    expect(await findUserByUsername(t.db, 'weak.pass')).toBeNull();
    expect(await headSeq()).toBe(seq);
    const en = await admin.request('POST', '/api/system/users', {
      body: { username: 'weak.pass', password: 'weak.pass-Harbor-9', displayName: '弱密码', deptId: null, roleIds: [roleIds.get('lab')!] },
      headers: { 'accept-language': 'en' },
    });
    expect(json<PolicyError>(en).error.message).toBe('The password does not meet the policy: The password must not contain the username (in any case)');
  });

  it('refuses a reset to a password containing the user’s name and changes nothing', async () => {
    const created = json<User>(await admin.post('/api/system/users', { username: 'reset.me', password: 'Initial-Pass-2026', displayName: '张伟', deptId: null, roleIds: [roleIds.get('lab')!] }));
    const hash = (await findUserByUsername(t.db, 'reset.me'))!.passwordHash;
    const seq = await headSeq();
    for (const password of ['Reset.Me-Harbor-2026', 'Zhangwei-1988!', 'Qwerty123456!']) {
      const res = await admin.put(`/api/system/users/${created.id}/password`, { password });
      expect({ password, status: res.statusCode, code: errorCode(res) }).toEqual({ password, status: 400, code: 'PASSWORD_POLICY' });
    }
    expect((await findUserByUsername(t.db, 'reset.me'))!.passwordHash).toBe(hash);
    expect(await headSeq()).toBe(seq);
  });

  it('refuses a guessable new password of one’s own, on the newPassword field', async () => {
    const agent = t.anon();
    expect((await agent.login('tj120102-02')).statusCode).toBe(200);
    const res = await agent.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'Abc123456789!' });
    expect({ status: res.statusCode, code: errorCode(res) }).toEqual({ status: 400, code: 'PASSWORD_POLICY' });
    expect(json<PolicyError>(res).error.details.map((d) => d.path)).toEqual(['newPassword']);
    const named = await agent.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'TJ120102-02-Secure!' });
    expect(errorCode(named)).toBe('PASSWORD_POLICY');
    // Still the old password, still forced to change it.
    expect((await t.anon().login('tj120102-02')).statusCode).toBe(200);
    expect((await findUserByUsername(t.db, 'tj120102-02'))!.mustChangePassword).toBe(true);
  });

  it('reports an import row with a guessable password or one containing its username, and imports nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('用户');
    const rows = [
      ['用户名', '姓名', '部门', '角色', '初始密码'],
      ['imp.good', '好密码', '和平区市场监管局', '执法人员', 'Heping-Staff-0817!'],
      ['imp.common', '常用密码', '和平区市场监管局', '执法人员', 'Password123!'],
      ['imp.named', '含用户名', '和平区市场监管局', '执法人员', 'Imp.Named-Harbor-7'],
    ];
    rows.forEach((r, i) => sheet.getRow(i + 1).values = r);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await findDepartmentsByName(t.db, '和平区市场监管局')).length).toBe(1);
    const res = await admin.request('POST', '/api/system/users/import', multipartBody(file, { filename: 'users.xlsx', type: XLSX_MIME }));
    expect({ status: res.statusCode, code: errorCode(res) }).toEqual({ status: 400, code: 'IMPORT_INVALID' });
    const errors = json<{ error: { details: { errors: { row: number; column: string; message: string }[] } } }>(res).error.details.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '初始密码'],
      [4, '初始密码'],
    ]);
    expect(errors[0]!.message).toContain('密码太容易被猜到');
    expect(errors[1]!.message).toBe('密码不能包含用户名（不区分大小写）');
    for (const u of ['imp.good', 'imp.common', 'imp.named']) expect(await findUserByUsername(t.db, u)).toBeNull();
  });
});

/**
 * User import (POST /api/system/users/import) and its template, with .xlsx files built here with
 * exceljs and uploaded as hand-made multipart bodies.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Page } from '../../../../contracts/common.js';
import type { Role } from '../../../../contracts/system.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { multipartBody, buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { xlsxOf } from '../../test/zip-fixtures.js';
import { findDepartmentsByName } from './department.repository.js';
import { USER_IMPORT } from './system.excel.js';
import { findUserByUsername, listUsers, rolesOfUsers } from './user.repository.js';

let t: TestApp;
let admin: Agent;
const roles = new Map<string, Role>();
const VALID_USCC = `91120116MA05JQ7W8${usccCheckCharacter('91120116MA05JQ7W8')}`;
const BAD_USCC = `91120116MA05JQ7W8${usccCheckCharacter('91120116MA05JQ7W8') === 'A' ? 'B' : 'A'}`;
const PASSWORD = 'Import-Pass-2026';

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  for (const r of json<Page<Role>>(await admin.get('/api/system/roles')).items) roles.set(r.key, r);
});
afterAll(async () => {
  await t.close();
});

type Cell = string | number | null;

async function xlsx(rows: Cell[][], sheetName = '用户'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 1);
    r.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v;
    });
    row.commit();
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer | null, opts: { filename?: string; fields?: Record<string, string>; type?: string } = {}) {
  return multipartBody(file, { filename: 'users.xlsx', type: XLSX_MIME, ...opts });
}

const upload = (agent: Agent, file: Buffer | null, query = '', opts: Parameters<typeof multipart>[1] = {}) =>
  agent.request('POST', `/api/system/users/import${query}`, multipart(file, opts));

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
const deptId = async (name: string) => (await findDepartmentsByName(t.db, name))[0]!.id;
async function snapshot(): Promise<string[]> {
  const { rows } = await listUsers(t.db, FULL_SCOPE, {}, { offset: 0, limit: 10_000 });
  const r = await rolesOfUsers(t.db, rows.map((x) => x.user.id));
  return rows.map((x) => JSON.stringify({ ...x, roles: r.get(x.user.id) }));
}
async function userWithRoles(username: string) {
  const u = await findUserByUsername(t.db, username);
  if (!u) return null;
  return { ...u, roleKeys: ((await rolesOfUsers(t.db, [u.id])).get(u.id) ?? []).map((r) => r.key).sort() };
}

describe('GET /api/system/users/import-template', () => {
  it('downloads the template: starred required headers, an example row and a notes sheet', async () => {
    const res = await admin.get('/api/system/users/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^用户导入模板-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['用户', '填写说明']);
    const sheet = wb.worksheets[0]!;
    const header = USER_IMPORT.map((_c, i) => String(sheet.getRow(1).getCell(i + 1).value));
    expect(header).toEqual(['用户名*', '姓名*', '部门', '区划代码', '手机号码', '邮箱', '角色*', '状态', '统一社会信用代码', '初始密码']);
    expect(sheet.getRow(2).getCell(1).value).toBe('zhangsan');
    const notes = wb.worksheets[1]!;
    expect(notes.getRow(2).getCell(1).value).toBe('用户名');
    expect(notes.getRow(2).getCell(2).value).toBe('是');
  });

  it('imports as downloaded: the example row becomes a user', async () => {
    const template = (await admin.get('/api/system/users/import-template')).rawPayload;
    const res = await upload(admin, template);
    expect(res.statusCode).toBe(200);
    expect(json<ImportResult>(res)).toEqual({ inserted: 1, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    const u = (await userWithRoles('zhangsan'))!;
    expect(u).toMatchObject({ displayName: '张三', deptId: await deptId('天津市和平区市场监督管理局'), districtCode: '120101', phone: '13800138000', email: 'zhangsan@example.gov.cn', status: 'active', mustChangePassword: true });
    expect(u.roleKeys).toEqual(['district_user']);
    expect(await verifyPassword(u.passwordHash, 'Heping-Staff-0817!')).toBe(true);
  });
});

describe('POST /api/system/users/import', () => {
  let file: Buffer;
  let miit: number;

  beforeAll(async () => {
    miit = await deptId('天津市工业和信息化局');
    // Columns in another order, some under their aliases (English, 手机号, 企业信用代码 …).
    file = await xlsx([
      ['角色', 'username', '姓名', '手机号', '部门', '状态', '初始密码', '邮箱', '区划代码', '企业信用代码'],
      ['执法人员、检验机构', 'imp-01', '导入一', '13700000001', '天津市南开区市场监督管理局', '正常', PASSWORD, 'imp01@example.gov.cn', null, null],
      ['lab', 'IMP-02', '导入二', null, '市质检院', '停用', PASSWORD, null, null, null],
      ['企业用户', 'imp-03', '导入三', '022-23456789', null, null, PASSWORD, null, '120116', VALID_USCC],
      ['部门用户', 'imp-04', '导入四', null, String(miit), '1', PASSWORD, null, null, null],
    ]);
  });

  it('inserts the rows of a valid file (any column order, header aliases) and audits each user', async () => {
    const seq = await headSeq();
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(200);
    expect(json<ImportResult>(res)).toEqual({ inserted: 4, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    const one = (await userWithRoles('imp-01'))!;
    expect(one).toMatchObject({ displayName: '导入一', deptId: await deptId('天津市南开区市场监督管理局'), districtCode: '120104', phone: '13700000001', email: 'imp01@example.gov.cn', status: 'active', mustChangePassword: true });
    expect(one.roleKeys).toEqual(['inspector', 'lab']);
    expect(await verifyPassword(one.passwordHash, PASSWORD)).toBe(true);
    expect(await userWithRoles('imp-02')).toMatchObject({ status: 'disabled', deptId: await deptId('天津市产品质量监督检测技术研究院'), districtCode: '120000', roleKeys: ['lab'] });
    expect(await userWithRoles('imp-03')).toMatchObject({ deptId: null, districtCode: '120116', enterpriseUscc: VALID_USCC, phone: '022-23456789', roleKeys: ['enterprise'] });
    expect(await userWithRoles('imp-04')).toMatchObject({ deptId: miit, districtCode: '120000', status: 'active', roleKeys: ['dept_user'] });
    const audit = await auditSince(seq);
    expect(audit.map((a) => a.action)).toEqual(Array(4).fill('system.user.import_create'));
    const ids = await Promise.all(['imp-01', 'imp-02', 'imp-03', 'imp-04'].map(async (u) => String((await findUserByUsername(t.db, u))!.id)));
    expect(audit.map((a) => a.targetId)).toEqual(ids);
    expect(audit.every((a) => a.actorUsername === 'admin' && a.before === null)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot();
    const seq = await headSeq();
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(200);
    expect(json<ImportResult>(res)).toEqual({ inserted: 0, updated: 0, unchanged: 4, skipped: 0, errors: [] });
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('updates an existing user’s profile and roles but never the password', async () => {
    const hash = (await findUserByUsername(t.db, 'imp-01'))!.passwordHash;
    const changed = await xlsx([
      ['用户名', '姓名', '部门', '角色', '初始密码'],
      ['imp-01', '导入一（改名）', '天津市南开区市场监督管理局', '执法人员', 'Other-Pass-2026'],
      ['imp-04', '导入四', String(miit), '部门用户', null],
    ]);
    const seq = await headSeq();
    const res = await upload(admin, changed);
    expect(json<ImportResult>(res)).toEqual({ inserted: 0, updated: 1, unchanged: 1, skipped: 0, errors: [] });
    const one = (await userWithRoles('imp-01'))!;
    expect(one).toMatchObject({ displayName: '导入一（改名）', roleKeys: ['inspector'], passwordHash: hash });
    // Columns the file leaves out are cleared, as on the edit form.
    expect(one.email).toBeNull();
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'system.user.import_update', targetId: String(one.id), before: { displayName: '导入一' }, after: { displayName: '导入一（改名）' } });
  });

  it('refuses a file with errors (400 IMPORT_INVALID), numbering rows as in the file, and imports nothing', async () => {
    const bad = await xlsx([
      ['用户名', '姓名', '部门', '角色', '初始密码', '状态', '统一社会信用代码'],
      ['err-ok', '正确', '市质检院', '检验机构', PASSWORD, null, null], // row 2: valid
      ['x', '太短', null, '检验机构', PASSWORD, null, null], // row 3
      [null, null, null, null, null, null, null], // row 4: empty, ignored
      ['err-role', '无角色', null, '不存在的角色', PASSWORD, null, null], // row 5
      ['err-dept', '无部门', '不存在的部门', '检验机构', PASSWORD, null, null], // row 6
      ['err-ok', '重复', null, '检验机构', PASSWORD, null, null], // row 7
      ['err-nopass', '无密码', null, '检验机构', null, null, null], // row 8
      ['err-status', '状态错', null, '检验机构', PASSWORD, '冻结', null], // row 9
      ['err-uscc', '代码错', null, '企业用户', PASSWORD, null, BAD_USCC], // row 10
      ['err-noname', null, null, '检验机构', PASSWORD, null, null], // row 11
    ]);
    const before = await snapshot();
    const seq = await headSeq();
    const res = await upload(admin, bad);
    expect(res.statusCode).toBe(400);
    const err = json<{ error: { code: string; message: string; details: { errors: { row: number; column: string; message: string }[] } } }>(res).error;
    expect(err.code).toBe('IMPORT_INVALID');
    const errors = err.details.errors;
    // One entry per problem (a missing password breaks two policy rules): compare the cells.
    expect([...new Set(errors.map((e) => `${e.row}:${e.column}`))].map((k) => [Number(k.split(':')[0]), k.split(':')[1]])).toEqual([
      [3, '用户名'],
      [5, '角色'],
      [6, '部门'],
      [7, '用户名'],
      [8, '初始密码'],
      [9, '状态'],
      [10, '统一社会信用代码'],
      [11, '姓名'],
    ]);
    expect(errors.find((e) => e.row === 5)!.message).toBe('角色「不存在的角色」不存在');
    expect(errors.find((e) => e.row === 6)!.message).toBe('部门「不存在的部门」不存在');
    expect(errors.find((e) => e.row === 7)!.message).toBe('与第 2 行用户名重复');
    expect(errors.find((e) => e.row === 10)!.message).toContain('统一社会信用代码不合法');
    expect(err.message).toBe(`导入文件有 ${errors.length} 处错误，未导入任何数据`);
    expect(await findUserByUsername(t.db, 'err-ok')).toBeNull();
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);

    // ?skipInvalid=true imports the valid rows only, and still reports the others.
    const partial = await upload(admin, bad, '?skipInvalid=true');
    expect(partial.statusCode).toBe(200);
    const result = json<ImportResult>(partial);
    expect(result).toMatchObject({ inserted: 1, updated: 0, unchanged: 0, skipped: 8 });
    expect(result.errors).toEqual(errors);
    expect(await userWithRoles('err-ok')).toMatchObject({ displayName: '正确', roleKeys: ['lab'] });
    for (const u of ['x', 'err-role', 'err-dept', 'err-nopass', 'err-status', 'err-uscc', 'err-noname']) expect(await findUserByUsername(t.db, u)).toBeNull();
    const audit = await auditSince(seq);
    expect(audit.map((a) => a.action)).toEqual(['system.user.import_create']);
  });

  it('imports nothing from a file whose only rows are empty or the header', async () => {
    const res = await upload(admin, await xlsx([['用户名', '姓名', '角色']]));
    expect(json<ImportResult>(res)).toEqual({ inserted: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] });
  });

  it('refuses a file lacking a required column (400 IMPORT_FILE_INVALID naming it)', async () => {
    const before = await snapshot();
    const res = await upload(admin, await xlsx([['用户名', '姓名', '部门'], ['no-roles', '无角色列', null]]));
    expect(res.statusCode).toBe(400);
    const err = json<{ error: { code: string; message: string; details: { missingColumns: string[] } } }>(res).error;
    expect(err.code).toBe('IMPORT_FILE_INVALID');
    expect(err.details.missingColumns).toEqual(['角色']);
    expect(err.message).toContain('角色');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses files that are not .xlsx (400 IMPORT_FILE_INVALID)', async () => {
    const before = await snapshot();
    const csv = Buffer.from('用户名,姓名,角色\nfrom-csv,CSV,检验机构\n');
    for (const [name, buf] of [
      ['csv', csv],
      ['empty', Buffer.alloc(0)],
      ['zip without a workbook', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
    ] as const) {
      const res = await upload(admin, buf, '', { filename: 'users.xlsx' });
      expect({ name, status: res.statusCode, code: errorCode(res) }).toEqual({ name, status: 400, code: 'IMPORT_FILE_INVALID' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('asks for a file when the form has none, and refuses non-multipart bodies and bad options', async () => {
    const none = await upload(admin, null, '', { fields: { note: 'no file here' } });
    expect(none.statusCode).toBe(400);
    expect(json<{ error: { code: string; details: { path: string }[] } }>(none).error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'file' }] });
    const jsonBody = await admin.post('/api/system/users/import', { rows: [] });
    expect(jsonBody.statusCode).toBe(415);
    expect(errorCode(jsonBody)).toBe('UNSUPPORTED_MEDIA_TYPE');
    const option = await upload(admin, file, '?skipInvalid=yes');
    expect(option.statusCode).toBe(400);
    const unknown = await upload(admin, file, '?dryRun=true');
    expect(unknown.statusCode).toBe(400);
  });
});

describe('import by a district user (given the import permission)', () => {
  let district: Agent;
  beforeAll(async () => {
    const r = roles.get('district_user')!;
    const res = await admin.put(`/api/system/roles/${r.id}`, { name: r.name, dataScope: r.dataScope, permissions: [...r.permissions, 'system:user:import'], sort: r.sort, status: r.status, remark: r.remark });
    expect(res.statusCode).toBe(200);
    district = await t.as('district-user');
  });

  it('imports users of its district and reports rows outside its scope or granting too much', async () => {
    const file = await xlsx([
      ['用户名', '姓名', '部门', '角色', '初始密码'],
      ['hp-imp', '和平导入', '和平区市场监管局', '执法人员', PASSWORD],
      ['nk-imp', '南开导入', '天津市南开区市场监督管理局', '执法人员', PASSWORD],
      ['hp-boss', '和平领导', '和平区市场监管局', '系统管理员', PASSWORD],
    ]);
    const res = await upload(district, file);
    expect(res.statusCode).toBe(400);
    const errors = json<{ error: { details: { errors: { row: number; column: string; message: string }[] } } }>(res).error.details.errors;
    expect(errors.map((e) => e.row)).toEqual([3, 4]);
    // Each reported on the column at fault: the department, then the role.
    expect(errors[0]).toMatchObject({ column: '部门', message: '部门超出您的数据权限范围' });
    expect(errors[1]).toMatchObject({ column: '角色', message: '不能授予角色「系统管理员」：其权限超出您本人' });
    const partial = json<ImportResult>(await upload(district, file, '?skipInvalid=true'));
    expect(partial).toMatchObject({ inserted: 1, skipped: 2 });
    expect(await userWithRoles('hp-imp')).toMatchObject({ districtCode: '120101', roleKeys: ['inspector'] });
    expect(await findUserByUsername(t.db, 'nk-imp')).toBeNull();
    expect(await findUserByUsername(t.db, 'hp-boss')).toBeNull();
  });

  it('cannot change users outside its data scope through rows naming their usernames', async () => {
    // `inspector` works in 南开区 and `quality-office` for the whole city: neither is visible to the
    // district user (GET /api/system/users/:id answers 404), so neither may be rewritten by an import.
    const inspector = (await findUserByUsername(t.db, 'inspector'))!;
    expect((await district.get(`/api/system/users/${inspector.id}`)).statusCode).toBe(404);
    const file = await xlsx([
      ['用户名', '姓名', '部门', '角色', '状态'],
      ['inspector', '被改名', '和平区市场监管局', '执法人员', '正常'],
      ['quality-office', '王质量', '和平区市场监管局', '质量办', '停用'],
    ]);
    const before = await snapshot();
    const seq = await headSeq();
    const res = await upload(district, file, '?skipInvalid=true');
    expect(json<ImportResult>(res)).toMatchObject({ inserted: 0, updated: 0 });
    expect(await findUserByUsername(t.db, 'inspector')).toMatchObject({ displayName: inspector.displayName, districtCode: '120104', deptId: inspector.deptId });
    expect((await findUserByUsername(t.db, 'quality-office'))!.status).toBe('active');
    expect(await snapshot()).toEqual(before);
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('import and the actor’s own account', () => {
  it('cannot disable the importing user’s own account (as the edit form cannot: SELF_LOCKOUT)', async () => {
    const adminRole = roles.get('admin')!.id;
    expect((await admin.post('/api/system/users', { username: 'admin2', password: 'Initial-Pass-2026', displayName: '第二管理员', deptId: null, districtCode: '120000', roleIds: [adminRole] })).statusCode).toBe(201);
    const admin2 = t.anon();
    expect((await admin2.login('admin2', 'Initial-Pass-2026')).statusCode).toBe(200);
    expect((await admin2.post('/api/auth/password', { currentPassword: 'Initial-Pass-2026', newPassword: 'Second-Admin-2026' })).statusCode).toBe(200);
    const file = await xlsx([
      ['用户名', '姓名', '区划代码', '角色', '状态'],
      ['admin2', '第二管理员', '120000', '系统管理员', '停用'],
    ]);
    await upload(admin2, file, '?skipInvalid=true');
    expect((await findUserByUsername(t.db, 'admin2'))!.status).toBe('active');
    expect((await admin2.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('huge and hostile workbooks (read off the event loop, streamed)', () => {
  const HEADER = ['用户名', '姓名', '区划代码', '角色'];
  const row = (i: number) => [`bulk${i}`, `批量${i}`, '120101', '执法人员'];

  it('stops reading the issue’s million-row workbook (7 MB) at the 5,000-row cap', async () => {
    // After the million rows the sheet is cut off mid-element: a reader that loaded the whole
    // workbook (as the old one did) fails on it; one that stops at the cap never gets there.
    const file = xlsxOf(HEADER, 1_000_000, (i) => [i], { tail: '<row r="1000002"><c r="A1000002"><v>1' });
    expect(file.length).toBeLessThan(10 * 1024 * 1024);
    const before = await snapshot();
    const res = await upload(admin, file);
    expect(res.statusCode, res.body).toBe(400);
    expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: '单次最多导入 5000 行' });
    expect(await snapshot()).toEqual(before);
  }, 180_000);

  it('refuses a sheet that unpacks past 64 MB though it claims a few bytes, by counting what it inflates', async () => {
    const file = xlsxOf(HEADER, 70, (i) => [`big${i}`, '大'.repeat(400_000), '120101', '执法人员'], { declaredSheetSize: 1000 });
    const res = await upload(admin, file);
    expect(res.statusCode, res.body).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
    expect(json<{ error: { message: string } }>(res).error.message).toContain('xl/worksheets/sheet1.xml 超过 64 MB 上限');
  }, 60_000);

  it('stops at the 5,000-row cap and says so', async () => {
    const res = await upload(admin, xlsxOf(HEADER, 20_000, row));
    expect(res.statusCode, res.body).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_FILE_INVALID');
    expect(json<{ error: { message: string; details: unknown } }>(res).error).toMatchObject({ message: '单次最多导入 5000 行', details: { maxRows: 5000 } });
  });

  it('refuses a sheet that claims to unpack to gigabytes without inflating it', async () => {
    const res = await upload(admin, xlsxOf(HEADER, 10, row, { declaredSheetSize: 3_000_000_000 }));
    expect(res.statusCode, res.body).toBe(413);
    expect(errorCode(res)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('still imports a hand-made workbook of inline strings', async () => {
    const file = xlsxOf([...HEADER, '初始密码'], 2, (i) => [`inline${i}`, `内联${i}`, '120101', '执法人员', PASSWORD]);
    const res = await upload(admin, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ImportResult>(res)).toMatchObject({ inserted: 2, updated: 0 });
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { OperLog } from '../../../../contracts/logs.js';
import { todayInChina } from '../calendar/today.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { XLSX_MIME } from '../excel/excel.js';
import { listOperLogs } from './oplog.repository.js';
import { describeParams } from './oplog.plugin.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

async function total(): Promise<number> {
  await t.app.flushOplog();
  return (await listOperLogs(t.db, {}, { offset: 0, limit: 1 })).total;
}

/** The operation-log row written for a response. */
async function rowFor(res: LightMyRequestResponse): Promise<OperLog> {
  await t.app.flushOplog();
  const id = String(res.headers['x-request-id']);
  const page = json<Page<OperLog>>(await admin.get(`/api/monitor/operlog?keyword=${encodeURIComponent(id)}`));
  const rows = page.items.filter((r) => r.requestId === id);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('what is logged', () => {
  it('logs a successful write once: title, type, operator, status, HTTP status, request id, parameters', async () => {
    const before = await total();
    const sent = Date.now();
    const res = await admin.post('/api/system/districts', { code: '120130', name: '日志测试区', parentCode: '120000', level: 3 });
    const answered = Date.now();
    expect(res.statusCode).toBe(201);
    expect(await total()).toBe(before + 1);
    const row = await rowFor(res);
    expect(row).toEqual({
      id: expect.any(Number),
      title: '行政区划',
      operType: 'create',
      method: 'POST /api/system/districts',
      requestMethod: 'POST',
      operName: 'admin',
      deptName: '信息中心',
      operUrl: '/api/system/districts',
      operIp: '127.0.0.1',
      // The body as validated (defaults filled in).
      operParam: JSON.stringify({ body: { code: '120130', name: '日志测试区', parentCode: '120000', level: 3, sort: 0, status: 'active' } }),
      status: 'success',
      httpStatus: 201,
      errorCode: null,
      errorMsg: null,
      requestId: String(res.headers['x-request-id']),
      operTime: expect.any(String),
      costTime: expect.any(Number),
    });
    expect(row.costTime).toBeGreaterThanOrEqual(0);
    // Stamped with the time the request arrived (rounded to the millisecond).
    expect(new Date(row.operTime).getTime()).toBeGreaterThanOrEqual(sent - 1);
    expect(new Date(row.operTime).getTime()).toBeLessThanOrEqual(answered);
  });

  it('logs failed writes with the error code and message', async () => {
    const dup = await admin.post('/api/system/districts', { code: '120130', name: '重复', parentCode: '120000', level: 3 });
    expect(await rowFor(dup)).toMatchObject({ status: 'failure', httpStatus: 409, errorCode: 'CODE_TAKEN', errorMsg: '编码已存在', operName: 'admin', operType: 'create' });
    const invalid = await admin.post('/api/system/districts', { code: 'x' });
    expect(await rowFor(invalid)).toMatchObject({ status: 'failure', httpStatus: 400, errorCode: 'VALIDATION_FAILED', errorMsg: '请求参数不合法' });
    const forbidden = await (await t.as('enterprise')).request('DELETE', '/api/system/districts/120130');
    expect(await rowFor(forbidden)).toMatchObject({ status: 'failure', httpStatus: 403, errorCode: 'FORBIDDEN', operName: 'enterprise', operType: 'delete', title: '行政区划' });
    const anon = await t.anon().post('/api/system/roles', { key: 'x' });
    expect(await rowFor(anon)).toMatchObject({ status: 'failure', httpStatus: 401, errorCode: 'UNAUTHENTICATED', operName: null, deptName: null, operType: 'create', title: '角色管理' });
    const csrf = await admin.request('PUT', '/api/system/districts/120130', { body: { name: 'x', parentCode: null, level: 1 }, csrf: false });
    expect(await rowFor(csrf)).toMatchObject({ status: 'failure', httpStatus: 403, errorCode: 'CSRF_INVALID', operName: 'admin' });
  });

  it('logs the operation type each route declares', async () => {
    const role = json<{ items: { id: number; name: string; dataScope: string; permissions: string[] }[] }>(await admin.get('/api/system/roles?keyword=lab')).items[0]!;
    const grant = await admin.put(`/api/system/roles/${role.id}`, { name: role.name, dataScope: role.dataScope, permissions: role.permissions });
    expect(await rowFor(grant)).toMatchObject({ title: '角色管理', operType: 'grant', requestMethod: 'PUT', method: 'PUT /api/system/roles/:id', operUrl: `/api/system/roles/${role.id}` });
    const del = await admin.delete('/api/system/districts/120130');
    expect(await rowFor(del)).toMatchObject({ operType: 'delete', status: 'success', httpStatus: 200 });
    const exp = await admin.get('/api/system/users/export?keyword=admin');
    expect(await rowFor(exp)).toMatchObject({ title: '用户管理', operType: 'export', requestMethod: 'GET', operUrl: '/api/system/users/export?keyword=admin', operParam: JSON.stringify({ query: { keyword: 'admin' } }) });
  });

  it('does not log reads, nor the audit-chain check', async () => {
    const before = await total();
    await admin.get('/api/system/users');
    await admin.get('/api/system/districts');
    await admin.get('/api/monitor/operlog');
    await admin.get('/api/auth/me');
    expect((await admin.post('/api/monitor/audit/verify')).statusCode).toBe(200);
    expect(await total()).toBe(before);
  });
});

describe('secrets in logged parameters', () => {
  it('masks the password of a login attempt and names the attempted user', async () => {
    const res = await t.anon().login('LAB', 'Wrong-Secret-2026');
    expect(res.statusCode).toBe(401);
    const row = await rowFor(res);
    expect(row).toMatchObject({ title: '用户登录', operType: 'login', operName: 'lab', status: 'failure', httpStatus: 401, errorCode: 'INVALID_CREDENTIALS' });
    expect(JSON.parse(row.operParam!)).toEqual({ body: { username: 'LAB', password: '******' } });
    expect(row.operParam).not.toContain('Wrong-Secret-2026');
  });

  it('masks passwords in user creation, password resets and password changes', async () => {
    const labRole = json<{ items: { id: number }[] }>(await admin.get('/api/system/roles?keyword=lab')).items[0]!.id;
    const created = await admin.post('/api/system/users', { username: 'oplog-user', password: 'Very-Secret-2026', displayName: '日志', deptId: null, roleIds: [labRole] });
    expect(created.statusCode).toBe(201);
    const createRow = await rowFor(created);
    expect(JSON.parse(createRow.operParam!).body).toMatchObject({ username: 'oplog-user', password: '******' });
    expect(createRow.operParam).not.toContain('Very-Secret-2026');

    const id = json<{ id: number }>(created).id;
    const reset = await admin.put(`/api/system/users/${id}/password`, { password: 'Reset-Secret-2026' });
    const resetRow = await rowFor(reset);
    expect(JSON.parse(resetRow.operParam!)).toEqual({ body: { password: '******' } });

    const change = await admin.post('/api/auth/password', { currentPassword: 'Not-Admins-2026', newPassword: 'Change-Secret-2026' });
    expect(errorCode(change)).toBe('PASSWORD_WRONG');
    const changeRow = await rowFor(change);
    expect(changeRow).toMatchObject({ title: '修改密码', operType: 'update', status: 'failure', errorCode: 'PASSWORD_WRONG' });
    expect(JSON.parse(changeRow.operParam!)).toEqual({ body: { currentPassword: '******', newPassword: '******' } });
    expect(changeRow.operParam).not.toMatch(/Not-Admins|Change-Secret/);
  });
});

describe('describeParams', () => {
  it('masks password, secret and token keys at any depth, keeping other values', () => {
    const text = describeParams(
      { user: { name: 'a', Password: 'p1', nested: [{ apiToken: 't', keep: 1 }] }, clientSecret: 's', passwd: 'p2' },
      { token: 'q', page: '2' },
    );
    expect(JSON.parse(text!)).toEqual({
      query: { token: '******', page: '2' },
      body: { user: { name: 'a', Password: '******', nested: [{ apiToken: '******', keep: 1 }] }, clientSecret: '******', passwd: '******' },
    });
  });

  it('writes nothing for an empty request, [binary] for a buffer, and cuts long text', () => {
    expect(describeParams(undefined, {})).toBeNull();
    expect(describeParams(null, undefined)).toBeNull();
    expect(describeParams(Buffer.from('x'), {})).toBe('{"body":"[binary]"}');
    const long = describeParams({ text: 'x'.repeat(5000) }, {})!;
    expect(long).toHaveLength(2001);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('GET /api/monitor/operlog', () => {
  it('pages newest first and filters by type, status, operator, keyword and date', async () => {
    const all = json<Page<OperLog>>(await admin.get('/api/monitor/operlog?pageSize=200'));
    expect(all.total).toBe(await total());
    expect(all.items.map((r) => r.id)).toEqual([...all.items.map((r) => r.id)].sort((a, b) => b - a));
    const list = async (q: string) => json<Page<OperLog>>(await admin.get(`/api/monitor/operlog?pageSize=200&${q}`));
    const logins = await list('operType=login');
    expect(logins.total).toBeGreaterThan(0);
    expect(logins.items.every((r) => r.operType === 'login')).toBe(true);
    const failures = await list('status=failure');
    expect(failures.items.every((r) => r.status === 'failure')).toBe(true);
    expect(failures.total).toBe(all.items.filter((r) => r.status === 'failure').length);
    const labRows = await list('operName=LAB');
    expect(labRows.total).toBe(all.items.filter((r) => r.operName === 'lab').length);
    expect(labRows.total).toBeGreaterThan(0);
    const byTitle = await list(`keyword=${encodeURIComponent('行政区划')}`);
    expect(byTitle.items.every((r) => r.title === '行政区划')).toBe(true);
    // Every row was written moments ago: a window from yesterday to tomorrow (China time) holds them all.
    const yesterday = todayInChina(new Date(Date.now() - 86_400_000));
    const tomorrow = todayInChina(new Date(Date.now() + 86_400_000));
    expect((await list(`from=${yesterday}&to=${tomorrow}`)).total).toBe(all.total);
    expect((await list('to=2020-01-01')).total).toBe(0);
    expect((await list('from=2099-01-01')).total).toBe(0);
    const page2 = json<Page<OperLog>>(await admin.get('/api/monitor/operlog?page=2&pageSize=3'));
    expect(page2.items.map((r) => r.id)).toEqual(all.items.slice(3, 6).map((r) => r.id));
  });

  it('rejects bad filters with 400', async () => {
    for (const q of ['operType=hack', 'status=maybe', 'from=2025-13-01', 'to=yesterday', `operName=${'n'.repeat(65)}`, 'pageSize=1000', 'ip=1.2.3.4']) {
      const res = await admin.get(`/api/monitor/operlog?${q}`);
      expect({ q, status: res.statusCode, code: errorCode(res) }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('is readable by the quality office, which may not export it', async () => {
    const qo = await t.as('quality-office');
    expect((await qo.get('/api/monitor/operlog')).statusCode).toBe(200);
    expect((await qo.get('/api/monitor/operlog/export')).statusCode).toBe(403);
  });
});

describe('GET /api/monitor/operlog/export', () => {
  it('downloads the log as .xlsx with labelled types and statuses', async () => {
    const count = await total();
    const res = await admin.get('/api/monitor/operlog/export?status=failure');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^操作日志-\d{8}\.xlsx$/);
    const { subtitle, header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(subtitle).toMatch(/^筛选条件：状态：失败\u3000\u3000导出时间：/);
    expect(header).toEqual(['日志编号', '系统模块', '业务类型', '请求方式', '操作人员', '部门', '请求地址', '操作地址', '请求参数', '状态', 'HTTP 状态', '错误码', '错误信息', '请求编号', '操作时间', '耗时(毫秒)']);
    const failures = json<Page<OperLog>>(await admin.get('/api/monitor/operlog?status=failure&pageSize=200'));
    expect(rows).toHaveLength(failures.total);
    const first = rows[0]!;
    expect(first[0]).toBe(failures.items[0]!.id);
    expect(first[9]).toBe('失败');
    expect(first[10]).toBe(failures.items[0]!.httpStatus);
    expect(first[14]).toBeInstanceOf(Date);
    const login = failures.items.findIndex((r) => r.operType === 'login');
    expect(rows[login]![2]).toBe('登录');
    // The export itself is logged afterwards.
    expect(await total()).toBe(count + 1);
  });
});

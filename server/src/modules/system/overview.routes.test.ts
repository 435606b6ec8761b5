import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../../../contracts/calendar.js';
import type { Overview } from '../../../../contracts/system.js';
import { listOperLogs } from '../../platform/oplog/oplog.repository.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { listDepartments } from './department.repository.js';
import { listDistricts } from './district.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { saveLoginFailure } from './auth.repository.js';
import { countUsers, countUsersByRole } from './user.repository.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

describe('todayInChina', () => {
  it('is the date in UTC+8', () => {
    expect(todayInChina(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });
});

describe('GET /api/system/overview', () => {
  it('answers 401 without a session', async () => {
    const res = await t.anon().get('/api/system/overview');
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('reports the figures the database holds', async () => {
    // A later year with a holiday, so that a next holiday exists whatever today is in 2026.
    expect((await admin.post('/api/system/calendar/years', { year: 2027, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] })).statusCode).toBe(201);
    const write = await admin.post('/api/system/districts', { code: '120150', name: '首页测试区', parentCode: '120000', level: 3 });
    expect(write.statusCode).toBe(201);
    await t.app.flushOplog();

    const res = await admin.get('/api/system/overview');
    expect(res.statusCode).toBe(200);
    const o = json<Overview>(res);
    expect(o.users).toEqual(await countUsers(t.db));
    expect(o.users.total).toBeGreaterThan(50);
    expect(o.usersByRole).toEqual(await countUsersByRole(t.db, FULL_SCOPE));
    expect(o.usersByRole.find((r) => r.key === 'district_user')).toEqual({ key: 'district_user', name: '区用户', count: 17 });
    const departments = await listDepartments(t.db, FULL_SCOPE, {});
    expect(o.departments.total).toBe(departments.length);
    for (const k of o.departments.byKind) expect(k.count).toBe(departments.filter((d) => d.kind === k.kind).length);
    expect(o.districts).toBe((await listDistricts(t.db, {})).length);
    expect(o.districts).toBe(18);

    const recent = (await listOperLogs(t.db, {}, { offset: 0, limit: 10 })).rows;
    expect(o.recentOperations).toEqual(recent.map((r) => ({ id: r.id, title: r.title, operType: r.operType, operName: r.operName, operDisplayName: expect.anything(), status: r.status, operTime: r.operTime.toISOString() })));
    expect(o.recentOperations[0]).toMatchObject({ title: '行政区划', operType: 'create', operName: 'admin', operDisplayName: '系统管理员（信息中心）', status: 'success' });

    expect(o.calendar.years).toEqual([2024, 2025, 2026, 2027]);
    const today = todayInChina();
    let expected: { date: string; name: string } | null = null;
    for (const y of o.calendar.years) {
      const days = json<{ days: CalendarDay[] }>(await admin.get(`/api/system/calendar/years/${y}`)).days;
      const next = days.find((d) => d.kind === 'holiday' && d.date >= today);
      if (next && !expected) expected = { date: next.date, name: next.name ?? '' };
    }
    expect(o.calendar.nextHoliday).toEqual(expected);
    if (today <= '2027-01-01') expect(o.calendar.nextHoliday).not.toBeNull();
  });

  it('counts locked accounts while the lock lasts', async () => {
    const before = json<Overview>(await admin.get('/api/system/overview')).users.locked;
    // Locked from two addresses: still one locked account.
    const lock = (source: string, ms: number) => saveLoginFailure(t.db, { username: 'tj120105-02', source, failedCount: 0, lockedUntil: new Date(Date.now() + ms), lastFailedAt: new Date() });
    await lock('192.0.2.1', 600_000);
    await lock('192.0.2.2', 300_000);
    expect(json<Overview>(await admin.get('/api/system/overview')).users.locked).toBe(before + 1);
    await lock('192.0.2.1', -1_000);
    await lock('192.0.2.2', -1_000);
    expect(json<Overview>(await admin.get('/api/system/overview')).users.locked).toBe(before);
  });

  it('hides recent operations from users who may not read the operation log', async () => {
    const enterprise = await t.as('enterprise');
    const res = await enterprise.get('/api/system/overview');
    expect(res.statusCode).toBe(200);
    const o = json<Overview>(res);
    expect(o.recentOperations).toEqual([]);
    expect((await listOperLogs(t.db, {}, { offset: 0, limit: 1 })).total).toBeGreaterThan(0);
    const qo = json<Overview>(await (await t.as('quality-office')).get('/api/system/overview'));
    expect(qo.recentOperations.length).toBeGreaterThan(0);
  });

  it('counts only what the caller may see: a district user its district, an enterprise user itself', async () => {
    const district = json<Overview>(await (await t.as('district-user')).get('/api/system/overview'));
    const inDistrict = json<{ total: number }>(await (await t.as('admin')).get('/api/system/users?districtCode=120101&pageSize=1')).total;
    expect(district.users.total).toBe(inDistrict);
    expect(district.usersByRole.reduce((s, r) => s + r.count, 0)).toBeGreaterThanOrEqual(inDistrict);
    expect(district.usersByRole.find((r) => r.key === 'admin')?.count).toBe(0);
    const enterprise = json<Overview>(await (await t.as('enterprise')).get('/api/system/overview'));
    expect(enterprise.users.total).toBe(1);
    expect(enterprise.departments.total).toBe(0);
  });
});

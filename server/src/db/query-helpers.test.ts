/**
 * Search boxes: what a user types is plain text. The helpers escape LIKE wildcards; every list
 * endpoint with a keyword is then checked on the database against a plain substring search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../contracts/common.js';
import type { AuditEntry, OperLog } from '../../../contracts/logs.js';
import type { Department, District, DictType, Role } from '../../../contracts/system.js';
import { listUserRows as listUsers } from '../modules/system/index.js';
import { FULL_SCOPE } from '../platform/data-scope/data-scope.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../test/test-app.js';
import { containsPattern, dayAfter, dayStart, escapeLike, pageWindow } from './query-helpers.js';

describe('query helpers', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(escapeLike("' OR 1=1 --")).toBe("' OR 1=1 --");
    expect(containsPattern('%')).toBe('%\\%%');
    expect(containsPattern('和平')).toBe('%和平%');
  });

  it('turns a page number into offset and limit', () => {
    expect(pageWindow(1, 20)).toEqual({ offset: 0, limit: 20 });
    expect(pageWindow(3, 50)).toEqual({ offset: 100, limit: 50 });
  });

  it('reads dates as days in China time (UTC+8)', () => {
    expect(dayStart('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(dayAfter('2026-03-01').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(dayAfter('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  const lab = json<Page<Role>>(await admin.get('/api/system/roles?keyword=lab')).items[0]!.id;
  const users: [string, string][] = [
    ['pct-user', '百分%之百'],
    ['under_score', '下划线'],
    ['back-slash', 'C:\\Temp'],
    ['quote-user', "O'Brien"],
  ];
  for (const [username, displayName] of users) {
    const res = await admin.post('/api/system/users', { username, password: 'Search-Test-2026', displayName, deptId: null, roleIds: [lab] });
    expect(res.statusCode).toBe(201);
  }
  const gov = json<{ items: Department[] }>(await admin.get('/api/system/departments?keyword=%E5%A4%A9%E6%B4%A5%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C')).items.find((d) => d.parentId === null)!.id;
  expect((await admin.post('/api/system/departments', { parentId: gov, name: '100%达标办公室', shortName: 'a_b', aliases: ["x'y"], kind: 'office' })).statusCode).toBe(201);
  expect((await admin.post('/api/system/roles', { key: 'pct_role', name: '50%角色', dataScope: 'self', permissions: [] })).statusCode).toBe(201);
  expect((await admin.post('/api/system/dicts', { type: 'pct_dict', nameZh: '百分%字典', nameEn: "it's_here" })).statusCode).toBe(201);
  await t.app.flushOplog();
});
afterAll(async () => {
  await t.close();
});

const KEYWORDS = ["' OR 1=1 --", "'; DROP TABLE app_user; --", '%', '_', '\\', "'", '%%', '_%', '%_', 'a%b', '" OR ""="', ') OR (1=1'];

const has = (keyword: string, ...fields: (string | null | undefined)[]) => fields.some((f) => f != null && f.toLowerCase().includes(keyword.toLowerCase()));

/** A JSON value as PostgreSQL prints jsonb as text (`{"a": 1, "b": [1, 2]}`), or null. */
function jsonbText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const render = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(render).join(', ')}]`;
    if (x !== null && typeof x === 'object') return `{${Object.entries(x as Record<string, unknown>).map(([k, y]) => `${JSON.stringify(k)}: ${render(y)}`).join(', ')}}`;
    return JSON.stringify(x);
  };
  return render(v);
}

/** Run `keyword` through a list endpoint and compare with a plain substring filter of everything. */
async function expectPlainText<T>(url: (keyword: string) => string, all: () => Promise<T[]>, key: (item: T) => string | number, matches: (item: T, keyword: string) => boolean) {
  const everything = await all();
  for (const keyword of KEYWORDS) {
    const res = await admin.get(url(encodeURIComponent(keyword)));
    expect({ keyword, status: res.statusCode }).toEqual({ keyword, status: 200 });
    const body = json<{ items: T[] }>(res);
    const got = body.items.map(key).sort();
    const expected = everything.filter((i) => matches(i, keyword)).map(key).sort();
    expect({ keyword, got }).toEqual({ keyword, got: expected });
    if (keyword === '%') expect(got.length).toBeLessThan(everything.length);
  }
}

describe('search boxes treat SQL and LIKE metacharacters as plain text', () => {
  it('users: username, name, phone, e-mail', async () => {
    const { rows } = await listUsers(t.db, FULL_SCOPE, {}, { offset: 0, limit: 10_000 });
    await expectPlainText(
      (k) => `/api/system/users?pageSize=200&keyword=${k}`,
      async () => rows.map((r) => r.user),
      (u) => u.id,
      (u, k) => has(k, u.username, u.displayName, u.phone, u.email),
    );
    const pct = json<Page<{ username: string }>>(await admin.get('/api/system/users?keyword=%25'));
    expect(pct.items.map((u) => u.username)).toEqual(['pct-user']);
    const underscore = json<Page<{ username: string }>>(await admin.get('/api/system/users?keyword=_'));
    expect(underscore.items.map((u) => u.username)).toEqual(['under_score']);
  });

  it('departments: name, short name, former names', async () => {
    const all = json<{ items: Department[] }>(await admin.get('/api/system/departments')).items;
    await expectPlainText(
      (k) => `/api/system/departments?keyword=${k}`,
      async () => all,
      (d) => d.id,
      (d, k) => has(k, d.name, d.shortName) || has(k, d.aliases.join(' ')),
    );
    expect(json<{ items: Department[] }>(await admin.get('/api/system/departments?keyword=%25')).items.map((d) => d.name)).toEqual(['100%达标办公室']);
  });

  it('districts, roles and dictionary types', async () => {
    const districts = json<{ items: District[] }>(await admin.get('/api/system/districts')).items;
    await expectPlainText((k) => `/api/system/districts?keyword=${k}`, async () => districts, (d) => d.code, (d, k) => has(k, d.name, d.code));
    const roles = json<Page<Role>>(await admin.get('/api/system/roles?pageSize=200')).items;
    await expectPlainText((k) => `/api/system/roles?pageSize=200&keyword=${k}`, async () => roles, (r) => r.id, (r, k) => has(k, r.name, r.key));
    const dicts = json<Page<DictType>>(await admin.get('/api/system/dicts?pageSize=200')).items;
    await expectPlainText((k) => `/api/system/dicts?pageSize=200&keyword=${k}`, async () => dicts, (d) => d.type, (d, k) => has(k, d.type, d.nameZh, d.nameEn));
  });

  it('operation log and audit trail', async () => {
    const ops = json<Page<OperLog>>(await admin.get('/api/monitor/operlog?pageSize=200')).items;
    await expectPlainText((k) => `/api/monitor/operlog?pageSize=200&keyword=${k}`, async () => ops, (o) => o.id, (o, k) => has(k, o.title, o.operUrl, o.operName, o.requestId));
    const audit = json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?pageSize=200')).items;
    expect(audit.length).toBeLessThan(200);
    // The audit keyword also looks inside the recorded before/after snapshots.
    await expectPlainText(
      (k) => `/api/monitor/audit?pageSize=200&keyword=${k}`,
      async () => audit,
      (a) => a.seq,
      (a, k) => has(k, a.action, a.targetType, a.targetId, a.actorUsername, jsonbText(a.before), jsonbText(a.after)),
    );
    const pct = json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?pageSize=200&keyword=%25')).items;
    expect(pct.length).toBeGreaterThan(0);
    expect(pct.every((a) => JSON.stringify([a.before, a.after]).includes('%'))).toBe(true);
    // The action filter is a prefix match: a wildcard there is literal too.
    expect(json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?action=%25')).total).toBe(0);
    expect(json<Page<AuditEntry>>(await admin.get('/api/monitor/audit?action=system_user')).total).toBe(0);
  });

  it('left every table in place', async () => {
    expect((await admin.get('/api/system/users?pageSize=1')).statusCode).toBe(200);
    expect(json<Page<unknown>>(await admin.get('/api/system/users?pageSize=1')).total).toBeGreaterThan(50);
  });
});

describe('a NUL character typed into a search box', () => {
  it('finds nothing (or is refused as invalid) instead of failing with 500', async () => {
    // No stored text can contain NUL (PostgreSQL refuses it), so the plain-text answer is "no match".
    for (const url of ['/api/system/users?keyword=a%00b', '/api/system/departments?keyword=%00', '/api/monitor/operlog?keyword=%00']) {
      const res = await admin.get(url);
      const outcome = res.statusCode === 200 ? { status: 200, items: json<{ items: unknown[] }>(res).items } : { status: res.statusCode, code: errorCode(res) };
      expect([
        { status: 200, items: [] },
        { status: 400, code: 'VALIDATION_FAILED' },
      ]).toContainEqual(outcome);
    }
  });
});

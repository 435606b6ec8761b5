/**
 * Route-level access for every /api route: 401 without a session, 403 FORBIDDEN (naming the
 * permission) for a user lacking it, 403 CSRF_INVALID for a write without the token, 403
 * PASSWORD_CHANGE_REQUIRED until a forced change is done — and none of these writes anything.
 * The table is checked against the routes the app actually serves, so a new route must be added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHeadRow } from './platform/audit/audit.repository.js';
import { buildTestApp, errorCode, json, type Method, type TestApp } from './test/test-app.js';

type Access = 'public' | 'authenticated' | string;

/** [method, OpenAPI path, access]. */
const ROUTES: [Method, string, Access][] = [
  ['GET', '/api/health', 'public'],
  ['GET', '/api/validate/uscc/{code}', 'public'],
  ['POST', '/api/auth/login', 'public'],
  ['POST', '/api/auth/logout', 'authenticated'],
  ['GET', '/api/auth/me', 'authenticated'],
  ['POST', '/api/auth/password', 'authenticated'],
  ['GET', '/api/calendar/add-working-days', 'authenticated'],
  ['GET', '/api/calendar/working-days-between', 'authenticated'],
  ['GET', '/api/calendar/deadline', 'authenticated'],
  ['GET', '/api/system/dicts/all', 'authenticated'],
  ['GET', '/api/system/overview', 'authenticated'],

  ['GET', '/api/system/districts', 'system:district:list'],
  ['GET', '/api/system/districts/export', 'system:district:export'],
  ['POST', '/api/system/districts', 'system:district:create'],
  ['PUT', '/api/system/districts/{code}', 'system:district:update'],
  ['DELETE', '/api/system/districts/{code}', 'system:district:delete'],

  ['GET', '/api/system/departments', 'system:dept:list'],
  ['GET', '/api/system/departments/export', 'system:dept:export'],
  ['POST', '/api/system/departments', 'system:dept:create'],
  ['PUT', '/api/system/departments/{id}', 'system:dept:update'],
  ['DELETE', '/api/system/departments/{id}', 'system:dept:delete'],

  ['GET', '/api/system/users', 'system:user:list'],
  ['GET', '/api/system/users/export', 'system:user:export'],
  ['GET', '/api/system/users/import-template', 'system:user:import'],
  ['POST', '/api/system/users/import', 'system:user:import'],
  ['GET', '/api/system/users/role-options', 'system:user:list'],
  ['GET', '/api/system/users/{id}', 'system:user:list'],
  ['POST', '/api/system/users', 'system:user:create'],
  ['PUT', '/api/system/users/{id}', 'system:user:update'],
  ['PUT', '/api/system/users/{id}/status', 'system:user:update'],
  ['PUT', '/api/system/users/{id}/password', 'system:user:reset-password'],
  ['PUT', '/api/system/users/{id}/unlock', 'system:user:unlock'],

  ['GET', '/api/system/permissions', 'system:role:list'],
  ['GET', '/api/system/roles', 'system:role:list'],
  ['GET', '/api/system/roles/export', 'system:role:export'],
  ['GET', '/api/system/roles/{id}', 'system:role:list'],
  ['POST', '/api/system/roles', 'system:role:create'],
  ['PUT', '/api/system/roles/{id}', 'system:role:update'],
  ['DELETE', '/api/system/roles/{id}', 'system:role:delete'],

  ['GET', '/api/system/dicts', 'system:dict:list'],
  ['GET', '/api/system/dicts/export', 'system:dict:export'],
  ['GET', '/api/system/dicts/{type}', 'system:dict:list'],
  ['POST', '/api/system/dicts', 'system:dict:create'],
  ['PUT', '/api/system/dicts/{type}', 'system:dict:update'],
  ['DELETE', '/api/system/dicts/{type}', 'system:dict:delete'],
  ['POST', '/api/system/dicts/{type}/items', 'system:dict:create'],
  ['PUT', '/api/system/dicts/{type}/items/{id}', 'system:dict:update'],
  ['DELETE', '/api/system/dicts/{type}/items/{id}', 'system:dict:delete'],

  ['GET', '/api/system/calendar/years', 'system:calendar:list'],
  ['GET', '/api/system/calendar/years/{year}', 'system:calendar:list'],
  ['GET', '/api/system/calendar/years/{year}/export', 'system:calendar:export'],
  ['POST', '/api/system/calendar/years', 'system:calendar:update'],
  ['PUT', '/api/system/calendar/years/{year}', 'system:calendar:update'],
  ['PUT', '/api/system/calendar/days/{date}', 'system:calendar:update'],
  ['GET', '/api/system/doc-issuers', 'system:document:list'],
  ['PUT', '/api/system/doc-issuers/{key}', 'system:document:update'],
  ['GET', '/api/system/jobs', 'system:job:list'],
  ['GET', '/api/system/jobs/{name}/runs', 'system:job:list'],
  ['POST', '/api/system/jobs/{name}/run', 'system:job:run'],

  ['GET', '/api/plans', 'plans:plan:list'],
  ['GET', '/api/plans/export', 'plans:plan:list'],
  ['POST', '/api/plans/import', 'plans:plan:import'],
  ['POST', '/api/plans/import-text', 'plans:plan:import'],
  ['GET', '/api/plans/import-template', 'plans:plan:import'],
  ['GET', '/api/plans/{id}', 'plans:plan:list'],
  ['PUT', '/api/plans/{id}/draft', 'plans:plan:update'],
  ['POST', '/api/plans/{id}/publish', 'plans:plan:publish'],
  ['DELETE', '/api/plans/{id}', 'plans:plan:delete'],
  ['GET', '/api/tasks', 'plans:task:list'],
  ['GET', '/api/tasks/export', 'plans:task:export'],
  ['GET', '/api/tasks/units', 'plans:task:list'],
  ['POST', '/api/tasks/batch-reminders', 'plans:task:remind'],
  ['GET', '/api/plans/todo', 'plans:task:list'],
  ['GET', '/api/plans/dashboard', 'plans:task:list'],
  ['GET', '/api/plans/{id}/rounds', 'plans:task:list'],
  ['POST', '/api/plans/rounds/{id}/submissions', 'plans:task:report'],
  ['GET', '/api/indicators', 'plans:plan:list'],
  ['GET', '/api/indicators/{id}', 'plans:plan:list'],
  ['POST', '/api/indicators/{id}/values', 'plans:plan:update'],
  ['PUT', '/api/indicators/{id}/baseline', 'plans:plan:update'],
  ['GET', '/api/tasks/{id}', 'plans:task:list'],
  ['POST', '/api/tasks/{id}/reports', 'plans:task:report'],
  ['POST', '/api/plans/reports/{id}/attachments', 'plans:task:report'],
  ['GET', '/api/task-attachments/{id}', 'plans:task:list'],
  ['POST', '/api/plans/reports/{id}/review', 'plans:task:review'],
  ['POST', '/api/tasks/{id}/reminders', 'plans:task:remind'],
  ['POST', '/api/plans/reminders/{id}/response', 'plans:task:report'],

  ['GET', '/api/assessment/schemes', 'assessment:scheme:list'],
  ['GET', '/api/assessment/unit-options', 'assessment:scheme:list'],
  ['POST', '/api/assessment/schemes', 'assessment:scheme:create'],
  ['GET', '/api/assessment/schemes/{id}', 'assessment:scheme:list'],
  ['PUT', '/api/assessment/schemes/{id}', 'assessment:scheme:update'],
  ['DELETE', '/api/assessment/schemes/{id}', 'assessment:scheme:delete'],
  ['GET', '/api/assessment/schemes/{id}/inputs', 'assessment:scheme:list'],
  ['PUT', '/api/assessment/schemes/{id}/inputs', 'assessment:input:update'],
  ['GET', '/api/assessment/schemes/{id}/inputs/template', 'assessment:input:import'],
  ['POST', '/api/assessment/schemes/{id}/inputs/import', 'assessment:input:import'],
  ['POST', '/api/assessment/schemes/{id}/score', 'assessment:result:score'],
  ['POST', '/api/assessment/schemes/{id}/publish', 'assessment:result:publish'],
  ['GET', '/api/assessment/schemes/{id}/results', 'assessment:result:list'],
  ['GET', '/api/assessment/schemes/{id}/results/export', 'assessment:result:export'],
  ['GET', '/api/assessment/schemes/{id}/notice', 'assessment:result:export'],
  ['GET', '/api/assessment/my-results', 'assessment:result:list'],
  ['POST', '/api/assessment/results/{id}/rectifications', 'assessment:rectification:submit'],
  ['POST', '/api/assessment/rectifications/{id}/review', 'assessment:rectification:review'],

  ['GET', '/api/entities', 'entities:entity:list'],
  ['GET', '/api/entities/export', 'entities:entity:export'],
  ['POST', '/api/entities', 'entities:entity:create'],
  ['GET', '/api/entities/{uscc}', 'entities:entity:list'],
  ['PUT', '/api/entities/{uscc}', 'entities:entity:update'],
  ['POST', '/api/entities/{uscc}/products', 'entities:entity:update'],
  ['DELETE', '/api/entities/{uscc}/products/{productId}', 'entities:entity:update'],
  ['POST', '/api/entities/{uscc}/licences', 'entities:entity:update'],
  ['POST', '/api/entities/{uscc}/licences/{licenceId}/revoke', 'entities:entity:update'],
  ['GET', '/api/entities/{uscc}/records', 'entities:record:list'],
  ['POST', '/api/entities/{uscc}/records', 'authenticated'],
  ['GET', '/api/entities/import/template', 'entities:entity:import'],
  ['POST', '/api/entities/import', 'entities:entity:import'],
  ['GET', '/api/entities/records/import/template', 'entities:record:import'],
  ['POST', '/api/entities/records/import', 'entities:record:import'],
  ['POST', '/api/entities/{uscc}/submissions', 'entities:record:declare'],
  ['GET', '/api/entities/{uscc}/submissions', 'entities:record:list'],
  ['GET', '/api/submissions', 'entities:record:review'],
  ['POST', '/api/submissions/{id}/approve', 'entities:record:review'],
  ['POST', '/api/submissions/{id}/reject', 'entities:record:review'],

  ['POST', '/api/credit/entries/{id}/repair-check', 'credit:repair:apply'],
  ['GET', '/api/credit/lists', 'credit:list:list'],
  ['GET', '/api/credit/lists/export', 'credit:list:export'],
  ['GET', '/api/credit/lists/alerts', 'credit:list:list'],
  ['GET', '/api/credit/lists/settings', 'credit:list:list'],
  ['PUT', '/api/credit/lists/settings', 'credit:model:update'],
  ['POST', '/api/credit/lists/clock', 'credit:list:approve'],
  ['GET', '/api/credit/lists/{id}', 'credit:list:list'],
  ['POST', '/api/credit/lists', 'credit:list:create'],
  ['POST', '/api/credit/lists/{id}/approve', 'credit:list:approve'],
  ['POST', '/api/credit/lists/{id}/publish', 'credit:list:create'],
  ['POST', '/api/credit/lists/{id}/cure', 'credit:list:create'],
  ['POST', '/api/credit/lists/{id}/remove', 'credit:list:remove'],
  ['POST', '/api/credit/lists/{id}/revoke', 'credit:list:remove'],
  ['GET', '/api/credit/entities/{uscc}/lists', 'credit:evaluation:list'],
  ['GET', '/api/credit/honours', 'credit:list:list'],
  ['GET', '/api/credit/honours/{id}', 'credit:list:list'],
  ['POST', '/api/credit/honours', 'credit:honour:manage'],
  ['PUT', '/api/credit/honours/{id}', 'credit:honour:manage'],
  ['POST', '/api/credit/honours/{id}/submit', 'credit:honour:manage'],
  ['POST', '/api/credit/honours/{id}/approve', 'credit:honour:approve'],
  ['POST', '/api/credit/honours/{id}/publish', 'credit:honour:manage'],
  ['POST', '/api/credit/repairs', 'credit:repair:apply'],
  ['GET', '/api/credit/repairs/alerts', 'credit:repair:handle'],
  ['POST', '/api/credit/objections', 'credit:repair:apply'],
  ['GET', '/api/credit/repairs', 'credit:repair:list'],
  ['GET', '/api/credit/repairs/{id}', 'credit:repair:list'],
  ['POST', '/api/credit/repairs/{id}/files', 'credit:repair:apply'],
  ['GET', '/api/credit/repairs/{id}/files/{fileId}', 'credit:repair:list'],
  ['POST', '/api/credit/repairs/{id}/accept', 'credit:repair:handle'],
  ['POST', '/api/credit/repairs/{id}/decide', 'credit:repair:handle'],
  ['GET', '/api/credit/objections', 'credit:repair:list'],
  ['GET', '/api/credit/objections/{id}', 'credit:repair:list'],
  ['POST', '/api/credit/objections/{id}/files', 'credit:repair:apply'],
  ['GET', '/api/credit/objections/{id}/files/{fileId}', 'credit:repair:list'],
  ['POST', '/api/credit/objections/{id}/accept', 'credit:repair:handle'],
  ['POST', '/api/credit/objections/{id}/decide', 'credit:repair:handle'],
  ['GET', '/api/credit/sanction-rules', 'credit:sanction:query'],
  ['PUT', '/api/credit/sanction-rules/{id}', 'credit:sanction:update'],
  ['GET', '/api/credit/entities/{uscc}/sanctions', 'credit:sanction:query'],
  ['GET', '/api/credit/sanction-queries', 'credit:sanction:update'],
  ['GET', '/api/credit/models', 'credit:model:list'],
  ['GET', '/api/credit/models/{id}', 'credit:model:list'],
  ['POST', '/api/credit/models', 'credit:model:update'],
  ['POST', '/api/credit/models/{id}/activate', 'credit:model:update'],
  ['POST', '/api/credit/evaluations/recompute', 'credit:evaluation:recompute'],
  ['GET', '/api/credit/evaluations/stats', 'credit:evaluation:list'],
  ['GET', '/api/credit/entities/{uscc}/evaluation', 'credit:evaluation:list'],
  ['GET', '/api/credit/entities/{uscc}/report', 'credit:report:export'],
  ['GET', '/api/public/credit/{uscc}/report', 'public'],
  ['GET', '/api/public/credit', 'public'],
  ['GET', '/api/public/credit/{uscc}', 'public'],
  ['GET', '/api/public/lists/{list}', 'public'],
  ['GET', '/api/public/districts', 'public'],

  ['GET', '/api/monitor/operlog', 'monitor:operlog:list'],
  ['GET', '/api/monitor/operlog/export', 'monitor:operlog:export'],
  ['GET', '/api/monitor/audit', 'monitor:audit:list'],
  ['GET', '/api/monitor/audit/export', 'monitor:audit:export'],
  ['POST', '/api/monitor/audit/verify', 'monitor:audit:verify'],
];

const PARAMS: Record<string, string> = { key: 'credit-report', id: '1', code: '120101', type: 'sys_status', year: '2025', date: '2025-01-02', uscc: '91120116MA05JQ7W8X', productId: '1', licenceId: '1', fileId: '1', name: 'credit.list-clock' };
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => PARAMS[name]!);
const isWrite = (m: Method) => m !== 'GET';
/** Harmless bodies: the checks under test run before validation and must refuse first. */
const BODY = { status: 'disabled' };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function headSeq(): Promise<number> {
  return (await auditHeadRow(t.db))?.seq ?? 0;
}

describe('the route table', () => {
  it('lists exactly the /api routes the app serves (a new route must declare its access here)', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
    const listed = ROUTES.map(([m, p]) => `${m} ${p}`);
    expect([...served].sort()).toEqual([...listed].sort());
  });
});

describe('401 without a session', () => {
  it('refuses every non-public route, reads and writes alike, and writes nothing', async () => {
    const anon = t.anon();
    const before = await headSeq();
    for (const [method, path, access] of ROUTES) {
      if (access === 'public') continue;
      const res = await anon.request(method, concrete(path), isWrite(method) ? { body: BODY } : {});
      expect({ route: `${method} ${path}`, status: res.statusCode, code: errorCode(res) }).toEqual({ route: `${method} ${path}`, status: 401, code: 'UNAUTHENTICATED' });
    }
    expect(await headSeq()).toBe(before);
  });

  it('serves the public routes without a session', async () => {
    const anon = t.anon();
    expect((await anon.get('/api/health')).statusCode).toBe(200);
    expect((await anon.get('/api/validate/uscc/91120116MA05JQ7W8X')).statusCode).toBe(200);
    expect((await anon.get('/api/openapi.json')).statusCode).toBe(200);
  });

  it('treats a forged or over-long session cookie as no session', async () => {
    for (const token of ['forged', 'x'.repeat(500)]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `zl_session=${token}` } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe('403 FORBIDDEN without the permission', () => {
  it('refuses every permission route to a user lacking it (the lab holds only the calendar), naming the permission, and writes nothing', async () => {
    const lab = await t.as('lab');
    const held = new Set(json<{ permissions: string[] }>(await lab.get('/api/auth/me')).permissions);
    expect([...held]).toEqual(['system:calendar:list']);
    const before = await headSeq();
    for (const [method, path, access] of ROUTES) {
      if (access === 'public' || access === 'authenticated' || held.has(access)) continue;
      const res = await lab.request(method, concrete(path), isWrite(method) ? { body: BODY } : {});
      const body = json<{ error: { code: string; details?: { required?: string } } }>(res);
      expect({ route: `${method} ${path}`, status: res.statusCode, code: body.error.code, required: body.error.details?.required }).toEqual({
        route: `${method} ${path}`,
        status: 403,
        code: 'FORBIDDEN',
        required: access,
      });
    }
    expect(await headSeq()).toBe(before);
  });

  it('lets the same user use the routes open to every signed-in user', async () => {
    const enterprise = await t.as('enterprise');
    for (const url of [
      '/api/auth/me',
      '/api/system/overview',
      '/api/system/dicts/all',
      '/api/calendar/add-working-days?from=2025-01-02&days=1',
      '/api/calendar/working-days-between?from=2025-01-02&to=2025-01-03',
      '/api/calendar/deadline?from=2025-01-02&days=1',
    ]) {
      expect({ url, status: (await enterprise.get(url)).statusCode }).toEqual({ url, status: 200 });
    }
  });

  it('refuses a lab user everything but the calendar it may read', async () => {
    const lab = await t.as('lab');
    expect((await lab.get('/api/system/calendar/years')).statusCode).toBe(200);
    for (const url of ['/api/system/users', '/api/system/departments', '/api/system/districts', '/api/system/roles', '/api/monitor/audit', '/api/system/calendar/years/2025/export']) {
      const res = await lab.get(url);
      expect({ url, status: res.statusCode, code: errorCode(res) }).toEqual({ url, status: 403, code: 'FORBIDDEN' });
    }
  });
});

describe('403 CSRF_INVALID', () => {
  it('refuses every write of a logged-in user without the x-csrf-token header, and writes nothing', async () => {
    const admin = await t.as('admin');
    const before = await headSeq();
    for (const [method, path, access] of ROUTES) {
      if (!isWrite(method) || access === 'public') continue;
      const res = await admin.request(method, concrete(path), { body: BODY, csrf: false });
      expect({ route: `${method} ${path}`, status: res.statusCode, code: errorCode(res) }).toEqual({ route: `${method} ${path}`, status: 403, code: 'CSRF_INVALID' });
    }
    // The session survived the refused logout.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
    expect(await headSeq()).toBe(before);
  });

  it('refuses a header equal to the cookie when both differ from the session token', async () => {
    const admin = await t.as('admin');
    const cookie = [...admin.jar].filter(([k]) => k !== 'zl_csrf').map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/system/districts/120119',
      headers: { cookie: `${cookie}; zl_csrf=attacker`, 'x-csrf-token': 'attacker' },
    });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('CSRF_INVALID');
  });

  it('does not require the token on the login route', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
  });
});

describe('403 PASSWORD_CHANGE_REQUIRED', () => {
  it('blocks everything but me, logout and password change until the forced change is done', async () => {
    // Staff accounts of the demo city must change their initial password.
    const staff = await t.as('tj120101-01');
    const before = await headSeq();
    for (const [method, path, access] of ROUTES) {
      if (access === 'public') continue;
      if (['/api/auth/me', '/api/auth/logout', '/api/auth/password'].includes(path)) continue;
      const res = await staff.request(method, concrete(path), isWrite(method) ? { body: BODY } : {});
      expect({ route: `${method} ${path}`, status: res.statusCode, code: errorCode(res) }).toEqual({ route: `${method} ${path}`, status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    }
    expect(await headSeq()).toBe(before);
    const me = await staff.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(json<{ user: { mustChangePassword: boolean } }>(me).user.mustChangePassword).toBe(true);
  });
});

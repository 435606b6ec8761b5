/**
 * A role edit and a grant of that role, at the same time, on PostgreSQL (several connections; PGlite
 * has one and runs transactions one after the other). The grant must judge the role as the edit
 * leaves it: before the role rows were locked, the grant checked the role before its transaction,
 * then waited only at the insert, and a district actor could hand out a role that had meanwhile
 * been widened to 全部 (the whole city).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ALL_PERMISSIONS } from '../../../../contracts/permissions.js';
import type { Role, User } from '../../../../contracts/system.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { findDepartmentsByName } from './department.repository.js';
import { findUserByUsername, updateUserRow } from './user.repository.js';

const onPostgres = inject('databaseUrl') !== '';
const PASSWORD = 'Race-Grant-2026!';

let t: TestApp;
let actor: Agent;
let target: Role;
let deptId: number;
let raw: pg.Client;

/**
 * Run `statements` in a transaction of the second connection, start `request` while it is open,
 * check that the request waits for it, then commit and return the request's answer.
 */
async function whileHeld<T>(statements: readonly [sql: string, params: unknown[]][], request: () => Promise<T>): Promise<T> {
  await raw.query('begin');
  for (const [sql, params] of statements) await raw.query(sql, params);
  let settled = false;
  const pending = request().finally(() => (settled = true));
  await new Promise((r) => setTimeout(r, 400));
  expect(settled).toBe(false);
  await raw.query('commit');
  return pending;
}

describe.skipIf(!onPostgres)('a grant racing an edit of the same role (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await t.as('admin');
    deptId = (await findDepartmentsByName(t.db, '天津市和平区市场监督管理局'))[0]!.id;
    const hr = await admin.post('/api/system/roles', { key: 'race_hr', name: '竞态-区划人事', dataScope: 'district', customDeptIds: [], permissions: [...ALL_PERMISSIONS] });
    expect(hr.statusCode).toBe(201);
    const made = await admin.post('/api/system/roles', { key: 'race_target', name: '竞态-本部门', dataScope: 'dept', customDeptIds: [], permissions: [] });
    expect(made.statusCode).toBe(201);
    target = json<Role>(made);
    const created = await admin.post('/api/system/users', {
      username: 'race-actor',
      password: PASSWORD,
      displayName: '竞态操作员',
      deptId,
      districtCode: '120101',
      roleIds: [json<Role>(hr).id],
    });
    expect(created.statusCode).toBe(201);
    await updateUserRow(t.db, json<User>(created).id, { mustChangePassword: false });
    actor = t.anon();
    expect((await actor.login('race-actor', PASSWORD)).statusCode).toBe(200);
    // A second connection to this test file's own database, for the racing edit.
    const rows = (await t.db.execute('select current_database() as name')) as unknown as { rows: { name: string }[] };
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${rows.rows[0]!.name}`;
    raw = new pg.Client({ connectionString: url.toString() });
    await raw.connect();
  });
  afterAll(async () => {
    await raw?.end();
    await t?.close();
  });

  it('waits for the edit, then refuses the role it widened beyond the actor (403), creating nobody', async () => {
    const grant = (username: string) =>
      actor.post('/api/system/users', { username, password: PASSWORD, displayName: '竞态对象', deptId, districtCode: '120101', roleIds: [target.id] });
    // Within the actor's 和平区, 本部门 may be granted.
    expect((await grant('race-before')).statusCode).toBe(201);

    // The edit holds the role's row and widens it to 全部; the grant starts before it commits.
    const res = await whileHeld(
      [
        ['select id from role where id = $1 for update', [target.id]],
        [`update role set data_scope = 'all' where id = $1`, [target.id]],
      ],
      () => grant('race-during'),
    );
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await findUserByUsername(t.db, 'race-during')).toBeNull();
  });
  it('makes an edit wait for a grant in progress, then judges the new holder (403 when outside the editor)', async () => {
    const outsider = await findUserByUsername(t.db, 'tj120102-01'); // 河东区: outside the actor's 和平区
    expect(outsider).not.toBeNull();
    // Back to 本部门 (the first case left the edit's 全部 committed), so the actor may edit it.
    await raw.query(`update role set data_scope = 'dept' where id = $1`, [target.id]);
    const current = json<Role>(await actor.get(`/api/system/roles/${target.id}`));
    // The grant (by someone entitled to it) holds the role and adds a holder in another district.
    const res = await whileHeld(
      [
        ['select id from role where id = $1 for share', [target.id]],
        ['insert into user_role (user_id, role_id) values ($1, $2)', [outsider!.id, target.id]],
      ],
      () =>
        actor.put(`/api/system/roles/${target.id}`, { name: current.name, dataScope: 'self', customDeptIds: [], permissions: current.permissions, sort: current.sort, status: current.status, remark: '竞态' }),
    );
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(json<Role>(await actor.get(`/api/system/roles/${target.id}`)).remark).toBe(current.remark);
  });
});

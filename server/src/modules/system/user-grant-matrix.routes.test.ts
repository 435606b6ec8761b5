/**
 * Issue 12 §1.1, privilege escalation through accounts: over HTTP, for every built-in data scope an
 * actor can hold × the department the account is placed in × every built-in role, whether the actor
 * may create (POST) and move (PUT) such an account — and that a refused request changes nothing.
 *
 * The organisation (和平区 120101): 天津市和平区市场监督管理局 → the actors' division X → its section
 * Xc; X's sibling Y. Outside: another district's bureau (河东区), a city bureau (市市场监管委) and the
 * quality office. Every actor sits in X (the enterprise actor acts for an enterprise registered in
 * 和平区); a custom-scope actor's departments are X and Y. Actor roles carry every permission, so
 * only data scope decides. Every account is given 和平区 as its district, as the issue's attacker did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import { ALL_PERMISSIONS, BUILTIN_ROLES, type DataScopeKind } from '../../../../contracts/permissions.js';
import type { Role, User } from '../../../../contracts/system.js';
import { auditHeadRow } from '../../platform/audit/audit.repository.js';
import { hashPassword } from '../../platform/auth/password.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { findDepartmentsByName } from './department.repository.js';
import { findUserById, findUserByUsername, insertUser, rolesOfUsers, setUserRoles, updateUserRow } from './user.repository.js';

const TARGETS = ['own', 'child', 'sibling', 'otherDistrict', 'cityBureau', 'qualityOffice'] as const;
type Target = (typeof TARGETS)[number];
const ACTORS: readonly DataScopeKind[] = ['all', 'custom', 'dept', 'dept_and_below', 'district', 'self', 'enterprise'];
type RoleKey = (typeof BUILTIN_ROLES)[number];

/**
 * The expected decision, written out by hand (not computed by the rule under test): per actor scope
 * and target department, the roles it may grant there. The enterprise role is granted together
 * with an enterprise registered in 和平区.
 */
const ALLOWED: Record<DataScopeKind, Partial<Record<Target, readonly RoleKey[]>>> = {
  all: Object.fromEntries(TARGETS.map((tg) => [tg, BUILTIN_ROLES])),
  // X and Y: 本部门 in either; 本部门及以下 only in Y, which has nothing below it; no district, no enterprise.
  custom: { own: ['inspector', 'lab'], sibling: ['dept_user', 'inspector', 'lab'] },
  // X only: 本部门 there, but not 本部门及以下 (X has Xc below it).
  dept: { own: ['inspector', 'lab'] },
  // X and Xc.
  dept_and_below: { own: ['dept_user', 'inspector', 'lab'], child: ['dept_user', 'inspector', 'lab'] },
  // All of 和平区, never a wider one: not 全部.
  district: {
    own: ['dept_user', 'district_user', 'inspector', 'lab', 'enterprise'],
    child: ['dept_user', 'district_user', 'inspector', 'lab', 'enterprise'],
    sibling: ['dept_user', 'district_user', 'inspector', 'lab', 'enterprise'],
  },
  self: {},
  enterprise: {},
};

let t: TestApp;
let admin: Agent;
const roleIds = new Map<string, number>();
const dept = new Map<Target, number>();
const actors = new Map<DataScopeKind, Agent>();
let enterpriseUscc = '';
let baseHash = '';
const PASSWORD = 'Matrix-Grant-2026!';

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  for (const r of json<Page<Role>>(await admin.get('/api/system/roles')).items) roleIds.set(r.key, r.id);
  const byName = async (name: string) => (await findDepartmentsByName(t.db, name))[0]!.id;
  const hpBureau = await byName('天津市和平区市场监督管理局');
  const newDept = async (parentId: number, name: string) => {
    const res = await admin.post('/api/system/departments', { parentId, name, kind: 'internal', districtCode: '120101' });
    expect(res.statusCode).toBe(201);
    return json<{ id: number }>(res).id;
  };
  dept.set('own', await newDept(hpBureau, '矩阵科'));
  dept.set('child', await newDept(dept.get('own')!, '矩阵科一组'));
  dept.set('sibling', await newDept(hpBureau, '矩阵兄弟科'));
  dept.set('otherDistrict', await byName('天津市河东区市场监督管理局'));
  dept.set('cityBureau', await byName('天津市市场监督管理委员会'));
  dept.set('qualityOffice', await byName('天津市质量强市建设协调推进领导小组办公室'));

  const rows = (await t.db.execute(`select uscc from entity where district_code = '120101' order by id limit 1`)) as unknown as { rows: { uscc: string }[] };
  enterpriseUscc = rows.rows[0]!.uscc;
  expect(enterpriseUscc).toHaveLength(18);

  for (const kind of ACTORS) {
    const role = await admin.post('/api/system/roles', {
      key: `matrix_${kind}`,
      name: `矩阵-${kind}`,
      dataScope: kind,
      customDeptIds: kind === 'custom' ? [dept.get('own')!, dept.get('sibling')!] : [],
      permissions: [...ALL_PERMISSIONS],
    });
    expect(role.statusCode).toBe(201);
    const username = `matrix-actor-${ACTORS.indexOf(kind)}`;
    const created = await admin.post('/api/system/users', {
      username,
      password: PASSWORD,
      displayName: `矩阵操作员${kind}`,
      deptId: kind === 'enterprise' ? null : dept.get('own')!,
      districtCode: '120101',
      enterpriseUscc: kind === 'enterprise' ? enterpriseUscc : null,
      roleIds: [json<Role>(role).id],
    });
    expect(created.statusCode).toBe(201);
    await updateUserRow(t.db, json<User>(created).id, { mustChangePassword: false });
    const agent = t.anon();
    expect((await agent.login(username, PASSWORD)).statusCode).toBe(200);
    actors.set(kind, agent);
  }
  baseHash = await hashPassword(PASSWORD);
}, 300_000);
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;

/**
 * The account as the issue's attacker wrote it: the target department, with the actors' own
 * district (和平区) — which is simply that department's district for X, Xc and Y.
 */
function body(target: Target, role: RoleKey) {
  return {
    displayName: '矩阵对象',
    deptId: dept.get(target)!,
    districtCode: '120101',
    enterpriseUscc: role === 'enterprise' ? enterpriseUscc : null,
    roleIds: [roleIds.get(role)!],
    status: 'active',
  };
}

/** An account every actor but self and enterprise may manage: X, 和平区, 执法人员 (本部门). */
async function baseUser(username: string): Promise<number> {
  const row = await insertUser(t.db, { username, displayName: '矩阵原始', deptId: dept.get('own')!, districtCode: '120101', passwordHash: baseHash });
  await setUserRoles(t.db, row.id, [roleIds.get('inspector')!]);
  return row.id;
}

async function placementOf(id: number) {
  const u = (await findUserById(t.db, id))!;
  const roles = (await rolesOfUsers(t.db, [id])).get(id)!.map((r) => r.key);
  return { deptId: u.deptId, districtCode: u.districtCode, enterpriseUscc: u.enterpriseUscc, roles };
}

describe('granting roles: actor scope × target department × role, over POST and PUT /api/system/users', () => {
  for (const [a, kind] of ACTORS.entries()) {
    it(`an actor with data scope “${kind}”`, async () => {
      const agent = actors.get(kind)!;
      const seen: string[] = [];
      const expected: string[] = [];
      for (const [ti, target] of TARGETS.entries()) {
        for (const [ri, role] of BUILTIN_ROLES.entries()) {
          const allowed = (ALLOWED[kind][target] ?? []).includes(role);
          expected.push(`${target} ${role} ${allowed ? 'allow' : 'deny'}`);

          const username = `mx-${a}-${ti}-${ri}`;
          const seq = await headSeq();
          const post = await agent.post('/api/system/users', { ...body(target, role), username, password: PASSWORD });
          const created = await findUserByUsername(t.db, username);
          if (post.statusCode === 201) {
            expect(await placementOf(created!.id)).toMatchObject({ deptId: dept.get(target), roles: [role] });
          } else {
            // Refused: 403 (404 would mean the route did not even look), no account, no audit row.
            expect({ target, role, status: post.statusCode, code: errorCode(post) }).toMatchObject({ status: 403, code: expect.stringMatching(/^(OUT_OF_SCOPE|FORBIDDEN)$/) });
            expect(created).toBeNull();
            expect(await headSeq()).toBe(seq);
          }

          const id = await baseUser(`mb-${a}-${ti}-${ri}`);
          const before = await placementOf(id);
          const seqPut = await headSeq();
          const put = await agent.put(`/api/system/users/${id}`, body(target, role));
          if (put.statusCode === 200) {
            expect(await placementOf(id)).toMatchObject({ deptId: dept.get(target), roles: [role] });
          } else {
            // Self and enterprise actors do not see the account at all (404); the others are told 403.
            expect([403, 404]).toContain(put.statusCode);
            expect(await placementOf(id)).toEqual(before);
            expect(await headSeq()).toBe(seqPut);
          }
          const postAllowed = post.statusCode === 201;
          const putAllowed = put.statusCode === 200;
          // POST and PUT must agree; a disagreement shows as "allow/deny".
          seen.push(`${target} ${role} ${postAllowed === putAllowed ? (postAllowed ? 'allow' : 'deny') : `${postAllowed ? 'allow' : 'deny'}/${putAllowed ? 'allow' : 'deny'}`}`);
        }
      }
      expect(seen).toEqual(expected);
    }, 600_000);
  }
});

describe('the escalation reported in issue 12', () => {
  it('a district user cannot create an account in a city bureau by pairing it with its own district', async () => {
    const district = await t.as('district-user');
    for (const target of ['cityBureau', 'qualityOffice', 'otherDistrict'] as const) {
      const seq = await headSeq();
      const res = await district.post('/api/system/users', {
        username: `esc-${target.toLowerCase()}`,
        password: PASSWORD,
        displayName: '越权账号',
        deptId: dept.get(target)!,
        districtCode: '120101',
        roleIds: [roleIds.get('dept_user')!],
      });
      expect({ target, status: res.statusCode, code: errorCode(res) }).toEqual({ target, status: 403, code: 'OUT_OF_SCOPE' });
      expect(json<{ error: { details: { path: string }[] } }>(res).error.details.map((d) => d.path)).toEqual(['deptId']);
      expect(await findUserByUsername(t.db, `esc-${target.toLowerCase()}`)).toBeNull();
      expect(await headSeq()).toBe(seq);
    }
  });

  it('nor move one of its accounts there, nor manage an account already placed there', async () => {
    const district = await t.as('district-user');
    const staff = (await findUserByUsername(t.db, 'tj120101-03'))!;
    const before = await placementOf(staff.id);
    const move = await district.put(`/api/system/users/${staff.id}`, { displayName: '调岗', deptId: dept.get('cityBureau')!, districtCode: '120101', roleIds: [roleIds.get('dept_user')!] });
    expect(move.statusCode).toBe(403);
    expect(await placementOf(staff.id)).toEqual(before);

    // An account an administrator placed in a city bureau but gave 和平区 as its district: the
    // district user sees it in the list (its district), but may not reset, disable or edit it.
    const planted = json<User>(
      await admin.post('/api/system/users', { username: 'planted', password: PASSWORD, displayName: '市局人员', deptId: dept.get('cityBureau')!, districtCode: '120101', roleIds: [roleIds.get('inspector')!] }),
    );
    const hash = (await findUserById(t.db, planted.id))!.passwordHash;
    const seq = await headSeq();
    for (const res of [
      await district.put(`/api/system/users/${planted.id}/password`, { password: 'Takeover-Attempt-2026' }),
      await district.put(`/api/system/users/${planted.id}/status`, { status: 'disabled' }),
      await district.put(`/api/system/users/${planted.id}/unlock`),
    ]) {
      expect({ status: res.statusCode, code: errorCode(res) }).toEqual({ status: 403, code: 'OUT_OF_SCOPE' });
    }
    expect((await findUserById(t.db, planted.id))!).toMatchObject({ passwordHash: hash, status: 'active' });
    expect(await headSeq()).toBe(seq);
  });
});

describe('GET /api/system/users/role-options for a placed account', () => {
  it('offers the roles the matrix allows at each department, and the unplaced list without a target', async () => {
    for (const kind of ['dept', 'dept_and_below', 'district'] as const) {
      const agent = actors.get(kind)!;
      for (const target of TARGETS) {
        const res = await agent.get(`/api/system/users/role-options?deptId=${dept.get(target)!}`);
        expect(res.statusCode).toBe(200);
        const keys = json<{ items: { key: string }[] }>(res).items.map((r) => r.key).filter((k) => (BUILTIN_ROLES as readonly string[]).includes(k));
        // Without an enterprise code the enterprise role grants nothing yet, so it is offered wherever
        // the department itself is the actor's; the matrix grants it only with a registered code.
        const expected: readonly string[] = (ALLOWED[kind][target] ?? []).filter((r) => r !== 'enterprise');
        expect({ kind, target, keys: keys.filter((k) => k !== 'enterprise') }).toEqual({ kind, target, keys: BUILTIN_ROLES.filter((r) => expected.includes(r)) });
      }
    }
    const district = actors.get('district')!;
    const withEnterprise = json<{ items: { key: string }[] }>(await district.get(`/api/system/users/role-options?deptId=${dept.get('own')!}&enterpriseUscc=${enterpriseUscc}`)).items.map((r) => r.key);
    expect(withEnterprise).toContain('enterprise');
    const unplaced = json<{ items: { key: string }[] }>(await district.get('/api/system/users/role-options')).items.map((r) => r.key);
    expect(unplaced).not.toContain('admin');
    expect(unplaced).toContain('district_user');
    expect((await district.get('/api/system/users/role-options?deptId=abc')).statusCode).toBe(400);
    expect((await district.get('/api/system/users/role-options?deptId=999999')).statusCode).toBe(400);
  });
});

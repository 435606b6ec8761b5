/**
 * Role × resource matrix of the data scope (数据权限), over HTTP with the demo city's users.
 *
 * For every demo account and every list it may open, the list must hold exactly what the account's
 * scope covers (docs/ARCHITECTURE.md, "Data scope by resource"): the ground truth is the
 * administrator's full list, filtered here by the rule for that account — so a list may neither
 * miss a row it should show nor show one from another district. Where the demo city gives the
 * account something to see, the list must not be empty (an inspector's registry was empty for
 * all 33 inspectors: 本部门 meant no entity at all). A list the account has no permission for
 * answers 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../../../contracts/common.js';
import type { EntitySummary } from '../../../../contracts/entities.js';
import type { EvaluationStats } from '../../../../contracts/credit-scoring.js';
import type { ListEntry } from '../../../../contracts/credit-lists.js';
import type { Application } from '../../../../contracts/credit-repair.js';
import type { PlanDetail, Task } from '../../../../contracts/plans.js';
import type { Department, User } from '../../../../contracts/system.js';
import { addCalendarDays } from '../calendar/calendar.rules.js';
import { todayInChina } from '../calendar/today.js';
import { buildTestApp, json, type Agent, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Agent;

const USERS = ['admin', 'quality-office', 'quality-chief', 'dept-user', 'district-user', 'inspector', 'lab', 'enterprise'] as const;
type DemoUser = (typeof USERS)[number];

/** Every page of a paged list (pageSize 200), or the status when the list is refused. */
async function allPages<T>(agent: Agent, url: string): Promise<{ status: number; items: T[]; total: number }> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const res = await agent.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=200`);
    if (res.statusCode !== 200) return { status: res.statusCode, items: [], total: 0 };
    const body = json<Page<T>>(res);
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) return { status: 200, items, total: body.total };
  }
}

/** Where an account stands in the organisation (from the administrator's view of it). */
interface Standing {
  username: DemoUser;
  deptId: number | null;
  /** The department and every department below it. */
  deptAndBelow: Set<number>;
  districtCode: string | null;
  enterpriseUscc: string | null;
}
const standing = new Map<DemoUser, Standing>();
let departments: Department[] = [];

/** The territory (辖区) of a department: its district; 120000 is the whole city. */
const territoryOf = (code: string | null) => (code === null ? null : code.endsWith('0000') ? code.slice(0, 2) : code);

/**
 * The rules this test holds the product to, per account, written out by hand (not derived from the
 * product's own scope resolution): for regulated subjects (entities and everything about them) the
 * territory of the account's department or district; for the organisation's own records (users,
 * departments, tasks) the department (and below) or the district.
 */
interface Bounds {
  /** Regulated subjects: a district prefix, 'all', or the account's own enterprise. */
  subject: { prefix: string } | 'all' | { uscc: string };
  /** Organisational records: department ids, a district prefix, or 'all'. */
  org: { deptIds: Set<number> } | { prefix: string } | 'all';
}

function boundsOf(u: DemoUser): Bounds {
  const s = standing.get(u)!;
  switch (u) {
    case 'admin':
    case 'quality-office':
    case 'quality-chief':
      return { subject: 'all', org: 'all' };
    case 'dept-user': // 部门用户, 本部门及以下: 市工业和信息化局, a city bureau → the whole city.
      return { subject: { prefix: territoryOf('120000')! }, org: { deptIds: s.deptAndBelow } };
    case 'district-user': // 区用户, 本区划: 和平区.
      return { subject: { prefix: '120101' }, org: { prefix: '120101' } };
    case 'inspector': // 执法人员, 本部门: 南开区市场监督管理局 → 南开区.
      return { subject: { prefix: '120104' }, org: { deptIds: new Set([s.deptId!]) } };
    case 'lab': // 检验机构, 本部门: 市质检院, a city unit → the whole city.
      return { subject: { prefix: '12' }, org: { deptIds: new Set([s.deptId!]) } };
    case 'enterprise': // 企业用户, 本企业.
      return { subject: { uscc: s.enterpriseUscc! }, org: { deptIds: new Set() } };
  }
}

const subjectIn = (b: Bounds, r: { districtCode: string; uscc?: string }) =>
  b.subject === 'all' ? true : 'prefix' in b.subject ? r.districtCode.startsWith(b.subject.prefix) : r.uscc === b.subject.uscc;
const orgIn = (b: Bounds, r: { deptId: number | null; districtCode: string | null }) =>
  b.org === 'all' ? true : 'prefix' in b.org ? (r.districtCode ?? '').startsWith(b.org.prefix) : r.deptId !== null && b.org.deptIds.has(r.deptId);

/** Who may open which list at all (the built-in roles' permissions); the rest answer 403. */
const MAY: { [k in 'entities' | 'evaluations' | 'lists' | 'repairs' | 'tasks' | 'users' | 'departments' | 'audit' | 'operlog']: readonly DemoUser[] } = {
  entities: ['admin', 'quality-office', 'quality-chief', 'district-user', 'inspector', 'enterprise'],
  evaluations: ['admin', 'quality-office', 'quality-chief', 'district-user', 'inspector', 'enterprise'],
  lists: ['admin', 'quality-office', 'quality-chief', 'district-user'],
  repairs: ['admin', 'quality-office', 'quality-chief', 'district-user', 'enterprise'],
  tasks: ['admin', 'quality-office', 'quality-chief', 'dept-user', 'district-user'],
  users: ['admin', 'quality-office', 'quality-chief', 'district-user'],
  departments: ['admin', 'quality-office', 'quality-chief', 'dept-user', 'district-user', 'inspector'],
  audit: ['admin'],
  operlog: ['admin', 'quality-office', 'quality-chief'],
};

/** A plan text whose tasks fall on a city bureau (工信局), the city regulator and all 16 district governments, due next year. */
function planText(): string {
  const year = Number(todayInChina().slice(0, 4)) + 1;
  return [
    '天津市数据权限核对工作方案',
    '',
    '各区人民政府，市政府各委、局：',
    '',
    '一、提升产品质量',
    '（一）开展质量提升行动。组织重点产品质量攻关。（市工业和信息化局牵头，市市场监管委配合）',
    '（二）强化属地质量监管。开展监督抽查。（各区人民政府负责）',
    '',
    `各责任单位于${year}年6月30日前将工作总结报市质量工作领导小组办公室。`,
    '',
    '天津市质量工作领导小组办公室',
    `${todayInChina().slice(0, 4)}年${Number(todayInChina().slice(5, 7))}月${Number(todayInChina().slice(8, 10))}日`,
  ].join('\n');
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  departments = json<{ items: Department[] }>(await admin.get('/api/system/departments')).items;
  const users = (await allPages<User>(admin, '/api/system/users')).items;
  for (const u of USERS) {
    const row = users.find((x) => x.username === u)!;
    const below = new Set(departments.filter((d) => d.id === row.deptId || (row.deptId !== null && d.ancestors.split(',').includes(String(row.deptId)))).map((d) => d.id));
    standing.set(u, { username: u, deptId: row.deptId, deptAndBelow: below, districtCode: row.districtCode, enterpriseUscc: row.enterpriseUscc });
  }
  // Tasks for a city bureau and for every district: import and publish a plan as the quality office.
  const office = await t.as('quality-office');
  const imported = await office.post('/api/plans/import-text', { text: planText(), sourceName: '数据权限核对.txt' });
  expect(imported.statusCode, imported.body).toBe(201);
  const plan = json<PlanDetail>(imported);
  const published = await office.post(`/api/plans/${plan.id}/publish`, { version: plan.version });
  expect(published.statusCode, published.body).toBe(200);
  // The demo registry's list entries are few; add one in 和平区 and one in 南开区 so both districts have some.
  for (const [district, decisionNo] of [
    ['120101', '津和市监罚〔2026〕901号'],
    ['120104', '津南市监罚〔2026〕902号'],
  ] as const) {
    const target = json<Page<EntitySummary>>(await admin.get(`/api/entities?districtCode=${district}&pageSize=1`)).items[0]!;
    const res = await admin.post(`/api/entities/${target.uscc}/records`, {
      kind: 'penalty',
      occurredOn: addCalendarDays(todayInChina(), -30),
      payload: { decisionNo, penaltyTypes: ['fine'], amount: 200_000, authority: '天津市市场监督管理委员会', violation: '销售不合格产品', domain: 'product', carriedOut: true },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

/** The administrator's full list: the ground truth every other account's list is cut from. */
const truth = new Map<string, unknown[]>();
async function full<T>(url: string): Promise<T[]> {
  if (!truth.has(url)) {
    const r = await allPages<T>(admin, url);
    expect(r.status).toBe(200);
    truth.set(url, r.items);
  }
  return truth.get(url) as T[];
}

const sortedKeys = (xs: readonly { id: number }[]) => xs.map((x) => x.id).sort((a, b) => a - b);

describe.each(USERS)('%s', (u) => {
  let agent: Agent;
  let b: Bounds;
  beforeAll(async () => {
    agent = await t.as(u);
    b = boundsOf(u);
  });

  it('market entities (市场主体): exactly those of its territory, or its own enterprise', async () => {
    const r = await allPages<EntitySummary>(agent, '/api/entities');
    if (!MAY.entities.includes(u)) return expect(r.status).toBe(403);
    const expected = (await full<EntitySummary>('/api/entities')).filter((e) => subjectIn(b, e));
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.total).toBe(expected.length);
    expect(sortedKeys(r.items)).toEqual(sortedKeys(expected));
    for (const e of r.items) expect(subjectIn(b, e), `${u} sees ${e.name} (${e.districtCode})`).toBe(true);
  });

  it('an entity and its archive: readable inside the territory, 404 (or 403 for an enterprise) outside it', async () => {
    if (!MAY.entities.includes(u)) return;
    const all = await full<EntitySummary>('/api/entities');
    const inside = all.find((e) => subjectIn(b, e))!;
    const detail = await agent.get(`/api/entities/${inside.uscc}`);
    expect(detail.statusCode).toBe(200);
    const records = await agent.get(`/api/entities/${inside.uscc}/records?pageSize=5`);
    expect(records.statusCode).toBe(200);
    const outside = all.find((e) => !subjectIn(b, e));
    if (!outside) return; // the full scope has no outside
    const refused = await agent.get(`/api/entities/${outside.uscc}`);
    expect(refused.statusCode).toBe(u === 'enterprise' ? 403 : 404);
    expect((await agent.get(`/api/entities/${outside.uscc}/records`)).statusCode).toBe(u === 'enterprise' ? 403 : 404);
  });

  it('credit grades (信用等级统计): counted over exactly its entities', async () => {
    const res = await agent.get('/api/credit/evaluations/stats');
    if (!MAY.evaluations.includes(u)) return expect(res.statusCode).toBe(403);
    expect(res.statusCode).toBe(200);
    const stats = json<EvaluationStats>(res);
    const expected = (await full<EntitySummary>('/api/entities')).filter((e) => subjectIn(b, e));
    expect(stats.total).toBeGreaterThan(0);
    expect(stats.total).toBe(expected.length);
    expect(stats.grades.reduce((s, g) => s + g.count, 0)).toBe(expected.filter((e) => e.grade !== null).length);
  });

  it('credit list entries (信用名单): exactly those of its territory', async () => {
    const r = await allPages<ListEntry>(agent, '/api/credit/lists');
    if (!MAY.lists.includes(u)) return expect(r.status).toBe(403);
    const expected = (await full<ListEntry>('/api/credit/lists')).filter((e) => subjectIn(b, e));
    expect(r.items.length).toBeGreaterThan(0);
    expect(sortedKeys(r.items)).toEqual(sortedKeys(expected));
  });

  it('repair and objection applications (信用修复): only those of its territory or its own enterprise', async () => {
    for (const path of ['/api/credit/repairs', '/api/credit/objections']) {
      const r = await allPages<Application>(agent, path);
      if (!MAY.repairs.includes(u)) {
        expect(r.status).toBe(403);
        continue;
      }
      const expected = (await full<Application>(path)).filter((a) => subjectIn(b, a));
      expect(sortedKeys(r.items)).toEqual(sortedKeys(expected));
    }
  });

  it('plan tasks (任务): exactly those of its department (and below) or its district', async () => {
    const r = await allPages<Task>(agent, '/api/plans/tasks');
    if (!MAY.tasks.includes(u)) return expect(r.status).toBe(403);
    const expected = (await full<Task>('/api/plans/tasks')).filter((x) => orgIn(b, x));
    expect(r.items.length).toBeGreaterThan(0);
    expect(sortedKeys(r.items)).toEqual(sortedKeys(expected));
  });

  it('users (用户): exactly those of its department or district', async () => {
    const r = await allPages<User>(agent, '/api/system/users');
    if (!MAY.users.includes(u)) return expect(r.status).toBe(403);
    const expected = (await full<User>('/api/system/users')).filter((x) => orgIn(b, x));
    expect(r.items.length).toBeGreaterThan(0);
    expect(sortedKeys(r.items)).toEqual(sortedKeys(expected));
  });

  it('departments (部门): exactly its own (and below) or those of its district', async () => {
    const res = await agent.get('/api/system/departments');
    if (!MAY.departments.includes(u)) return expect(res.statusCode).toBe(403);
    expect(res.statusCode).toBe(200);
    const items = json<{ items: Department[] }>(res).items;
    const expected = departments.filter((d) => orgIn(b, { deptId: d.id, districtCode: d.districtCode }));
    expect(items.length).toBeGreaterThan(0);
    expect(sortedKeys(items)).toEqual(sortedKeys(expected));
  });

  it('audit trail and operation log: only for those who keep them', async () => {
    expect((await agent.get('/api/monitor/audit?pageSize=1')).statusCode).toBe(MAY.audit.includes(u) ? 200 : 403);
    expect((await agent.get('/api/monitor/operlog?pageSize=1')).statusCode).toBe(MAY.operlog.includes(u) ? 200 : 403);
  });
});

/**
 * Joint sanctions over HTTP: the seeded rule table, measures computed from the entity's entries in
 * force and its grade, every query logged (also for unknown codes), and the rule edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SanctionRule, Sanctions } from '../../../../../contracts/credit-repair.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { addCalendarDays } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../../test/test-app.js';
import { SANCTION_RULES } from './sanction.data.js';
import { sanctionsOf, seedSanctionRules } from './sanction.service.js';

let t: TestApp;
let office: Agent;
let district: Agent;
let deptUser: Agent;
const today = todayInChina();

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  district = await t.as('district-user');
  deptUser = await t.as('dept-user');
  await seedSanctionRules(t.db);
});
afterAll(async () => {
  await t.close();
});

let serial = 0;
async function newEntity(name: string): Promise<{ uscc: string; id: number }> {
  serial += 1;
  const body = `91120101JC${String(serial).padStart(7, '0')}`;
  const uscc = body + usccCheckCharacter(body);
  const res = await office.post('/api/entities', { uscc, name, districtCode: '120101', industry: 'C' });
  expect(res.statusCode, res.body).toBe(201);
  return { uscc, id: json<{ id: number }>(res).id };
}

const logCount = async () => Number(((await t.db.execute('select count(*)::int as n from credit_sanction_query')) as unknown as { rows: { n: number }[] }).rows[0]!.n);
const sanctions = (agent: Agent, uscc: string, purpose?: string) => agent.get(`/api/credit/entities/${uscc}/sanctions${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ''}`);

describe('the rule table', () => {
  it('is seeded once; re-seeding adds nothing', async () => {
    expect(await seedSanctionRules(t.db)).toBe(0);
    const rules = json<{ items: SanctionRule[] }>(await deptUser.get('/api/credit/sanction-rules')).items;
    expect(rules).toHaveLength(SANCTION_RULES.length);
    expect(rules.filter((r) => r.trigger === 'list:serious-violation').map((r) => r.measure).sort()).toEqual(
      ['key_supervision', 'land_transfer_limit', 'licensing_consideration', 'no_awards', 'no_notify_commit', 'procurement_tender_flag'].sort(),
    );
  });

  it('is edited by the office only; 400 on bad input, 404 on an unknown rule', async () => {
    const rules = json<{ items: SanctionRule[] }>(await office.get('/api/credit/sanction-rules')).items;
    const r = rules.find((x) => x.trigger === 'list:abnormal' && x.measure === 'land_transfer_limit')!;
    const body = { description: r.description, basis: r.basis, appliedBy: '天津市规划和自然资源局', status: 'active' };
    expect(errorCode(await deptUser.put(`/api/credit/sanction-rules/${r.id}`, body))).toBe('FORBIDDEN');
    expect(errorCode(await office.put(`/api/credit/sanction-rules/${r.id}`, { ...body, status: 'gone' }))).toBe('VALIDATION_FAILED');
    expect((await office.put('/api/credit/sanction-rules/999999', body)).statusCode).toBe(404);
    const saved = json<SanctionRule>(await office.put(`/api/credit/sanction-rules/${r.id}`, body));
    expect(saved).toMatchObject({ appliedBy: '天津市规划和自然资源局', updatedBy: 'quality-office' });
    // Re-seeding keeps the edit.
    await seedSanctionRules(t.db);
    expect(json<{ items: SanctionRule[] }>(await office.get('/api/credit/sanction-rules')).items.find((x) => x.id === r.id)!.appliedBy).toBe('天津市规划和自然资源局');
  });
});

describe('measures by list and grade', () => {
  it('asks for a login and the permission; 400 on a malformed code', async () => {
    expect((await t.anon().get('/api/credit/entities/91120101JC0000001X/sanctions')).statusCode).toBe(401);
    expect(errorCode(await (await t.as('enterprise')).get('/api/credit/sanction-rules'))).toBe('FORBIDDEN');
    expect(errorCode(await deptUser.get('/api/credit/sanction-queries'))).toBe('FORBIDDEN');
    expect(errorCode(await sanctions(deptUser, 'NOT-A-CODE'))).toBe('VALIDATION_FAILED');
  });

  it('an entity on no list with no grade has none', async () => {
    const e = await newEntity('天津市和平区守信制品有限公司');
    const res = json<Sanctions>(await sanctions(deptUser, e.uscc, '政府采购资格审查'));
    expect(res).toEqual({ uscc: e.uscc, name: '天津市和平区守信制品有限公司', measures: [] });
  });

  it('the serious-violation list brings the Order 44 Art. 15 measures, from the listing', async () => {
    const e = await newEntity('天津市和平区失信电梯有限公司');
    const decided = addCalendarDays(today, -30);
    await office.post(`/api/entities/${e.uscc}/records`, {
      kind: 'penalty',
      occurredOn: decided,
      payload: { decisionNo: '津和市监罚〔惩〕1号', penaltyTypes: ['fine', 'suspended'], amount: 500_000, authority: '天津市和平区市场监督管理局', violation: '使用未经检验的电梯', domain: 'special_equipment', carriedOut: false },
    });
    const listed = await district.post('/api/credit/lists', { list: 'serious-violation', uscc: e.uscc, decisionDate: decided, grounds: 'quality_safety.special_equipment', decisionNo: '津和市监列严〔2026〕11号', penaltyDecisionNo: '津和市监罚〔惩〕1号' });
    expect(listed.statusCode, listed.body).toBe(201);
    const entryId = json<{ id: number }>(listed).id;
    // Awaiting approval: not yet in force, no measures.
    expect(json<Sanctions>(await sanctions(deptUser, e.uscc)).measures.filter((m) => m.trigger === 'list:serious-violation')).toEqual([]);
    expect((await office.post(`/api/credit/lists/${entryId}/approve`, { approve: true })).statusCode).toBe(200);
    const res = json<Sanctions>(await sanctions(deptUser, e.uscc, '招标投标资格审查'));
    const serious = res.measures.filter((m) => m.trigger === 'list:serious-violation');
    expect(serious.map((m) => m.measure).sort()).toEqual(['key_supervision', 'land_transfer_limit', 'licensing_consideration', 'no_awards', 'no_notify_commit', 'procurement_tender_flag']);
    expect(serious[0]!.since).toBe(decided);
    expect(serious[0]!.until).not.toBeNull();
    expect(serious.find((m) => m.measure === 'no_notify_commit')!.basis).toContain('第十五条');
    expect(await sanctionsOf(t.db, e.id)).toEqual(res.measures);
  });

  it('the abnormal list brings the Art. 19 restrictions; a disabled rule drops out', async () => {
    const e = await newEntity('天津市和平区异常商贸有限公司');
    const listed = await district.post('/api/credit/lists', { list: 'abnormal', uscc: e.uscc, grounds: 'unreachable', triggerDate: addCalendarDays(today, -5), decisionDate: addCalendarDays(today, -3) });
    expect(listed.statusCode, listed.body).toBe(201);
    const measures = json<Sanctions>(await sanctions(deptUser, e.uscc)).measures;
    expect(measures.map((m) => m.measure).sort()).toEqual(['land_transfer_limit', 'no_honours', 'procurement_tender_flag']);
    expect(measures.every((m) => m.trigger === 'list:abnormal' && m.basis.includes('第十九条'))).toBe(true);
    const rule = json<{ items: SanctionRule[] }>(await office.get('/api/credit/sanction-rules')).items.find((x) => x.trigger === 'list:abnormal' && x.measure === 'no_honours')!;
    await office.put(`/api/credit/sanction-rules/${rule.id}`, { description: rule.description, basis: rule.basis, appliedBy: rule.appliedBy, status: 'disabled' });
    expect(json<Sanctions>(await sanctions(deptUser, e.uscc)).measures.map((m) => m.measure).sort()).toEqual(['land_transfer_limit', 'procurement_tender_flag']);
    await office.put(`/api/credit/sanction-rules/${rule.id}`, { description: rule.description, basis: rule.basis, appliedBy: rule.appliedBy, status: 'active' });
  });

  it('grade D brings more inspections and no quality awards', async () => {
    const e = await newEntity('天津市和平区D级制品有限公司');
    // Fixture: the grading itself belongs to the scoring use cases; here only its result matters.
    await t.db.execute(`insert into credit_evaluation (entity_id, kind, model_version, score, grade, computed_at) values (${Number(e.id)}, 'grade', 1, 41, 'D', '${today}T09:00:00+08:00') on conflict (entity_id, kind) do update set grade = 'D', score = 41, computed_at = excluded.computed_at`);
    const measures = json<Sanctions>(await sanctions(deptUser, e.uscc)).measures;
    expect(measures.map((m) => `${m.trigger}/${m.measure}`)).toEqual(['grade:D/key_supervision', 'grade:D/no_quality_awards']);
    expect(measures[0]!.since).toBe(today);
    await t.db.execute(`update credit_evaluation set grade = 'B' where entity_id = ${Number(e.id)} and kind = 'grade'`);
    expect(json<Sanctions>(await sanctions(deptUser, e.uscc)).measures).toEqual([]);
  });
});

describe('the query log', () => {
  it('logs every query, also for unknown codes (404), and shows it to the office', async () => {
    const e = await newEntity('天津市和平区被查询制品有限公司');
    const before = await logCount();
    await sanctions(deptUser, e.uscc, '行政许可审查');
    await sanctions(office, e.uscc);
    const body = '91120101JC9999999';
    const unknown = body + usccCheckCharacter(body);
    const res = await sanctions(deptUser, unknown, '核查');
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('ENTITY_UNKNOWN');
    expect(await logCount()).toBe(before + 3);
    // Refused requests (no permission, malformed code) are not queries.
    await sanctions(await t.as('enterprise'), e.uscc);
    expect(await logCount()).toBe(before + 3);

    const log = json<{ items: { uscc: string; queriedBy: string; queriedByName: string | null; deptName: string | null; purpose: string | null; measures: number; entityId: number | null }[]; total: number }>(
      await office.get(`/api/credit/sanction-queries?uscc=${e.uscc}`),
    );
    expect(log.total).toBe(2);
    expect(log.items.map((i) => [i.queriedBy, i.purpose])).toEqual([
      ['quality-office', null],
      ['dept-user', '行政许可审查'],
    ]);
    // People are named as the rest of the product names them: 姓名（部门）.
    expect(log.items.map((i) => i.queriedByName)).toEqual([expect.stringMatching(/^王质量（.+）$/), expect.stringMatching(/（.+）$/)]);
    expect(log.items[1]!.deptName).not.toBeNull();
    expect(log.items[1]!.entityId).toBe(e.id);
    const missing = json<{ items: { entityId: number | null; measures: number }[] }>(await office.get(`/api/credit/sanction-queries?uscc=${unknown}`)).items;
    expect(missing).toEqual([expect.objectContaining({ entityId: null, measures: 0 })]);
  });
});

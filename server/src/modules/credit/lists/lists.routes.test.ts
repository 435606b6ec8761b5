/**
 * Credit lists over HTTP on a real database: serious-violation listing with its Order 44 clocks
 * (against the real holiday calendar), the higher bureau's approval, publication, removal and
 * revocation, the abnormal list's cure and removal, penalty publications created from penalty
 * records (Order 45), the daily clock, the dashboard alerts and the red/black list rounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIST_STATUS_LABELS, LIST_STEP_LABELS, type ClockReport, type HonourRound, type HonourRoundDetail, type ListAlerts, type ListEntry } from '../../../../../contracts/credit-lists.js';
import { groundsInWords } from './lists.rules.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { expectPrintable, readExport } from '../../../test/xlsx.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../../test/test-app.js';
import { findEntityByUscc } from '../../entities/index.js';
import { runListClock } from '../clock/list-clock.js';
import { listPublicEntries, removeEntry } from './list.service.js';
import { insertEntry } from './lists.repository.js';
import { findApplication, insertApplication } from '../repair/repair.repository.js';
import { creditEvaluation } from '../scoring/scoring.table.js';

let t: TestApp;
let office: Agent;
let district: Agent;
let admin: Agent;
const today = todayInChina();

/** A valid USCC not used elsewhere (seq makes it unique per test file). */
function uscc(seq: number): string {
  const first17 = `9112010${String(seq).padStart(3, '0')}MA05LT7`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

async function createEntity(code: string, districtCode: string, name: string): Promise<void> {
  const res = await office.post('/api/entities', { uscc: code, name, districtCode, industry: 'C' });
  if (res.statusCode !== 201) throw new Error(`entity ${code}: ${res.statusCode} ${res.body}`);
}

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditActionsSince = async (seq: number) => (await auditRowsAfter(t.db, seq, 1000)).map((r) => r.action);

const A = uscc(101); // 和平区, listed by the district user
const B = uscc(102); // 滨海新区, outside the district user's scope
const C = uscc(103); // revocation
const D = uscc(104); // abnormal list
const E = uscc(105); // penalty publications
const F = uscc(106); // red list candidate
const G = uscc(107); // black list by grade

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  district = await t.as('district-user');
  admin = await t.as('admin');
  await createEntity(A, '120101', '和平测试食品有限公司');
  await createEntity(B, '120116', '滨海测试机械有限公司');
  await createEntity(C, '120101', '和平撤销测试有限公司');
  await createEntity(D, '120101', '和平年报测试有限公司');
  await createEntity(E, '120101', '和平处罚测试有限公司');
  await createEntity(F, '120116', '滨海红榜测试有限公司');
  await createEntity(G, '120116', '滨海黑榜测试有限公司');
});
afterAll(async () => {
  await t.close();
});

const serious = (code: string, over: Record<string, unknown> = {}) => ({
  list: 'serious-violation',
  uscc: code,
  decisionDate: '2025-09-19',
  grounds: 'quality_safety.mandatory_standard',
  decisionNo: '津和市监列严〔2025〕1号',
  penaltyDecisionNo: '津市监罚〔2025〕88号',
  ...over,
});

describe('access', () => {
  it('asks for a login (401) and refuses users without the permission (403)', async () => {
    expect((await t.anon().get('/api/credit/lists')).statusCode).toBe(401);
    expect((await t.anon().post('/api/credit/lists', serious(A))).statusCode).toBe(401);
    expect(errorCode(await (await t.as('dept-user')).get('/api/credit/lists'))).toBe('FORBIDDEN');
    expect(errorCode(await (await t.as('enterprise')).post('/api/credit/lists', serious(A)))).toBe('FORBIDDEN');
    expect(errorCode(await (await t.as('dept-user')).post('/api/credit/honours', { list: 'red', period: '2026-H2' }))).toBe('FORBIDDEN');
  });
});

let listedId = 0;
describe('serious-violation list (Order 44)', () => {
  it('creates a pending listing with publishBy 20 working days across National Day 2025, 1-year and 3-year dates', async () => {
    const seq = await headSeq();
    const awaiting = async (a: Agent) => json<ListAlerts>(await a.get('/api/credit/lists/alerts')).awaitingApproval;
    const [officeBefore, districtBefore] = [await awaiting(office), await awaiting(district)];
    const res = await district.post('/api/credit/lists', serious(A));
    expect(res.statusCode).toBe(201);
    const e = json<ListEntry>(res);
    listedId = e.id;
    expect(e).toMatchObject({
      list: 'serious-violation',
      status: 'pending_approval',
      uscc: A,
      entityName: '和平测试食品有限公司',
      grounds: 'quality_safety.mandatory_standard',
      // The listing decision's own 文号, and the penalty it rests on beside it.
      decisionNo: '津和市监列严〔2025〕1号',
      penaltyDecisionNo: '津市监罚〔2025〕88号',
      decisionDate: '2025-09-19',
      publishBy: '2025-10-23',
      earlyRemovalFrom: '2026-09-19',
      autoRemoveOn: '2028-09-19',
      sourceRecordId: null,
    });
    expect(e.warning).toContain('津市监罚〔2025〕88号');
    // The approver's home counts it; its author's does not (nobody approves their own decision).
    expect(await awaiting(office)).toBe(officeBefore + 1);
    expect(await awaiting(district)).toBe(districtBefore);
    expect(e.nextStep).toMatchObject({ step: 'approve', dueOn: '2025-10-23', overdue: true });
    expect(await auditActionsSince(seq)).toContain('credit.list.create');
  });

  it('links the penalty record with the same decision number and takes its restriction period', async () => {
    const rec = await office.post(`/api/entities/${B}/records`, {
      kind: 'penalty',
      occurredOn: '2025-03-10',
      payload: { decisionNo: '津滨市监罚〔2025〕7号', penaltyTypes: ['fine', 'employment_ban'], amount: 500000, authority: '滨海新区市场监管局', violation: '生产不合格产品', restrictionYears: 5 },
    });
    expect(rec.statusCode).toBe(201);
    // Brackets as officers type them are written as GB/T 9704 has them.
    const res = await office.post('/api/credit/lists', serious(B, { decisionDate: '2025-03-10', decisionNo: '津滨市监列严[2025]2号', penaltyDecisionNo: '津滨市监罚〔2025〕7号' }));
    expect(res.statusCode).toBe(201);
    const e = json<ListEntry>(res);
    expect(e).toMatchObject({ decisionNo: '津滨市监列严〔2025〕2号', penaltyDecisionNo: '津滨市监罚〔2025〕7号' });
    // Officers find a listing by either number.
    for (const kw of ['津滨市监列严〔2025〕2号', '津滨市监罚〔2025〕7号']) {
      expect(json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?list=serious-violation&keyword=${encodeURIComponent(kw)}`)).items.map((i) => i.id)).toEqual([e.id]);
    }
    expect(e.sourceRecordId).toBe(json<{ id: number }>(rec).id);
    expect(e.warning).toBeNull();
    expect(e).toMatchObject({ restrictionUntil: '2030-03-10', autoRemoveOn: '2030-03-10', earlyRemovalFrom: '2030-03-10' });
  });

  it('refuses bad input: 409 already listed, 404 unknown USCC, 400 future date or unknown grounds, 404 outside the district', async () => {
    expect(errorCode(await district.post('/api/credit/lists', serious(A)))).toBe('LIST_ENTRY_ACTIVE');
    const unknown = await office.post('/api/credit/lists', serious(uscc(199)));
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('ENTITY_UNKNOWN');
    const future = await office.post('/api/credit/lists', serious(C, { decisionDate: '2099-01-01' }));
    expect(future.statusCode).toBe(400);
    expect((await office.post('/api/credit/lists', serious(C, { grounds: 'bad_grounds' }))).statusCode).toBe(400);
    // The listing decision's 文号 is required and must read 机关代字〔年份〕序号号 (GB/T 9704-2012).
    const { decisionNo: _omitted, ...noNumber } = serious(C);
    const missing = await office.post('/api/credit/lists', noNumber);
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(json(missing))).toContain('decisionNo');
    for (const bad of ['2025-1', '津市监列严〔2025〕第1号', '津市监列严2025年1号']) {
      const res = await office.post('/api/credit/lists', serious(C, { decisionNo: bad }));
      expect(res.statusCode, bad).toBe(400);
      expect(json<{ error: { details: { path: string; message: string }[] } }>(res).error.details[0]).toMatchObject({ path: 'decisionNo', message: expect.stringContaining('津市监列严〔2026〕4号') });
    }
    expect(json<{ total: number }>(await office.get(`/api/credit/lists?keyword=${C}`)).total).toBe(0);
    const outOfScope = await district.post('/api/credit/lists', serious(B));
    expect(outOfScope.statusCode).toBe(404);
    expect((await district.get(`/api/credit/lists/${json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?keyword=${B}`)).items[0]!.id}`)).statusCode).toBe(404);
  });

  it('needs approval by another user with the approve permission', async () => {
    expect(errorCode(await district.post(`/api/credit/lists/${listedId}/approve`, { approve: true }))).toBe('FORBIDDEN');
    expect(errorCode(await (await t.as('enterprise')).post(`/api/credit/lists/${listedId}/approve`, { approve: true }))).toBe('FORBIDDEN');
    const own = json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?keyword=${B}`)).items[0]!;
    const self = await office.post(`/api/credit/lists/${own.id}/approve`, { approve: true });
    expect(self.statusCode).toBe(409);
    expect(errorCode(self)).toBe('APPROVAL_SELF');
    expect(errorCode(await district.post(`/api/credit/lists/${listedId}/publish`, {}))).toBe('LIST_STEP_INVALID');

    const seq = await headSeq();
    const res = await office.post(`/api/credit/lists/${listedId}/approve`, { approve: true, approvalNo: '津市监审〔2025〕3号', comment: '同意列入' });
    expect(res.statusCode).toBe(200);
    expect(json<ListEntry>(res)).toMatchObject({ status: 'listed', approvedBy: 'quality-office', approvalNo: '津市监审〔2025〕3号', approvalComment: '同意列入' });
    // People as officers read them, the login names kept beside them.
    expect(json<ListEntry>(res)).toMatchObject({
      createdBy: 'district-user',
      createdByName: '赵和平（天津市和平区市场监督管理局）',
      approvedByName: '王质量（天津市质量强市建设协调推进领导小组办公室）',
    });
    const actions = await auditActionsSince(seq);
    expect(actions).toContain('credit.list.approve');
    expect(actions).toContain('entities.record.append');
    const recs = json<{ items: { kind: string; sourceId: string }[] }>(await office.get(`/api/entities/${A}/records?kind=list_entry`));
    expect(recs.items.map((r) => r.sourceId)).toEqual([`list:${listedId}:entry`]);
    expect(errorCode(await office.post(`/api/credit/lists/${listedId}/approve`, { approve: true }))).toBe('LIST_STEP_INVALID');
  });

  it('publishes on an explicit step and flags a publication after publishBy', async () => {
    const res = await district.post(`/api/credit/lists/${listedId}/publish`, {});
    expect(res.statusCode).toBe(200);
    const e = json<ListEntry>(res);
    expect(e).toMatchObject({ status: 'published', publishedOn: today });
    expect(e.flags).toContain('published_late');
    expect(e.nextStep).toMatchObject({ step: 'auto_remove', dueOn: '2028-09-19', overdue: false });
  });

  it('refuses removal before the minimum period, stating the date', async () => {
    const res = await district.post(`/api/credit/lists/${listedId}/remove`, { reason: '申请移出' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('REMOVAL_TOO_EARLY');
    const body = json<{ error: { details: { possibleFrom: string }; message: string } }>(res);
    expect(body.error.details.possibleFrom).toBe('2028-09-19');
    expect(body.error.message).toContain('2028-09-19');
    const ctx = t.systemCtx();
    await expect(t.db.transaction((tx) => removeEntry(tx, ctx, listedId, { kind: 'early', reason: '信用修复', decidedOn: '2026-09-18' }))).rejects.toMatchObject({
      code: 'REMOVAL_TOO_EARLY',
      details: { possibleFrom: '2026-09-19' },
    });
  });

  it('removes early from the anniversary on, with publication stopping within 3 working days', async () => {
    const ctx = t.systemCtx();
    const seq = await headSeq();
    const e = await t.db.transaction((tx) => removeEntry(tx, ctx, listedId, { kind: 'early', reason: '信用修复准予', decidedOn: '2026-09-30' }));
    // 2026-09-30 (Wed): Oct 1–7 off, Oct 8 (1), Oct 9 (2), Sat Oct 10 adjusted (3).
    expect(e).toMatchObject({ status: 'removed', removalKind: 'early', removedOn: '2026-09-30', stopPublicationBy: '2026-10-10', nextStep: null });
    const actions = await auditActionsSince(seq);
    expect(actions).toContain('credit.list.remove');
    const recs = json<{ items: { sourceId: string }[] }>(await office.get(`/api/entities/${A}/records?kind=list_removal`));
    expect(recs.items.map((r) => r.sourceId)).toEqual([`list:${listedId}:removal`]);
    // Off the list, the entity can be listed again.
    expect((await district.post('/api/credit/lists', serious(A, { decisionDate: '2026-06-01' }))).statusCode).toBe(201);
  });

  it('revokes a listing when its penalty is revoked (publication stops within 3 working days)', async () => {
    const created = json<ListEntry>(await district.post('/api/credit/lists', serious(C, { decisionDate: '2025-12-31' })));
    await office.post(`/api/credit/lists/${created.id}/approve`, { approve: true });
    expect(errorCode(await (await t.as('enterprise')).post(`/api/credit/lists/${created.id}/revoke`, { reason: 'x' }))).toBe('FORBIDDEN');
    expect((await district.post(`/api/credit/lists/${created.id}/revoke`, {})).statusCode).toBe(400);
    const res = await district.post(`/api/credit/lists/${created.id}/revoke`, { reason: '行政复议撤销原处罚决定', decidedOn: '2026-02-13' });
    expect(res.statusCode).toBe(200);
    expect(json<ListEntry>(res)).toMatchObject({ status: 'revoked', removalKind: 'revoked', removedOn: '2026-02-13', stopPublicationBy: '2026-02-25' });
    expect(errorCode(await district.post(`/api/credit/lists/${created.id}/revoke`, { reason: '重复' }))).toBe('LIST_STEP_INVALID');
    const recs = json<{ items: { sourceId: string }[] }>(await office.get(`/api/entities/${C}/records?kind=list_removal`));
    expect(recs.items.map((r) => r.sourceId)).toEqual([`list:${created.id}:removal`]);
  });

  it('rejects a listing on approval, leaving no archive record', async () => {
    const created = json<ListEntry>(await district.post('/api/credit/lists', serious(C, { decisionDate: '2026-01-05' })));
    const res = await office.post(`/api/credit/lists/${created.id}/approve`, { approve: false, comment: '证据不足' });
    expect(json<ListEntry>(res)).toMatchObject({ status: 'rejected', approvalComment: '证据不足', nextStep: null });
  });
});

describe('abnormal operations list (Order 101)', () => {
  let id = 0;
  it('lists with the 10-working-day deadline and flags a late listing', async () => {
    const res = await district.post('/api/credit/lists', { list: 'abnormal', uscc: D, grounds: 'annual_report_missing', triggerDate: '2025-06-30', decisionDate: '2025-07-15' });
    expect(res.statusCode).toBe(201);
    const e = json<ListEntry>(res);
    id = e.id;
    expect(e).toMatchObject({ status: 'listed', triggerDate: '2025-06-30', publishBy: '2025-07-14', flags: ['listed_late'] });
    expect((await district.post('/api/credit/lists', { list: 'abnormal', uscc: D, grounds: 'unreachable', triggerDate: '2025-06-30' })).statusCode).toBe(409);
    expect((await district.post('/api/credit/lists', { list: 'abnormal', uscc: D, grounds: 'bankrupt', triggerDate: '2025-06-30' })).statusCode).toBe(400);
  });

  it('removes only after the cure is recorded, with 5 working days across the Spring Festival', async () => {
    expect(errorCode(await district.post(`/api/credit/lists/${id}/remove`, { reason: '已补报' }))).toBe('LIST_STEP_INVALID');
    const cured = await district.post(`/api/credit/lists/${id}/cure`, { curedOn: '2026-02-13', note: '已补报2024年度报告' });
    expect(json<ListEntry>(cured)).toMatchObject({ curedOn: '2026-02-13', removeBy: '2026-02-27', nextStep: { step: 'remove', dueOn: '2026-02-27', overdue: true } });
    const alerts = json<ListAlerts>(await district.get('/api/credit/lists/alerts'));
    expect(alerts.items.map((i) => i.id)).toContain(id);
    expect(alerts.byStep.remove).toBeGreaterThanOrEqual(1);
    const overdue = json<{ items: ListEntry[] }>(await district.get('/api/credit/lists?overdue=true&list=abnormal'));
    expect(overdue.items.map((i) => i.id)).toContain(id);
    const removed = await district.post(`/api/credit/lists/${id}/remove`, { reason: '已补报年报', decidedOn: '2026-03-02' });
    expect(json<ListEntry>(removed)).toMatchObject({ status: 'removed', removalKind: 'cure', removedOn: '2026-03-02' });
    expect(json<ListEntry>(removed).flags).toContain('removed_late');
  });
});

describe('penalty publication (Order 45)', () => {
  const penalty = (decisionNo: string, payload: Record<string, unknown>, occurredOn = '2025-09-19') =>
    office.post(`/api/entities/${E}/records`, {
      kind: 'penalty',
      occurredOn,
      payload: { decisionNo, authority: '和平区市场监管局', violation: '销售不合格产品', penaltyTypes: ['fine'], ...payload },
    });
  const entryOf = async (decisionNo: string) =>
    json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?list=penalty-publication&keyword=${E}&pageSize=50`)).items.find((i) => i.decisionNo === decisionNo);

  it('creates a 3-month publication for a lower-amount fine, none for a warning', async () => {
    expect((await penalty('罚-低额', { amount: 99_999 })).statusCode).toBe(201);
    expect((await penalty('罚-警告', { penaltyTypes: ['warning'] })).statusCode).toBe(201);
    expect(await entryOf('罚-低额')).toMatchObject({ status: 'listed', publishBy: '2025-10-23', autoRemoveOn: '2025-12-19', earlyRemovalFrom: null });
    expect(await entryOf('罚-警告')).toBeUndefined();
  });

  it('publishes 3 years from the threshold on, with 1 year to early stop for food and never for the heaviest penalties', async () => {
    await penalty('罚-食品', { amount: 100_000, domain: 'food' });
    await penalty('罚-停业', { penaltyTypes: ['fine', 'suspended'], amount: 300_000 });
    expect(await entryOf('罚-食品')).toMatchObject({ autoRemoveOn: '2028-09-19', earlyRemovalFrom: '2026-09-19' });
    const heavy = (await entryOf('罚-停业'))!;
    expect(heavy).toMatchObject({ autoRemoveOn: '2028-09-19', earlyRemovalFrom: null });
    const ctx = t.systemCtx();
    await expect(t.db.transaction((tx) => removeEntry(tx, ctx, heavy.id, { kind: 'early', reason: '修复', decidedOn: today }))).rejects.toMatchObject({
      code: 'REMOVAL_TOO_EARLY',
      details: { possibleFrom: null },
    });
  });

  it('reads the fine threshold from the province setting (only the credit office may change it)', async () => {
    expect(json(await office.get('/api/credit/lists/settings'))).toEqual({
      lowFineThresholdYuan: 100_000,
      lowFineThresholdIsDefault: true,
      lowFinePersonThresholdYuan: 10_000,
      lowFinePersonThresholdIsDefault: true,
      lowFineThresholdDefaultYuan: 100_000,
      lowFinePersonThresholdDefaultYuan: 10_000,
    });
    expect(errorCode(await district.put('/api/credit/lists/settings', { lowFineThresholdYuan: 300_000 }))).toBe('FORBIDDEN');
    expect(errorCode(await office.put('/api/credit/lists/settings', {}))).toBe('VALIDATION_FAILED');
    expect(json(await office.put('/api/credit/lists/settings', { lowFineThresholdYuan: 300_000 }))).toMatchObject({ lowFineThresholdYuan: 300_000, lowFineThresholdIsDefault: false, lowFinePersonThresholdIsDefault: true });
    await penalty('罚-省标准', { amount: 200_000 });
    expect(await entryOf('罚-省标准')).toMatchObject({ autoRemoveOn: '2025-12-19' });
    expect(errorCode(await office.put('/api/credit/lists/settings', { lowFineThresholdYuan: 0 }))).toBe('VALIDATION_FAILED');
    expect(json(await office.get('/api/credit/lists/settings'))).toMatchObject({ lowFineThresholdYuan: 300_000 });
    // null restores the coded default: the stored value goes and the setting reads as default again.
    expect(json(await office.put('/api/credit/lists/settings', { lowFineThresholdYuan: null }))).toMatchObject({ lowFineThresholdYuan: 100_000, lowFineThresholdIsDefault: true });
  });

  it('holds a sole proprietor (a natural person) to the lower person threshold, in the publication and in the repair check alike', async () => {
    const shop = uscc(120);
    const res = await office.post('/api/entities', { uscc: shop, name: '和平区张记小吃店', districtCode: '120101', industry: 'H', entityType: 'individual' });
    expect(res.statusCode).toBe(201);
    const fine = (decisionNo: string, amount: number) =>
      office.post(`/api/entities/${shop}/records`, {
        kind: 'penalty',
        occurredOn: '2025-03-03',
        payload: { decisionNo, authority: '和平区市场监管局', violation: '经营超过保质期食品', penaltyTypes: ['fine'], amount, domain: 'food', carriedOut: true },
      });
    expect((await fine('罚-个体-低', 9_000)).statusCode).toBe(201);
    expect((await fine('罚-个体-高', 20_000)).statusCode).toBe(201);
    const entries = json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?list=penalty-publication&keyword=${shop}&pageSize=50`)).items;
    const low = entries.find((i) => i.decisionNo === '罚-个体-低')!;
    const high = entries.find((i) => i.decisionNo === '罚-个体-高')!;
    // 20,000 yuan is below the organisations' 100,000 but not below a natural person's 10,000.
    expect(low).toMatchObject({ autoRemoveOn: '2025-06-03', earlyRemovalFrom: null });
    expect(high).toMatchObject({ autoRemoveOn: '2028-03-03', earlyRemovalFrom: '2026-03-03' });
    const check = async (id: number) => {
      const r = await admin.post(`/api/credit/entries/${id}/repair-check`, { harmRemoved: '已整改' });
      if (r.statusCode !== 200) throw new Error(r.body);
      return json<{ conditions: { code: string; met: boolean }[] }>(r).conditions.find((c) => c.code === 'penalty_type_repairable')?.met;
    };
    expect(await check(low.id)).toBe(false);
    expect(await check(high.id)).toBe(true);
    // Raising the person threshold makes the same fine a lower-amount one for the next decision.
    expect(json(await office.put('/api/credit/lists/settings', { lowFinePersonThresholdYuan: 50_000 }))).toMatchObject({ lowFinePersonThresholdYuan: 50_000, lowFineThresholdYuan: 100_000 });
    expect(await check(high.id)).toBe(false);
    await office.put('/api/credit/lists/settings', { lowFinePersonThresholdYuan: null });
  });

  it('revokes the publication when the penalty record is retracted', async () => {
    const first = json<{ id: number }>(await penalty('罚-撤销', { amount: 500_000 }));
    const res = await office.post(`/api/entities/${E}/records`, {
      kind: 'penalty',
      occurredOn: '2025-09-19',
      correctsId: first.id,
      retracts: true,
      payload: { decisionNo: '罚-撤销', authority: '和平区市场监管局', violation: '销售不合格产品', penaltyTypes: ['fine'], amount: 500_000 },
    });
    expect(res.statusCode).toBe(201);
    expect(await entryOf('罚-撤销')).toMatchObject({ status: 'revoked', removalKind: 'revoked' });
  });
});

describe('the clock', () => {
  it('ends publications and removes listings whose period has run, and is idempotent', async () => {
    // An older listing (decided 2023, before the loaded calendar) whose three years have run.
    const e = await findEntityByUscc(t.db, D);
    const old = await insertEntry(t.db, {
      entityId: e!.id,
      list: 'serious-violation',
      districtCode: e!.districtCode,
      grounds: 'food_safety',
      decisionDate: '2023-06-01',
      status: 'published',
      publishedOn: '2023-06-20',
      earlyRemovalFrom: '2024-06-01',
      autoRemoveOn: '2026-06-01',
      createdBy: 'quality-office',
    });
    const ctx = t.systemCtx();
    const first: ClockReport = await runListClock(ctx, today);
    expect(first.autoRemoved).toBeGreaterThanOrEqual(1);
    expect(first.publicationsEnded).toBeGreaterThanOrEqual(2); // 罚-低额 and 罚-省标准 ended on 2025-12-19
    const removed = json<ListEntry>(await office.get(`/api/credit/lists/${old.id}`));
    expect(removed).toMatchObject({ status: 'removed', removalKind: 'auto', removedOn: '2026-06-01' });
    const low = json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?list=penalty-publication&keyword=${E}&status=removed`)).items.map((i) => i.decisionNo);
    expect(low).toEqual(expect.arrayContaining(['罚-低额', '罚-省标准']));
    const seq = await headSeq();
    const second = await runListClock(ctx, today);
    expect(second).toEqual({ today, autoRemoved: 0, publicationsEnded: 0, honoursExpired: 0, deadlinesRecomputed: 0, flagged: 0 });
    expect(await auditActionsSince(seq)).toEqual([]);
  });

  it('re-derives open deadlines once the holiday notice of their year is loaded', async () => {
    const H = uscc(130);
    await createEntity(H, '120101', '和平跨年测试有限公司');
    const e = (await findEntityByUscc(t.db, H))!;
    // Decided on Monday 2029-12-31; 2030 has no notice yet, so 20 working days skip only 元旦.
    const row = await insertEntry(t.db, {
      entityId: e.id,
      list: 'serious-violation',
      districtCode: e.districtCode,
      grounds: 'food_safety',
      decisionDate: '2029-12-31',
      status: 'pending_approval',
      publishBy: '2030-01-29',
      createdBy: 'district-user',
    });
    // And a repair application submitted the same day: accepted within 2 working days, i.e. 3 January.
    const app = (await insertApplication(t.db, {
      entityId: e.id,
      entryId: row.id,
      kind: 'repair',
      target: 'early_removal',
      districtCode: e.districtCode,
      status: 'submitted',
      reason: '跨年测试',
      conditions: [],
      submittedOn: '2029-12-31',
      acceptBy: '2030-01-03',
      submittedBy: 'enterprise',
    }))!;
    const before = json<ListEntry>(await office.get(`/api/credit/lists/${row.id}`));
    expect(before.nextStep).toMatchObject({ step: 'approve', dueOn: '2030-01-29', provisional: true });
    expect((await runListClock(t.systemCtx(), today)).deadlinesRecomputed).toBe(0);
    // The notice gives 1–7 January off: four more weekdays, so the deadline moves four working days.
    const notice = { year: 2030, source: '测试通知', holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-07' }], workdays: [] };
    expect((await admin.post('/api/system/calendar/years', notice)).statusCode).toBe(201);
    const seq = await headSeq();
    const report = await runListClock(t.systemCtx(), today);
    expect(report.deadlinesRecomputed).toBe(2);
    expect(await auditActionsSince(seq)).toEqual(['credit.deadlines.recount', 'credit.deadlines.recount']);
    expect(json<ListEntry>(await office.get(`/api/credit/lists/${row.id}`)).publishBy).toBe('2030-02-04');
    expect((await findApplication(t.db, app.id))!.app).toMatchObject({ acceptBy: '2030-01-09', decideBy: null });
    expect((await runListClock(t.systemCtx(), today)).deadlinesRecomputed).toBe(0);
  });

  it('flags overdue publication steps for the dashboard', async () => {
    const alerts = json<ListAlerts>(await office.get('/api/credit/lists/alerts'));
    expect(alerts.overdue).toBeGreaterThanOrEqual(1);
    expect(alerts.byStep.publish).toBeGreaterThanOrEqual(1); // the penalty publications never published
    const listed = json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?list=penalty-publication&keyword=${E}&status=listed`)).items;
    expect(listed.every((i) => i.flags.includes('publish_overdue'))).toBe(true);
    // The district user sees only its district.
    const scoped = json<ListAlerts>(await district.get('/api/credit/lists/alerts'));
    expect(scoped.items.every((i) => i.districtCode.startsWith('120101'))).toBe(true);
  });
});

describe('entity view and export', () => {
  it('shows an enterprise only its own entries', async () => {
    const ent = await t.as('enterprise');
    expect(errorCode(await ent.get(`/api/credit/entities/${A}/lists`))).toBe('NOT_YOUR_ENTITY');
    expect(json<ListEntry[]>(await office.get(`/api/credit/entities/${A}/lists`)).length).toBeGreaterThanOrEqual(2);
    expect((await office.get(`/api/credit/entities/${uscc(198)}/lists`)).statusCode).toBe(404);
  });

  it('exports the filtered list as .xlsx in the page’s words: names, grounds, statuses and steps, dates as dates', async () => {
    const res = await office.get('/api/credit/lists/export?list=serious-violation');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { subtitle, header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(subtitle).toMatch(/^筛选条件：名单：严重违法失信名单\u3000\u3000导出时间：/);
    expect(header.slice(0, 9)).toEqual(['名单', '统一社会信用代码', '主体名称', '区划', '列入事由', '决定文号', '处罚决定书文号', '决定日期', '状态']);
    const entries = json<{ items: ListEntry[] }>(await office.get('/api/credit/lists?list=serious-violation&pageSize=200')).items;
    expect(rows).toHaveLength(entries.length);
    expect(rows.length).toBeGreaterThan(0);
    for (const [i, r] of rows.entries()) {
      const e = entries[i]!;
      expect(r[0]).toBe('严重违法失信名单');
      expect(r[3]).not.toMatch(/^\d{6}$/);
      expect(r[4]).toBe(groundsInWords(e));
      expect(r[4]).not.toBe(e.grounds);
      expect(r[5]).toBe(e.decisionNo);
      expect(r[6]).toBe(e.penaltyDecisionNo);
      expect(r[7]).toEqual(new Date(`${e.decisionDate}T00:00:00Z`));
      expect(r[8]).toBe(LIST_STATUS_LABELS[e.status][0]);
      expect(r[14]).toBe(e.nextStep ? LIST_STEP_LABELS[e.nextStep.step][0] : null);
    }
    expect(errorCode(await (await t.as('enterprise')).get('/api/credit/lists/export'))).toBe('FORBIDDEN');
  });
});

describe('red and black lists', () => {
  it('compiles, submits, approves (not by the compiler) and publishes a red round', async () => {
    const f = await findEntityByUscc(t.db, F);
    const g = await findEntityByUscc(t.db, G);
    const e = await findEntityByUscc(t.db, E);
    for (const [id, grade] of [
      [f!.id, 'AAA'],
      [g!.id, 'D'],
      [e!.id, 'AAA'], // graded AAA but penalised in 2025: not red
    ] as const) {
      await t.db
        .insert(creditEvaluation)
        .values({ entityId: id, kind: 'grade', modelVersion: 1, score: 95, grade })
        .onConflictDoUpdate({ target: [creditEvaluation.entityId, creditEvaluation.kind], set: { grade } });
    }
    const created = await office.post('/api/credit/honours', { list: 'red', period: '2026-H2' });
    expect(created.statusCode).toBe(201);
    const round = json<HonourRoundDetail>(created);
    expect(round).toMatchObject({ status: 'draft', list: 'red', title: '2026-H2 质量信用红榜', criteria: { grades: ['AAA', 'AA'], noPenaltyYears: 3, notListed: true } });
    const members = round.entries.map((m) => m.uscc);
    expect(members).toContain(F);
    expect(members).not.toContain(G);
    expect(members).not.toContain(E);

    const edited = json<HonourRoundDetail>(await office.put(`/api/credit/honours/${round.id}`, { criteria: { grades: ['AAA'], noPenaltyYears: 3, notListed: true }, title: '2026年下半年质量信用红榜' }));
    expect(edited.entries.map((m) => m.uscc)).toContain(F);
    expect(edited.title).toBe('2026年下半年质量信用红榜');

    expect(errorCode(await office.post(`/api/credit/honours/${round.id}/publish`))).toBe('LIST_STEP_INVALID');
    expect(json<HonourRoundDetail>(await office.post(`/api/credit/honours/${round.id}/submit`)).status).toBe('pending_approval');
    // Its members are pending too, but only the round can be approved: one by one is refused and changes nothing.
    const memberId = json<HonourRoundDetail>(await office.get(`/api/credit/honours/${round.id}`)).entries.find((m) => m.uscc === F)!.id;
    const alone = await admin.post(`/api/credit/lists/${memberId}/approve`, { approve: true });
    expect(errorCode(alone)).toBe('LIST_STEP_INVALID');
    expect(json<ListEntry>(await office.get(`/api/credit/lists/${memberId}`)).status).toBe('pending_approval');
    expect(errorCode(await office.put(`/api/credit/honours/${round.id}`, { title: '晚了' }))).toBe('LIST_STEP_INVALID');
    expect(errorCode(await office.post(`/api/credit/honours/${round.id}/approve`, { approve: true }))).toBe('APPROVAL_SELF');
    expect(errorCode(await district.post(`/api/credit/honours/${round.id}/approve`, { approve: true }))).toBe('FORBIDDEN');
    expect(json<HonourRoundDetail>(await admin.post(`/api/credit/honours/${round.id}/approve`, { approve: true })).status).toBe('approved');
    const seq = await headSeq();
    const published = json<HonourRoundDetail>(await office.post(`/api/credit/honours/${round.id}/publish`));
    expect(published).toMatchObject({ status: 'published', publishedOn: today, approvedBy: 'admin' });
    expect(published).toMatchObject({ createdBy: 'quality-office', createdByName: '王质量（天津市质量强市建设协调推进领导小组办公室）', approvedByName: '系统管理员（信息中心）' });
    expect(published.entries.every((m) => m.createdByName === '王质量（天津市质量强市建设协调推进领导小组办公室）')).toBe(true);
    expect(published.validUntil! > today).toBe(true);
    expect(published.entries.every((m) => m.status === 'published' && m.autoRemoveOn === published.validUntil)).toBe(true);
    expect(await auditActionsSince(seq)).toContain('credit.honour.publish');
    const member = published.entries.find((m) => m.uscc === F)!;
    expect(member.groundsText).toBe('质量信用等级 AAA，近 3 年无行政处罚，未列入严重违法失信名单、经营异常名录或行政处罚信息公示');
    const recs = json<{ items: { kind: string; title: string; payload: { reason: string } }[] }>(await office.get(`/api/entities/${F}/records?kind=list_entry`));
    expect(recs.items).toHaveLength(1);
    expect(recs.items[0]).toMatchObject({ title: '列入名单：质量信用红榜', payload: { reason: `2026年下半年质量信用红榜（${member.groundsText}）` } });
    const lookup = json<{ lists: { type: string; grounds: string }[] }>(await t.anon().get(`/api/public/credit/${F}`));
    expect(lookup.lists.find((l) => l.type === 'red')?.grounds).toBe(member.groundsText);
    const pageRes = await office.get('/api/credit/honours?list=red');
    expect(pageRes.statusCode, pageRes.body).toBe(200);
    const page = json<{ items: HonourRound[] }>(pageRes);
    expect(page.items.find((r) => r.id === round.id)!.members).toBe(published.entries.length);
    expect(page.items.find((r) => r.id === round.id)).toMatchObject({ createdByName: '王质量（天津市质量强市建设协调推进领导小组办公室）', approvedByName: '系统管理员（信息中心）' });
    // The demo's rounds name the quality office as compiler and its chief as approver.
    const demoRounds = page.items.filter((r) => r.id !== round.id && r.createdBy === 'quality-office' && r.approvedBy === 'quality-chief');
    expect(demoRounds.length).toBeGreaterThan(0);
    for (const r of demoRounds) expect(r.approvedByName).toMatch(/^陈处长（/);
    const pub = await listPublicEntries(t.db, { list: 'red', keyword: F, page: 1, pageSize: 20 });
    expect(pub.items.map((i) => i.uscc)).toEqual([F]);
  });

  it('puts grade D and serious-violation entities on the black round; a rejection returns it to draft', async () => {
    const pendingB = json<{ items: ListEntry[] }>(await office.get(`/api/credit/lists?keyword=${B}&list=serious-violation`)).items[0]!;
    let round = json<HonourRoundDetail>(await office.post('/api/credit/honours', { list: 'black', period: '2026-H2' }));
    expect(round.entries.map((m) => m.uscc)).not.toContain(B); // awaiting approval: not yet on the list
    await office.put(`/api/credit/honours/${round.id}`, { title: '2026年下半年质量信用黑榜' });
    expect(json<ListEntry>(await admin.post(`/api/credit/lists/${pendingB.id}/approve`, { approve: true })).status).toBe('listed');
    round = json<HonourRoundDetail>(await office.put(`/api/credit/honours/${round.id}`, { criteria: { grades: ['D'], includeSeriousViolation: true } }));
    const members = round.entries.map((m) => m.uscc);
    expect(members).toContain(G);
    expect(members).toContain(B);
    expect(round.entries.find((m) => m.uscc === G)!.grounds).toBe('grade:D');
    await office.post(`/api/credit/honours/${round.id}/submit`);
    expect(json<HonourRoundDetail>(await admin.post(`/api/credit/honours/${round.id}/approve`, { approve: false, comment: '补充材料' })).status).toBe('draft');
    // Draft members are not public.
    expect((await listPublicEntries(t.db, { list: 'black', keyword: G, page: 1, pageSize: 20 })).items).toEqual([]);
    expect((await office.get('/api/credit/honours/999999')).statusCode).toBe(404);
    expect((await office.post('/api/credit/honours', { list: 'grey', period: '2026-H2' })).statusCode).toBe(400);
  });
});

describe("people's names", () => {
  it('names creator and approver on every read, in one page; an account that no longer exists has no name and breaks nothing', async () => {
    const X = uscc(108);
    await createEntity(X, '120101', '和平离职经办测试有限公司');
    const e = await findEntityByUscc(t.db, X);
    // Listed by someone whose account has since gone (the login name stays on the entry and in the audit log).
    const gone = await insertEntry(t.db, {
      entityId: e!.id,
      list: 'serious-violation',
      districtCode: e!.districtCode,
      grounds: 'food_safety',
      decisionDate: '2025-06-01',
      status: 'published',
      publishedOn: '2025-06-20',
      autoRemoveOn: '2028-06-01',
      createdBy: 'retired-officer',
      approvedBy: 'quality-office',
    });
    const page = await office.get(`/api/credit/lists?keyword=${X}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(json<{ items: ListEntry[] }>(page).items).toEqual([
      expect.objectContaining({ id: gone.id, createdBy: 'retired-officer', createdByName: null, approvedBy: 'quality-office', approvedByName: '王质量（天津市质量强市建设协调推进领导小组办公室）' }),
    ]);
    expect(json<ListEntry>(await office.get(`/api/credit/lists/${gone.id}`))).toMatchObject({ createdByName: null, approvedByName: '王质量（天津市质量强市建设协调推进领导小组办公室）' });
    expect(json<ListEntry[]>(await office.get(`/api/credit/entities/${X}/lists`))[0]).toMatchObject({ createdBy: 'retired-officer', createdByName: null });
    // The public reads no officer's name.
    const pub = await listPublicEntries(t.db, { list: 'serious-violation', keyword: X, page: 1, pageSize: 20 });
    expect(pub.items[0]).toMatchObject({ createdByName: null, approvedByName: null });
  });
});

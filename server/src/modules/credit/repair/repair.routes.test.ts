/**
 * Credit repair and objections over HTTP on a real database, through the real flows: penalty
 * records appended to the archive (which open their publication entries), listing decisions through
 * the lists routes, applications checked against the archive, accepted and decided within their
 * working-day deadlines, and removal through the lists use case with its archive records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListEntry } from '../../../../../contracts/credit-lists.js';
import type { ArchiveRecord } from '../../../../../contracts/entities.js';
import type { Application, RepairAlerts, RepairCheck, RepairCondition } from '../../../../../contracts/credit-repair.js';
import { pickLang } from '../../../../../contracts/i18n.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { addCalendarDays, buildYearDays, WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { buildTestApp, errorCode, json, multipartBody, type Agent, type TestApp } from '../../../test/test-app.js';
import { DEMO_ENTERPRISE_USCC } from '../../../demo/index.js';
import { CN_HOLIDAY_NOTICES } from '../../../platform/calendar/cn-holidays.data.js';
import { addMonths } from '../lists/lists.rules.js';

let t: TestApp;
let office: Agent;
let district: Agent;
let enterprise: Agent;
let deptUser: Agent;
const today = todayInChina();

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  district = await t.as('district-user');
  enterprise = await t.as('enterprise');
  deptUser = await t.as('dept-user');
});
afterAll(async () => {
  await t.close();
});

let serial = 0;
const owners = new Map<string, Agent>();
const PASSWORD = 'Repair#Test-2026';

/** A new company in 和平区 (the district user's scope), registered by the office. */
async function newEntity(name: string): Promise<string> {
  serial += 1;
  const body = `91120101RP${String(serial).padStart(7, '0')}`;
  const uscc = body + usccCheckCharacter(body);
  const res = await office.post('/api/entities', { uscc, name, districtCode: '120101', industry: 'C' });
  expect(res.statusCode, res.body).toBe(201);
  return uscc;
}

/** The enterprise user of `uscc` (created by the administrator on first use, password changed). */
async function own(uscc: string): Promise<Agent> {
  const known = owners.get(uscc);
  if (known) return known;
  const admin = await t.as('admin');
  const roles = json<{ items: { id: number; key: string }[] }>(await admin.get('/api/system/roles')).items;
  const username = `ent-${uscc.slice(-8).toLowerCase()}`;
  const created = await admin.post('/api/system/users', {
    username,
    password: `${PASSWORD}-init`,
    displayName: '企业经办人',
    deptId: null,
    districtCode: '120101',
    enterpriseUscc: uscc,
    roleIds: [roles.find((r) => r.key === 'enterprise')!.id],
  });
  expect(created.statusCode, created.body).toBe(201);
  const agent = t.anon();
  expect((await agent.login(username, `${PASSWORD}-init`)).statusCode).toBe(200);
  expect((await agent.post('/api/auth/password', { currentPassword: `${PASSWORD}-init`, newPassword: PASSWORD })).statusCode).toBe(200);
  if ((await agent.get('/api/auth/me')).statusCode !== 200) expect((await agent.login(username, PASSWORD)).statusCode).toBe(200);
  owners.set(uscc, agent);
  return agent;
}

interface PenaltyIn {
  occurredOn: string;
  decisionNo: string;
  penaltyTypes?: string[];
  amount?: number | null;
  violation?: string;
  domain?: string;
  carriedOut?: boolean;
}
async function addPenalty(uscc: string, p: PenaltyIn): Promise<number> {
  const res = await office.post(`/api/entities/${uscc}/records`, {
    kind: 'penalty',
      occurredOn: p.occurredOn,
      payload: {
        decisionNo: p.decisionNo,
        penaltyTypes: p.penaltyTypes ?? ['fine', 'confiscation'],
        amount: p.amount === undefined ? 300_000 : p.amount,
        authority: '天津市和平区市场监督管理局',
        violation: p.violation ?? '生产不符合强制性国家标准的产品',
        domain: p.domain ?? 'product',
        carriedOut: p.carriedOut ?? true,
      },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: number }>(res).id;
}

/** The entity's list entries, oldest first, through the lists API. */
async function entriesOf(uscc: string): Promise<ListEntry[]> {
  const res = await office.get(`/api/credit/entities/${uscc}/lists`);
  expect(res.statusCode, res.body).toBe(200);
  return json<ListEntry[]>(res).sort((a, b) => a.id - b.id);
}

async function entryById(uscc: string, id: number): Promise<ListEntry> {
  return (await entriesOf(uscc)).find((e) => e.id === id)!;
}

async function recordsOf(uscc: string, kind: string): Promise<ArchiveRecord[]> {
  return json<{ items: ArchiveRecord[] }>(await office.get(`/api/entities/${uscc}/records?kind=${kind}&pageSize=200`)).items;
}

async function entryOf(uscc: string, list: string): Promise<ListEntry> {
  return (await entriesOf(uscc)).find((e) => e.list === list)!;
}

/** A serious-violation listing decided by the district, approved by the office, published. */
async function listSerious(uscc: string, decisionDate: string, penaltyDecisionNo: string): Promise<number> {
  const res = await district.post('/api/credit/lists', { list: 'serious-violation', uscc, decisionDate, grounds: 'quality_safety.special_equipment', decisionNo: `津和市监列严〔${decisionDate.slice(0, 4)}〕9号`, penaltyDecisionNo });
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: number }>(res).id;
  expect((await office.post(`/api/credit/lists/${id}/approve`, { approve: true })).statusCode).toBe(200);
  expect((await district.post(`/api/credit/lists/${id}/publish`, { publishedOn: decisionDate })).statusCode).toBe(200);
  return id;
}

async function listAbnormal(uscc: string, decisionDate: string, publishedOn: string): Promise<number> {
  const res = await district.post('/api/credit/lists', { list: 'abnormal', uscc, grounds: 'annual_report_missing', triggerDate: decisionDate, decisionDate });
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: number }>(res).id;
  expect((await district.post(`/api/credit/lists/${id}/publish`, { publishedOn })).statusCode).toBe(200);
  return id;
}

/** The calendar the app loads (the same notices; later years provisional). */
const calendar = new WorkingCalendar(CN_HOLIDAY_NOTICES.flatMap((n) => buildYearDays(n.year, n.holidays, n.workdays)));
const daysLeft = (dueOn: string | null, n: number) => {
  expect(dueOn).toBe(calendar.addWorkingDays(today, n));
  return n;
};

const FORM = { reason: '已整改完毕，申请信用修复', commitment: '本企业承诺所提交材料真实有效，并将依法诚信经营。', harmRemoved: '已召回并销毁全部不合格产品，赔偿受损消费者' };
const unmetCodes = (res: { body: string }) => (JSON.parse(res.body) as { error: { details: RepairCondition[] } }).error.details.map((c) => c.code);

describe('access', () => {
  it('asks for a login, refuses users without the permission, and rejects bad input', async () => {
    expect((await t.anon().post('/api/credit/repairs', { entryId: 1 })).statusCode).toBe(401);
    expect((await t.anon().get('/api/credit/repairs')).statusCode).toBe(401);
    expect(errorCode(await deptUser.get('/api/credit/repairs'))).toBe('FORBIDDEN');
    expect(errorCode(await deptUser.post('/api/credit/repairs', { entryId: 1, ...FORM }))).toBe('FORBIDDEN');
    expect(errorCode(await enterprise.post('/api/credit/repairs/1/accept', { accept: true }))).toBe('FORBIDDEN');
    expect(errorCode(await enterprise.get('/api/credit/repairs/alerts'))).toBe('FORBIDDEN');
    // The integrity commitment is required.
    expect(errorCode(await enterprise.post('/api/credit/repairs', { entryId: 1, reason: FORM.reason, harmRemoved: FORM.harmRemoved }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await office.post('/api/credit/repairs/1/accept', { accept: false }))).toBe('VALIDATION_FAILED');
    expect((await office.get('/api/credit/repairs/999999')).statusCode).toBe(404);
    expect((await enterprise.post('/api/credit/entries/999999/repair-check', {})).statusCode).toBe(404);
  });
});

describe('the enterprise repairs its penalty publication (food, ≥ 1 year)', () => {
  let app: Application;
  let entryId: number;

  it('sees the conditions in a dry run', async () => {
    const entry = await entryOf(DEMO_ENTERPRISE_USCC, 'penalty-publication');
    entryId = entry.id;
    const dry = json<RepairCheck>(await enterprise.post(`/api/credit/entries/${entryId}/repair-check`, {}));
    expect(dry.target).toBe('stop_publication');
    expect(dry.eligible).toBe(false);
    expect(dry.conditions.filter((c) => !c.met).map((c) => c.code)).toEqual(['harm_removed']);
    const full = json<RepairCheck>(await enterprise.post(`/api/credit/entries/${entryId}/repair-check`, { harmRemoved: FORM.harmRemoved }));
    expect(full.eligible).toBe(true);
    expect(full.conditions.map((c) => c.code)).toEqual(['penalty_type_repairable', 'published_min_period', 'penalty_carried_out', 'harm_removed', 'no_repeat_violation', 'not_on_lists']);
  });

  it('applies once; a second application is 409 REPAIR_PENDING', async () => {
    const res = await enterprise.post('/api/credit/repairs', { entryId, ...FORM });
    expect(res.statusCode, res.body).toBe(201);
    app = json<Application>(res);
    expect(app).toMatchObject({ kind: 'repair', target: 'stop_publication', status: 'submitted', uscc: DEMO_ENTERPRISE_USCC, submittedOn: today });
    // The enterprise's account has no department: its name alone.
    expect(app).toMatchObject({ submittedBy: 'enterprise', submittedByName: '吴企业', handledBy: null, handledByName: null });
    expect(app.conditions.every((c) => c.met)).toBe(true);
    expect(app.accept.dueOn! > today).toBe(true);
    expect(app.accept.workingDaysLeft).toBe(daysLeft(app.accept.dueOn, 2));
    expect(app.decide.dueOn).toBeNull();
    expect(errorCode(await enterprise.post('/api/credit/repairs', { entryId, ...FORM }))).toBe('REPAIR_PENDING');
  });

  it('uploads proof through the stored files; types are limited', async () => {
    const attach = (agent: Agent, data: Buffer, filename: string) => agent.request('POST', `/api/credit/repairs/${app.id}/files`, multipartBody(data, { filename }));
    expect(errorCode(await attach(enterprise, Buffer.from('MZ'), 'tool.exe'))).toBe('UNSUPPORTED_FILE_TYPE');
    expect(errorCode(await attach(office, Buffer.from('%PDF'), '代传.pdf'))).toBe('FORBIDDEN');
    const res = await attach(enterprise, Buffer.from('%PDF-1.7 缴款凭证'), '罚没款缴款凭证.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const [file] = json<Application>(res).files;
    expect(file).toMatchObject({ filename: '罚没款缴款凭证.pdf', mimetype: 'application/pdf' });
    const dl = await office.get(`/api/credit/repairs/${app.id}/files/${file!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toContain('%PDF-1.7');
    expect((await office.get(`/api/credit/repairs/${app.id}/files/${file!.id + 1000}`)).statusCode).toBe(404);
  });

  it('is visible to the enterprise and the office, not to another district', async () => {
    const mine = json<{ items: Application[] }>(await enterprise.get('/api/credit/repairs'));
    expect(mine.items.map((a) => a.id)).toContain(app.id);
    expect(mine.items.every((a) => a.uscc === DEMO_ENTERPRISE_USCC)).toBe(true);
    expect((await office.get(`/api/credit/repairs/${app.id}`)).statusCode).toBe(200);
    expect((await district.get(`/api/credit/repairs/${app.id}`)).statusCode).toBe(404);
    expect(json<{ items: Application[] }>(await district.get('/api/credit/repairs')).items.map((a) => a.id)).not.toContain(app.id);
    expect((await office.get(`/api/credit/objections/${app.id}`)).statusCode).toBe(404);
  });

  it('is accepted, then approved: the entry is removed with its archive records', async () => {
    const accepted = json<Application>(await office.post(`/api/credit/repairs/${app.id}/accept`, { accept: true }));
    expect(accepted.status).toBe('accepted');
    expect(accepted).toMatchObject({ handledBy: 'quality-office', handledByName: '王质量（天津市质量强市建设协调推进领导小组办公室）' });
    expect(accepted.accept.doneOn).toBe(today);
    expect(accepted.decide.workingDaysLeft).toBe(daysLeft(accepted.decide.dueOn, 15));
    expect(errorCode(await office.post(`/api/credit/repairs/${app.id}/accept`, { accept: true }))).toBe('LIST_STEP_INVALID');
    const res = await office.post(`/api/credit/repairs/${app.id}/decide`, { approve: true, comment: '经核实符合提前停止公示条件' });
    expect(res.statusCode, res.body).toBe(200);
    const decided = json<Application>(res);
    expect(decided.status).toBe('approved');
    expect(decided.stopPublication.dueOn! > today).toBe(true);
    const entry = await entryOf(DEMO_ENTERPRISE_USCC, 'penalty-publication');
    expect(entry).toMatchObject({ status: 'removed', removalKind: 'early', removedOn: today });
    const repairRecords = await recordsOf(DEMO_ENTERPRISE_USCC, 'credit_repair');
    expect(repairRecords.map((r) => r.payload)).toEqual([{ applicationId: app.id, target: 'stop_publication', result: 'approved' }]);
    expect(repairRecords[0]).toMatchObject({ recordedBy: 'quality-office', recordedByName: '王质量（天津市质量强市建设协调推进领导小组办公室）' });
    // The demo's penalties were recorded by an inspector of the enterprise's district bureau (滨海新区), named.
    const penalties = await recordsOf(DEMO_ENTERPRISE_USCC, 'penalty');
    expect(penalties.length).toBeGreaterThan(0);
    for (const r of penalties) expect(r).toMatchObject({ recordedBy: 'tj120116-02', recordedByName: expect.stringMatching(/（天津市滨海新区市场监督管理局）$/) });
    expect((await recordsOf(DEMO_ENTERPRISE_USCC, 'list_removal')).some((r) => r.occurredOn === today)).toBe(true);
    // Nothing left to repair: the entry is no longer in force.
    expect(errorCode(await enterprise.post(`/api/credit/entries/${entryId}/repair-check`, {}))).toBe('LIST_STEP_INVALID');
  });
});

describe('serious-violation list: early removal after one year (Order 44 Art. 16)', () => {
  it('refuses another enterprise 403', async () => {
    const uscc = await newEntity('天津市和平区他人电梯有限公司');
    await addPenalty(uscc, { occurredOn: addMonths(today, -13), decisionNo: '津和市监罚〔他〕1号' });
    const entry = await entryOf(uscc, 'penalty-publication');
    expect(errorCode(await enterprise.post('/api/credit/repairs', { entryId: entry.id, ...FORM }))).toBe('NOT_YOUR_ENTITY');
    expect(errorCode(await enterprise.post(`/api/credit/entries/${entry.id}/repair-check`, {}))).toBe('NOT_YOUR_ENTITY');
  });

  it('one day short of a year: 409 with the date it becomes possible', async () => {
    const uscc = await newEntity('天津市和平区未满一年电梯有限公司');
    const decided = addCalendarDays(addMonths(today, -12), 1);
    await addPenalty(uscc, { occurredOn: decided, decisionNo: '津和市监罚〔短〕1号' });
    const id = await listSerious(uscc, decided, '津和市监罚〔短〕1号');
    const res = await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('REPAIR_CONDITIONS_UNMET');
    const [unmet] = (JSON.parse(res.body) as { error: { details: RepairCondition[] } }).error.details;
    expect(unmet!.code).toBe('listed_one_year');
    expect(pickLang(unmet!.detail, 'zh')).toContain(`可于 ${addMonths(decided, 12)} 起申请`);
    expect(json<{ error: { message: string } }>(res).error.message).toContain(addMonths(decided, 12));
    expect(json<{ total: number }>(await office.get(`/api/credit/repairs?uscc=${uscc}`)).total).toBe(0);
  });

  it('exactly one year: accepted by the district, approved, removed early', async () => {
    const uscc = await newEntity('天津市和平区满一年电梯有限公司');
    const decided = addMonths(today, -12);
    await addPenalty(uscc, { occurredOn: decided, decisionNo: '津和市监罚〔满〕1号' });
    const id = await listSerious(uscc, decided, '津和市监罚〔满〕1号');
    const res = await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM });
    expect(res.statusCode, res.body).toBe(201);
    const app = json<Application>(res);
    expect(app.target).toBe('early_removal');
    expect(app.conditions.map((c) => c.code)).toEqual(['listed_one_year', 'no_restriction_running', 'penalty_carried_out', 'harm_removed', 'no_heavier_penalty']);
    expect((await district.post(`/api/credit/repairs/${app.id}/accept`, { accept: true })).statusCode).toBe(200);
    const decided2 = json<Application>(await district.post(`/api/credit/repairs/${app.id}/decide`, { approve: true, comment: '准予提前移出' }));
    expect(decided2.status).toBe('approved');
    const entry = await entryById(uscc, id);
    expect(entry).toMatchObject({ status: 'removed', removalKind: 'early' });
    expect(entry.stopPublicationBy).not.toBeNull();
  });

  it('re-checks at decision time: a heavier penalty meanwhile blocks approval; denial is recorded', async () => {
    const uscc = await newEntity('天津市和平区复查电梯有限公司');
    const decided = addMonths(today, -14);
    await addPenalty(uscc, { occurredOn: decided, decisionNo: '津和市监罚〔复〕1号' });
    const id = await listSerious(uscc, decided, '津和市监罚〔复〕1号');
    const app = json<Application>(await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM }));
    await district.post(`/api/credit/repairs/${app.id}/accept`, { accept: true });
    await addPenalty(uscc, { occurredOn: addCalendarDays(today, -1), decisionNo: '津和市监罚〔复〕2号', penaltyTypes: ['suspended'], violation: '擅自使用未经检验的特种设备' });
    const refused = await district.post(`/api/credit/repairs/${app.id}/decide`, { approve: true, comment: '准予' });
    expect(errorCode(refused)).toBe('REPAIR_CONDITIONS_UNMET');
    expect(unmetCodes(refused)).toEqual(['no_heavier_penalty']);
    const denied = json<Application>(await district.post(`/api/credit/repairs/${app.id}/decide`, { approve: false, comment: '列入后又受到责令停产停业处罚' }));
    expect(denied.status).toBe('denied');
    expect(denied.conditions.find((c) => c.code === 'no_heavier_penalty')?.met).toBe(false);
    expect((await entryById(uscc, id)).status).toBe('published');
    const repairs = await recordsOf(uscc, 'credit_repair');
    expect(repairs.map((r) => r.payload)).toEqual([{ applicationId: app.id, target: 'early_removal', result: 'denied' }]);
  });

  it('can refuse to accept, with reasons', async () => {
    const uscc = await newEntity('天津市和平区不予受理电梯有限公司');
    const decided = addMonths(today, -15);
    await addPenalty(uscc, { occurredOn: decided, decisionNo: '津和市监罚〔拒〕1号' });
    const id = await listSerious(uscc, decided, '津和市监罚〔拒〕1号');
    const app = json<Application>(await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM }));
    const refused = json<Application>(await district.post(`/api/credit/repairs/${app.id}/accept`, { accept: false, comment: '材料不齐全' }));
    expect(refused).toMatchObject({ status: 'not_accepted', decisionComment: '材料不齐全' });
    expect(errorCode(await district.post(`/api/credit/repairs/${app.id}/decide`, { approve: true, comment: '准予' }))).toBe('LIST_STEP_INVALID');
    // A refused application is closed: a new one may be lodged.
    expect((await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM })).statusCode).toBe(201);
  });
});

describe('penalty publication: period, heaviest penalties and repeats', () => {
  it('6 months for ordinary products; 1 year for food (counted from the decision when unpublished)', async () => {
    const uscc = await newEntity('天津市和平区六个月制品有限公司');
    const on = addMonths(today, -6);
    await addPenalty(uscc, { occurredOn: on, decisionNo: '津和市监罚〔六〕1号' });
    const entry = await entryOf(uscc, 'penalty-publication');
    const ok = json<RepairCheck>(await (await own(uscc)).post(`/api/credit/entries/${entry.id}/repair-check`, { harmRemoved: FORM.harmRemoved }));
    expect(ok.eligible).toBe(true);

    const food = await newEntity('天津市和平区六个月食品有限公司');
    await addPenalty(food, { occurredOn: on, decisionNo: '津和市监罚〔食〕1号', domain: 'food', violation: '生产经营超范围使用食品添加剂的食品' });
    const foodEntry = await entryOf(food, 'penalty-publication');
    const res = await (await own(food)).post('/api/credit/repairs', { entryId: foodEntry.id, ...FORM });
    expect(errorCode(res)).toBe('REPAIR_CONDITIONS_UNMET');
    expect(unmetCodes(res)).toEqual(['published_min_period']);
    expect(res.body).toContain(`可于 ${addMonths(on, 12)} 起申请`);
  });

  it('never for the heaviest penalties', async () => {
    const uscc = await newEntity('天津市和平区停产整顿制品有限公司');
    await addPenalty(uscc, { occurredOn: addMonths(today, -8), decisionNo: '津和市监罚〔停〕1号', penaltyTypes: ['fine', 'suspended'] });
    const entry = await entryOf(uscc, 'penalty-publication');
    const res = await (await own(uscc)).post('/api/credit/repairs', { entryId: entry.id, ...FORM });
    expect(errorCode(res)).toBe('REPAIR_CONDITIONS_UNMET');
    expect(unmetCodes(res)).toEqual(['penalty_type_repairable']);
  });

  it('not after a repeat of the same violation, nor before the penalty is carried out', async () => {
    const uscc = await newEntity('天津市和平区再犯制品有限公司');
    await addPenalty(uscc, { occurredOn: addMonths(today, -9), decisionNo: '津和市监罚〔再〕1号', violation: '标注虚假生产日期' });
    await addPenalty(uscc, { occurredOn: addMonths(today, -2), decisionNo: '津和市监罚〔再〕2号', violation: '标注虚假生产日期', carriedOut: false });
    const first = (await entriesOf(uscc)).find((e) => e.decisionNo === '津和市监罚〔再〕1号');
    const res = await (await own(uscc)).post('/api/credit/repairs', { entryId: first!.id, ...FORM });
    expect(unmetCodes(res)).toEqual(['no_repeat_violation']);
    expect(res.body).toContain('津和市监罚〔再〕2号');
    const second = (await entriesOf(uscc)).find((e) => e.decisionNo === '津和市监罚〔再〕2号');
    const check = json<RepairCheck>(await (await own(uscc)).post(`/api/credit/entries/${second!.id}/repair-check`, { harmRemoved: 'x'.repeat(5) }));
    expect(check.conditions.filter((c) => !c.met).map((c) => c.code)).toEqual(['published_min_period', 'penalty_carried_out']);
  });
});

describe('abnormal list: cure and objections (Order 101)', () => {
  it('removes the entry after the cure, decided within 5 working days of the application', async () => {
    const uscc = await newEntity('天津市和平区补报年报商贸有限公司');
    const id = await listAbnormal(uscc, addCalendarDays(today, -100), addCalendarDays(today, -95));
    const wrong = await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM, cure: 'reachable' });
    expect(unmetCodes(wrong)).toEqual(['cause_cured']);
    const app = json<Application>(await (await own(uscc)).post('/api/credit/repairs', { entryId: id, ...FORM, cure: 'annual_report' }));
    expect(app.target).toBe('abnormal_cure');
    expect(app.decide.workingDaysLeft).toBe(daysLeft(app.decide.dueOn, 5));
    await district.post(`/api/credit/repairs/${app.id}/accept`, { accept: true });
    const done = json<Application>(await district.post(`/api/credit/repairs/${app.id}/decide`, { approve: true, comment: '已补报 2025 年度报告' }));
    expect(done.status).toBe('approved');
    expect(await entryById(uscc, id)).toMatchObject({ status: 'removed', removalKind: 'cure' });
  });

  it('takes an objection within 30 days of publication; upheld, the entry is removed', async () => {
    const uscc = await newEntity('天津市和平区异议商贸有限公司');
    const id = await listAbnormal(uscc, addCalendarDays(today, -12), addCalendarDays(today, -10));
    const res = await (await own(uscc)).post('/api/credit/objections', { entryId: id, reason: '已于期限内公示年度报告，列入有误' });
    expect(res.statusCode, res.body).toBe(201);
    const obj = json<Application>(res);
    expect(obj).toMatchObject({ kind: 'objection', target: null, status: 'submitted' });
    expect(obj.accept.workingDaysLeft).toBe(daysLeft(obj.accept.dueOn, 5));
    expect(errorCode(await (await own(uscc)).post('/api/credit/objections', { entryId: id, reason: '重复提出异议' }))).toBe('REPAIR_PENDING');
    expect((await office.post(`/api/credit/repairs/${obj.id}/accept`, { accept: true })).statusCode).toBe(404);
    const accepted = json<Application>(await district.post(`/api/credit/objections/${obj.id}/accept`, { accept: true }));
    expect(accepted.decide.workingDaysLeft).toBe(daysLeft(accepted.decide.dueOn, 20));
    const upheld = json<Application>(await district.post(`/api/credit/objections/${obj.id}/decide`, { approve: true, comment: '经核实列入有误，予以更正' }));
    expect(upheld.status).toBe('approved');
    expect(upheld.stopPublication.dueOn).not.toBeNull();
    expect(await entryById(uscc, id)).toMatchObject({ status: 'removed', removalKind: 'objection' });
  });

  it('refuses a late objection with the last day, and objections to other lists', async () => {
    const uscc = await newEntity('天津市和平区逾期异议商贸有限公司');
    const published = addCalendarDays(today, -45);
    const id = await listAbnormal(uscc, addCalendarDays(today, -50), published);
    const res = await (await own(uscc)).post('/api/credit/objections', { entryId: id, reason: '列入有误' });
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('OBJECTION_PERIOD_OVER');
    const lastDay = (JSON.parse(res.body) as { error: { details: { lastDay: string } } }).error.details.lastDay;
    expect(lastDay >= addCalendarDays(published, 30)).toBe(true);
    expect(res.body).toContain(lastDay);
    const serious = await newEntity('天津市和平区严重失信异议有限公司');
    await addPenalty(serious, { occurredOn: addMonths(today, -2), decisionNo: '津和市监罚〔异〕1号' });
    const entry = await entryOf(serious, 'penalty-publication');
    expect(errorCode(await (await own(serious)).post('/api/credit/objections', { entryId: entry.id, reason: '列入有误' }))).toBe('LIST_STEP_INVALID');
  });
});

describe('overdue alerts', () => {
  it('counts overdue steps in scope and lists them', async () => {
    const uscc = await newEntity('天津市和平区逾期办理制品有限公司');
    await addPenalty(uscc, { occurredOn: addMonths(today, -7), decisionNo: '津和市监罚〔逾〕1号' });
    const entry = await entryOf(uscc, 'penalty-publication');
    const app = json<Application>(await (await own(uscc)).post('/api/credit/repairs', { entryId: entry.id, ...FORM }));
    const before = json<RepairAlerts>(await district.get('/api/credit/repairs/alerts'));
    // The application arrived a while ago (fixture: move its acceptance deadline into the past).
    await t.db.execute(`update credit_application set accept_by = '${addCalendarDays(today, -3)}' where id = ${Number(app.id)}`);
    const after = json<RepairAlerts>(await district.get('/api/credit/repairs/alerts'));
    expect(after.acceptOverdue).toBe(before.acceptOverdue + 1);
    expect(after.total).toBe(before.total + 1);
    const listed = json<{ items: Application[] }>(await district.get('/api/credit/repairs?overdue=true'));
    const mine = listed.items.find((a) => a.id === app.id)!;
    expect(mine.accept).toMatchObject({ overdue: true, dueOn: addCalendarDays(today, -3) });
  });
});

describe("people's names", () => {
  it('names the applicant and the handler on the list page; an account that no longer exists has no name, the page still works', async () => {
    const uscc = await newEntity('天津市和平区离职经办制品有限公司');
    await addPenalty(uscc, { occurredOn: addMonths(today, -7), decisionNo: '津和市监罚〔名〕1号' });
    const entry = await entryOf(uscc, 'penalty-publication');
    const app = json<Application>(await (await own(uscc)).post('/api/credit/repairs', { entryId: entry.id, ...FORM }));
    expect(app.submittedByName).toBe('企业经办人');
    expect((await district.post(`/api/credit/repairs/${app.id}/accept`, { accept: true })).statusCode).toBe(200);
    const page = json<{ items: Application[] }>(await district.get(`/api/credit/repairs?uscc=${uscc}`)).items;
    expect(page.find((a) => a.id === app.id)).toMatchObject({ handledBy: 'district-user', handledByName: '赵和平（天津市和平区市场监督管理局）' });
    // The handler's account is gone (fixture: a login name no account has).
    await t.db.execute(`update credit_application set handled_by = 'retired-officer' where id = ${Number(app.id)}`);
    const res = await district.get(`/api/credit/repairs?uscc=${uscc}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<{ items: Application[] }>(res).items.find((a) => a.id === app.id)).toMatchObject({ handledBy: 'retired-officer', handledByName: null, submittedByName: '企业经办人' });
    expect(json<Application>(await district.get(`/api/credit/repairs/${app.id}`))).toMatchObject({ handledBy: 'retired-officer', handledByName: null });
  });
});

/**
 * The registry and the archive over HTTP on a real database: registering and finding entities
 * (exact USCC, jieba words, trigram fuzz, former names), data scope (district, enterprise), products,
 * licences and the flags they raise, and the append-only archive with corrections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRecord, EntityDetail } from '../../../../contracts/entities.js';
import type { Page } from '../../../../contracts/common.js';
import type { EntityListQuery, EntitySummary } from '../../../../contracts/entities.js';
import { FULL_SCOPE } from '../../platform/data-scope/data-scope.js';
import { listEntities as listEntityRows, readCommonSearchWords } from './entities.repository.js';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const FOOD = uscc('91120101MA0TEXT01');
const CABLE = uscc('91120104MA0TEXT02');
const OTHER_ENTERPRISE = uscc('91120116MA0TEXT03');
const DEMO_ENTERPRISE = uscc('91120116MA05JQ7W8');

let t: TestApp;
let office: Agent;
let district: Agent;
let enterprise: Agent;
let deptUser: Agent;

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;

async function register(body: Record<string, unknown>): Promise<EntityDetail> {
  const res = await office.post('/api/entities', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<EntityDetail>(res);
}

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  district = await t.as('district-user');
  enterprise = await t.as('enterprise');
  deptUser = await t.as('dept-user');
  await register({ uscc: FOOD, name: '天津市食品集团有限公司', formerNames: ['天津市副食品公司'], districtCode: '120101', industry: '14', scale: 'large', legalRep: '王建国', contactPhone: '13812345678' });
  await register({ uscc: CABLE, name: '天津宏达电线电缆有限公司', districtCode: '120104', industry: 'C38', scale: 'medium' });
  await register({ uscc: OTHER_ENTERPRISE, name: '天津滨海精工机械有限公司', districtCode: '120116', industry: 'C' });
  if ((await office.get(`/api/entities/${DEMO_ENTERPRISE}`)).statusCode === 404) {
    await register({ uscc: DEMO_ENTERPRISE, name: '天津滨海示范食品有限公司', districtCode: '120116', industry: '14' });
  }
  // Statistics as a registry in service has them, so searches leave the common words out of the index probe.
  await t.db.execute('analyze entity');
});

afterAll(async () => {
  await t.close();
});

describe('registering', () => {
  it('splits the industry code, keeps former names and writes an audit row', async () => {
    const e = json<EntityDetail>(await office.get(`/api/entities/${FOOD}`));
    expect(e).toMatchObject({ name: '天津市食品集团有限公司', industrySection: 'C', industryDivision: '14', districtName: '和平区', formerNames: ['天津市副食品公司'] });
    expect(e.industryName).toContain('食品制造业');
  });

  it('refuses a bad USCC naming the failed rule, a duplicate, an unknown district and a future date', async () => {
    const seq = await headSeq();
    const bad = await office.post('/api/entities', { uscc: FOOD.slice(0, 17) + (FOOD.endsWith('0') ? '1' : '0'), name: '某公司', districtCode: '120101', industry: 'C' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('checksum');
    expect(errorCode(await office.post('/api/entities', { uscc: FOOD, name: '重复公司', districtCode: '120101', industry: 'C' }))).toBe('USCC_TAKEN');
    const unknown = await office.post('/api/entities', { uscc: uscc('91120101MA0TEXT09'), name: '某公司', districtCode: '129999', industry: 'C' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('129999');
    expect((await office.post('/api/entities', { uscc: uscc('91120101MA0TEXT09'), name: '某公司', districtCode: '120101', industry: 'C', establishedOn: '2999-01-01' })).statusCode).toBe(400);
    expect((await office.post('/api/entities', { uscc: uscc('91120101MA0TEXT09'), name: '某公司', districtCode: '120101', industry: 'C01' })).statusCode).toBe(400);
    expect(await headSeq()).toBe(seq);
  });

  it('lets a district user register only in its own district', async () => {
    const res = await district.post('/api/entities', { uscc: uscc('91120104MA0TEXT10'), name: '河西区某商店', districtCode: '120104', industry: 'F' });
    expect(errorCode(res)).toBe('OUT_OF_SCOPE');
  });

  it('keeps the old name among the former names on a rename, and refuses a stale version', async () => {
    const e = json<EntityDetail>(await office.get(`/api/entities/${CABLE}`));
    const body = { name: '天津宏达线缆股份有限公司', formerNames: [], districtCode: '120104', industry: 'C38', scale: 'medium', version: e.version };
    const renamed = json<EntityDetail>(await office.put(`/api/entities/${CABLE}`, body));
    expect(renamed.formerNames).toEqual(['天津宏达电线电缆有限公司']);
    expect(errorCode(await office.put(`/api/entities/${CABLE}`, body))).toBe('CONFLICT');
  });
});

describe('searching', () => {
  const search = async (agent: Agent, q: string) => json<Page<EntitySummary>>(await agent.get(`/api/entities?${q}`));

  it('finds 天津市食品集团有限公司 from the fuzzy 天津食品集团', async () => {
    // The demo city has its own 天津市食品集团有限公司; either is the right answer, ranked first.
    const page = await search(office, `keyword=${encodeURIComponent('天津食品集团')}`);
    expect(page.items[0]?.name).toBe('天津市食品集团有限公司');
    expect(page.items.slice(0, 2).map((e) => e.name)).toEqual(['天津市食品集团有限公司', '天津市食品集团有限公司']);
    expect(page.items.map((e) => e.uscc)).toContain(FOOD);
  });

  it('finds by exact USCC (any case) and by a former name, saying which name matched', async () => {
    expect((await search(office, `keyword=${FOOD.toLowerCase()}`)).items.map((e) => e.uscc)).toEqual([FOOD]);
    const former = await search(office, `keyword=${encodeURIComponent('宏达电线电缆')}`);
    expect(former.items[0]).toMatchObject({ uscc: CABLE, matchedName: '天津宏达电线电缆有限公司' });
  });

  it('filters by district prefix, industry section or division, and status', async () => {
    expect((await search(office, 'districtCode=120104')).items.every((e) => e.districtCode === '120104')).toBe(true);
    const food = await search(office, `industry=14&pageSize=200&keyword=${encodeURIComponent('食品')}`);
    expect(food.items.map((e) => e.uscc)).toContain(FOOD);
    expect(food.items.every((e) => e.industryDivision === '14')).toBe(true);
    expect((await search(office, `industry=C&keyword=${encodeURIComponent('宏达')}`)).items.map((e) => e.uscc)).toContain(CABLE);
    expect((await search(office, `industry=F&keyword=${encodeURIComponent('宏达')}`)).items.map((e) => e.uscc)).not.toContain(CABLE);
    expect((await search(office, 'status=cancelled')).items.map((e) => e.uscc)).not.toContain(FOOD);
  });

  it('knows the words most names share from the index statistics, and still finds by them', async () => {
    const common = await readCommonSearchWords(t.db);
    expect([...common]).toEqual(expect.arrayContaining(['天津', '有限公司']));
    expect(common.has('宏达')).toBe(false);
    // 天津 and 有限公司 narrow nothing, so 宏达 & 线缆 & 股份 finds the candidates; the exact name still ranks first.
    const exact = await search(office, `keyword=${encodeURIComponent('天津宏达线缆股份有限公司')}`);
    expect(exact.items[0]?.uscc).toBe(CABLE);
    // Only common words typed: they are all there is to search by.
    expect((await search(office, `keyword=${encodeURIComponent('天津有限公司')}&pageSize=5`)).total).toBeGreaterThan(3);
  });

  it('lists at most the match limit of a broad keyword, says so, and still ranks the exact name first', async () => {
    // The limit is 10,000 in the product; 5 here, so the test city's 天津… names exceed it.
    const list = (keyword: string, page: number, pageSize = 3) => listEntityRows(t.db, FULL_SCOPE, { keyword, page, pageSize } as EntityListQuery, { matchesMax: 5, gradeOf: t.composition.domain.queries.gradeOf });
    const first = await list('天津', 1);
    expect(first).toMatchObject({ total: 5, capped: true });
    expect(first.rows).toHaveLength(3);
    const second = await list('天津', 2);
    expect(second.rows).toHaveLength(2); // the 4th and 5th match, not the 6th
    expect(new Set([...first.rows, ...second.rows].map((r) => r.entity.id)).size).toBe(5);
    expect(await list('天津', 3)).toMatchObject({ rows: [], total: 5, capped: true });
    const exact = await list('天津宏达线缆股份有限公司', 1);
    expect(exact.rows[0]?.entity.uscc).toBe(CABLE);
    // Under the limit the total is exact and nothing is capped.
    expect(await list('宏达线缆', 1, 20)).toMatchObject({ total: 1, capped: false });
    const api = await search(office, `keyword=${encodeURIComponent('宏达线缆')}`);
    expect(api).toMatchObject({ total: 1, capped: false });
  });

  it('shows a district user only its district, and an enterprise only itself', async () => {
    const mine = await search(district, 'pageSize=200');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.districtCode.startsWith('120101'))).toBe(true);
    const own = await search(enterprise, 'pageSize=200');
    expect(own.items.map((e) => e.uscc)).toEqual([DEMO_ENTERPRISE]);
    expect(own.items[0]!.riskClass).toBeNull();
  });

  it('answers 404 out of scope and 403 to an enterprise asking about another entity', async () => {
    expect(errorCode(await district.get(`/api/entities/${CABLE}`))).toBe('NOT_FOUND');
    expect(errorCode(await enterprise.get(`/api/entities/${OTHER_ENTERPRISE}`))).toBe('NOT_YOUR_ENTITY');
    expect(errorCode(await enterprise.get(`/api/entities/${OTHER_ENTERPRISE}/records`))).toBe('NOT_YOUR_ENTITY');
    expect(errorCode(await deptUser.get('/api/entities'))).toBe('FORBIDDEN');
  });

  it('masks the phone number for readers who do not maintain the registry', async () => {
    const inspector = await t.as('inspector');
    expect(json<EntityDetail>(await office.get(`/api/entities/${FOOD}`)).contactPhone).toBe('13812345678');
    // The inspector's scope (own department) does not reach 和平区: only staff with scope see entities.
    expect((await inspector.get(`/api/entities/${FOOD}`)).statusCode).toBe(404);
  });
});

describe('products, licences and flags', () => {
  it('flags a large producer of licensed products without a quality-safety director or licence, and clears the flags', async () => {
    let e = json<EntityDetail>(await office.post(`/api/entities/${FOOD}/products`, { name: '速冻饺子', category: '速冻食品', licenceRequired: true }));
    expect(e.flags.map((f) => f.code).sort()).toEqual(['missing_officer', 'missing_production_licence']);
    expect(e.missingOfficer).toBe(true);
    const flagged = json<Page<EntitySummary>>(await office.get('/api/entities?missingOfficer=true&pageSize=200'));
    expect(flagged.items.map((x) => x.uscc)).toContain(FOOD);
    e = json<EntityDetail>(await office.post(`/api/entities/${FOOD}/licences`, { kind: 'production_licence', name: '食品生产许可证', number: 'SC10112010100001', issuedOn: '2024-01-01', validUntil: '2029-01-01' }));
    expect(e.flags.map((f) => f.code)).toEqual(['missing_officer']);
    e = json<EntityDetail>(await office.put(`/api/entities/${FOOD}`, { name: e.name, formerNames: e.formerNames, districtCode: '120101', industry: '14', scale: 'large', qualityOfficer: '李质量', version: e.version }));
    expect(e.flags).toEqual([]);
    expect(e.missingOfficer).toBe(false);
  });

  it('refuses a duplicate licence number and validity before issue; revokes a licence once', async () => {
    expect(errorCode(await office.post(`/api/entities/${FOOD}/licences`, { kind: 'production_licence', name: '食品生产许可证', number: 'SC10112010100001' }))).toBe('CODE_TAKEN');
    expect((await office.post(`/api/entities/${FOOD}/licences`, { kind: 'ccc', name: 'CCC', number: 'X1', issuedOn: '2025-01-01', validUntil: '2024-01-01' })).statusCode).toBe(400);
    const e = json<EntityDetail>(await office.get(`/api/entities/${FOOD}`));
    const id = e.licences[0]!.id;
    const revoked = json<EntityDetail>(await office.post(`/api/entities/${FOOD}/licences/${id}/revoke`, { revokedOn: '2025-06-01' }));
    expect(revoked.licences[0]!.state).toBe('revoked');
    expect(revoked.flags.map((f) => f.code)).toContain('missing_production_licence');
    expect(errorCode(await office.post(`/api/entities/${FOOD}/licences/${id}/revoke`, { revokedOn: '2025-06-01' }))).toBe('NOT_FOUND');
  });
});

describe('the archive', () => {
  const penalty = { kind: 'penalty', occurredOn: '2025-03-10', payload: { decisionNo: '津和市监罚〔2025〕12号', penaltyTypes: ['fine'], amount: 50000, authority: '天津市和平区市场监督管理局', violation: '生产不符合食品安全标准的食品', domain: 'food', carriedOut: true } };

  it('appends a record with a default title and an audit row', async () => {
    const seq = await headSeq();
    const rec = json<ArchiveRecord>(await office.post(`/api/entities/${FOOD}/records`, penalty));
    expect(rec).toMatchObject({ kind: 'penalty', visibility: 'public', sourceModule: 'entities', recordedBy: 'quality-office', title: '行政处罚：津和市监罚〔2025〕12号' });
    const actions = (await auditRowsAfter(t.db, seq, 100)).map((r) => r.action);
    expect(actions).toContain('entities.record.append');
  });

  it('corrects by a new record: the old one stays, marked, and cannot be corrected twice', async () => {
    const page = json<Page<ArchiveRecord>>(await office.get(`/api/entities/${FOOD}/records?kind=penalty`));
    const original = page.items[0]!;
    const fixed = json<ArchiveRecord>(await office.post(`/api/entities/${FOOD}/records`, { ...penalty, correctsId: original.id, payload: { ...penalty.payload, amount: 30000 } }));
    expect(fixed.correctsId).toBe(original.id);
    const after = json<Page<ArchiveRecord>>(await office.get(`/api/entities/${FOOD}/records?kind=penalty`));
    expect(after.items.find((r) => r.id === original.id)!.correctedById).toBe(fixed.id);
    expect(errorCode(await office.post(`/api/entities/${FOOD}/records`, { ...penalty, correctsId: original.id }))).toBe('CORRECTION_INVALID');
    // A correction must be of the same kind and entity.
    expect(errorCode(await office.post(`/api/entities/${CABLE}/records`, { ...penalty, correctsId: fixed.id }))).toBe('CORRECTION_INVALID');
  });

  it('refuses future dates, bad payloads and unknown entities, writing nothing', async () => {
    const seq = await headSeq();
    expect((await office.post(`/api/entities/${FOOD}/records`, { ...penalty, occurredOn: '2999-01-01' })).statusCode).toBe(400);
    expect((await office.post(`/api/entities/${FOOD}/records`, { ...penalty, payload: { ...penalty.payload, penaltyTypes: [] } })).statusCode).toBe(400);
    expect((await office.post(`/api/entities/${FOOD}/records`, { kind: 'list_entry', occurredOn: '2025-01-01', payload: {} })).statusCode).toBe(400);
    expect(errorCode(await office.post(`/api/entities/${uscc('91120101MA0NNNE01')}/records`, penalty))).toBe('NOT_FOUND');
    expect(await headSeq()).toBe(seq);
  });

  it('lets an enterprise declare and commit for itself only, through review (issue 12 §1.4), never add a penalty', async () => {
    // Straight into the archive: refused, the enterprise is sent to review (submission.routes.test.ts).
    expect(errorCode(await enterprise.post(`/api/entities/${DEMO_ENTERPRISE}/records`, { kind: 'self_declaration', occurredOn: '2025-05-01', payload: { standardNo: 'Q/12BHSF 001-2025', standardName: '速冻调制食品', product: '速冻水饺' } }))).toBe('RECORD_KIND_NOT_ALLOWED');
    const submitted = await enterprise.post(`/api/entities/${DEMO_ENTERPRISE}/submissions`, { kind: 'self_declaration', occurredOn: '2025-05-01', payload: { standardNo: 'Q/12BHSF 001-2025', standardName: '速冻调制食品', product: '速冻水饺' } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((await office.post(`/api/submissions/${json<{ id: number }>(submitted).id}/approve`)).statusCode).toBe(200);
    expect(errorCode(await enterprise.post(`/api/entities/${DEMO_ENTERPRISE}/records`, penalty))).toBe('RECORD_KIND_NOT_ALLOWED');
    expect(errorCode(await enterprise.post(`/api/entities/${OTHER_ENTERPRISE}/submissions`, { kind: 'commitment', occurredOn: '2025-05-01', payload: { text: '我公司承诺严格执行产品标准' } }))).toBe('NOT_YOUR_ENTITY');
    expect(errorCode(await deptUser.post(`/api/entities/${FOOD}/records`, penalty))).toBe('RECORD_KIND_NOT_ALLOWED');
  });

  it('shows the enterprise its public records only, not internal notes', async () => {
    await office.post(`/api/entities/${DEMO_ENTERPRISE}/records`, { kind: 'note', occurredOn: '2025-05-02', payload: { text: '约谈负责人' } });
    const own = json<Page<ArchiveRecord>>(await enterprise.get(`/api/entities/${DEMO_ENTERPRISE}/records?pageSize=200`));
    expect(own.items.some((r) => r.kind === 'self_declaration')).toBe(true);
    expect(own.items.some((r) => r.kind === 'note')).toBe(false);
    const staff = json<Page<ArchiveRecord>>(await office.get(`/api/entities/${DEMO_ENTERPRISE}/records?kind=note`));
    expect(staff.total).toBeGreaterThan(0);
  });

  it('is append-only in the database itself', async () => {
    /** The database's refusal (drizzle wraps it: the driver's error is the cause). */
    const refusal = (e: unknown) => (e as Error & { cause?: Error }).cause?.message ?? '';
    expect(refusal(await t.db.execute('update archive_record set title = \'x\'').catch((e: unknown) => e))).toMatch(/archive_record is append-only \(UPDATE refused\)/);
    expect(refusal(await t.db.execute('delete from archive_record').catch((e: unknown) => e))).toMatch(/archive_record is append-only \(DELETE refused\)/);
  });
});

describe('GET /api/entities/export', () => {
  it('exports the list as the page shows it: labels and names, the filters in words, the same scope', async () => {
    const { title, subtitle, header, rows, sheet } = await readExport(await office.get('/api/entities/export?districtCode=120101&status=active'));
    expectPrintable(sheet);
    expect(title).toBe('市场主体');
    expect(subtitle).toMatch(/^筛选条件：区划：和平区；登记状态：存续\u3000\u3000导出时间：/);
    expect(header.slice(0, 6)).toEqual(['统一社会信用代码', '名称', '主体类型', '区划', '行业', '登记状态']);
    const listed = json<Page<EntitySummary>>(await office.get('/api/entities?districtCode=120101&status=active&pageSize=200'));
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((e) => e.uscc));
    const food = rows.find((r) => r[0] === FOOD)!;
    // Words, not enterprise / 120101 / active / A.
    expect(food.slice(2, 6)).toEqual(['企业', '和平区', listed.items.find((e) => e.uscc === FOOD)!.industryName, '存续']);
    for (const r of rows) expect(r[8] === null || /级（/.test(String(r[8]))).toBe(true);
    // A district user exports its own district only, as its list shows.
    const own = await readExport(await district.get('/api/entities/export'));
    expect(own.rows.length).toBe(json<Page<EntitySummary>>(await district.get('/api/entities?pageSize=200')).total);
    expect(new Set(own.rows.map((r) => r[3]))).toEqual(new Set(['和平区']));
  });

  it('exports a name search in the order of the list (best match first)', async () => {
    const kw = encodeURIComponent('天津');
    const { rows } = await readExport(await office.get(`/api/entities/export?keyword=${kw}&districtCode=120101`));
    const listed = json<Page<EntitySummary>>(await office.get(`/api/entities?keyword=${kw}&districtCode=120101&pageSize=200`));
    expect(rows.map((r) => r[0])).toEqual(listed.items.map((e) => e.uscc));
  });
});

/**
 * The assessment module over HTTP on a real database. Two action plans are published and some of
 * their tasks completed (on time and late) through the plans API, so the computed indicators read
 * real task figures; then schemes are configured, figures entered (grid and Excel), scored,
 * published, exported (Excel, Word) and rectified — with the unhappy paths.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentResult, InputsResponse, MyResult, Rectification, ResultList, SchemeDetail } from '../../../../contracts/assessment.js';
import type { ImportResult } from '../../../../contracts/common.js';
import type { PlanDetail, Task, TaskReport } from '../../../../contracts/plans.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { expectPrintable, readExport } from '../../test/xlsx.js';
import { buildTestApp, errorCode, json, multipartBody, type Agent, type TestApp } from '../../test/test-app.js';

const YEAR = 2026;
/** The year 通报 are numbered in: the year they are published (this one). */
const ISSUE_YEAR = Number(todayInChina().slice(0, 4));
/** The demo city's quality office: the 通报's issuer (公文设置). */
const OFFICE = '天津市质量强市建设协调推进领导小组办公室';

/** The paragraphs of a .docx, as text. */
async function docParagraphs(body: Buffer): Promise<{ xml: string; lines: string[]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, zip, lines: (xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? []).map((p) => p.replace(/<[^>]+>/g, '')) };
}

let t: TestApp;
let office: Agent;
let deptUser: Agent;
let districtUser: Agent;
let enterprise: Agent;

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditActionsSince = async (seq: number) => (await auditRowsAfter(t.db, seq, 1000)).map((r) => r.action);
type ErrorBody = { error: { code: string; message: string; details: { path: string; message: string; sum?: number }[] } };

/**
 * Publish a plan from `text` (every unit name in it matches the directory), keeping deadlines
 * that have already passed: the figures below need tasks that fell due earlier this year.
 */
async function publishPlan(text: string): Promise<number> {
  const imported = json<PlanDetail>(await office.post('/api/plans/import-text', { text }));
  const res = await office.post(`/api/plans/${imported.id}/publish`, { version: imported.version, pastDue: 'keep' });
  expect(res.statusCode).toBe(200);
  return imported.id;
}

/** The unit reports 100 % and the office accepts: the task is completed now. */
async function complete(unit: Agent, task: Task): Promise<void> {
  const report = json<TaskReport>(await unit.post(`/api/plans/tasks/${task.id}/reports`, { text: '已全部完成', percent: 100 }));
  expect((await office.post(`/api/plans/reports/${report.id}/review`, { decision: 'accept' })).statusCode).toBe(200);
}

const ON_TIME_PLAN = `质量工作考核测试计划

一、提升质量
（一）开展质量提升行动。（市工业和信息化局牵头，市发展改革委配合）
（二）开展监督抽查。（市市场监管委牵头，各区人民政府配合）
（三）开展区级专项抽检。（和平区市场监管局负责）

各责任单位于${YEAR}年12月10日前将年度工作总结报市质量工作领导小组办公室。
`;

const EARLY_PLAN = `质量工作考核逾期测试计划

一、夯实基础
（一）完成质量统计。（市工业和信息化局负责）
（二）完成区级质量评估。（各区人民政府负责）

各责任单位于${YEAR}年1月15日前将工作总结报市质量工作领导小组办公室。
`;

let govs: Map<string, number>;
let miit: number;

beforeAll(async () => {
  t = await buildTestApp();
  office = await t.as('quality-office');
  deptUser = await t.as('dept-user');
  districtUser = await t.as('district-user');
  enterprise = await t.as('enterprise');

  // Real task figures: 工信局 completes its task due in December (on time) and its task due in
  // January (late); 和平区 completes its government's December task only.
  const onTime = await publishPlan(ON_TIME_PLAN);
  const early = await publishPlan(EARLY_PLAN);
  const mine = json<{ items: Task[] }>(await deptUser.get('/api/plans/tasks?pageSize=100')).items;
  expect(mine.map((x) => x.planId).sort()).toEqual([onTime, early].sort());
  for (const task of mine) await complete(deptUser, task);
  const hp = json<{ items: Task[] }>(await districtUser.get(`/api/plans/tasks?planId=${onTime}&pageSize=100`)).items;
  expect(hp.map((x) => x.deptName).sort()).toEqual(['天津市和平区人民政府', '天津市和平区市场监督管理局']);
  await complete(districtUser, hp.find((x) => x.deptName === '天津市和平区人民政府')!);
  // Completed on 30 June: on time for the December tasks, late for the January ones, whatever day the
  // suite runs (completion is stamped with the real clock).
  await t.db.execute(`update plan_task set completed_at = '${YEAR}-06-30T10:00:00+08:00' where status = 'completed'`);

  const options = json<{ items: { deptId: number; name: string; default: boolean }[] }>(await office.get('/api/assessment/unit-options?targetKind=district')).items;
  govs = new Map(options.map((o) => [o.name.replace(/^天津市/, '').replace(/人民政府$/, ''), o.deptId]));
  const depts = json<{ items: { deptId: number; name: string }[] }>(await office.get('/api/assessment/unit-options?targetKind=department')).items;
  miit = depts.find((d) => d.name === '天津市工业和信息化局')!.deptId;
});
afterAll(async () => {
  await t.close();
});

const DISTRICT_SCHEME = {
  name: `${YEAR}年度各区质量工作考核方案`,
  year: YEAR,
  targetKind: 'district',
  indicators: [
    { key: 'done', name: '任务完成率', kind: 'task_completion', weight: 40 },
    { key: 'ontime', name: '按时完成率', kind: 'on_time', weight: 20 },
    { key: 'expert', name: '专家评分', kind: 'expert', weight: 40 },
  ],
  bonusItems: [{ key: 'award', name: '获得质量奖', maxPoints: 5 }],
  deductionItems: [{ key: 'late', name: '材料报送不及时', maxPoints: 3 }],
  vetoItems: [{ key: 'accident', name: '发生重大质量安全事故' }],
};

const createScheme = async (body: object) => office.post('/api/assessment/schemes', body);

describe('access', () => {
  it('asks for a login (401) and refuses users without the permission (403)', async () => {
    expect((await t.anon().get('/api/assessment/schemes')).statusCode).toBe(401);
    expect((await t.anon().get('/api/assessment/my-results')).statusCode).toBe(401);
    expect(errorCode(await enterprise.get('/api/assessment/my-results'))).toBe('FORBIDDEN');
    expect(errorCode(await deptUser.get('/api/assessment/schemes'))).toBe('FORBIDDEN');
    expect(errorCode(await districtUser.post('/api/assessment/schemes', DISTRICT_SCHEME))).toBe('FORBIDDEN');
  });
});

describe('schemes', () => {
  it('refuses weights that do not total 100, stating the sum, and creates nothing', async () => {
    const before = json<{ total: number }>(await office.get('/api/assessment/schemes')).total;
    const res = await createScheme({ ...DISTRICT_SCHEME, indicators: [{ ...DISTRICT_SCHEME.indicators[0], weight: 35 }, ...DISTRICT_SCHEME.indicators.slice(1)] });
    expect(res.statusCode).toBe(400);
    const body = json<ErrorBody>(res);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('权重合计为 95%，应为 100%');
    expect(body.error.details[0]).toMatchObject({ path: 'indicators', sum: 95 });
    expect(json<{ total: number }>(await office.get('/api/assessment/schemes')).total).toBe(before);
  });

  it('refuses bad input: unknown fields, units of the wrong kind, bands out of order', async () => {
    expect(errorCode(await createScheme({ ...DISTRICT_SCHEME, extra: 1 }))).toBe('VALIDATION_FAILED');
    const wrongKind = await createScheme({ ...DISTRICT_SCHEME, deptIds: [miit] });
    expect(wrongKind.statusCode).toBe(400);
    expect(json<ErrorBody>(wrongKind).error.details[0]!.message).toContain('区人民政府');
    const bands = await createScheme({ ...DISTRICT_SCHEME, gradeBands: [{ grade: '优秀', min: 80 }, { grade: '良好', min: 85 }] });
    expect(json<ErrorBody>(bands).error.details.map((d) => d.path)).toEqual(['gradeBands[1].min']);
  });

  it('creates a district scheme over the 16 district governments with the default grade bands, audited', async () => {
    const seq = await headSeq();
    const res = await createScheme(DISTRICT_SCHEME);
    expect(res.statusCode).toBe(201);
    const scheme = json<SchemeDetail>(res);
    expect(scheme).toMatchObject({ status: 'draft', unitCount: 16, scored: false, failGrade: '不合格', recipients: '各区人民政府', issuer: '天津市质量强市建设协调推进领导小组办公室' });
    expect(scheme.gradeBands).toEqual([{ grade: '优秀', min: 90 }, { grade: '良好', min: 80 }, { grade: '合格', min: 60 }]);
    expect(scheme.units[0]!.name).toBe('天津市和平区人民政府');
    expect(await auditActionsSince(seq)).toEqual(['assessment.scheme.create']);
    expect((await office.delete(`/api/assessment/schemes/${scheme.id}`)).statusCode).toBe(200);
  });

  it('edits a scheme with the version it read (stale: 409) and deletes a draft', async () => {
    const scheme = json<SchemeDetail>(await createScheme({ ...DISTRICT_SCHEME, name: '临时方案' }));
    const { id, version } = scheme;
    const body = { ...DISTRICT_SCHEME, name: '临时方案（修订）', deptIds: [govs.get('和平区')!], version };
    const saved = await office.put(`/api/assessment/schemes/${id}`, body);
    expect(saved.statusCode).toBe(200);
    expect(json<SchemeDetail>(saved)).toMatchObject({ name: '临时方案（修订）', unitCount: 1, version: version + 1 });
    expect(errorCode(await office.put(`/api/assessment/schemes/${id}`, body))).toBe('CONFLICT');
    const seq = await headSeq();
    expect((await office.delete(`/api/assessment/schemes/${id}`)).statusCode).toBe(200);
    expect(await auditActionsSince(seq)).toEqual(['assessment.scheme.delete']);
    expect((await office.get(`/api/assessment/schemes/${id}`)).statusCode).toBe(404);
  });
});

describe('grade bands and ranks', () => {
  it('grades band edges (exactly 90 → 优秀), shares tied ranks (1, 1, 3), fails and ranks last a vetoed unit', async () => {
    const units = ['和平区', '河东区', '河西区', '南开区', '河北区', '红桥区'].map((n) => govs.get(n)!);
    const scheme = json<SchemeDetail>(
      await createScheme({
        name: '分数段边界测试',
        year: YEAR,
        targetKind: 'district',
        deptIds: units,
        indicators: [{ key: 'other', name: '综合评分', kind: 'manual', weight: 100 }],
        vetoItems: [{ key: 'accident', name: '发生重大质量安全事故' }],
      }),
    );
    const scores = [90, 90, 89.99, 60, 59.99, 99];
    const res = await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, {
      units: units.map((deptId, i) => ({ deptId, scores: { other: scores[i] }, ...(i === 5 ? { vetoes: [{ itemKey: 'accident', reason: '发生食品安全事故' }] } : {}) })),
    });
    expect(res.statusCode).toBe(200);
    expect((await office.post(`/api/assessment/schemes/${scheme.id}/score`, {})).statusCode).toBe(200);
    const results = json<ResultList>(await office.get(`/api/assessment/schemes/${scheme.id}/results`)).items;
    expect(results.map((r) => [r.deptName.slice(3, 6), r.rank, r.total, r.grade])).toEqual([
      ['和平区', 1, 90, '优秀'],
      ['河东区', 1, 90, '优秀'],
      ['河西区', 3, 89.99, '良好'],
      ['南开区', 4, 60, '合格'],
      ['河北区', 5, 59.99, '不合格'],
      ['红桥区', 6, 99, '不合格'],
    ]);
    expect(results[5]).toMatchObject({ vetoed: true, needsRectification: true, vetoes: [{ name: '发生重大质量安全事故', reason: '发生食品安全事故' }] });
    expect(results.map((r) => r.needsRectification)).toEqual([false, false, false, true, true, true]);
  });
});

describe('a district assessment from entry to rectification', () => {
  let scheme: SchemeDetail;
  let hp: number;
  let hd: number;

  beforeAll(async () => {
    scheme = json<SchemeDetail>(await createScheme(DISTRICT_SCHEME));
    hp = govs.get('和平区')!;
    hd = govs.get('河东区')!;
  });

  it('refuses points over an item\'s maximum (400, naming the unit and the maximum) and units outside the scheme', async () => {
    const res = await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: hp, deductions: [{ itemKey: 'late', points: 5, reason: '迟报' }] }] });
    expect(res.statusCode).toBe(400);
    const detail = json<ErrorBody>(res).error.details[0]!;
    expect(detail.path).toBe('units[0].deductions[0].points');
    expect(detail.message).toContain('最多 3 分，填写了 5 分');
    expect(detail.message).toContain('和平区');
    expect(errorCode(await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: miit, scores: { expert: 80 } }] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: hp, scores: { done: 80 } }] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: hp, scores: { expert: 101 } }] }))).toBe('VALIDATION_FAILED');
  });

  it('saves the grid (draft → scoring), with an audit row; saving the same figures again writes nothing', async () => {
    const body = {
      units: [
        { deptId: hp, scores: { expert: 90 }, bonuses: [{ itemKey: 'award', points: 3, reason: '获市长质量奖' }], deductions: [{ itemKey: 'late', points: 2, reason: '年度总结迟报' }] },
        { deptId: hd, scores: { expert: 100 }, vetoes: [{ itemKey: 'accident', reason: '发生重大质量安全事故一起' }] },
      ],
    };
    expect(errorCode(await deptUser.put(`/api/assessment/schemes/${scheme.id}/inputs`, body))).toBe('FORBIDDEN');
    const seq = await headSeq();
    const res = await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, body);
    expect(res.statusCode).toBe(200);
    const inputs = json<InputsResponse>(res);
    expect(inputs.scheme.status).toBe('scoring');
    expect(inputs.units.find((u) => u.deptId === hp)).toMatchObject({ scores: { expert: 90 }, updatedBy: 'quality-office' });
    expect(await auditActionsSince(seq)).toEqual(['assessment.input.update']);
    const again = await headSeq();
    await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, body);
    expect(await headSeq()).toBe(again);
  });

  it('refuses to publish before scoring (409)', async () => {
    expect(errorCode(await office.post(`/api/assessment/schemes/${scheme.id}/publish`, {}))).toBe('ASSESSMENT_NOT_SCORED');
  });

  it('scores districts on every task of the district, vetoes to 不合格, and re-scores idempotently with an audit row each time', async () => {
    const seq = await headSeq();
    const first = await office.post(`/api/assessment/schemes/${scheme.id}/score`, {});
    expect(first.statusCode).toBe(200);
    const scored = json<{ units: number; missingInputs: { deptName: string }[]; scheme: { scored: boolean } }>(first);
    expect(scored).toMatchObject({ units: 16, scheme: { scored: true } });
    expect(scored.missingInputs).toHaveLength(14);
    const one = json<ResultList>(await office.get(`/api/assessment/schemes/${scheme.id}/results`)).items;

    // 和平区: its government's task due in December (done), its bureau's (open), its government's January task (open).
    const heping = one.find((r) => r.deptId === hp)!;
    expect(heping.indicators.map((i) => [i.key, i.score, i.tasks])).toEqual([
      ['done', 33.33, { due: 3, completed: 1, onTime: 1 }],
      ['ontime', 33.33, { due: 3, completed: 1, onTime: 1 }],
      ['expert', 90, null],
    ]);
    // 40 % × 33.33 + 20 % × 33.33 + 40 % × 90 = 56.00, + 3 − 2
    expect(heping).toMatchObject({ weightedSum: 56, bonus: 3, deduction: 2, total: 57, grade: '不合格', vetoed: false, needsRectification: true });
    const hedong = one.find((r) => r.deptId === hd)!;
    expect(hedong).toMatchObject({ vetoed: true, grade: '不合格', rank: 16 });
    expect(hedong.total).toBe(40);
    expect(heping.rank).toBe(1);
    // 14 districts with nothing done and nothing entered tie on 0.
    expect(new Set(one.filter((r) => r.deptId !== hp && r.deptId !== hd).map((r) => [r.rank, r.total].join()))).toEqual(new Set(['2,0']));

    await office.post(`/api/assessment/schemes/${scheme.id}/score`, {});
    const two = json<ResultList>(await office.get(`/api/assessment/schemes/${scheme.id}/results`)).items;
    const strip = (rs: AssessmentResult[]) => rs.map(({ scoredAt: _s, ...r }) => r);
    expect(strip(two)).toEqual(strip(one));
    expect(await auditActionsSince(seq)).toEqual(['assessment.result.score', 'assessment.result.score']);
  });

  it('needs a new scoring after figures change before publishing', async () => {
    await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: govs.get('河西区')!, scores: { expert: 70 } }] });
    expect(json<SchemeDetail>(await office.get(`/api/assessment/schemes/${scheme.id}`)).scored).toBe(false);
    expect(errorCode(await office.post(`/api/assessment/schemes/${scheme.id}/publish`, {}))).toBe('ASSESSMENT_NOT_SCORED');
    expect((await office.post(`/api/assessment/schemes/${scheme.id}/score`, {})).statusCode).toBe(200);
  });

  it('hides unpublished results from the units', async () => {
    expect(errorCode(await districtUser.get(`/api/assessment/schemes/${scheme.id}/results`))).toBe('NOT_FOUND');
    expect(json<{ items: MyResult[] }>(await districtUser.get('/api/assessment/my-results')).items).toEqual([]);
  });

  it('gives the office a draft 通报 before publishing: the issuer\u2019s 版头, the number left blank, no 版记', async () => {
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/notice`);
    expect(res.statusCode).toBe(200);
    const { lines } = await docParagraphs(res.rawPayload);
    expect(lines[0]).toBe(OFFICE);
    expect(lines).toContain(`津质强办〔${ISSUE_YEAR}〕\u3000\u3000号`);
    expect(lines.some((l) => l.endsWith('印发'))).toBe(false);
    expect(json<SchemeDetail>(await office.get(`/api/assessment/schemes/${scheme.id}`))).toMatchObject({ docNumber: null, issuer: OFFICE });
  });

  it('publishes once (409 the second time) and then refuses every change', async () => {
    expect(errorCode(await districtUser.post(`/api/assessment/schemes/${scheme.id}/publish`, {}))).toBe('FORBIDDEN');
    const seq = await headSeq();
    const res = await office.post(`/api/assessment/schemes/${scheme.id}/publish`, {});
    expect(res.statusCode).toBe(200);
    // The 通报 is numbered when published: the first of the office's 机关代字 this year.
    expect(json<{ status: string; docNumber: string }>(res)).toMatchObject({ status: 'published', docNumber: `津质强办〔${ISSUE_YEAR}〕1号` });
    expect(await auditActionsSince(seq)).toEqual(['assessment.result.publish']);
    const [row] = await auditRowsAfter(t.db, seq, 1);
    expect(row!.after).toMatchObject({ docNumber: `津质强办〔${ISSUE_YEAR}〕1号`, issuer: OFFICE });
    const twice = await office.post(`/api/assessment/schemes/${scheme.id}/publish`, {});
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('ASSESSMENT_PUBLISHED');
    expect(errorCode(await office.post(`/api/assessment/schemes/${scheme.id}/score`, {}))).toBe('ASSESSMENT_PUBLISHED');
    expect(errorCode(await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: hp, scores: { expert: 99 } }] }))).toBe('ASSESSMENT_PUBLISHED');
    expect(errorCode(await office.delete(`/api/assessment/schemes/${scheme.id}`))).toBe('ASSESSMENT_PUBLISHED');
  });

  it('shows each unit only its own result', async () => {
    const list = json<ResultList>(await districtUser.get(`/api/assessment/schemes/${scheme.id}/results`)).items;
    expect(list.map((r) => r.deptName)).toEqual(['天津市和平区人民政府']);
    expect(json<ResultList>(await deptUser.get(`/api/assessment/schemes/${scheme.id}/results`)).items).toEqual([]);
    const mine = json<{ items: MyResult[] }>(await districtUser.get('/api/assessment/my-results')).items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ deptName: '天津市和平区人民政府', total: 57, grade: '不合格', unitCount: 16, canSubmitRectification: true, rectification: null });
    expect(mine[0]!.deductions).toEqual([{ itemKey: 'late', name: '材料报送不及时', points: 2, reason: '年度总结迟报' }]);
    expect(json<{ items: MyResult[] }>(await deptUser.get('/api/assessment/my-results')).items).toEqual([]);
  });

  describe('rectification', () => {
    let resultId: number;
    let report: Rectification;
    const body = { report: '已对年度总结迟报问题进行通报批评', measures: '建立材料报送台账，指定专人负责', completionDate: `${YEAR}-12-31` };

    beforeAll(async () => {
      resultId = json<{ items: MyResult[] }>(await districtUser.get('/api/assessment/my-results')).items[0]!.id;
    });

    it('lets only the unit itself submit (403 for another unit and for the office)', async () => {
      // 工信局 holds the submit permission, for its own results only.
      const res = await deptUser.post(`/api/assessment/results/${resultId}/rectifications`, body);
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('NOT_YOUR_UNIT');
      expect(errorCode(await enterprise.post(`/api/assessment/results/${resultId}/rectifications`, body))).toBe('FORBIDDEN');
      expect(errorCode(await office.post(`/api/assessment/results/${resultId}/rectifications`, body))).toBe('NOT_YOUR_UNIT');
      expect(errorCode(await districtUser.post(`/api/assessment/results/${resultId}/rectifications`, { ...body, completionDate: '2026-02-30' }))).toBe('VALIDATION_FAILED');
    });

    it('takes the unit\'s report (201, audited) and shows it to the office', async () => {
      const seq = await headSeq();
      const res = await districtUser.post(`/api/assessment/results/${resultId}/rectifications`, body);
      expect(res.statusCode).toBe(201);
      report = json<Rectification>(res);
      expect(report).toMatchObject({ status: 'submitted', submittedBy: 'district-user', deptName: '天津市和平区人民政府' });
      expect(await auditActionsSince(seq)).toEqual(['assessment.rectification.submit']);
      const results = json<ResultList>(await office.get(`/api/assessment/schemes/${scheme.id}/results`)).items;
      expect(results.find((r) => r.id === resultId)!.rectification).toMatchObject({ id: report.id, status: 'submitted' });
    });

    it('returns a report only with a reason, accepts the next, and closes the rectification', async () => {
      expect(errorCode(await districtUser.post(`/api/assessment/rectifications/${report.id}/review`, { decision: 'accept' }))).toBe('FORBIDDEN');
      expect(errorCode(await office.post(`/api/assessment/rectifications/${report.id}/review`, { decision: 'return' }))).toBe('VALIDATION_FAILED');
      const returned = json<Rectification>(await office.post(`/api/assessment/rectifications/${report.id}/review`, { decision: 'return', comment: '请补充整改时限与责任人' }));
      expect(returned).toMatchObject({ status: 'returned', reviewComment: '请补充整改时限与责任人' });
      expect(errorCode(await office.post(`/api/assessment/rectifications/${report.id}/review`, { decision: 'accept' }))).toBe('RECTIFICATION_DECIDED');
      const second = json<Rectification>(await districtUser.post(`/api/assessment/results/${resultId}/rectifications`, { ...body, measures: `${body.measures}；责任人：办公室主任` }));
      const seq = await headSeq();
      expect((await office.post(`/api/assessment/rectifications/${second.id}/review`, { decision: 'accept', comment: '同意' })).statusCode).toBe(200);
      expect(await auditActionsSince(seq)).toEqual(['assessment.rectification.review']);
      const mine = json<{ items: MyResult[] }>(await districtUser.get('/api/assessment/my-results')).items[0]!;
      expect(mine.rectifications.map((r) => r.status)).toEqual(['accepted', 'returned']);
      expect(mine.canSubmitRectification).toBe(false);
      expect(errorCode(await districtUser.post(`/api/assessment/results/${resultId}/rectifications`, body))).toBe('RECTIFICATION_DECIDED');
    });
  });

  it('exports the ranking as a workbook: rank, unit, each indicator, bonus, deduction, veto, total, grade', async () => {
    expect(errorCode(await districtUser.get(`/api/assessment/schemes/${scheme.id}/results/export`))).toBe('FORBIDDEN');
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/results/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const { title, subtitle, header, rows, sheet } = await readExport(res);
    expectPrintable(sheet);
    expect(title).toBe(`${YEAR}年度质量工作考核结果`);
    expect(subtitle).toContain(`考核方案：${scheme.name}`);
    expect(header).toEqual(['名次', '单位', '任务完成率（40%）', '按时完成率（20%）', '专家评分（40%）', '加分', '加分明细', '扣分', '扣分明细', '一票否决', '总分', '等次']);
    expect(rows[0]).toEqual([1, '天津市和平区人民政府', 33.33, 33.33, 90, 3, '获得质量奖 3', 2, '材料报送不及时 2', '否', 57, '不合格']);
    expect(sheet.getRow(4).getCell(11).numFmt).toBe('0.00');
    expect(rows).toHaveLength(16);
    expect(rows[15]![9]).toBe('发生重大质量安全事故：发生重大质量安全事故一起');
  });

  it('writes the 通报 as an official document: the red 版头 of the configured issuer, its 文号, the signature, the 版记 and page numbers', async () => {
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/notice`);
    const { xml, lines, zip } = await docParagraphs(res.rawPayload);
    // 版头: the issuer's mark in red, two blank lines, the 文号 above the red line; then the title.
    expect(lines.slice(0, 7)).toEqual([OFFICE, '', '', `津质强办〔${ISSUE_YEAR}〕1号`, '', '', `关于${YEAR}年度质量工作考核结果的通报`]);
    const mark = /<w:p\b[^>]*>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/.exec(xml)![0];
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:color="FF0000"');
    // 署名 and 成文日期 (the day of publication), then the 版记.
    const date = todayInChina();
    const [y, m, d] = date.split('-').map(Number);
    const at = lines.indexOf(OFFICE, 1);
    expect(lines.slice(at, at + 2)).toEqual([OFFICE, `${y}年${m}月${d}日`]);
    expect(lines.at(-1)).toBe(`${OFFICE}${y}年${m}月${d}日印发`);
    // Page numbers: a PAGE field in both footers (odd and even pages).
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(await zip.file(f)!.async('string')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(await zip.file('word/settings.xml')!.async('string')).toContain('<w:evenAndOddHeaders/>');
    // No trace of the platform as an issuer.
    expect(xml).not.toContain('质量强市信息平台组织');
  });

  it('writes the 通报 as a real Word file: title, units and grades, the vetoed unit with its reason, A4, Chinese fonts', async () => {
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/notice`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`关于${YEAR}年度质量工作考核结果的通报.docx`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`关于${YEAR}年度质量工作考核结果的通报`);
    expect(text).toContain('各区人民政府：');
    for (const s of ['名次', '单位', '得分', '等次', '天津市和平区人民政府', '57.00', '天津市河东区人民政府', '不合格']) expect(text).toContain(s);
    expect(text).toContain('天津市河东区人民政府：因“发生重大质量安全事故”（发生重大质量安全事故一起）被一票否决');
    expect(text).toContain('本年度无考核等次为优秀的单位');
    expect(text).toContain('整改要求');
    expect(text).toContain('天津市质量强市建设协调推进领导小组办公室');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });
});

describe('a department assessment', () => {
  let scheme: SchemeDetail;
  it('scores a department on its own tasks (late ones count against on-time completion) and a unit with no tasks due as 100 (无到期任务)', async () => {
    const edu = json<{ items: { deptId: number; name: string }[] }>(await office.get('/api/assessment/unit-options?targetKind=department')).items.find((d) => d.name === '天津市教育委员会')!.deptId;
    scheme = json<SchemeDetail>(
      await createScheme({
        ...DISTRICT_SCHEME,
        name: `${YEAR}年度市有关部门质量工作考核方案`,
        targetKind: 'department',
        deptIds: [miit, edu],
      }),
    );
    expect(scheme.recipients).toBe('市质量强市工作领导小组各成员单位');
    await office.put(`/api/assessment/schemes/${scheme.id}/inputs`, { units: [{ deptId: miit, scores: { expert: 95 } }, { deptId: edu, scores: { expert: 80 } }] });
    await office.post(`/api/assessment/schemes/${scheme.id}/score`, {});
    const results = json<ResultList>(await office.get(`/api/assessment/schemes/${scheme.id}/results`)).items;
    const m = results.find((r) => r.deptId === miit)!;
    expect(m.indicators.slice(0, 2).map((i) => [i.score, i.tasks, i.note])).toEqual([
      [100, { due: 2, completed: 2, onTime: 1 }, null],
      [50, { due: 2, completed: 2, onTime: 1 }, null],
    ]);
    // 40 + 10 + 38 = 88 → 良好, no deduction: nothing to rectify.
    expect(m).toMatchObject({ total: 88, grade: '良好', rank: 2, needsRectification: false });
    const e = results.find((r) => r.deptId === edu)!;
    expect(e.indicators.slice(0, 2).map((i) => [i.score, i.note])).toEqual([
      [100, '无到期任务'],
      [100, '无到期任务'],
    ]);
    expect(e).toMatchObject({ total: 92, grade: '优秀', rank: 1 });
    // The office's second 通报 this year gets the next number.
    expect(json<{ docNumber: string }>(await office.post(`/api/assessment/schemes/${scheme.id}/publish`, {})).docNumber).toBe(`津质强办〔${ISSUE_YEAR}〕2号`);
  });

  it('shows the department user its own result and refuses a rectification where there is no shortfall', async () => {
    const mine = json<{ items: MyResult[] }>(await deptUser.get('/api/assessment/my-results')).items;
    expect(mine.map((r) => r.deptName)).toEqual(['天津市工业和信息化局']);
    expect(mine[0]!.canSubmitRectification).toBe(false);
    const list = json<ResultList>(await deptUser.get(`/api/assessment/schemes/${scheme.id}/results`)).items;
    expect(list.map((r) => r.deptName)).toEqual(['天津市工业和信息化局']);
    const res = await deptUser.post(`/api/assessment/results/${mine[0]!.id}/rectifications`, { report: '无', measures: '无', completionDate: `${YEAR}-12-31` });
    expect(errorCode(res)).toBe('RECTIFICATION_NOT_NEEDED');
  });
});

describe('Excel template and import', () => {
  let scheme: SchemeDetail;
  const upload = (file: Buffer) => office.request('POST', `/api/assessment/schemes/${scheme.id}/inputs/import`, multipartBody(file, { filename: 'inputs.xlsx', type: XLSX_MIME }));

  async function fill(rows: Record<string, string | number>[]): Promise<Buffer> {
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/inputs/template`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    // The template's header row (as a user keeps it), with our rows under it.
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    const out = new ExcelJS.Workbook();
    const sheet = out.addWorksheet('考核数据');
    sheet.addRow(headers);
    for (const r of rows) sheet.addRow(headers.map((h) => r[h.replace('*', '')] ?? null));
    return Buffer.from(await out.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    scheme = json<SchemeDetail>(await createScheme({ ...DISTRICT_SCHEME, name: '导入测试方案' }));
  });

  it('offers a template with the scheme\'s units and a column per entered indicator', async () => {
    const res = await office.get(`/api/assessment/schemes/${scheme.id}/inputs/template`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['单位名称*', '专家评分', '加分项', '加分分值', '加分理由', '扣分项', '扣分分值', '扣分理由', '否决事项', '否决理由']);
    expect(sheet.getRow(2).getCell(1).value).toBe('天津市和平区人民政府');
    expect(sheet.rowCount).toBe(17);
    expect(wb.worksheets[1]!.name).toBe('填写说明');
  });

  it('imports nothing when any row is bad, naming each bad row and column', async () => {
    const file = await fill([
      { 单位名称: '和平区政府', 专家评分: 88 },
      { 单位名称: '天津市工业和信息化局', 专家评分: 70 },
      { 单位名称: '河东区政府', 专家评分: 'ninety' },
      { 单位名称: '河西区政府', 扣分项: '材料报送不及时', 扣分分值: 4, 扣分理由: '迟报' },
      { 单位名称: '河西区政府', 扣分项: '乱填', 扣分分值: 1, 扣分理由: '无' },
      { 单位名称: '南开区政府', 加分项: '获得质量奖', 加分分值: 3 },
    ]);
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const errors = json<{ error: { details: { errors: { row: number; column: string; message: string }[] } } }>(res).error.details.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '单位名称'],
      [4, '专家评分'],
      [5, '扣分分值'],
      [6, '扣分项'],
      [7, '加分理由'],
    ]);
    expect(errors[2]!.message).toContain('最多 3 分');
    const inputs = json<InputsResponse>(await office.get(`/api/assessment/schemes/${scheme.id}/inputs`));
    expect(inputs.units.every((u) => u.updatedAt === null)).toBe(true);
    expect(inputs.scheme.status).toBe('draft');
  });

  it('imports a good file (several entries for one unit on several rows), audited; the same file again changes nothing', async () => {
    const file = await fill([
      { 单位名称: '和平区政府', 专家评分: 88.5, 加分项: '获得质量奖', 加分分值: 2, 加分理由: '获区质量奖' },
      { 单位名称: '和平区政府', 扣分项: '材料报送不及时', 扣分分值: 1, 扣分理由: '一季度迟报' },
      { 单位名称: '和平区政府', 扣分项: '材料报送不及时', 扣分分值: 1.5, 扣分理由: '三季度迟报' },
      { 单位名称: '河东区政府', 专家评分: 75, 否决事项: '发生重大质量安全事故', 否决理由: '电梯事故' },
    ]);
    const seq = await headSeq();
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    expect(json<ImportResult>(res)).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, errors: [] });
    expect(await auditActionsSince(seq)).toEqual(['assessment.input.import']);
    const hp = json<InputsResponse>(await office.get(`/api/assessment/schemes/${scheme.id}/inputs`)).units.find((u) => u.deptId === govs.get('和平区'))!;
    expect(hp).toMatchObject({ scores: { expert: 88.5 }, bonuses: [{ itemKey: 'award', points: 2 }], deductions: [{ points: 1 }, { points: 1.5 }] });
    expect(json<ImportResult>(await upload(file))).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    // The template now carries what was entered, one row per entry.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await office.get(`/api/assessment/schemes/${scheme.id}/inputs/template`)).rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(18);
  });

  it('refuses a file that is not a workbook or lacks the unit column', async () => {
    expect(errorCode(await upload(Buffer.from('not a workbook')))).toBe('IMPORT_FILE_INVALID');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['专家评分']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(errorCode(res)).toBe('IMPORT_FILE_INVALID');
    expect(json<ErrorBody>(res).error.message).toContain('单位名称');
  });
});

describe('a new issuer of the 通报 (公文设置)', () => {
  it('heads and numbers the notices published from then on; a published notice keeps its issuer and number', async () => {
    const admin = await t.as('admin');
    const issuer = { name: '天津市质量强市工作领导小组办公室', mark: '天津市质量强市工作领导小组办公室文件', prefix: '津质强', printer: '天津市质量强市工作领导小组办公室' };
    expect((await admin.put('/api/system/doc-issuers/assessment-notice', issuer)).statusCode).toBe(200);
    const published = json<{ items: { id: number; status: string; docNumber: string | null }[] }>(await office.get(`/api/assessment/schemes?status=published`)).items;
    expect(published.length).toBeGreaterThan(0);
    const first = published.find((s) => s.docNumber === `津质强办〔${ISSUE_YEAR}〕1号`)!;
    const { lines } = await docParagraphs((await office.get(`/api/assessment/schemes/${first.id}/notice`)).rawPayload);
    expect(lines[0]).toBe(OFFICE);
    expect(lines).toContain(`津质强办〔${ISSUE_YEAR}〕1号`);
    expect(json<SchemeDetail>(await office.get(`/api/assessment/schemes/${first.id}`)).issuer).toBe(OFFICE);
    // A new scheme: signed by the new issuer, numbered in its own sequence once published.
    const fresh = json<SchemeDetail>(await createScheme({ ...DISTRICT_SCHEME, name: '新发文机关测试方案', vetoItems: [], bonusItems: [], deductionItems: [] }));
    expect(fresh.issuer).toBe(issuer.name);
    expect((await office.post(`/api/assessment/schemes/${fresh.id}/score`, {})).statusCode).toBe(200);
    const done = json<{ docNumber: string }>(await office.post(`/api/assessment/schemes/${fresh.id}/publish`, {}));
    expect(done.docNumber).toBe(`津质强〔${ISSUE_YEAR}〕1号`);
    const notice = await docParagraphs((await office.get(`/api/assessment/schemes/${fresh.id}/notice`)).rawPayload);
    expect(notice.lines[0]).toBe(issuer.mark);
    expect(notice.lines.at(-1)).toMatch(new RegExp(`^${issuer.printer}\\d{4}年\\d{1,2}月\\d{1,2}日印发$`));
  });
});

/**
 * Credit scoring on a real database: a new archive record re-evaluates the entity at once and the
 * explanation names it; enterprises see their own grade but never a risk class; model versions;
 * 400 on bad models; the bulk SQL recompute agrees with the JS rules on a varied set of entities.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreditModelDetail, CreditModelDto, EntityEvaluationResponse, EvaluationStats, ModelDefinition, RecomputeResponse } from '../../../../../contracts/credit-scoring.js';
import type { ArchiveRecord } from '../../../../../contracts/entities.js';
import { usccCheckCharacter } from '../../../../../contracts/uscc.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../../test/test-app.js';
import { findEntityByUscc } from '../../entities/index.js';
import { creditListEntry } from '../lists/lists.table.js';
import { QUALITY_GRADE_MODEL } from './scoring.models.js';
import { monthsBefore } from './scoring.rules.js';
import { reevaluateEntity, seedCreditModels } from './scoring.service.js';
import { creditEvaluation, creditModel } from './scoring.table.js';

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);
const FOOD = uscc('91120101MA0KCPR01');
const DEMO_ENTERPRISE = uscc('91120116MA05JQ7W8');
const TODAY = todayInChina();
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** Record dates: yesterday in China is never in the future, whatever the request validation's clock. */
const YESTERDAY = daysAgo(1);

let t: TestApp;
let office: Agent;
let enterprise: Agent;
let district: Agent;

async function register(code: string, body: Record<string, unknown> = {}): Promise<number> {
  const res = await office.post('/api/entities', { uscc: code, name: `评价测试企业${code.slice(-6)}有限公司`, districtCode: '120101', industry: 'C', establishedOn: '2015-03-01', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: number }>(res).id;
}

async function addRecord(code: string, body: Record<string, unknown>): Promise<ArchiveRecord> {
  const res = await office.post(`/api/entities/${code}/records`, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<ArchiveRecord>(res);
}

const penaltyBody = (occurredOn: string, penaltyTypes = ['fine'], amount = 20000) => ({
  kind: 'penalty',
  occurredOn,
  payload: { decisionNo: `津市监罚〔2025〕${Math.floor(Math.random() * 1e6)}号`, penaltyTypes, amount, authority: '天津市市场监督管理局', violation: '生产不合格产品', domain: 'product' },
});

const evaluationOf = async (agent: Agent, code: string) => {
  const res = await agent.get(`/api/credit/entities/${code}/evaluation`);
  expect(res.statusCode, res.body).toBe(200);
  return json<EntityEvaluationResponse>(res);
};

beforeAll(async () => {
  t = await buildTestApp();
  // Idempotent: the start-up seed may already have added version 1 of both models.
  await seedCreditModels(t.db);
  await seedCreditModels(t.db);
  office = await t.as('quality-office');
  enterprise = await t.as('enterprise');
  district = await t.as('district-user');
  await register(FOOD, { qualityOfficer: '张质量' });
  if ((await office.get(`/api/entities/${DEMO_ENTERPRISE}`)).statusCode === 404) {
    await register(DEMO_ENTERPRISE, { name: '天津滨海示范食品有限公司', districtCode: '120116' });
  }
});

afterAll(async () => {
  await t.close();
});

describe('shipped models', () => {
  it('seeds version 1 of each kind once, active', async () => {
    const rows = await t.db.select().from(creditModel);
    expect(rows.filter((r) => r.kind === 'grade')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'risk')).toHaveLength(1);
    const list = json<{ items: CreditModelDto[] }>(await office.get('/api/credit/models'));
    expect(list.items.map((m) => `${m.kind}:${m.version}:${m.status}`).sort()).toEqual(['grade:1:active', 'risk:1:active']);
    // Shipped by the system actor, which is no account: the login name stays, no person's name.
    expect(list.items.every((m) => m.createdBy === 'system' && m.createdByName === null)).toBe(true);
  });
});

describe('evaluation follows the archive', () => {
  it('a penalty record lowers the grade at once and the explanation names it', async () => {
    // Registering the entity evaluated it at once; a recompute agrees.
    const registered = await evaluationOf(office, FOOD);
    expect((await office.post('/api/credit/evaluations/recompute', {})).statusCode).toBe(200);
    const before = await evaluationOf(office, FOOD);
    expect(registered.grade).toMatchObject({ score: before.grade!.score, grade: before.grade!.grade });
    // 65 with no records and nothing held, + 5 for the quality officer.
    expect(before.grade).toMatchObject({ score: 70, grade: 'A', modelVersion: 1 });
    expect(before.risk).toMatchObject({ score: 100, grade: 'A' });
    const p = await addRecord(FOOD, penaltyBody(YESTERDAY, ['fine', 'licence_revoked'], 200000));
    const after = await evaluationOf(office, FOOD);
    const penalties = after.grade!.indicators.find((i) => i.key === 'penalties')!;
    // Linear decay over 36 months: one day old weighs 1 − 1/1096.
    expect(penalties.records).toEqual([expect.objectContaining({ recordId: p.id, occurredOn: YESTERDAY, points: -5.99 })]);
    expect(penalties.points).toBe(6.01);
    expect(after.grade!.indicators.find((i) => i.key === 'heavy_penalties')!.records.map((r) => r.recordId)).toEqual([p.id]);
    // 70 − 5.99 − 5 (heavy: 5 × 1/1096 rounds to 0) = 59.01 → C.
    expect(after.grade).toMatchObject({ grade: 'C', vetoed: false, asOf: TODAY });
    expect(after.grade!.score).toBe(59.01);
    expect(after.risk!.grade).toBe('C');
  });

  it('a retraction takes the corrected record out of the evaluation', async () => {
    const p = await addRecord(FOOD, penaltyBody(daysAgo(10)));
    const withIt = (await evaluationOf(office, FOOD)).grade!.score;
    await addRecord(FOOD, { ...penaltyBody(daysAgo(10)), correctsId: p.id, retracts: true });
    const after = (await evaluationOf(office, FOOD)).grade!;
    expect(after.score).toBeGreaterThan(withIt);
    expect(after.indicators.flatMap((i) => i.records.map((r) => r.recordId))).not.toContain(p.id);
  });

  it('a product needing a licence without one vetoes the grade to D', async () => {
    const code = uscc('91120101MA0KCPR02');
    await register(code);
    expect((await office.post(`/api/entities/${code}/products`, { name: '电线电缆', licenceRequired: true })).statusCode).toBe(201);
    // The veto reads the registry; a record (any) triggers the re-evaluation.
    await addRecord(code, { kind: 'sampling', occurredOn: YESTERDAY, payload: { product: '电线电缆', result: 'pass' } });
    const e = await evaluationOf(office, code);
    expect(e.grade).toMatchObject({ grade: 'D', vetoed: true, vetoes: [{ key: 'missing_production_licence' }] });
    expect(e.grade!.score).toBeGreaterThan(40);
  });
});

describe('who sees what', () => {
  it('an enterprise sees its own grade but never the risk class', async () => {
    const demo = (await findEntityByUscc(t.db, DEMO_ENTERPRISE))!;
    await reevaluateEntity(t.db, demo.id);
    const own = await evaluationOf(enterprise, DEMO_ENTERPRISE);
    expect(own.grade).not.toBeNull();
    expect(own.risk).toBeNull();
    expect(JSON.stringify(own)).not.toContain('large_fines');
    const staff = await evaluationOf(office, DEMO_ENTERPRISE);
    expect(staff.risk).not.toBeNull();
  });

  it('an enterprise asking about another entity gets 403 NOT_YOUR_ENTITY; out of scope is 404', async () => {
    expect(errorCode(await enterprise.get(`/api/credit/entities/${FOOD}/evaluation`))).toBe('NOT_YOUR_ENTITY');
    expect((await district.get(`/api/credit/entities/${DEMO_ENTERPRISE}/evaluation`)).statusCode).toBe(404);
    expect((await t.anon().get(`/api/credit/entities/${FOOD}/evaluation`)).statusCode).toBe(401);
  });

  it('stats count grades in the data scope; risk counts only with credit:risk:list', async () => {
    const all = json<EvaluationStats>(await office.get('/api/credit/evaluations/stats'));
    expect(all.riskClasses).not.toBeNull();
    const own = json<EvaluationStats>(await enterprise.get('/api/credit/evaluations/stats'));
    expect(own.riskClasses).toBeNull();
    expect(own.total).toBe(1);
    expect(own.grades.reduce((s, g) => s + g.count, 0)).toBe(1);
    const hp = json<EvaluationStats>(await district.get('/api/credit/evaluations/stats'));
    expect(hp.grades.reduce((s, g) => s + g.count, 0)).toBeLessThan(all.grades.reduce((s, g) => s + g.count, 0));
    expect(hp.grades.reduce((s, g) => s + g.count, 0)).toBeGreaterThanOrEqual(2);
  });
});

describe('model versions', () => {
  const lenient = (): ModelDefinition => ({ ...QUALITY_GRADE_MODEL, bands: [{ grade: 'AAA', min: 50 }, ...QUALITY_GRADE_MODEL.bands.slice(1).map((b, i) => ({ ...b, min: i === 4 ? 0 : 45 - i * 5 }))] });

  it('refuses a model whose weights do not total 100, stating the sum', async () => {
    const def = { ...QUALITY_GRADE_MODEL, indicators: QUALITY_GRADE_MODEL.indicators.slice(1) };
    const res = await office.post('/api/credit/models', { kind: 'grade', name: '缺指标', definition: def });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MODEL_INVALID');
    expect(res.body).toContain('95');
  });

  it('refuses overlapping bands, a published risk model and a malformed definition', async () => {
    const overlap = { ...QUALITY_GRADE_MODEL, bands: [{ grade: 'AAA', min: 80 }, { grade: 'AA', min: 90 }, { grade: 'D', min: 0 }] };
    const r1 = await office.post('/api/credit/models', { kind: 'grade', name: '分数段重叠', definition: overlap });
    expect(errorCode(r1)).toBe('MODEL_INVALID');
    expect(json<{ error: { details: string[] } }>(r1).error.details.join()).toContain('bands.1.min');
    expect(errorCode(await office.post('/api/credit/models', { kind: 'risk', name: '公开风险', definition: { ...QUALITY_GRADE_MODEL, published: true } }))).toBe('MODEL_INVALID');
    expect(errorCode(await office.post('/api/credit/models', { kind: 'grade', name: '坏模型', definition: { indicators: 'x' } }))).toBe('MODEL_INVALID');
    expect((await district.post('/api/credit/models', { kind: 'grade', name: '无权', definition: lenient() })).statusCode).toBe(403);
  });

  it('a new version is a draft until activated; activation retires the old one and re-grades everyone', async () => {
    const created = await office.post('/api/credit/models', { kind: 'grade', name: '宽松版', definition: lenient() });
    expect(created.statusCode, created.body).toBe(201);
    const draft = json<CreditModelDetail>(created);
    expect(draft).toMatchObject({ kind: 'grade', version: 2, status: 'draft', createdBy: 'quality-office', createdByName: '王质量（天津市质量强市建设协调推进领导小组办公室）' });
    expect((await evaluationOf(office, FOOD)).grade!.modelVersion).toBe(1);
    const act = await office.post(`/api/credit/models/${draft.id}/activate`, {});
    expect(act.statusCode, act.body).toBe(200);
    const models = json<{ items: CreditModelDto[] }>(await office.get('/api/credit/models?kind=grade')).items;
    expect(models.map((m) => `${m.version}:${m.status}`)).toEqual(['2:active', '1:retired']);
    expect(models.map((m) => m.createdByName)).toEqual(['王质量（天津市质量强市建设协调推进领导小组办公室）', null]);
    const e = (await evaluationOf(office, FOOD)).grade!;
    expect(e).toMatchObject({ modelVersion: 2, grade: 'AAA' });
    expect(e.indicators.length).toBeGreaterThan(0);
    expect(json<CreditModelDetail>(await office.get(`/api/credit/models/${draft.id}`)).definition.bands[0]).toEqual({ grade: 'AAA', min: 50 });
    expect((await office.get('/api/credit/models/999999')).statusCode).toBe(404);
    // Back to the shipped bands as version 3 for the rest of the file.
    const v3 = json<CreditModelDetail>(await office.post('/api/credit/models', { kind: 'grade', name: '默认版', definition: QUALITY_GRADE_MODEL }));
    expect((await office.post(`/api/credit/models/${v3.id}/activate`, {})).statusCode).toBe(200);
  });
});

describe('bulk recompute', () => {
  it('needs credit:evaluation:recompute', async () => {
    expect((await enterprise.post('/api/credit/evaluations/recompute', {})).statusCode).toBe(403);
  });

  it('the SQL statement gives the same score and grade as the JS rules for varied entities', async () => {
    const ids: number[] = [];
    const windowEdge = monthsBefore(TODAY, 36);
    const variants: ((code: string) => Promise<void>)[] = [
      async () => {},
      async (c) => {
        await addRecord(c, { kind: 'sampling', occurredOn: daysAgo(3), payload: { product: '饼干', result: 'fail' } });
        await addRecord(c, { kind: 'sampling', occurredOn: daysAgo(400), payload: { product: '饼干', result: 'pass' } });
        await addRecord(c, { kind: 'sampling', occurredOn: daysAgo(800), payload: { product: '饼干', result: 'pass' } });
      },
      async (c) => {
        await addRecord(c, penaltyBody(daysAgo(100), ['fine'], 150000));
        await addRecord(c, penaltyBody(daysAgo(700), ['suspended']));
        await addRecord(c, { kind: 'complaint', occurredOn: daysAgo(30), payload: { verdict: 'substantiated', subject: '质量问题' } });
        await addRecord(c, { kind: 'complaint', occurredOn: daysAgo(31), payload: { verdict: 'mediated', subject: '服务' } });
      },
      async (c) => {
        await addRecord(c, { kind: 'recall', occurredOn: daysAgo(200), payload: { product: '儿童玩具', recallKind: 'ordered', refused: true } });
        await addRecord(c, { kind: 'inspection', occurredOn: daysAgo(15), payload: { result: 'issues_found' } });
        await addRecord(c, { kind: 'award', occurredOn: daysAgo(90), payload: { name: '天津市质量奖', category: 'quality_award', level: 'city' } });
      },
      async (c) => {
        // The window's first day is out, the next day is in (start exclusive).
        await addRecord(c, penaltyBody(windowEdge));
        await addRecord(c, { kind: 'complaint', occurredOn: new Date(Date.parse(`${windowEdge}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), payload: { verdict: 'substantiated', subject: '边界' } });
        await addRecord(c, { kind: 'self_declaration', occurredOn: daysAgo(5), payload: { standardNo: 'Q/12 0001S-2025', standardName: '企业标准', product: '饼干' } });
        await addRecord(c, { kind: 'commitment', occurredOn: daysAgo(5), payload: { text: '我公司承诺严格落实质量安全主体责任' } });
        await addRecord(c, { kind: 'certification', occurredOn: daysAgo(50), payload: { name: 'ISO 9001', change: 'gained' } });
      },
      async (c) => {
        expect((await office.post(`/api/entities/${c}/products`, { name: '电热水壶', cccRequired: true })).statusCode).toBe(201);
        expect((await office.post(`/api/entities/${c}/licences`, { kind: 'ccc', name: 'CCC', number: `CCC-${c}`, validUntil: daysAgo(1) })).statusCode).toBe(201);
        expect((await office.post(`/api/entities/${c}/licences`, { kind: 'production_licence', name: '生产许可证', number: `XK-${c}`, validUntil: '2099-12-31' })).statusCode).toBe(201);
      },
      async (c) => {
        const e = await findEntityByUscc(t.db, c);
        await t.db.insert(creditListEntry).values({ entityId: e!.id, list: 'abnormal', districtCode: '120101', grounds: '1', decisionDate: daysAgo(20), createdBy: 'test', status: 'listed' });
        await t.db.insert(creditListEntry).values({ entityId: e!.id, list: 'serious-violation', districtCode: '120101', grounds: 'x', decisionDate: daysAgo(20), createdBy: 'test', status: 'removed' });
      },
      async (c) => {
        const e = await findEntityByUscc(t.db, c);
        await t.db.insert(creditListEntry).values({ entityId: e!.id, list: 'serious-violation', districtCode: '120101', grounds: 'x', decisionDate: daysAgo(20), createdBy: 'test', status: 'published' });
        for (let i = 0; i < 6; i++) await addRecord(c, penaltyBody(daysAgo(1 + i * 50)));
      },
    ];
    for (const [i, arrange] of variants.entries()) {
      const code = uscc(`91120101MA0QLX${String(i).padStart(3, '0')}`);
      ids.push(await register(code, i === 3 ? { establishedOn: daysAgo(100), qualityOfficer: '李四' } : i === 5 ? { scale: 'large' } : {}));
      await arrange(code);
    }
    for (const id of ids) await reevaluateEntity(t.db, id);
    const snapshot = async () => {
      const rows = await t.db.select().from(creditEvaluation);
      return new Map(rows.filter((r) => ids.includes(r.entityId)).map((r) => [`${r.entityId}:${r.kind}`, { score: r.score, grade: r.grade, vetoed: r.vetoed, version: r.modelVersion }]));
    };
    const js = await snapshot();
    expect(js.size).toBe(ids.length * 2);
    // Varied: several distinct grades and risk classes among the set.
    expect(new Set([...js].filter(([k]) => k.endsWith(':grade')).map(([, v]) => v.grade)).size).toBeGreaterThanOrEqual(3);
    expect(new Set([...js].filter(([k]) => k.endsWith(':risk')).map(([, v]) => v.grade)).size).toBeGreaterThanOrEqual(3);
    // Start the SQL path from nothing, so every compared row is its own result.
    await t.db.delete(creditEvaluation);
    const res = await office.post('/api/credit/evaluations/recompute', {});
    expect(res.statusCode, res.body).toBe(200);
    const body = json<RecomputeResponse>(res);
    expect(body.results.map((r) => r.kind)).toEqual(['grade', 'risk']);
    expect(body.results[0]!.entities).toBeGreaterThanOrEqual(ids.length);
    // One statement wrote both kinds from nothing: each kind counts every entity once.
    expect(body.results.map((r) => r.changed)).toEqual([body.results[0]!.entities, body.results[0]!.entities]);
    const bulk = await snapshot();
    expect(Object.fromEntries(bulk)).toEqual(Object.fromEntries(js));
    // The explanation of a bulk-computed evaluation is rebuilt per record on reading.
    const e = await evaluationOf(office, uscc('91120101MA0QLX002'));
    expect(e.grade!.indicators.find((i) => i.key === 'complaints')!.records).toHaveLength(1);
    expect(e.risk!.indicators.find((i) => i.key === 'large_fines')!.records).toHaveLength(1);
  });

  it('recomputes one kind on request', async () => {
    const res = await office.post('/api/credit/evaluations/recompute', { kind: 'risk' });
    // Nothing changed since the previous run: no row is rewritten.
    expect(json<RecomputeResponse>(res).results.map((r) => [r.kind, r.changed])).toEqual([['risk', 0]]);
  });
});

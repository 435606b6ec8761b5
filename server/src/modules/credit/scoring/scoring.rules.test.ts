import { describe, expect, it } from 'vitest';
import { modelDefinition, type ModelDefinition } from '../../../../../contracts/credit-scoring.js';
import { CREDIT_RISK_MODEL, QUALITY_GRADE_MODEL } from './scoring.models.js';
import { bandOf, conditionHolds, definitionIssues, evaluate, monthlyRecomputeDue, monthsBefore, recordWeight, round2, type EntityFacts, type ScoredRecord } from './scoring.rules.js';

const ASOF = '2025-06-30';
const facts = (over: Partial<EntityFacts> = {}): EntityFacts => ({ hasQualityOfficer: false, validLicences: 0, flags: [], lists: [], establishedOn: '2010-01-01', ...over });
let nextId = 1;
const rec = (kind: string, occurredOn: string, payload: Record<string, unknown>): ScoredRecord => ({ id: nextId++, kind, occurredOn, payload });
const penalty = (on: string, types = ['fine'], amount = 5000) => rec('penalty', on, { penaltyTypes: types, amount, decisionNo: 'X', authority: 'A', violation: 'V', domain: 'product', carriedOut: false });

/** A tiny model: one count indicator (40), one ratio (60); bands A ≥ 80, B ≥ 50, C. */
const tiny: ModelDefinition = modelDefinition.parse({
  dimensions: [{ key: 'd', name: 'D' }],
  indicators: [
    { key: 'pen', name: 'Penalties', dimension: 'd', max: 40, formula: 'count', kinds: ['penalty'], windowMonths: 12, base: 40, perRecord: -10 },
    { key: 'rate', name: 'Pass rate', dimension: 'd', max: 60, formula: 'ratio', kinds: ['sampling'], windowMonths: 12, pass: [{ field: 'result', op: 'eq', value: 'pass' }], empty: 30 },
  ],
  vetoes: [{ key: 'sv', name: 'SV', when: { type: 'list', list: 'serious-violation' }, grade: 'C' }],
  bands: [
    { grade: 'A', min: 80 },
    { grade: 'B', min: 50 },
    { grade: 'C', min: 0 },
  ],
  published: true,
});

describe('definition checks', () => {
  it('accepts the shipped models', () => {
    expect(definitionIssues(modelDefinition.parse(QUALITY_GRADE_MODEL))).toEqual([]);
    expect(definitionIssues(modelDefinition.parse(CREDIT_RISK_MODEL))).toEqual([]);
  });

  it('states the actual sum when weights do not total 100', () => {
    const bad = { ...tiny, indicators: [{ ...tiny.indicators[0]!, max: 30, base: 30 }, tiny.indicators[1]!] };
    const issues = definitionIssues(bad);
    expect(issues[0]!.message.zh).toContain('实际为 90');
    expect(issues[0]!.message.en).toContain('total 90');
  });

  it('refuses unsorted or overlapping bands, duplicate grades, uncovered scores and unknown veto grades', () => {
    const unsorted = { ...tiny, bands: [tiny.bands[1]!, tiny.bands[0]!, tiny.bands[2]!] };
    expect(definitionIssues(unsorted).some((i) => i.path === 'bands.1.min')).toBe(true);
    const overlap = { ...tiny, bands: [{ grade: 'A', min: 50 }, { grade: 'B', min: 50 }, { grade: 'C', min: 0 }] };
    expect(definitionIssues(overlap).map((i) => i.path)).toContain('bands.1.min');
    const dup = { ...tiny, bands: [{ grade: 'A', min: 50 }, { grade: 'A', min: 0 }] };
    expect(definitionIssues(dup).map((i) => i.path)).toContain('bands.1.grade');
    const gap = { ...tiny, bands: [{ grade: 'A', min: 80 }, { grade: 'B', min: 10 }] };
    expect(definitionIssues(gap).map((i) => i.path)).toContain('bands.1.min');
    const veto = { ...tiny, vetoes: [{ ...tiny.vetoes[0]!, grade: 'Z' }] };
    expect(definitionIssues(veto).map((i) => i.path)).toContain('vetoes.0.grade');
  });

  it('refuses unknown dimensions, duplicate keys and base above max', () => {
    const bad = { ...tiny, indicators: [{ ...tiny.indicators[0]!, dimension: 'x', base: 50 }, { ...tiny.indicators[1]!, key: 'pen' }] };
    const paths = definitionIssues(bad).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['indicators.0.dimension', 'indicators.0.base', 'indicators.1.key']));
  });

  it('refuses payload field names that are not plain identifiers (schema)', () => {
    const r = modelDefinition.safeParse({ ...tiny, indicators: [{ ...tiny.indicators[0]!, where: [{ field: "x'); drop table entity; --", op: 'eq', value: 1 }] }, tiny.indicators[1]] });
    expect(r.success).toBe(false);
  });
});

describe('dates, windows and decay', () => {
  it('subtracts calendar months, clamping to the month end', () => {
    expect(monthsBefore('2025-06-30', 36)).toBe('2022-06-30');
    expect(monthsBefore('2025-03-31', 1)).toBe('2025-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2025-01-15', 13)).toBe('2023-12-15');
  });

  it('counts records inside the window only: the start day is out, the evaluation day is in, the future is out', () => {
    const none = { kind: 'none' } as const;
    expect(recordWeight('2024-06-30', ASOF, 12, none)).toBe(0);
    expect(recordWeight('2024-07-01', ASOF, 12, none)).toBe(1);
    expect(recordWeight(ASOF, ASOF, 12, none)).toBe(1);
    expect(recordWeight('2025-07-01', ASOF, 12, none)).toBe(0);
  });

  it('decays linearly to zero at the window start', () => {
    // 365 days in the window; a record 73 days old weighs 1 − 73/365 = 0.8.
    expect(recordWeight('2025-04-18', ASOF, 12, { kind: 'linear' })).toBeCloseTo(0.8, 12);
    expect(recordWeight(ASOF, ASOF, 12, { kind: 'linear' })).toBe(1);
    expect(recordWeight('2024-07-01', ASOF, 12, { kind: 'linear' })).toBeCloseTo(1 / 365, 12);
  });

  it('halves every half-life', () => {
    expect(recordWeight('2024-06-30', ASOF, 36, { kind: 'half_life', halfLifeDays: 365 })).toBeCloseTo(0.5, 12);
    expect(recordWeight('2023-07-01', ASOF, 36, { kind: 'half_life', halfLifeDays: 365 })).toBeCloseTo(0.25, 12);
  });

  it('rounds half up at two decimals like PostgreSQL numeric', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(79.995)).toBe(80);
  });
});

describe('payload conditions', () => {
  it('compares text forms, arrays and numbers', () => {
    expect(conditionHolds({ field: 'withdrawn', op: 'eq', value: false }, { withdrawn: false })).toBe(true);
    expect(conditionHolds({ field: 'withdrawn', op: 'eq', value: false }, {})).toBe(false);
    expect(conditionHolds({ field: 'verdict', op: 'in', values: ['substantiated'] }, { verdict: 'mediated' })).toBe(false);
    expect(conditionHolds({ field: 'verdict', op: 'not_in', values: ['substantiated'] }, {})).toBe(false);
    expect(conditionHolds({ field: 'penaltyTypes', op: 'any', values: ['closed'] }, { penaltyTypes: ['fine', 'closed'] })).toBe(true);
    expect(conditionHolds({ field: 'penaltyTypes', op: 'none', values: ['closed'] }, { penaltyTypes: ['fine'] })).toBe(true);
    expect(conditionHolds({ field: 'penaltyTypes', op: 'any', values: ['closed'] }, { penaltyTypes: 'closed' })).toBe(false);
    expect(conditionHolds({ field: 'amount', op: 'gte', value: 100000 }, { amount: 100000 })).toBe(true);
    expect(conditionHolds({ field: 'amount', op: 'gte', value: 100000 }, { amount: '200000' })).toBe(false);
    expect(conditionHolds({ field: 'amount', op: 'lt', value: 10 }, { amount: null })).toBe(false);
  });
});

describe('evaluate', () => {
  it('gives base and empty points with no records, and names each record with its points', () => {
    const r0 = evaluate(tiny, facts(), [], ASOF);
    expect(r0.score).toBe(70);
    expect(r0.grade).toBe('B');
    const p = penalty('2025-06-30');
    const r1 = evaluate(tiny, facts(), [p, rec('sampling', '2025-05-01', { result: 'pass' })], ASOF);
    expect(r1.indicators[0]!.points).toBe(30);
    expect(r1.indicators[0]!.records).toEqual([{ recordId: p.id, occurredOn: '2025-06-30', points: -10, weight: 1 }]);
    expect(r1.indicators[1]!.points).toBe(60);
    expect(r1.score).toBe(90);
    expect(r1.grade).toBe('A');
  });

  it('puts a score exactly on a band minimum into that band, and 0.01 below into the next', () => {
    expect(bandOf(tiny.bands, 80)).toBe(0);
    expect(bandOf(tiny.bands, 79.99)).toBe(1);
    expect(bandOf(tiny.bands, 50)).toBe(1);
    expect(bandOf(tiny.bands, 49.99)).toBe(2);
    expect(bandOf(tiny.bands, -5)).toBe(2);
    // 40 (no penalties) + 60 × 2/3 = 80 → A; one more failed sample → 40 + 60 × 2/4 = 70 → B.
    const s = (result: string, on = '2025-01-01') => rec('sampling', on, { result });
    expect(evaluate(tiny, facts(), [s('pass'), s('pass'), s('fail')], ASOF)).toMatchObject({ score: 80, grade: 'A' });
    expect(evaluate(tiny, facts(), [s('pass'), s('pass'), s('fail'), s('fail')], ASOF)).toMatchObject({ score: 70, grade: 'B' });
  });

  it('clamps at zero however many records deduct, and applies a cap', () => {
    const many = Array.from({ length: 9 }, () => penalty('2025-06-01'));
    expect(evaluate(tiny, facts(), many, ASOF).indicators[0]!.points).toBe(0);
    const capped: ModelDefinition = { ...tiny, indicators: [{ ...(tiny.indicators[0] as Extract<ModelDefinition['indicators'][number], { formula: 'count' }>), cap: 15 }, tiny.indicators[1]!] };
    expect(evaluate(capped, facts(), many, ASOF).indicators[0]!.points).toBe(25);
  });

  it('ignores records outside the window and weighs the ratio by decay', () => {
    const old = penalty('2024-06-30');
    expect(evaluate(tiny, facts(), [old], ASOF).indicators[0]).toMatchObject({ points: 40, records: [] });
    const m = QUALITY_GRADE_MODEL;
    // Half-life 365 days: a pass today weighs 1, a fail a year ago weighs 0.5 → 20 × 1/1.5 = 13.33.
    const r = evaluate(m, facts(), [rec('sampling', ASOF, { result: 'pass' }), rec('sampling', '2024-06-30', { result: 'fail' })], ASOF);
    expect(r.indicators.find((i) => i.key === 'sampling_pass_rate')!.points).toBe(13.33);
  });

  it('a veto makes the grade D whatever the score; vetoes only worsen a grade', () => {
    const best = facts({ hasQualityOfficer: true, validLicences: 2 });
    const good = [rec('commitment', '2025-01-01', { text: '承诺书……' }), ...Array.from({ length: 2 }, () => rec('self_declaration', '2025-01-01', {})), ...Array.from({ length: 2 }, () => rec('certification', '2025-01-01', { change: 'gained' })), ...Array.from({ length: 2 }, () => rec('award', '2025-01-01', { withdrawn: false, level: 'national' }))];
    const clean = evaluate(QUALITY_GRADE_MODEL, best, good, ASOF);
    expect(clean.score).toBe(95);
    expect(clean).toMatchObject({ grade: 'AAA', vetoed: false });
    const vetoed = evaluate(QUALITY_GRADE_MODEL, { ...best, flags: ['missing_ccc'] }, good, ASOF);
    expect(vetoed).toMatchObject({ score: 95, grade: 'D', vetoed: true, vetoes: [{ key: 'missing_ccc' }] });
    expect(evaluate(QUALITY_GRADE_MODEL, { ...best, lists: ['serious-violation'] }, good, ASOF).grade).toBe('D');
    // Risk: abnormal list → at least C, but a D stays D.
    const heavy = [penalty('2025-06-01', ['licence_revoked'], 500000), penalty('2025-05-01'), penalty('2025-05-02'), penalty('2025-05-03')];
    const risk = evaluate(CREDIT_RISK_MODEL, facts({ lists: ['abnormal'] }), heavy, ASOF);
    expect(risk.grade).toBe('D');
    expect(evaluate(CREDIT_RISK_MODEL, facts({ lists: ['abnormal'] }), [], ASOF)).toMatchObject({ score: 100, grade: 'C', vetoed: true });
  });

  it('risk: heavier penalty types weigh more; a new entity is at least B', () => {
    const fine = evaluate(CREDIT_RISK_MODEL, facts(), [penalty(ASOF)], ASOF);
    const revoked = evaluate(CREDIT_RISK_MODEL, facts(), [penalty(ASOF, ['licence_revoked'])], ASOF);
    expect(fine.score).toBe(90);
    expect(fine.grade).toBe('A');
    expect(revoked.score).toBe(65);
    expect(revoked.grade).toBe('C');
    expect(evaluate(CREDIT_RISK_MODEL, facts({ establishedOn: '2024-07-01' }), [], ASOF)).toMatchObject({ score: 100, grade: 'B', vetoed: true });
    expect(evaluate(CREDIT_RISK_MODEL, facts({ establishedOn: '2024-06-30' }), [], ASOF)).toMatchObject({ grade: 'A', vetoed: false });
    expect(evaluate(CREDIT_RISK_MODEL, facts({ establishedOn: null }), [], ASOF).grade).toBe('A');
  });

  it('quality officer and licences are registry facts', () => {
    const r = evaluate(QUALITY_GRADE_MODEL, facts({ hasQualityOfficer: true, validLicences: 5 }), [], ASOF);
    expect(r.indicators.find((i) => i.key === 'quality_officer')!.points).toBe(5);
    expect(r.indicators.find((i) => i.key === 'licences')!.points).toBe(8);
    expect(r.score).toBe(78);
  });
});

describe('monthly risk recompute', () => {
  it('is due when the last run was before the first of this month', () => {
    expect(monthlyRecomputeDue(null, '2025-06-15')).toBe(true);
    expect(monthlyRecomputeDue('2025-05-31', '2025-06-01')).toBe(true);
    expect(monthlyRecomputeDue('2025-06-01', '2025-06-30')).toBe(false);
  });
});

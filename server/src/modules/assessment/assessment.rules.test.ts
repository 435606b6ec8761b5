import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIL_GRADE, DEFAULT_GRADE_BANDS, schemeBody } from '../../../../contracts/assessment.js';
import { FULL_SCOPE, type DataScope } from '../../platform/data-scope/data-scope.js';
import {
  actsForUnit,
  checkConfig,
  defaultUnits,
  EMPTY_INPUT,
  gradeOf,
  inDistrictOrder,
  inputIssues,
  isEligibleUnit,
  maxTotal,
  needsRectification,
  NO_TASKS_DUE,
  NOT_ENTERED,
  pruneInput,
  rankScores,
  scoreUnit,
  taskCountsOf,
  weightIssue,
  type DirectoryDept,
  type SchemeConfig,
  type UnitScore,
} from './assessment.rules.js';

const config: SchemeConfig = {
  indicators: [
    { key: 'done', name: '任务完成率', kind: 'task_completion', weight: 40 },
    { key: 'ontime', name: '按时完成率', kind: 'on_time', weight: 20 },
    { key: 'expert', name: '专家评分', kind: 'expert', weight: 40 },
  ],
  bonusItems: [{ key: 'award', name: '获得质量奖', maxPoints: 5 }],
  deductionItems: [{ key: 'late', name: '报送不及时', maxPoints: 3 }],
  vetoItems: [{ key: 'accident', name: '发生重大质量安全事故' }],
  gradeBands: [...DEFAULT_GRADE_BANDS],
  failGrade: DEFAULT_FAIL_GRADE,
};

const unit = (deptId: number, districtCode: string | null = null) => ({ deptId, deptName: `单位${deptId}`, districtCode });

describe('weights', () => {
  it('accepts weights totalling exactly 100 and states the actual sum otherwise', () => {
    expect(weightIssue(config.indicators)).toBeNull();
    expect(weightIssue([{ weight: 33.33 }, { weight: 33.33 }, { weight: 33.34 }])).toBeNull();
    const issue = weightIssue([{ weight: 60 }, { weight: 35 }]);
    expect(issue?.sum).toBe(95);
    expect(issue?.message).toContain('权重合计为 95%，应为 100%');
    expect(weightIssue([{ weight: 60 }, { weight: 45.5 }])?.sum).toBe(105.5);
  });

  it('takes weights with two decimals in the contract, not three', () => {
    const base = { name: 'x', year: 2026, targetKind: 'district', indicators: [{ key: 'a', name: 'a', kind: 'expert', weight: 33.33 }] };
    expect(schemeBody.safeParse(base).success).toBe(true);
    const three = { ...base, indicators: [{ key: 'a', name: 'a', kind: 'expert', weight: 33.333 }] };
    expect(schemeBody.safeParse(three).success).toBe(false);
  });
});

describe('checking a scheme', () => {
  it('finds duplicate keys and names, bands out of order and a fail grade reused', () => {
    expect(checkConfig(config)).toEqual([]);
    const bad: SchemeConfig = {
      ...config,
      indicators: [...config.indicators, { key: 'done', name: '任务完成率', kind: 'manual', weight: 0.01 }],
      gradeBands: [{ grade: '优秀', min: 90 }, { grade: '良好', min: 95 }, { grade: '合格', min: 60 }],
      failGrade: '合格',
    };
    const paths = checkConfig(bad).map((i) => i.path);
    expect(paths).toEqual(['indicators[3]', 'indicators[3]', 'gradeBands[1].min', 'failGrade']);
  });
});

describe('units', () => {
  const dept = (id: number, kind: string, districtCode: string | null, status = 'active'): DirectoryDept => ({ id, name: `d${id}`, shortName: null, kind, districtCode, status, ancestors: '0,1' });
  const directory = [dept(1, 'government', '120000'), dept(2, 'government', '120101'), dept(3, 'regulator', '120101'), dept(4, 'member', '120000'), dept(5, 'regulator', '120000'), dept(6, 'government', '120102', 'disabled'), dept(7, 'office', '120000')];

  it('lists units grouped by district code, departments without a district last, directory order kept within a group', () => {
    const listed = [dept(8, 'member', null), dept(9, 'government', '120102'), dept(10, 'member', '120000'), dept(11, 'regulator', '120102'), dept(12, 'regulator', null)];
    expect(inDistrictOrder(listed).map((d) => d.id)).toEqual([10, 9, 11, 8, 12]);
  });

  it('assesses county governments in a district scheme, member units and city regulators in a department scheme', () => {
    expect(defaultUnits('district', directory).map((d) => d.id)).toEqual([2]);
    expect(defaultUnits('department', directory).map((d) => d.id)).toEqual([4, 5]);
    // A district's own bureau may still be added by hand; the office itself may not.
    expect(isEligibleUnit('department', directory[2]!)).toBe(true);
    expect(isEligibleUnit('department', directory[6]!)).toBe(false);
    expect(isEligibleUnit('district', directory[0]!)).toBe(false);
  });

  it('lets a unit act for itself and units below it, and a district-scoped user for its district; not the office', () => {
    const district: DataScope = { ...FULL_SCOPE, all: false, kinds: ['district'], districtPrefixes: ['120101'] };
    const dept: DataScope = { ...FULL_SCOPE, all: false, kinds: ['dept_and_below'], deptIds: [10] };
    const hp = { deptId: 20, districtCode: '120101', deptAncestors: '0,1' };
    expect(actsForUnit({ deptId: 21 }, district, hp)).toBe(true);
    expect(actsForUnit({ deptId: 10 }, dept, hp)).toBe(false);
    expect(actsForUnit({ deptId: 10 }, dept, { deptId: 10, districtCode: '120000', deptAncestors: '0,1' })).toBe(true);
    expect(actsForUnit({ deptId: 2 }, FULL_SCOPE, { deptId: 10, districtCode: '120000', deptAncestors: '0,1' })).toBe(false);
  });
});

describe('task figures', () => {
  const rows = [
    { deptId: 1, districtCode: '120101', tasks: 3, completed: 2, onTime: 1 },
    { deptId: 2, districtCode: '120101', tasks: 1, completed: 1, onTime: 1 },
    { deptId: 3, districtCode: '120000', tasks: 4, completed: 4, onTime: 2 },
    { deptId: 3, districtCode: '120102', tasks: 1, completed: 0, onTime: 0 },
  ];
  it('counts a department\'s own rows and, for a district, every task of the district', () => {
    expect(taskCountsOf('department', { deptId: 3, districtCode: '120000' }, rows)).toEqual({ due: 5, completed: 4, onTime: 2 });
    expect(taskCountsOf('district', { deptId: 1, districtCode: '120101' }, rows)).toEqual({ due: 4, completed: 3, onTime: 2 });
    expect(taskCountsOf('district', { deptId: 9, districtCode: '120119' }, rows)).toEqual({ due: 0, completed: 0, onTime: 0 });
  });
});

describe('scoring a unit', () => {
  it('weights rates and entered scores, adds bonus, subtracts deductions', () => {
    const s = scoreUnit(config, unit(1), { due: 4, completed: 3, onTime: 2 }, { scores: { expert: 90 }, bonuses: [{ itemKey: 'award', points: 2, reason: '获奖' }], deductions: [{ itemKey: 'late', points: 1.5, reason: '迟报' }], vetoes: [] });
    // 40 × 75 % + 20 × 50 % + 40 × 90 % = 30 + 10 + 36 = 76; + 2 − 1.5
    expect(s.indicators.map((i) => [i.score, i.weighted])).toEqual([[75, 30], [50, 10], [90, 36]]);
    expect(s).toMatchObject({ weightedSum: 76, bonus: 2, deduction: 1.5, total: 76.5, vetoed: false });
    expect(s.bonuses[0]!.name).toBe('获得质量奖');
  });

  it('scores a unit with no tasks due 100 on the task indicators, marked 无到期任务; nothing entered scores 0, marked 未录入', () => {
    const s = scoreUnit(config, unit(1), { due: 0, completed: 0, onTime: 0 }, EMPTY_INPUT);
    expect(s.indicators.map((i) => [i.score, i.note])).toEqual([[100, NO_TASKS_DUE], [100, NO_TASKS_DUE], [null, NOT_ENTERED]]);
    expect(s.total).toBe(60);
  });

  it('keeps the total within [0, 100 + Σ bonus maxima]', () => {
    expect(maxTotal(config)).toBe(105);
    const top = scoreUnit(config, unit(1), { due: 1, completed: 1, onTime: 1 }, { ...EMPTY_INPUT, scores: { expert: 100 }, bonuses: [{ itemKey: 'award', points: 5, reason: 'x' }] });
    expect(top.total).toBe(105);
    const low: SchemeConfig = { ...config, deductionItems: [{ key: 'late', name: '报送不及时', maxPoints: 100 }] };
    const bottom = scoreUnit(low, unit(1), { due: 1, completed: 0, onTime: 0 }, { ...EMPTY_INPUT, deductions: [{ itemKey: 'late', points: 50, reason: 'x' }] });
    expect(bottom.total).toBe(0);
  });

  it('avoids floating-point drift (0.1 + 0.2)', () => {
    const c: SchemeConfig = { ...config, indicators: [{ key: 'a', name: 'a', kind: 'manual', weight: 100 }], bonusItems: [{ key: 'b', name: 'b', maxPoints: 1 }] };
    const s = scoreUnit(c, unit(1), { due: 0, completed: 0, onTime: 0 }, { ...EMPTY_INPUT, scores: { a: 89.7 }, bonuses: [{ itemKey: 'b', points: 0.1, reason: 'x' }, { itemKey: 'b', points: 0.2, reason: 'y' }] });
    expect(s.total).toBe(90);
    expect(gradeOf(c, s.total, false)).toBe('优秀');
  });
});

describe('grades and ranks', () => {
  it('puts band edges in the higher band: exactly 90 is 优秀, 89.99 is 良好, 60 is 合格, 59.99 is 不合格', () => {
    expect(gradeOf(config, 90, false)).toBe('优秀');
    expect(gradeOf(config, 89.99, false)).toBe('良好');
    expect(gradeOf(config, 80, false)).toBe('良好');
    expect(gradeOf(config, 60, false)).toBe('合格');
    expect(gradeOf(config, 59.99, false)).toBe('不合格');
  });

  it('fails a vetoed unit whatever its score', () => {
    expect(gradeOf(config, 99, true)).toBe('不合格');
  });

  it('asks for rectification below 良好, with any deduction, or with a veto', () => {
    expect(needsRectification(config, { grade: '良好', vetoed: false, deduction: 0 })).toBe(false);
    expect(needsRectification(config, { grade: '合格', vetoed: false, deduction: 0 })).toBe(true);
    expect(needsRectification(config, { grade: '优秀', vetoed: false, deduction: 0.5 })).toBe(true);
    expect(needsRectification(config, { grade: '不合格', vetoed: true, deduction: 0 })).toBe(true);
    const passFail: SchemeConfig = { ...config, gradeBands: [{ grade: '合格', min: 60 }] };
    expect(needsRectification(passFail, { grade: '合格', vetoed: false, deduction: 0 })).toBe(false);
    expect(needsRectification(passFail, { grade: '不合格', vetoed: false, deduction: 0 })).toBe(true);
  });

  it('shares ranks on equal totals (1, 1, 3) and ranks vetoed units after the rest', () => {
    const s = (deptId: number, total: number, vetoed = false): UnitScore => ({ ...unit(deptId), indicators: [], weightedSum: total, bonus: 0, deduction: 0, total, vetoed, bonuses: [], deductions: [], vetoes: [] });
    const ranked = rankScores(config, [s(1, 85), s(2, 92), s(3, 95, true), s(4, 92), s(5, 70)]);
    expect(ranked.map((r) => [r.deptId, r.rank, r.grade])).toEqual([
      [2, 1, '优秀'],
      [4, 1, '优秀'],
      [1, 3, '良好'],
      [5, 4, '合格'],
      [3, 5, '不合格'],
    ]);
  });
});

describe('inputs', () => {
  it('refuses points over an item\'s maximum, alone or together, and scores for computed indicators', () => {
    const issues = inputIssues(
      config,
      {
        scores: { done: 50, expert: 80, nope: 1 },
        bonuses: [{ itemKey: 'award', points: 6, reason: 'x' }],
        deductions: [{ itemKey: 'late', points: 2, reason: 'a' }, { itemKey: 'late', points: 2, reason: 'b' }],
        vetoes: [{ itemKey: 'fire', reason: 'x' }],
      },
      'units[0]',
    );
    expect(issues.map((i) => i.path)).toEqual(['units[0].scores.done', 'units[0].scores.nope', 'units[0].bonuses[0].points', 'units[0].deductions[1].points', 'units[0].vetoes[0].itemKey']);
    expect(issues[2]!.message).toContain('最多 5 分，填写了 6 分');
    expect(issues[3]!.message).toContain('合计 4 分，超过上限 3 分');
  });

  it('drops what a changed scheme no longer has', () => {
    const c: SchemeConfig = { ...config, indicators: [{ key: 'done', name: 'x', kind: 'task_completion', weight: 100 }], bonusItems: [] };
    expect(pruneInput(c, { scores: { expert: 90 }, bonuses: [{ itemKey: 'award', points: 1, reason: 'x' }], deductions: [{ itemKey: 'late', points: 1, reason: 'y' }], vetoes: [] })).toEqual({
      scores: {},
      bonuses: [],
      deductions: [{ itemKey: 'late', points: 1, reason: 'y' }],
      vetoes: [],
    });
  });
});

/**
 * Pure rules of the assessment module (质量工作考核): which departments a scheme may assess, what
 * is wrong with a scheme or with the figures entered, how a unit is scored, graded and ranked,
 * and who may act for a unit. No database, no clock.
 */
import type {
  AssessmentIndicator,
  AssessmentTargetKind,
  GradeBand,
  IndicatorScore,
  PointEntry,
  PointItem,
  VetoEntry,
  VetoItem,
} from '../../../../contracts/assessment.js';
import { isEnteredKind } from '../../../../contracts/assessment.js';
import { msg } from '../../../../contracts/i18n.js';
import { isCountyCode } from '../../../../contracts/district-code.js';
import { actsForUnit } from '../../platform/data-scope/data-scope.js';
import type { DirectoryDept as Department } from '../system/index.js';

/** What a scheme is configured with (stored as one JSON document). */
export interface SchemeConfig {
  indicators: AssessmentIndicator[];
  bonusItems: PointItem[];
  deductionItems: PointItem[];
  vetoItems: VetoItem[];
  /** Highest first. */
  gradeBands: GradeBand[];
  failGrade: string;
}

/** What is entered for one unit. */
export interface StoredInput {
  scores: Record<string, number | null>;
  bonuses: PointEntry[];
  deductions: PointEntry[];
  vetoes: VetoEntry[];
}

export const EMPTY_INPUT: StoredInput = { scores: {}, bonuses: [], deductions: [], vetoes: [] };

export interface Issue {
  path: string;
  message: string;
}

/** Scores and points are kept to two decimals; rounding once here keeps ties and bands exact. */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

// ─── Units ──────────────────────────────────────────────────────────────────────────────────────

/** A department as eligibility, names and the own-unit test read it: a row of the system module's directory (its aliases aside). */
export type DirectoryDept = Omit<Department, 'aliases'>;

/**
 * The directory grouped by district code, city-level departments (no district) last, directory
 * order kept within a group: the order the unit picker lists units in and a new scheme's default
 * units take (as PostgreSQL sorts `district_code ASC`: nulls last; codes are digits, so no collation matters).
 */
export function inDistrictOrder<T extends Pick<DirectoryDept, 'districtCode'>>(directory: readonly T[]): T[] {
  const rank = (d: T) => d.districtCode ?? '\uffff';
  return [...directory].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

/**
 * Whether a department can be assessed under a scheme of `kind`: a district scheme assesses the
 * county-level people's governments; a department scheme the member units and regulators.
 */
export function isEligibleUnit(kind: AssessmentTargetKind, d: Pick<DirectoryDept, 'kind' | 'districtCode'>): boolean {
  if (kind === 'district') return d.kind === 'government' && isCountyCode(d.districtCode);
  return d.kind === 'member' || d.kind === 'regulator';
}

/**
 * The units a new scheme assesses unless the office picks them: every active eligible department.
 * A department scheme leaves out the districts' own market-regulation bureaus by default: they
 * answer through their district government's assessment (the office may still add one).
 */
export function defaultUnits(kind: AssessmentTargetKind, directory: readonly DirectoryDept[]): DirectoryDept[] {
  return directory.filter((d) => d.status === 'active' && isEligibleUnit(kind, d) && (kind === 'district' || !isCountyCode(d.districtCode)));
}

export { actsForUnit };

// ─── Checking a scheme ──────────────────────────────────────────────────────────────────────────

export function weightSum(indicators: readonly Pick<AssessmentIndicator, 'weight'>[]): number {
  return round2(indicators.reduce((s, i) => s + i.weight, 0));
}

/** The weight issue, stating the actual sum ("权重合计为 95%，应为 100%"), or null when they total 100. */
export function weightIssue(indicators: readonly Pick<AssessmentIndicator, 'weight'>[]): (Issue & { sum: number }) | null {
  const sum = weightSum(indicators);
  if (sum === 100) return null;
  return { path: 'indicators', sum, message: msg(`权重合计为 ${sum}%，应为 100%`, `Weights add up to ${sum}%; they must total 100%`) };
}

function duplicates<T>(list: readonly T[], keyOf: (t: T) => string, path: string, label: (k: string) => string): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  list.forEach((t, i) => {
    const k = keyOf(t);
    if (seen.has(k)) issues.push({ path: `${path}[${i}]`, message: label(k) });
    seen.add(k);
  });
  return issues;
}

/**
 * What is wrong with a scheme's configuration, apart from the weights (reported on their own with
 * the sum): duplicate keys or names, grade bands not strictly descending, a fail grade reusing a band.
 */
export function checkConfig(c: SchemeConfig): Issue[] {
  const issues: Issue[] = [];
  const dupKey = (what: string) => (k: string) => msg(`${what}编码「${k}」重复`, `${what} key ${k} appears twice`);
  const dupName = (what: string) => (k: string) => msg(`${what}「${k}」重复`, `${what} ${k} appears twice`);
  issues.push(...duplicates(c.indicators, (i) => i.key, 'indicators', dupKey('指标')));
  issues.push(...duplicates(c.indicators, (i) => i.name, 'indicators', dupName('指标')));
  for (const [list, path, what] of [
    [c.bonusItems, 'bonusItems', '加分项'],
    [c.deductionItems, 'deductionItems', '扣分项'],
    [c.vetoItems, 'vetoItems', '否决项'],
  ] as const) {
    issues.push(...duplicates<{ key: string; name: string }>(list, (i) => i.key, path, dupKey(what)));
    issues.push(...duplicates<{ key: string; name: string }>(list, (i) => i.name, path, dupName(what)));
  }
  issues.push(...duplicates(c.gradeBands, (b) => b.grade, 'gradeBands', dupName('等次')));
  c.gradeBands.forEach((b, i) => {
    const prev = c.gradeBands[i - 1];
    if (prev && b.min >= prev.min) {
      issues.push({ path: `gradeBands[${i}].min`, message: msg(`等次「${b.grade}」的分数线应低于「${prev.grade}」`, `The ${b.grade} threshold must be below ${prev.grade}'s`) });
    }
  });
  if (c.gradeBands.some((b) => b.grade === c.failGrade)) {
    issues.push({ path: 'failGrade', message: msg(`「${c.failGrade}」已用作分数段等次`, `${c.failGrade} is already a band`) });
  }
  return issues;
}

/** The units of a scheme that are not eligible (unknown, or of the wrong kind). */
export function unitIssues(kind: AssessmentTargetKind, deptIds: readonly number[], directory: ReadonlyMap<number, DirectoryDept>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<number>();
  deptIds.forEach((id, i) => {
    const d = directory.get(id);
    if (seen.has(id)) issues.push({ path: `deptIds[${i}]`, message: msg(`单位 ${d?.name ?? id} 重复`, `Unit ${id} appears twice`) });
    seen.add(id);
    if (!d) issues.push({ path: `deptIds[${i}]`, message: msg(`部门 ${id} 不存在`, `No department ${id}`) });
    else if (!isEligibleUnit(kind, d)) {
      const want = kind === 'district' ? msg('区人民政府', 'a district government') : msg('成员单位或市场监管部门', 'a member unit or regulator');
      issues.push({ path: `deptIds[${i}]`, message: `${d.name}: ${want}` });
    }
  });
  return issues;
}

// ─── Checking inputs ────────────────────────────────────────────────────────────────────────────

/**
 * What is wrong with the figures entered for one unit (`at` prefixes the paths): scores for
 * indicators that are not entered by hand, unknown items, points over an item's maximum (each
 * entry, and the entries of one item together).
 */
export function inputIssues(c: SchemeConfig, input: StoredInput, at: string): Issue[] {
  const issues: Issue[] = [];
  const indicators = new Map(c.indicators.map((i) => [i.key, i]));
  for (const [key, value] of Object.entries(input.scores)) {
    const ind = indicators.get(key);
    if (!ind) issues.push({ path: `${at}.scores.${key}`, message: msg(`指标「${key}」不存在`, `No indicator ${key}`) });
    else if (!isEnteredKind(ind.kind) && value !== null) {
      issues.push({ path: `${at}.scores.${key}`, message: msg(`指标「${ind.name}」由系统根据任务完成情况计算，不能录入`, `${ind.name} is computed from tasks and cannot be entered`) });
    }
  }
  const checkPoints = (entries: readonly PointEntry[], items: readonly PointItem[], path: string, what: string) => {
    const byKey = new Map(items.map((i) => [i.key, i]));
    const totals = new Map<string, number>();
    entries.forEach((e, i) => {
      const item = byKey.get(e.itemKey);
      if (!item) {
        issues.push({ path: `${at}.${path}[${i}].itemKey`, message: msg(`${what}「${e.itemKey}」不存在`, `No ${path} item ${e.itemKey}`) });
        return;
      }
      const total = round2((totals.get(e.itemKey) ?? 0) + e.points);
      totals.set(e.itemKey, total);
      if (e.points > item.maxPoints) {
        issues.push({ path: `${at}.${path}[${i}].points`, message: msg(`${what}「${item.name}」最多 ${item.maxPoints} 分，填写了 ${e.points} 分`, `${item.name} allows at most ${item.maxPoints} points, got ${e.points}`) });
      } else if (total > item.maxPoints) {
        issues.push({ path: `${at}.${path}[${i}].points`, message: msg(`${what}「${item.name}」合计 ${total} 分，超过上限 ${item.maxPoints} 分`, `${item.name} totals ${total} points, over its maximum of ${item.maxPoints}`) });
      }
    });
  };
  checkPoints(input.bonuses, c.bonusItems, 'bonuses', '加分项');
  checkPoints(input.deductions, c.deductionItems, 'deductions', '扣分项');
  const vetoKeys = new Set(c.vetoItems.map((v) => v.key));
  input.vetoes.forEach((v, i) => {
    if (!vetoKeys.has(v.itemKey)) issues.push({ path: `${at}.vetoes[${i}].itemKey`, message: msg(`否决项「${v.itemKey}」不存在`, `No veto item ${v.itemKey}`) });
  });
  return issues;
}

/**
 * An input reduced to what a (changed) configuration still knows: scores of indicators that are
 * still entered by hand, entries of items that still exist. Used when a scheme is edited after
 * figures were entered: what was removed goes, the rest stays and is checked again.
 */
export function pruneInput(c: SchemeConfig, input: StoredInput): StoredInput {
  const entered = new Set(c.indicators.filter((i) => isEnteredKind(i.kind)).map((i) => i.key));
  const keys = (items: readonly { key: string }[]) => new Set(items.map((i) => i.key));
  const bonus = keys(c.bonusItems);
  const deduction = keys(c.deductionItems);
  const veto = keys(c.vetoItems);
  return {
    scores: Object.fromEntries(Object.entries(input.scores).filter(([k]) => entered.has(k))),
    bonuses: input.bonuses.filter((e) => bonus.has(e.itemKey)),
    deductions: input.deductions.filter((e) => deduction.has(e.itemKey)),
    vetoes: input.vetoes.filter((e) => veto.has(e.itemKey)),
  };
}

// ─── Scoring ────────────────────────────────────────────────────────────────────────────────────

export interface TaskStatsRow {
  deptId: number;
  districtCode: string | null;
  tasks: number;
  completed: number;
  onTime: number;
}

export interface TaskCounts {
  due: number;
  completed: number;
  onTime: number;
}

/**
 * The plan tasks a unit answers for: a department its own tasks; a district government every task
 * of its district (the government and every unit in it), matched on the district code.
 */
export function taskCountsOf(kind: AssessmentTargetKind, unit: { deptId: number; districtCode: string | null }, rows: readonly TaskStatsRow[]): TaskCounts {
  const mine = kind === 'district' ? rows.filter((r) => unit.districtCode !== null && r.districtCode === unit.districtCode) : rows.filter((r) => r.deptId === unit.deptId);
  return mine.reduce((acc, r) => ({ due: acc.due + r.tasks, completed: acc.completed + r.completed, onTime: acc.onTime + r.onTime }), { due: 0, completed: 0, onTime: 0 });
}

export const NO_TASKS_DUE = '无到期任务';
export const NOT_ENTERED = '未录入';

export interface UnitToScore {
  deptId: number;
  deptName: string;
  districtCode: string | null;
}

export interface NamedPoints {
  itemKey: string;
  name: string;
  points: number;
  reason: string;
}
export interface NamedVeto {
  itemKey: string;
  name: string;
  reason: string;
}

export interface UnitScore extends UnitToScore {
  indicators: IndicatorScore[];
  weightedSum: number;
  bonus: number;
  deduction: number;
  total: number;
  vetoed: boolean;
  bonuses: NamedPoints[];
  deductions: NamedPoints[];
  vetoes: NamedVeto[];
}

function rateOf(part: number, due: number): number {
  return round2((part / due) * 100);
}

/** The highest total a unit can reach: 100 plus every bonus item at its maximum. */
export function maxTotal(c: Pick<SchemeConfig, 'bonusItems'>): number {
  return round2(100 + c.bonusItems.reduce((s, b) => s + b.maxPoints, 0));
}

/**
 * One unit's score. Computed indicators take the completion (or on-time completion) rate of the
 * unit's tasks due in the year; entered ones what was entered (nothing entered scores 0 and is
 * flagged 未录入). Total = Σ weight × score / 100 + bonus − deductions, kept within
 * [0, 100 + Σ bonus maxima].
 */
export function scoreUnit(c: SchemeConfig, unit: UnitToScore, counts: TaskCounts, input: StoredInput): UnitScore {
  const indicators: IndicatorScore[] = c.indicators.map((ind) => {
    let score: number | null;
    let note: string | null = null;
    let tasks: IndicatorScore['tasks'] = null;
    if (ind.kind === 'task_completion' || ind.kind === 'on_time') {
      tasks = counts;
      if (counts.due === 0) {
        // Nothing fell due in the year, so nothing was left undone: full marks, shown as such.
        score = 100;
        note = NO_TASKS_DUE;
      } else {
        score = rateOf(ind.kind === 'task_completion' ? counts.completed : counts.onTime, counts.due);
      }
    } else {
      score = input.scores[ind.key] ?? null;
      if (score === null) note = NOT_ENTERED;
    }
    return { key: ind.key, name: ind.name, kind: ind.kind, weight: ind.weight, score, weighted: round2((ind.weight * (score ?? 0)) / 100), tasks, note };
  });
  const name = (items: readonly { key: string; name: string }[], key: string) => items.find((i) => i.key === key)?.name ?? key;
  const bonuses = input.bonuses.map((e) => ({ ...e, name: name(c.bonusItems, e.itemKey) }));
  const deductions = input.deductions.map((e) => ({ ...e, name: name(c.deductionItems, e.itemKey) }));
  const vetoes = input.vetoes.map((e) => ({ ...e, name: name(c.vetoItems, e.itemKey) }));
  const weightedSum = round2(c.indicators.reduce((s, ind, i) => s + (ind.weight * (indicators[i]!.score ?? 0)) / 100, 0));
  const bonus = round2(bonuses.reduce((s, e) => s + e.points, 0));
  const deduction = round2(deductions.reduce((s, e) => s + e.points, 0));
  const total = round2(Math.min(maxTotal(c), Math.max(0, weightedSum + bonus - deduction)));
  return { ...unit, indicators, weightedSum, bonus, deduction, total, vetoed: vetoes.length > 0, bonuses, deductions, vetoes };
}

/** The grade of a total: the first band whose minimum it reaches, else the fail grade; a veto always fails. */
export function gradeOf(c: Pick<SchemeConfig, 'gradeBands' | 'failGrade'>, total: number, vetoed: boolean): string {
  if (vetoed) return c.failGrade;
  return c.gradeBands.find((b) => round2(total) >= b.min)?.grade ?? c.failGrade;
}

/**
 * Whether a result shows shortfalls the unit must rectify: a veto, any deduction, or a grade
 * below the second band (below 良好 with the default bands; the fail grade when a scheme has
 * fewer than two bands).
 */
export function needsRectification(c: Pick<SchemeConfig, 'gradeBands' | 'failGrade'>, r: { grade: string; vetoed: boolean; deduction: number }): boolean {
  if (r.vetoed || r.deduction > 0) return true;
  const index = c.gradeBands.findIndex((b) => b.grade === r.grade);
  const position = index < 0 ? c.gradeBands.length : index;
  return position >= Math.min(2, c.gradeBands.length);
}

export interface RankedScore extends UnitScore {
  rank: number;
  grade: string;
  needsRectification: boolean;
}

/**
 * Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 1, 3).
 * Vetoed units rank after every unit that was not vetoed (a unit failed by 一票否决 is not placed
 * above units that passed, whatever its score), among themselves by total. Units with equal
 * standing keep the order they were given in (the directory order).
 */
export function rankScores(c: SchemeConfig, scores: readonly UnitScore[]): RankedScore[] {
  const order = scores.map((s, i) => ({ s, i }));
  order.sort((a, b) => Number(a.s.vetoed) - Number(b.s.vetoed) || b.s.total - a.s.total || a.i - b.i);
  const ranked: RankedScore[] = [];
  order.forEach(({ s }, pos) => {
    const prev = ranked[pos - 1];
    const rank = prev && prev.total === s.total && prev.vetoed === s.vetoed ? prev.rank : pos + 1;
    const grade = gradeOf(c, s.total, s.vetoed);
    ranked.push({ ...s, rank, grade, needsRectification: needsRectification(c, { grade, vetoed: s.vetoed, deduction: s.deduction }) });
  });
  return ranked;
}

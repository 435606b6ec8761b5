/**
 * Pure rules of the plans module: turning a parse into a draft, matching printed unit names to
 * the department directory, checking a draft before it is saved, and deciding which tasks an item
 * publishes. No database, no clock: callers pass today's date.
 */
import type { DraftItem, ParsedItem, ParsedPlan, PlanDraft, PublishPreview, TargetComparator, TaskStatus, UnitMapping, UnitRole, UnitSuggestion } from '../../../../contracts/plans.js';
import { msg } from '../../../../contracts/i18n.js';
import { requiredValue } from '../../../../contracts/plans.js';
import { unitNamesOf, walkItems } from '../../../../contracts/plan-draft.js';
import { isCountyCode } from '../../../../contracts/district-code.js';
import { actsForUnit } from '../../platform/data-scope/data-scope.js';
import type { DirectoryDept as Department } from '../system/index.js';
import { titlePeriod } from './parser/index.js';

/** A department as the unit matcher reads it: a row of the system module's directory (its path aside). */
export type DirectoryDept = Omit<Department, 'ancestors' | 'aliases'> & { aliases: readonly string[] };

/**
 * The largest plan kept as a draft. The action plans this product reads run to 6,000–12,000
 * characters and a few hundred items; a city's longest will not reach a tenth of these. Above
 * them a small upload (a .docx unpacking to 23 MB of short paragraphs, an .xlsx repeating one long
 * cell) became a draft of the same size that stalled every request reading or writing it. The
 * item limit is also what the draft's schema accepts at the top level.
 */
export const MAX_PLAN_TEXT_CHARS = 300_000;
export const MAX_PLAN_ITEMS = 2_000;

/** Characters (the document's text, or the items' texts when larger) and items of a draft, when over the limits. */
export function planSizeProblem(body: string, draft: { items: readonly DraftSizeItem[] }): { chars: number; items: number } | null {
  let items = 0;
  let itemChars = 0;
  for (const item of walkItems(draft.items as DraftSizeItem[])) {
    items++;
    itemChars += item.text.length + (item.heading?.length ?? 0);
  }
  const chars = Math.max(body.length, itemChars);
  return chars > MAX_PLAN_TEXT_CHARS || items > MAX_PLAN_ITEMS ? { chars, items } : null;
}
interface DraftSizeItem {
  text: string;
  heading?: string | null;
  children: DraftSizeItem[];
}

function toDraftItem(item: ParsedItem): DraftItem {
  return { ...item, dueDate: null, children: item.children.map(toDraftItem) };
}

/**
 * When a plan's tasks fall due unless set per item: the end of the period its title names
 * (…三年行动计划(2023—2025年) runs to 2025-12-31, whatever its yearly report dates), else the
 * document's first deadline (the annual summary it asks for), else the end of the year it was
 * issued (else of `today`'s year).
 */
export function defaultDueDate(parsed: Pick<ParsedPlan, 'title' | 'deadlines' | 'issuedDate'>, today: string): string {
  const period = titlePeriod(parsed.title);
  if (period) return `${period.to}-12-31`;
  const first = [...parsed.deadlines].map((d) => d.date).sort()[0];
  if (first) return first;
  return `${(parsed.issuedDate ?? today).slice(0, 4)}-12-31`;
}

// 各区人民政府 / 各县区政府 / 各区县人民政府: every county-level government of the city.
const EVERY_DISTRICT_GOVERNMENT = /^各(?:县|区|市|县区|区县|县市区|市县区|县（市、区）)(?:人民)?政府$/;

const withoutHe = (name: string) => name.replace(/和/g, '');

/**
 * Which departments a printed name stands for. Exact name, short name or alias first; then the
 * name with the 市/省 prefix documents drop, then the name without 和 (发展改革 → 市发展改革委 is left to aliases: guessing
 * suffixes would map 商务 to 商务局 and 商务委 alike). One candidate is a match, several are
 * ambiguous (the user chooses), none is unknown (the user maps it or creates the department).
 * 各区人民政府 stands for every district government at once.
 */
export function matchUnitName(name: string, directory: readonly DirectoryDept[]): Pick<UnitSuggestion, 'status' | 'candidates'> {
  const active = directory.filter((d) => d.status === 'active');
  const pick = (list: readonly DirectoryDept[]) => list.map((d) => ({ deptId: d.id, name: d.name }));
  if (EVERY_DISTRICT_GOVERNMENT.test(name)) {
    const govs = active.filter((d) => d.kind === 'government' && isCountyCode(d.districtCode));
    return { status: govs.length > 0 ? 'matched' : 'unknown', candidates: pick(govs) };
  }
  const named = (n: string) => active.filter((d) => d.name === n || d.shortName === n || d.aliases.includes(n));
  let found = named(name);
  if (found.length === 0) found = [...named(`市${name}`), ...named(`省${name}`)];
  // Documents drop the 和 of official names (市经济信息化委 for 市经济和信息化委).
  if (found.length === 0) {
    const bare = withoutHe(name);
    found = active.filter((d) => [d.name, d.shortName ?? '', ...d.aliases].some((n) => n !== '' && withoutHe(n) === bare));
  }
  const unique = [...new Map(found.map((d) => [d.id, d])).values()];
  if (unique.length === 0) return { status: 'unknown', candidates: [] };
  return { status: unique.length === 1 ? 'matched' : 'ambiguous', candidates: pick(unique) };
}

export function suggestUnits(items: readonly DraftItem[], directory: readonly DirectoryDept[]): UnitSuggestion[] {
  return [...unitNamesOf(items)].map(([name, count]) => ({ name, items: count, ...matchUnitName(name, directory) }));
}

/**
 * The mappings a fresh import starts with: every name the directory matches (a group name maps to
 * all its departments). Ambiguous and unknown names stay unmapped for the user.
 */
export function initialMappings(suggestions: readonly UnitSuggestion[]): UnitMapping[] {
  return suggestions.filter((s) => s.status === 'matched').map((s) => ({ name: s.name, deptIds: s.candidates.map((c) => c.deptId), ignored: false }));
}

export function draftFromParse(parsed: ParsedPlan, directory: readonly DirectoryDept[], today: string): PlanDraft {
  const items = parsed.items.map(toDraftItem);
  return {
    title: parsed.title || '未命名行动计划',
    docNumber: parsed.docNumber,
    issuer: parsed.issuer,
    issuedDate: parsed.issuedDate,
    dueDate: defaultDueDate(parsed, today),
    items,
    targets: parsed.targets,
    deadlines: parsed.deadlines,
    unitMappings: initialMappings(suggestUnits(items, directory)),
  };
}

export interface DraftIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a draft as the user edited it: duplicate item paths, a child not deeper than
 * its parent, a mapping for a name twice, a mapping to departments that do not exist.
 */
export function checkDraft(draft: PlanDraft, knownDeptIds: ReadonlySet<number>): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const seen = new Set<string>();
  const visit = (items: readonly DraftItem[], parentLevel: number, at: string) => {
    items.forEach((item, i) => {
      const here = `${at}[${i}]`;
      if (seen.has(item.path)) issues.push({ path: `${here}.path`, message: msg(`条目编号 ${item.path} 重复`, `Item path ${item.path} appears twice`) });
      seen.add(item.path);
      if (item.level <= parentLevel) issues.push({ path: `${here}.level`, message: msg(`条目 ${item.path} 的层级应低于其上级`, `Item ${item.path} must be deeper than its parent`) });
      visit(item.children, item.level, `${here}.children`);
    });
  };
  visit(draft.items, 0, 'items');
  const names = new Set<string>();
  draft.unitMappings.forEach((m, i) => {
    if (names.has(m.name)) issues.push({ path: `unitMappings[${i}].name`, message: msg(`单位「${m.name}」重复映射`, `Unit ${m.name} is mapped twice`) });
    names.add(m.name);
    for (const id of m.deptIds) {
      if (!knownDeptIds.has(id)) issues.push({ path: `unitMappings[${i}].deptIds`, message: msg(`部门 ${id} 不存在`, `No department ${id}`) });
    }
  });
  return issues;
}

const ROLE_RANK: Record<UnitRole, number> = { lead: 0, support: 1, joint: 2 };

/**
 * The tasks one item publishes: one per department its units map to. A department named twice
 * (as lead and as support, or through a group name) gets one task with its strongest role.
 */
export function tasksOfItem(item: Pick<DraftItem, 'lead' | 'support' | 'joint'>, mappings: ReadonlyMap<string, UnitMapping>): { deptId: number; role: UnitRole }[] {
  const byDept = new Map<number, UnitRole>();
  const add = (names: readonly string[], role: UnitRole) => {
    for (const name of names) {
      const m = mappings.get(name);
      if (!m || m.ignored) continue;
      for (const deptId of m.deptIds) {
        const had = byDept.get(deptId);
        if (had === undefined || ROLE_RANK[role] < ROLE_RANK[had]) byDept.set(deptId, role);
      }
    }
  };
  add(item.lead, 'lead');
  add(item.support, 'support');
  add(item.joint, 'joint');
  return [...byDept].map(([deptId, role]) => ({ deptId, role }));
}

// ─── Publishing ─────────────────────────────────────────────────────────────────────────────────

/** Dates of past-due groups listed before publishing, and item paths named per date. */
const EARLIEST_DATES = 5;
const PATHS_PER_DATE = 3;

/**
 * What publishing `draft` on `today` creates — tasks (one per item and mapped department, due on
 * the item's date or the plan's) and reporting rounds — and which of them would be overdue at once.
 */
export function publishPreview(draft: PlanDraft, today: string): PublishPreview {
  const mappings = new Map(draft.unitMappings.map((m) => [m.name, m]));
  let tasks = 0;
  const past = new Map<string, { tasks: number; paths: string[] }>();
  for (const item of walkItems(draft.items)) {
    const n = tasksOfItem(item, mappings).length;
    tasks += n;
    const due = item.dueDate ?? draft.dueDate;
    if (n === 0 || due >= today) continue;
    const group = past.get(due) ?? { tasks: 0, paths: [] };
    group.tasks += n;
    group.paths.push(item.path);
    past.set(due, group);
  }
  const rounds = roundsFromDeadlines(draft.deadlines, draft.dueDate);
  const dates = [...past.keys()].sort();
  return {
    today,
    tasks,
    rounds: rounds.length,
    overdue: {
      tasks: dates.reduce((sum, d) => sum + past.get(d)!.tasks, 0),
      rounds: rounds.filter((r) => r.dueDate < today).length,
      earliest: dates.slice(0, EARLIEST_DATES).map((dueDate) => {
        const g = past.get(dueDate)!;
        return { dueDate, tasks: g.tasks, items: g.paths.length, paths: g.paths.slice(0, PATHS_PER_DATE) };
      }),
    },
  };
}

/**
 * The draft with every date before `today` — the plan's due date, items' own dates, the deadlines
 * that make reporting rounds — moved to `to`, so that publishing late creates no task and no round
 * that is overdue from the start.
 */
export function movePastDeadlines(draft: PlanDraft, today: string, to: string): PlanDraft {
  const move = (d: string) => (d < today ? to : d);
  const moveItems = (items: readonly DraftItem[]): DraftItem[] =>
    items.map((i) => ({ ...i, dueDate: i.dueDate === null ? null : move(i.dueDate), children: moveItems(i.children) }));
  return { ...draft, dueDate: move(draft.dueDate), items: moveItems(draft.items), deadlines: draft.deadlines.map((d) => ({ ...d, date: move(d.date) })) };
}

/** A task's status after the quality office decides on a report with `percent` complete. */
export function statusAfterReview(decision: 'accept' | 'return', percent: number): TaskStatus {
  if (decision === 'return') return 'returned';
  return percent >= 100 ? 'completed' : 'in_progress';
}

/** Whether a user may report progress on a task: they act for its unit. */
export const mayReportOn = actsForUnit;

// ─── Indicators ─────────────────────────────────────────────────────────────────────────────────

export interface IndicatorTarget {
  comparator: TargetComparator;
  targetValue: number;
  baseline: number | null;
}

export { requiredValue };

const EPSILON = 1e-9;

/** Whether `value` meets the target; null when it cannot be told (no baseline for a relative target). */
export function isAttained(t: IndicatorTarget, value: number): boolean | null {
  const required = requiredValue(t);
  if (required === null) return null;
  switch (t.comparator) {
    case '>':
      return value > required;
    case '<':
      return value < required;
    case '<=':
      return value <= required + EPSILON;
    case '=':
      return Math.abs(value - required) <= EPSILON;
    case '+':
    case '+%':
      // A change by a negative amount (减少5起, 下降20%) is met at or below the required value.
      return t.targetValue < 0 ? value <= required + EPSILON : value >= required - EPSILON;
    default: // '>=', 'x': reach at least the required value
      return value >= required - EPSILON;
  }
}

/**
 * Progress towards the target, 0–100. Upper bounds (≤, <) are met or show how far above they
 * are; relative targets count from the baseline; plain targets from zero.
 */
export function progressTowards(t: IndicatorTarget, value: number): number | null {
  const required = requiredValue(t);
  if (required === null) return null;
  const clamp = (x: number) => Math.round(Math.max(0, Math.min(100, x)) * 10) / 10;
  if (isAttained(t, value)) return 100;
  if (t.comparator === '<=' || t.comparator === '<') return value <= 0 ? 100 : clamp((required / value) * 100);
  if ((t.comparator === 'x' || t.comparator === '+%' || t.comparator === '+') && t.baseline !== null) {
    // Counted from the baseline, in the direction of the change (down for 减少, 下降).
    const span = required - t.baseline;
    return span === 0 ? 100 : clamp(((value - t.baseline) / span) * 100);
  }
  return required === 0 ? 100 : clamp((value / required) * 100);
}

/** completed / total as a percentage with one decimal (0 when there is nothing to do). */
export function completionRate(completed: number, total: number): number {
  return total === 0 ? 0 : Math.round((completed / total) * 1000) / 10;
}

// ─── Reporting rounds ───────────────────────────────────────────────────────────────────────────

/**
 * The clause of a sentence that names this date (2026年6月30日前…，2026年12月20日前…): one sentence
 * can set several deadlines, each with its own report.
 */
function clauseOf(sentence: string, date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const clauses = sentence.split(/[，；,;。]/);
  return clauses.find((c) => c.includes(`${m}月${d}日`) || c.includes(`${m}月底`)) ?? sentence;
}

function roundName(sentence: string, date: string): string {
  const clause = clauseOf(sentence, date);
  if (/半年/.test(clause)) return '半年工作报告';
  if (/季度/.test(clause)) return '季度工作报告';
  if (/总结/.test(clause)) return '年度工作总结';
  return `报送节点（${date}）`;
}

// 报/报送/报至 + the body a report goes to: 报市质量工作领导小组办公室, 报送省政府.
const RECIPIENT = /报(?:送|至|给)?((?:[市省区县]|各|国务院|中共)[^，。；,;、]{0,30}(?:办公室|领导小组|委员会|政府|委|局|厅|办))/;

/** To whom a deadline's report goes, from its clause (报市质量工作领导小组办公室), else null. */
export function recipientOf(sentence: string, date: string): string | null {
  return RECIPIENT.exec(clauseOf(sentence, date))?.[1] ?? RECIPIENT.exec(sentence)?.[1] ?? null;
}

/**
 * The reporting rounds a plan's deadlines call for, one per date, with what is due and to whom. A
 * plan without deadlines gets one year-end summary due on its due date, because every 质量工作
 * plan is summed up yearly.
 */
export function roundsFromDeadlines(
  deadlines: readonly { date: string; sentence: string }[],
  planDueDate: string,
): { name: string; dueDate: string; recipient: string | null; sentence: string | null }[] {
  const byDate = new Map<string, string>();
  for (const d of deadlines) if (!byDate.has(d.date)) byDate.set(d.date, d.sentence);
  if (byDate.size === 0) return [{ name: '年度工作总结', dueDate: planDueDate, recipient: null, sentence: null }];
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, sentence]) => ({ name: roundName(sentence, date), dueDate: date, recipient: recipientOf(sentence, date), sentence }));
}

/** A unit's standing in a round: sent on time, sent late, not yet due, or overdue. */
export function roundUnitStatus(dueDate: string, submittedOn: string | null, today: string): 'submitted' | 'late' | 'pending' | 'overdue' {
  if (submittedOn !== null) return submittedOn <= dueDate ? 'submitted' : 'late';
  return today > dueDate ? 'overdue' : 'pending';
}

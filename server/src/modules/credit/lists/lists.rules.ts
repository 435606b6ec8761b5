/**
 * The statutory clocks of the credit lists. Pure: every function takes the dates and a
 * WorkingCalendar and returns dates; nothing here reads the database or the clock.
 *
 * - 严重违法失信名单, SAMR Order 44: publish within 20 working days of the decision (Art. 14), early
 *   removal after ≥ 1 year and not while a legal restriction runs (Art. 16), automatic removal after
 *   3 years or the longer restriction period (Art. 21), publication stops within 3 working days of a
 *   removal or revocation (Art. 18, 19).
 * - 经营异常名录, SAMR Order 101 of 2025: listed within 10 working days of the ground arising
 *   (Art. 6–9), removed within 5 working days of the cure (Art. 11–14).
 * - 行政处罚信息公示, SAMR Order 45: warnings are not published (Art. 2), publish within 20 working
 *   days (Art. 9), publication periods 3 months / 3 years / the restriction period (Art. 13), no early
 *   stop for the heaviest penalties (Art. 14 para. 3); minimum periods for early stop from the
 *   信用修复管理办法 Art. 6 (6 months; 1 year for food, drugs and special equipment).
 */
import type { PenaltyPayload, PenaltyType } from '../../../../../contracts/entities.js';
import { LIST_GROUND_LABELS, type ListStep, type NextStep } from '../../../../../contracts/credit-lists.js';
import { entityDictLabel } from '../../../../../contracts/entity-dicts.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';

/** Order 44 Art. 14 / Order 45 Art. 9: published within 20 working days of the decision. */
export const PUBLISH_WITHIN_WORKING_DAYS = 20;
/** Order 44 Art. 18–19, Order 45 Art. 11: publication stops within 3 working days. */
export const STOP_PUBLICATION_WORKING_DAYS = 3;
/** Order 44 Art. 21. */
export const SERIOUS_VIOLATION_YEARS = 3;
/** Order 44 Art. 16: early removal only after one year on the list. */
export const SERIOUS_VIOLATION_EARLY_YEARS = 1;
/** Order 101 Art. 6–9: listed within 10 working days after the ground arose. */
export const ABNORMAL_LISTING_WORKING_DAYS = 10;
/** Order 101 Art. 11–14: removal decided within 5 working days of the cure. */
export const ABNORMAL_REMOVAL_WORKING_DAYS = 5;
/** Order 101 Art. 15: objections within 30 days of publication; accept in 5, verify in 20 working days. */
export const ABNORMAL_OBJECTION_DAYS = 30;
export const ABNORMAL_OBJECTION_ACCEPT_WORKING_DAYS = 5;
export const ABNORMAL_OBJECTION_VERIFY_WORKING_DAYS = 20;
/**
 * 较低数额罚款 for organisations, Order 45 Art. 13. Each province sets it; this is the coded default
 * (the Hubei figure: below 100,000 yuan), replaced by the credit_setting `low_fine_threshold_yuan`.
 */
export const DEFAULT_LOW_FINE_THRESHOLD_YUAN = 100_000;
/** The same for natural persons (sole proprietors): the Hubei figure, below 10,000 yuan; credit_setting `low_fine_person_threshold_yuan`. */
export const DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN = 10_000;

/** The province's two 较低数额罚款 thresholds (Order 45 Art. 13), yuan. */
export interface LowFineThresholds {
  lowFineThresholdYuan: number;
  lowFinePersonThresholdYuan: number;
}

/** The threshold that applies to an entity: sole proprietors are natural persons. */
export function lowFineThresholdFor(t: LowFineThresholds, entityType: string): number {
  return entityType === 'individual' ? t.lowFinePersonThresholdYuan : t.lowFineThresholdYuan;
}

/** Order 45 Art. 14 para. 3: publication of these penalties is never stopped early. */
export const NO_EARLY_STOP_PENALTIES: readonly PenaltyType[] = ['suspended', 'closed', 'business_limited', 'employment_ban', 'qualification_lowered', 'licence_revoked'];
/** 市场监督管理行政处罚信息公示规定 (Order 45) Art. 13: penalty information is published for 3 years (the lower tier for 3 months). */
export const PENALTY_PUBLICATION_YEARS = 3;
/** Order 45 Art. 13: the lower tier (通报批评, 较低数额罚款) is published for 3 months. */
export const LOWER_TIER_PUBLICATION_MONTHS = 3;

/** Minimum publication before an early stop, in months (信用修复管理办法 Art. 6): 1 year for food, drugs, special equipment, else 6 months. */
export function minPublicationMonths(domain: string): number {
  return domain === 'food' || domain === 'drug' || domain === 'special_equipment' ? 12 : 6;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function lastDayOfMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * The same day `months` later. A period counted in months or years ends on the corresponding day;
 * when that month has no such day (29 February, 31 August + 6 months) it ends on the month's last day
 * (民法典 Art. 201–203 reading of 期间).
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, lastDayOfMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

function maxDate(a: string, b: string | null): string {
  return b !== null && b > a ? b : a;
}

export interface SeriousViolationClocks {
  publishBy: string;
  earlyRemovalFrom: string;
  autoRemoveOn: string;
  restrictionUntil: string | null;
}

/**
 * Order 44 clocks from the listing decision (made together with the penalty decision, Art. 13).
 * A restriction period (years) runs from the decision too; early removal waits for it (Art. 16) and
 * automatic removal follows it when longer than three years (Art. 21).
 */
export function seriousViolationClocks(cal: WorkingCalendar, decisionDate: string, restrictionYears: number | null = null): SeriousViolationClocks {
  const restrictionUntil = restrictionYears && restrictionYears > 0 ? addYears(decisionDate, restrictionYears) : null;
  return {
    publishBy: cal.addWorkingDays(decisionDate, PUBLISH_WITHIN_WORKING_DAYS),
    earlyRemovalFrom: maxDate(addYears(decisionDate, SERIOUS_VIOLATION_EARLY_YEARS), restrictionUntil),
    autoRemoveOn: maxDate(addYears(decisionDate, SERIOUS_VIOLATION_YEARS), restrictionUntil),
    restrictionUntil,
  };
}

export interface AbnormalClocks {
  publishBy: string;
  /** Listed after the 10 working days had passed. */
  late: boolean;
}

export function abnormalListingClocks(cal: WorkingCalendar, triggerDate: string, decisionDate: string): AbnormalClocks {
  const publishBy = cal.addWorkingDays(triggerDate, ABNORMAL_LISTING_WORKING_DAYS);
  return { publishBy, late: decisionDate > publishBy };
}

export function abnormalRemoveBy(cal: WorkingCalendar, curedOn: string): string {
  return cal.addWorkingDays(curedOn, ABNORMAL_REMOVAL_WORKING_DAYS);
}

export function stopPublicationBy(cal: WorkingCalendar, decidedOn: string): string {
  return cal.addWorkingDays(decidedOn, STOP_PUBLICATION_WORKING_DAYS);
}

export type PublicationPeriod = '3_months' | '3_years' | 'restriction';

export interface PenaltyPublicationPlan {
  /** The grounds code stored on the entry: the penalty types joined, e.g. `fine+confiscation`. */
  grounds: string;
  period: PublicationPeriod;
  publishBy: string | null;
  autoRemoveOn: string;
  /** null: early stop is never possible (heaviest penalties) or not applicable (3-month publications). */
  earlyRemovalFrom: string | null;
  restrictionUntil: string | null;
  /** Why early stop is impossible, for the refusal message. */
  noEarlyStop: 'heaviest_penalty' | 'short_period' | null;
}

type PenaltyFacts = Pick<PenaltyPayload, 'penaltyTypes' | 'amount' | 'domain' | 'restrictionYears'>;

/** Order 45 Art. 2: a penalty that is only a warning is not published. */
export function isWarningOnly(p: Pick<PenaltyPayload, 'penaltyTypes'>): boolean {
  return p.penaltyTypes.length > 0 && p.penaltyTypes.every((t) => t === 'warning');
}

/**
 * Order 45 Art. 13: only 通报批评 and/or a fine below the province's threshold (a warning alongside
 * changes nothing) → 3 months. A fine without an amount cannot be shown to be lower, so it counts as
 * the 3-year kind.
 */
export function isLowerTierPenalty(p: Pick<PenaltyPayload, 'penaltyTypes' | 'amount'>, lowFineThresholdYuan: number): boolean {
  const types = p.penaltyTypes.filter((t) => t !== 'warning');
  if (types.length === 0) return false;
  if (!types.every((t) => t === 'criticism' || t === 'fine')) return false;
  if (types.includes('fine')) return p.amount !== null && p.amount !== undefined && p.amount < lowFineThresholdYuan;
  return true;
}

/**
 * The publication plan for a penalty, or null when it is not published (warning only). The publish
 * deadline is null when the calendar does not yet cover it (the clock fills it in later).
 */
export function penaltyPublicationPlan(cal: WorkingCalendar, decisionDate: string, p: PenaltyFacts, lowFineThresholdYuan: number): PenaltyPublicationPlan | null {
  if (isWarningOnly(p)) return null;
  const restrictionUntil = p.restrictionYears && p.restrictionYears > 0 ? addYears(decisionDate, p.restrictionYears) : null;
  const lower = isLowerTierPenalty(p, lowFineThresholdYuan);
  const base = lower ? addMonths(decisionDate, LOWER_TIER_PUBLICATION_MONTHS) : addYears(decisionDate, PENALTY_PUBLICATION_YEARS);
  const autoRemoveOn = maxDate(base, restrictionUntil);
  const period: PublicationPeriod = restrictionUntil !== null && restrictionUntil > base ? 'restriction' : lower ? '3_months' : '3_years';
  const heaviest = p.penaltyTypes.some((t) => NO_EARLY_STOP_PENALTIES.includes(t));
  let earlyRemovalFrom: string | null = null;
  let noEarlyStop: PenaltyPublicationPlan['noEarlyStop'] = null;
  if (heaviest) noEarlyStop = 'heaviest_penalty';
  else if (lower) noEarlyStop = 'short_period';
  else {
    const minimum = addMonths(decisionDate, minPublicationMonths(p.domain));
    earlyRemovalFrom = maxDate(minimum, restrictionUntil);
    if (earlyRemovalFrom >= autoRemoveOn) {
      earlyRemovalFrom = null;
      noEarlyStop = 'heaviest_penalty';
    }
  }
  const publishBy = cal.covers(decisionDate) ? cal.addWorkingDays(decisionDate, PUBLISH_WITHIN_WORKING_DAYS) : null;
  const grounds = p.penaltyTypes.filter((t) => t !== 'warning').join('+').slice(0, 48);
  return { grounds, period, publishBy, autoRemoveOn, earlyRemovalFrom, restrictionUntil, noEarlyStop };
}

export type EarlyRemovalCheck = { ok: true } | { ok: false; reason: 'never' | 'too_early'; possibleFrom: string | null };

/** May the entry be removed early (repair) on `decidedOn`? */
export function checkEarlyRemoval(entry: { earlyRemovalFrom: string | null }, decidedOn: string): EarlyRemovalCheck {
  if (entry.earlyRemovalFrom === null) return { ok: false, reason: 'never', possibleFrom: null };
  if (decidedOn < entry.earlyRemovalFrom) return { ok: false, reason: 'too_early', possibleFrom: entry.earlyRemovalFrom };
  return { ok: true };
}

export interface ClockEntry {
  list: string;
  status: string;
  publishBy: string | null;
  autoRemoveOn: string | null;
  removeBy: string | null;
  curedOn: string | null;
}

/** The step an entry waits for now, or null when nothing is due (rejected, removed, revoked). */
export function pendingStep(e: ClockEntry): { step: ListStep; dueOn: string } | null {
  if (e.status === 'pending_approval') return e.publishBy ? { step: 'approve', dueOn: e.publishBy } : null;
  if (e.status !== 'listed' && e.status !== 'published') return null;
  // Once the ground is cured, removal is what is due (publishing a cured listing would be pointless).
  if (e.list === 'abnormal' && e.curedOn && e.removeBy) return { step: 'remove', dueOn: e.removeBy };
  if (e.status === 'listed' && e.publishBy) return { step: 'publish', dueOn: e.publishBy };
  if (e.list === 'abnormal') return null;
  if (!e.autoRemoveOn) return null;
  if (e.list === 'serious-violation') return { step: 'auto_remove', dueOn: e.autoRemoveOn };
  if (e.list === 'penalty-publication') return { step: 'end_publication', dueOn: e.autoRemoveOn };
  return { step: 'expire', dueOn: e.autoRemoveOn };
}

/** Steps whose due date is counted in working days; the others fall on a calendar date (3 years, 3 months …). */
const WORKING_DAY_STEPS: ReadonlySet<ListStep> = new Set<ListStep>(['approve', 'publish', 'remove']);

/**
 * The pending step as a countdown in working days. A working-day deadline counted through a year
 * whose holiday notice is not loaded is `provisional`; an automatic step on a calendar date gets a
 * count only while the official calendar reaches it (a count of 700 estimated working days to a
 * removal three years away would be noise).
 */
export function nextStepOf(cal: WorkingCalendar, e: ClockEntry, today: string): NextStep | null {
  const p = pendingStep(e);
  if (!p) return null;
  const c = cal.countdown(today, p.dueOn);
  const counted = !c.provisional || WORKING_DAY_STEPS.has(p.step);
  return { ...p, workingDaysLeft: counted ? c.workingDaysLeft : null, overdue: today > p.dueOn, provisional: counted && c.provisional };
}

export interface DeadlineInputs {
  list: string;
  status: string;
  decisionDate: string;
  triggerDate: string | null;
  curedOn: string | null;
}

/**
 * The working-day deadlines an open entry's dates imply under `cal`: 20 working days to publish a
 * serious-violation listing or a penalty (Order 44 Art. 14, Order 45 Art. 9), 10 to list and 5 to
 * remove an abnormal-list entry (Order 101 Art. 6–14). The daily clock re-derives them, so dates
 * first counted through a provisional year follow the State Council notice once it is loaded.
 * Red/black members carry no statutory clock (undefined: leave as is).
 */
export function statutoryDeadlines(cal: WorkingCalendar, e: DeadlineInputs): { publishBy?: string | null; removeBy?: string | null } {
  const from = (date: string | null, n: number) => (date && cal.covers(date) ? cal.addWorkingDays(date, n) : null);
  // A publication already made keeps the deadline it was judged by (the published_late flag).
  const open = e.status === 'pending_approval' || e.status === 'listed';
  if (e.list === 'serious-violation' || e.list === 'penalty-publication') return open ? { publishBy: from(e.decisionDate, PUBLISH_WITHIN_WORKING_DAYS) } : {};
  if (e.list === 'abnormal') {
    const removeBy = from(e.curedOn, ABNORMAL_REMOVAL_WORKING_DAYS);
    return open ? { publishBy: from(e.triggerDate, ABNORMAL_LISTING_WORKING_DAYS), removeBy } : { removeBy };
  }
  return {};
}

/** The derived values that differ from the stored ones (undefined: not derived, leave as is). */
export function changedDates<K extends string>(stored: Record<K, string | null>, derived: Partial<Record<K, string | null>>): Partial<Record<K, string | null>> {
  const changes: Partial<Record<K, string | null>> = {};
  for (const k of Object.keys(derived) as K[]) {
    const v = derived[k];
    if (v !== undefined && v !== stored[k]) changes[k] = v;
  }
  return changes;
}

/** Steps that are due and not taken, as flags the dashboard counts. */
export function overdueFlag(e: ClockEntry, today: string): 'publish_overdue' | 'removal_overdue' | null {
  const p = pendingStep(e);
  if (!p || today <= p.dueOn) return null;
  if (p.step === 'approve' || p.step === 'publish') return 'publish_overdue';
  if (p.step === 'remove') return 'removal_overdue';
  return null; // automatic steps are taken by the clock itself
}

/** Flags for steps taken late, kept after the fact; overdue flags are recomputed by the clock. */
export const OVERDUE_FLAGS = ['publish_overdue', 'removal_overdue'] as const;

export function withFlag(flags: readonly string[], flag: string, on: boolean): string[] {
  const has = flags.includes(flag);
  if (on && !has) return [...flags, flag];
  if (!on && has) return flags.filter((f) => f !== flag);
  return [...flags];
}

export interface HonourCandidate {
  entityId: number;
  grade: string | null;
  lastPenaltyOn: string | null;
  activeLists: readonly string[];
}

export interface HonourCriteriaInput {
  grades: readonly string[];
  noPenaltyYears?: number;
  notListed?: boolean;
  includeSeriousViolation?: boolean;
}

export const DEFAULT_RED_CRITERIA: HonourCriteriaInput = { grades: ['AAA', 'AA'], noPenaltyYears: 3, notListed: true };
export const DEFAULT_BLACK_CRITERIA: HonourCriteriaInput = { grades: ['D'], includeSeriousViolation: true };

/** Does an entity qualify for a red or black round on `asOf`? */
export function qualifiesForHonour(list: 'red' | 'black', c: HonourCriteriaInput, e: HonourCandidate, asOf: string): boolean {
  const gradeHit = e.grade !== null && c.grades.includes(e.grade);
  if (list === 'black') return gradeHit || (c.includeSeriousViolation === true && e.activeLists.includes('serious-violation'));
  if (!gradeHit) return false;
  if (c.noPenaltyYears && e.lastPenaltyOn && e.lastPenaltyOn > addYears(asOf, -c.noPenaltyYears)) return false;
  if (c.notListed && e.activeLists.some((l) => l === 'serious-violation' || l === 'abnormal' || l === 'penalty-publication')) return false;
  return true;
}

/**
 * Why a compiled round lists an entity: a stable code (`grade:AA`, `list:serious-violation`) and the
 * words officers and the public read (列入事由), naming the criteria the entity met.
 */
export function honourGrounds(list: 'red' | 'black', c: HonourCriteriaInput, e: HonourCandidate): { grounds: string; groundsText: string } {
  if (e.grade !== null && c.grades.includes(e.grade)) {
    const more =
      list === 'red'
        ? [c.noPenaltyYears ? `近 ${c.noPenaltyYears} 年无行政处罚` : null, c.notListed ? '未列入严重违法失信名单、经营异常名录或行政处罚信息公示' : null].filter((x) => x !== null)
        : [];
    return { grounds: `grade:${e.grade}`, groundsText: [`质量信用等级 ${e.grade}`, ...more].join('，') };
  }
  return { grounds: 'list:serious-violation', groundsText: '列入严重违法失信名单' };
}

// ── Grounds in words ─────────────────────────────────────────────────────────

/**
 * Why an entity is on a list, in words (the public lookup and the credit report): the Order 44 /
 * Order 101 ground, with the officer's explanation when there is one; the penalty types of a
 * publication; a red or black round's stored reason, else its `grade:AA` / `list:…` code in words.
 * Codes are never shown: an unknown one (older or imported data) gives way to the explanation.
 */
export function groundsInWords(e: { list: string; grounds: string; groundsText: string | null }): string {
  if (e.list === 'red' || e.list === 'black') return e.groundsText ?? codeInWords(e.grounds) ?? e.grounds;
  if (e.list === 'penalty-publication') {
    const types = e.grounds.split(/[+,]/).filter(Boolean).map((t) => entityDictLabel('ent_penalty_type', t));
    return types.length > 0 ? types.join('、') : (e.groundsText ?? e.grounds);
  }
  const ground = (LIST_GROUND_LABELS as Record<string, readonly [string, string]>)[e.grounds]?.[0];
  if (!ground) return e.groundsText ?? e.grounds;
  return e.groundsText ? `${ground}：${e.groundsText}` : ground;
}

function codeInWords(code: string): string | null {
  const [kind, value] = code.split(':');
  if (!value) return null;
  if (kind === 'grade') return `质量信用等级 ${value}`;
  if (kind === 'list') return `列入${entityDictLabel('credit_list', value)}`;
  return null;
}

/**
 * The reason a listing's archive record gives (payload.reason of kind list_entry): the ground in
 * words, or for a red or black round member the round and the criteria it met.
 */
export function listingReason(e: { list: string; grounds: string; groundsText: string | null }, roundTitle: string | null = null): string {
  return (roundTitle ? `${roundTitle}（${e.groundsText ?? e.grounds}）` : groundsInWords(e)).slice(0, 500);
}

/**
 * Credit repair and objection rules (信用修复、异议), pure: which conditions an application meets
 * against the archive, and the statutory step deadlines. No database, no clock: `today` and the
 * working-day calendar are passed in.
 */
import type { AbnormalCure, RepairCondition, RepairTarget, StepCountdown } from '../../../../../contracts/credit-repair.js';
import { msg } from '../../../../../contracts/i18n.js';
import type { PenaltyType } from '../../../../../contracts/entities.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { addMonths, isLowerTierPenalty, minPublicationMonths, NO_EARLY_STOP_PENALTIES } from '../lists/lists.rules.js';

/** Lists whose entries are in force (the lists helper's statuses before removal). */
export const ACTIVE_ENTRY_STATUSES = ['listed', 'published'] as const;

/** 较重行政处罚 other than a heavy-end fine (Order 44 Art. 2 items 2–4); the discretion benchmark is not in the archive. */
const HEAVIER_PENALTIES: readonly PenaltyType[] = [...NO_EARLY_STOP_PENALTIES, 'detention'];

/** What a repair of an entry on `list` asks for; null for lists that are not repaired (red and black lists). */
export function repairTargetOf(list: string): RepairTarget | null {
  switch (list) {
    case 'serious-violation':
      return 'early_removal';
    case 'penalty-publication':
      return 'stop_publication';
    case 'abnormal':
      return 'abnormal_cure';
    default:
      return null;
  }
}

export interface PenaltyFact {
  recordId: number;
  occurredOn: string;
  decisionNo: string;
  penaltyTypes: readonly string[];
  amount: number | null;
  violation: string;
  domain: string;
  carriedOut: boolean;
  restrictionYears: number | null;
}

export interface EntryFact {
  id: number;
  list: string;
  status: string;
  grounds: string;
  decisionDate: string;
  publishedOn: string | null;
  restrictionUntil: string | null;
}

export interface RepairFacts {
  today: string;
  entry: EntryFact;
  /** The penalty the entry rests on, from the archive; null when the archive holds none. */
  penalty: PenaltyFact | null;
  /** Every effective penalty of the entity (the source one included). */
  penalties: readonly PenaltyFact[];
  /** The entity's other entries in force: their list names. */
  otherActiveLists: readonly string[];
  /** The applicant's statement on how the harm was removed (null in a dry run without one). */
  harmRemoved: string | null;
  cure: AbnormalCure | null;
  /** The 较低数额罚款 threshold that applies to the entity (credit settings, `lowFineThresholdFor`). */
  lowFineThresholdYuan: number;
}

const cond = (code: string, met: boolean, zh: string, en: string): RepairCondition => ({ code, met, detail: msg(zh, en) });

function carriedOut(p: PenaltyFact | null): RepairCondition {
  if (!p) return cond('penalty_carried_out', false, '档案中没有该名单所依据的行政处罚记录，无法核对履行情况', 'The archive holds no penalty record for this entry; performance cannot be checked');
  return p.carriedOut
    ? cond('penalty_carried_out', true, `行政处罚决定（${p.decisionNo}）已履行`, `Penalty decision ${p.decisionNo} has been carried out`)
    : cond('penalty_carried_out', false, `行政处罚决定（${p.decisionNo}）尚未履行完毕`, `Penalty decision ${p.decisionNo} has not been carried out`);
}

function harmRemoved(statement: string | null): RepairCondition {
  return statement && statement.trim().length > 0
    ? cond('harm_removed', true, '已说明消除不良影响的情况', 'The removal of the harm is stated')
    : cond('harm_removed', false, '须说明已消除危害后果和不良社会影响', 'State how the harm and its social impact were removed');
}

function periodCondition(code: string, from: string | null, months: number, today: string, what: { zh: string; en: string }): RepairCondition {
  if (!from) return cond(code, false, `尚未${what.zh}，期限未起算`, `Not ${what.en} yet; the period has not started`);
  const eligibleFrom = addMonths(from, months);
  const span = months % 12 === 0 ? { zh: `${months / 12} 年`, en: `${months / 12} year${months === 12 ? '' : 's'}` } : { zh: `${months} 个月`, en: `${months} months` };
  return today >= eligibleFrom
    ? cond(code, true, `${from} ${what.zh}，已满${span.zh}（${eligibleFrom} 起可申请）`, `${what.en} on ${from}: ${span.en} passed (eligible from ${eligibleFrom})`)
    : cond(code, false, `${from} ${what.zh}，未满${span.zh}，可于 ${eligibleFrom} 起申请`, `${what.en} on ${from}: ${span.en} not yet passed; you may apply from ${eligibleFrom}`);
}

/** When a legal restriction on business or employment ends (the entry's date, or the penalty's years). */
function restrictionEnd(entry: EntryFact, penalty: PenaltyFact | null): string | null {
  const fromPenalty = penalty?.restrictionYears ? addMonths(penalty.occurredOn, penalty.restrictionYears * 12) : null;
  if (entry.restrictionUntil && fromPenalty) return entry.restrictionUntil > fromPenalty ? entry.restrictionUntil : fromPenalty;
  return entry.restrictionUntil ?? fromPenalty;
}

function serious(f: RepairFacts): RepairCondition[] {
  const { entry, penalty, today } = f;
  const out = [periodCondition('listed_one_year', entry.decisionDate, 12, today, { zh: '列入严重违法失信名单', en: 'listed' })];
  const restriction = restrictionEnd(entry, penalty);
  out.push(
    restriction && restriction > today
      ? cond('no_restriction_running', false, `法定限制期至 ${restriction} 届满，期间不得提前移出，可于 ${restriction} 起申请`, `A legal restriction runs until ${restriction}; you may apply from ${restriction}`)
      : cond('no_restriction_running', true, '无仍在执行的法定限制期', 'No legal restriction is running'),
  );
  out.push(carriedOut(penalty), harmRemoved(f.harmRemoved));
  // Order 44 Art. 16 (3): no further heavier penalty by a market regulator since the listing.
  const heavier = f.penalties.filter(
    (p) => p.recordId !== penalty?.recordId && p.occurredOn >= entry.decisionDate && p.penaltyTypes.some((t) => (HEAVIER_PENALTIES as readonly string[]).includes(t)),
  );
  out.push(
    heavier.length > 0
      ? cond('no_heavier_penalty', false, `列入后又受到较重行政处罚：${heavier.map((p) => `${p.decisionNo}（${p.occurredOn}）`).join('、')}`, `A heavier penalty followed the listing: ${heavier.map((p) => `${p.decisionNo} (${p.occurredOn})`).join(', ')}`)
      : cond('no_heavier_penalty', true, '列入后未再受到较重行政处罚', 'No heavier penalty since the listing'),
  );
  return out;
}

/** Only a warning, public criticism or a lower-amount fine (published for 3 months, never repaired): the lists' own rule. */
export function isMinorPenalty(p: Pick<PenaltyFact, 'penaltyTypes' | 'amount'>, lowFineThresholdYuan: number): boolean {
  return p.penaltyTypes.every((t) => t === 'warning') || isLowerTierPenalty({ penaltyTypes: [...p.penaltyTypes] as PenaltyType[], amount: p.amount }, lowFineThresholdYuan);
}

const sameKind = (a: PenaltyFact, b: PenaltyFact) => a.violation.trim().toLowerCase() === b.violation.trim().toLowerCase();

function publication(f: RepairFacts): RepairCondition[] {
  const { entry, penalty, today } = f;
  const out: RepairCondition[] = [];
  if (!penalty) {
    out.push(cond('penalty_type_repairable', false, '档案中没有所公示的行政处罚记录', 'The archive holds no record of the published penalty'));
  } else {
    const heaviest = penalty.penaltyTypes.filter((t) => (NO_EARLY_STOP_PENALTIES as readonly string[]).includes(t));
    if (heaviest.length > 0) {
      out.push(cond('penalty_type_repairable', false, `处罚种类含 ${heaviest.join('、')}，不得提前停止公示（《市场监督管理行政处罚信息公示规定》第十四条第三款）`, `The penalty includes ${heaviest.join(', ')}: publication never stops early (Order 45 Art. 14 para. 3)`));
    } else if (isMinorPenalty(penalty, f.lowFineThresholdYuan)) {
      out.push(cond('penalty_type_repairable', false, '仅受警告、通报批评或较低数额罚款，公示期 3 个月届满后自动停止，无需修复', 'Only a warning, criticism or lower-amount fine: publication ends by itself after 3 months'));
    } else {
      out.push(cond('penalty_type_repairable', true, '处罚种类可以申请提前停止公示', 'The penalty type allows an early stop'));
    }
  }
  const months = minPublicationMonths(penalty?.domain ?? 'other');
  // The period runs from publication; an entry not yet marked published counts from its decision (the
  // Shenzhen reading: periods run from the decision date).
  out.push(periodCondition('published_min_period', entry.publishedOn ?? entry.decisionDate, months, today, { zh: '开始公示', en: 'published' }));
  out.push(carriedOut(penalty), harmRemoved(f.harmRemoved));
  const repeats = penalty ? f.penalties.filter((p) => p.recordId !== penalty.recordId && p.occurredOn >= penalty.occurredOn && sameKind(p, penalty)) : [];
  out.push(
    repeats.length > 0
      ? cond('no_repeat_violation', false, `此后再次因同类违法行为受到处罚：${repeats.map((p) => `${p.decisionNo}（${p.occurredOn}）`).join('、')}`, `Penalised again for the same kind of violation: ${repeats.map((p) => `${p.decisionNo} (${p.occurredOn})`).join(', ')}`)
      : cond('no_repeat_violation', true, '未再因同类违法行为受到处罚', 'No repeat of the same kind of violation'),
  );
  const lists = f.otherActiveLists.filter((l) => l === 'abnormal' || l === 'serious-violation');
  out.push(
    lists.length > 0
      ? cond('not_on_lists', false, `仍被列入${lists.map((l) => (l === 'abnormal' ? '经营异常名录' : '严重违法失信名单')).join('、')}`, `Still on the ${lists.join(' and ')} list`)
      : cond('not_on_lists', true, '未被列入经营异常名录或严重违法失信名单', 'Not on the abnormal or serious-violation list'),
  );
  return out;
}

/** The abnormal-list ground (ABNORMAL_GROUNDS, Order 101 Art. 4 items 1–4) each cure answers. */
const CURE_OF_GROUNDS: Record<string, AbnormalCure> = {
  annual_report_missing: 'annual_report',
  disclosure_not_made: 'disclosure',
  name_change_unregistered: 'name_change',
  unreachable: 'reachable',
};

const CURE_LABEL: Record<AbnormalCure, { zh: string; en: string }> = {
  annual_report: { zh: '已补报并公示年度报告', en: 'the annual report has been filed' },
  disclosure: { zh: '已履行即时信息公示义务', en: 'the required disclosure has been made' },
  name_change: { zh: '已办理名称变更登记', en: 'the name change has been registered' },
  reachable: { zh: '已办理住所变更登记或可以通过登记的住所取得联系', en: 'the entity can be reached again' },
};

function abnormal(f: RepairFacts): RepairCondition[] {
  const needed = CURE_OF_GROUNDS[f.entry.grounds] ?? null;
  if (!f.cure) return [cond('cause_cured', false, '须选择已纠正的列入事由并上传证明材料', 'Choose which listing ground was cured and upload proof')];
  const label = CURE_LABEL[f.cure];
  if (needed && needed !== f.cure) {
    const want = CURE_LABEL[needed];
    return [cond('cause_cured', false, `列入事由须以“${want.zh}”纠正，所选“${label.zh}”不对应`, `The listing ground is cured when ${want.en}; the chosen cure does not answer it`)];
  }
  return [cond('cause_cured', true, `${label.zh}（待核实证明材料）`, `${label.en} (proof to be verified)`)];
}

/** The conditions of the repair `target` checked against the archive, in the order the form shows them. */
export function checkRepairConditions(target: RepairTarget, facts: RepairFacts): RepairCondition[] {
  switch (target) {
    case 'early_removal':
      return serious(facts);
    case 'stop_publication':
      return publication(facts);
    case 'abnormal_cure':
      return abnormal(facts);
  }
}

/** Objections to an abnormal-list listing: within 30 days of publication (Order 101 Art. 15). */
export const OBJECTION_DAYS = 30;

/**
 * The last day to object: 30 days after publication, the first day not counted; a last day on a
 * rest day moves to the next working day (the general rule on periods, 民法典 Art. 203).
 */
export function objectionLastDay(calendar: WorkingCalendar, publishedOn: string): string {
  return calendar.calendarDeadline(publishedOn, OBJECTION_DAYS);
}

export function objectionWindow(calendar: WorkingCalendar, publishedOn: string | null, today: string): RepairCondition {
  if (!publishedOn) return cond('objection_window', true, '列入信息尚未公示，可以提出异议', 'The listing is not published yet; an objection is possible');
  const last = objectionLastDay(calendar, publishedOn);
  return today <= last
    ? cond('objection_window', true, `${publishedOn} 公示，异议期至 ${last}`, `Published on ${publishedOn}; objections until ${last}`)
    : cond('objection_window', false, `${publishedOn} 公示，异议期已于 ${last} 届满`, `Published on ${publishedOn}; the objection period ended on ${last}`);
}

// ── Step deadlines ──────────────────────────────────────────────────────────────────────────

export interface StepDays {
  accept: number;
  /** Working days to decide, and whether they run from the application (abnormal list) or from acceptance. */
  decide: number;
  decideFrom: 'submitted' | 'accepted';
  stop: number;
}

/**
 * Order 44 Art. 18: accept within 2 working days, decide within 15 after acceptance, stop
 * publication within 3 after removal. The same for penalty-information repair (the 修复办法 figures are
 * unconfirmed). Abnormal list: decide within 5 working days of the application (Order 101 Art. 11–14).
 * Objections: accept within 5, verify within 20, correct within 5 (Order 101 Art. 15).
 */
export function stepDays(kind: 'repair' | 'objection', target: RepairTarget | null): StepDays {
  if (kind === 'objection') return { accept: 5, decide: 20, decideFrom: 'accepted', stop: 5 };
  if (target === 'abnormal_cure') return { accept: 2, decide: 5, decideFrom: 'submitted', stop: 3 };
  return { accept: 2, decide: 15, decideFrom: 'accepted', stop: 3 };
}

export interface OpenApplicationDates {
  kind: string;
  target: string | null;
  status: string;
  submittedOn: string;
  acceptedOn: string | null;
}

/**
 * The accept and decide deadlines an open application's dates imply under `cal` (stepDays). The
 * daily clock re-derives them, so a deadline first counted through a year without a holiday notice
 * follows the notice once it is loaded. Steps already taken keep their deadline (undefined).
 */
export function applicationDeadlines(cal: WorkingCalendar, a: OpenApplicationDates): { acceptBy?: string; decideBy?: string | null } {
  const days = stepDays(a.kind as 'repair' | 'objection', a.target as RepairTarget | null);
  const decideFrom = days.decideFrom === 'submitted' ? a.submittedOn : a.acceptedOn;
  const decideBy = decideFrom ? cal.addWorkingDays(decideFrom, days.decide) : null;
  if (a.status === 'submitted') return { acceptBy: cal.addWorkingDays(a.submittedOn, days.accept), decideBy };
  if (a.status === 'accepted') return { decideBy };
  return {};
}

/** A step as a countdown from `today`. */
export function countdown(calendar: WorkingCalendar, today: string, dueOn: string | null, doneOn: string | null): StepCountdown {
  if (!dueOn) return { dueOn: null, doneOn, workingDaysLeft: null, overdue: false, provisional: false };
  if (doneOn) return { dueOn, doneOn, workingDaysLeft: null, overdue: false, provisional: false };
  return { dueOn, doneOn: null, ...calendar.countdown(today, dueOn), overdue: dueOn < today };
}

import { describe, expect, it } from 'vitest';
import { pickLang } from '../../../../../contracts/i18n.js';
import { buildYearDays, WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { CN_HOLIDAY_NOTICES } from '../../../platform/calendar/cn-holidays.data.js';
import {
  applicationDeadlines,
  checkRepairConditions,
  countdown,
  isMinorPenalty,
  objectionLastDay,
  objectionWindow,
  repairTargetOf,
  stepDays,
  type PenaltyFact,
  type RepairFacts,
} from './repair.rules.js';
import { addMonths } from '../lists/lists.rules.js';

const calendar = new WorkingCalendar(CN_HOLIDAY_NOTICES.flatMap((n) => buildYearDays(n.year, n.holidays, n.workdays)));

const penalty = (over: Partial<PenaltyFact> = {}): PenaltyFact => ({
  recordId: 1,
  occurredOn: '2025-03-01',
  decisionNo: '津市监罚〔2025〕1号',
  penaltyTypes: ['fine', 'confiscation'],
  amount: 200_000,
  violation: '生产不符合强制性国家标准的产品',
  domain: 'product',
  carriedOut: true,
  restrictionYears: null,
  ...over,
});

type FactsIn = Omit<Partial<RepairFacts>, 'entry'> & { entry?: Partial<RepairFacts['entry']> };

function facts(over: FactsIn = {}): RepairFacts {
  const p = over.penalty === undefined ? penalty() : over.penalty;
  return {
    today: '2026-03-01',
    penalty: p,
    penalties: over.penalties ?? (p ? [p] : []),
    otherActiveLists: [],
    harmRemoved: '已召回全部不合格产品并赔偿消费者',
    cure: null,
    lowFineThresholdYuan: 100_000,
    ...over,
    entry: { id: 7, list: 'serious-violation', status: 'published', grounds: 'quality_mandatory_standard', decisionDate: '2025-03-01', publishedOn: '2025-03-10', restrictionUntil: null, ...over.entry },
  };
}

const byCode = (conds: { code: string; met: boolean; detail: string }[], code: string) => conds.find((c) => c.code === code)!;

describe('dates', () => {
  it('adds months clamped to the month end', () => {
    expect(addMonths('2025-03-01', 12)).toBe('2026-03-01');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
  });
});

describe('serious-violation list: early removal (Order 44 Art. 16)', () => {
  it('is possible on the first anniversary of the listing, not the day before', () => {
    const on = checkRepairConditions('early_removal', facts({ today: '2026-03-01' }));
    expect(on.every((c) => c.met)).toBe(true);
    const before = checkRepairConditions('early_removal', facts({ today: '2026-02-28' }));
    const year = byCode(before, 'listed_one_year');
    expect(year.met).toBe(false);
    expect(pickLang(year.detail, 'zh')).toContain('可于 2026-03-01 起申请');
    expect(pickLang(year.detail, 'en')).toContain('from 2026-03-01');
  });

  it('waits for a legal restriction to run out', () => {
    const c = byCode(checkRepairConditions('early_removal', facts({ penalty: penalty({ restrictionYears: 2 }) })), 'no_restriction_running');
    expect(c.met).toBe(false);
    expect(c.detail).toContain('2027-03-01');
    expect(byCode(checkRepairConditions('early_removal', facts({ entry: { restrictionUntil: '2026-03-01' } })), 'no_restriction_running').met).toBe(true);
  });

  it('needs the penalty carried out, the harm statement, and no heavier penalty since', () => {
    expect(byCode(checkRepairConditions('early_removal', facts({ penalty: penalty({ carriedOut: false }) })), 'penalty_carried_out').met).toBe(false);
    expect(byCode(checkRepairConditions('early_removal', facts({ penalty: null })), 'penalty_carried_out').met).toBe(false);
    expect(byCode(checkRepairConditions('early_removal', facts({ harmRemoved: null })), 'harm_removed').met).toBe(false);
    const later = penalty({ recordId: 2, occurredOn: '2025-09-01', decisionNo: '津市监罚〔2025〕9号', penaltyTypes: ['suspended'], violation: '其他' });
    const heavier = byCode(checkRepairConditions('early_removal', facts({ penalties: [penalty(), later] })), 'no_heavier_penalty');
    expect(heavier.met).toBe(false);
    expect(heavier.detail).toContain('津市监罚〔2025〕9号（2025-09-01）');
    // A lighter later penalty (a fine) is not a 较重 penalty; one before the listing does not count.
    const lighter = penalty({ recordId: 3, occurredOn: '2025-09-01', penaltyTypes: ['fine'], amount: 5000 });
    const earlier = penalty({ recordId: 4, occurredOn: '2024-01-01', penaltyTypes: ['closed'] });
    expect(byCode(checkRepairConditions('early_removal', facts({ penalties: [penalty(), lighter, earlier] })), 'no_heavier_penalty').met).toBe(true);
  });
});

describe('penalty publication: early stop (Order 45 Art. 14; 修复办法 Art. 6)', () => {
  const pub = (over: FactsIn = {}) =>
    checkRepairConditions('stop_publication', facts({ ...over, entry: { list: 'penalty-publication', decisionDate: '2025-09-01', publishedOn: '2025-09-05', ...over.entry } }));

  it('needs 6 months of publication for ordinary products', () => {
    expect(byCode(pub({ today: '2026-03-05' }), 'published_min_period').met).toBe(true);
    const early = byCode(pub({ today: '2026-03-04' }), 'published_min_period');
    expect(early.met).toBe(false);
    expect(early.detail).toContain('可于 2026-03-05 起申请');
  });

  it('needs 1 year for food, drugs and special equipment', () => {
    for (const domain of ['food', 'drug', 'special_equipment']) {
      const p = penalty({ domain });
      expect(byCode(pub({ today: '2026-09-04', penalty: p, penalties: [p] }), 'published_min_period').met).toBe(false);
      expect(byCode(pub({ today: '2026-09-05', penalty: p, penalties: [p] }), 'published_min_period').met).toBe(true);
    }
  });

  it('counts from the decision when the entry is not marked published', () => {
    const c = byCode(pub({ today: '2026-02-28', entry: { publishedOn: null } }), 'published_min_period');
    expect(c.met).toBe(false);
    expect(c.detail).toContain('2026-03-01');
  });

  it('never stops early for the heaviest penalties', () => {
    for (const t of ['suspended', 'business_limited', 'employment_ban', 'qualification_lowered', 'licence_revoked', 'closed']) {
      const p = penalty({ penaltyTypes: ['fine', t] });
      const c = byCode(pub({ today: '2027-01-01', penalty: p, penalties: [p] }), 'penalty_type_repairable');
      expect(c.met, t).toBe(false);
      expect(c.detail).toContain(t);
    }
  });

  it('does not repair warnings, criticism or lower-amount fines (3-month publication)', () => {
    expect(isMinorPenalty({ penaltyTypes: ['warning', 'fine'], amount: 99_999 }, 100_000)).toBe(true);
    expect(isMinorPenalty({ penaltyTypes: ['fine'], amount: 100_000 }, 100_000)).toBe(false);
    expect(isMinorPenalty({ penaltyTypes: ['fine'], amount: 10_000 }, 10_000)).toBe(false);
    expect(isMinorPenalty({ penaltyTypes: ['criticism'], amount: null }, 100_000)).toBe(true);
    expect(isMinorPenalty({ penaltyTypes: ['fine'], amount: null }, 100_000)).toBe(false);
    const p = penalty({ penaltyTypes: ['criticism'], amount: null });
    expect(byCode(pub({ today: '2027-01-01', penalty: p, penalties: [p] }), 'penalty_type_repairable').met).toBe(false);
  });

  it('refuses after a repeat of the same kind of violation and while on another list', () => {
    const again = penalty({ recordId: 9, occurredOn: '2025-12-01', decisionNo: 'R-9', penaltyTypes: ['fine'], amount: 1000 });
    const r = byCode(pub({ today: '2026-06-01', penalties: [penalty(), again] }), 'no_repeat_violation');
    expect(r.met).toBe(false);
    expect(r.detail).toContain('R-9（2025-12-01）');
    const other = penalty({ recordId: 9, occurredOn: '2025-12-01', violation: '未按规定标注' });
    expect(byCode(pub({ today: '2026-06-01', penalties: [penalty(), other] }), 'no_repeat_violation').met).toBe(true);
    expect(byCode(pub({ today: '2026-06-01', otherActiveLists: ['abnormal'] }), 'not_on_lists').met).toBe(false);
    expect(byCode(pub({ today: '2026-06-01', otherActiveLists: ['red'] }), 'not_on_lists').met).toBe(true);
  });
});

describe('abnormal list: removal after the cure', () => {
  const ab = (cure: RepairFacts['cure'], grounds = 'annual_report_missing') => checkRepairConditions('abnormal_cure', facts({ cure, entry: { list: 'abnormal', grounds } }));
  it('accepts the cure that answers the listing ground', () => {
    expect(ab('annual_report')[0]!.met).toBe(true);
    expect(ab('reachable', 'unreachable')[0]!.met).toBe(true);
    expect(ab('reachable')[0]!.met).toBe(false);
    expect(ab(null)[0]!.met).toBe(false);
  });
  it('maps lists to targets', () => {
    expect(repairTargetOf('serious-violation')).toBe('early_removal');
    expect(repairTargetOf('penalty-publication')).toBe('stop_publication');
    expect(repairTargetOf('abnormal')).toBe('abnormal_cure');
    expect(repairTargetOf('red')).toBeNull();
  });
});

describe('step deadlines across the 2025 National Day holiday', () => {
  it('accepts within 2 working days, decides within 15, stops within 3', () => {
    // 2025-10-01..08 are holidays; Saturday 2025-10-11 is a make-up working day.
    const days = stepDays('repair', 'early_removal');
    expect(calendar.addWorkingDays('2025-09-30', days.accept)).toBe('2025-10-10');
    expect(calendar.addWorkingDays('2025-09-29', days.accept)).toBe('2025-10-09');
    expect(calendar.addWorkingDays('2025-09-30', days.decide)).toBe('2025-10-28');
    expect(calendar.addWorkingDays('2025-09-30', days.stop)).toBe('2025-10-11');
  });
  it('gives the abnormal list 5 working days from the application, objections 5/20/5', () => {
    expect(stepDays('repair', 'abnormal_cure')).toEqual({ accept: 2, decide: 5, decideFrom: 'submitted', stop: 3 });
    expect(stepDays('objection', null)).toEqual({ accept: 5, decide: 20, decideFrom: 'accepted', stop: 5 });
    expect(calendar.addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
  });
  it('counts a year without a notice provisionally, with 元旦 as a holiday, and marks the countdown', () => {
    expect(calendar.addWorkingDays('2026-12-31', 2)).toBe('2027-01-05');
    expect(countdown(calendar, '2026-12-30', '2027-01-05', null)).toEqual({ dueOn: '2027-01-05', doneOn: null, workingDaysLeft: 3, overdue: false, provisional: true });
  });
  it('re-derives the deadlines of the steps still to take', () => {
    const a = { kind: 'repair', target: 'early_removal', status: 'submitted', submittedOn: '2025-09-30', acceptedOn: null };
    expect(applicationDeadlines(calendar, a)).toEqual({ acceptBy: '2025-10-10', decideBy: null });
    expect(applicationDeadlines(calendar, { ...a, status: 'accepted', acceptedOn: '2025-09-30' })).toEqual({ decideBy: '2025-10-28' });
    expect(applicationDeadlines(calendar, { ...a, target: 'abnormal_cure' })).toEqual({ acceptBy: '2025-10-10', decideBy: '2025-10-14' });
    expect(applicationDeadlines(calendar, { ...a, status: 'approved' })).toEqual({});
  });
  it('shows countdowns', () => {
    expect(countdown(calendar, '2025-09-30', '2025-10-10', null)).toEqual({ dueOn: '2025-10-10', doneOn: null, workingDaysLeft: 2, overdue: false, provisional: false });
    expect(countdown(calendar, '2025-10-13', '2025-10-10', null)).toMatchObject({ overdue: true, workingDaysLeft: -2 });
    expect(countdown(calendar, '2025-10-13', '2025-10-10', '2025-10-09')).toMatchObject({ overdue: false, workingDaysLeft: null, doneOn: '2025-10-09' });
  });
});

describe('objection window (Order 101 Art. 15)', () => {
  it('runs 30 days from publication, a last day on a rest day moving to the next working day', () => {
    expect(objectionLastDay(calendar, '2025-03-03')).toBe('2025-04-02');
    // 2025-09-01 + 30 = 2025-10-01 (National Day) → 2025-10-09.
    expect(objectionLastDay(calendar, '2025-09-01')).toBe('2025-10-09');
    expect(objectionWindow(calendar, '2025-09-01', '2025-10-09').met).toBe(true);
    const late = objectionWindow(calendar, '2025-09-01', '2025-10-10');
    expect(late.met).toBe(false);
    expect(late.detail).toContain('2025-10-09');
    expect(objectionWindow(calendar, null, '2025-10-10').met).toBe(true);
  });
});

/**
 * Joint sanctions (联合惩戒), pure: which rules apply to an entity, from its entries in force and its
 * current quality-credit grade. No database and no clock.
 */
import type { SanctionMeasure } from '../../../../../contracts/credit-repair.js';

export interface SanctionTrigger {
  trigger: string;
  since: string | null;
  until: string | null;
}

export interface ActiveEntryFact {
  list: string;
  decisionDate: string;
  publishedOn: string | null;
  autoRemoveOn: string | null;
}

export interface SanctionRuleFact {
  trigger: string;
  measure: string;
  description: string;
  basis: string;
  appliedBy: string | null;
  status: string;
}

/**
 * The triggers an entity sets off: one per list it is on (earliest start, latest end when it is on
 * a list twice) and one for its grade. An entry applies from its decision (Order 44 Art. 15 runs
 * with the listing, not its publication) until its automatic removal date.
 */
export function sanctionTriggers(entries: readonly ActiveEntryFact[], grade: { grade: string; since: string } | null): SanctionTrigger[] {
  const byList = new Map<string, SanctionTrigger>();
  for (const e of entries) {
    const key = `list:${e.list}`;
    const prev = byList.get(key);
    if (!prev) {
      byList.set(key, { trigger: key, since: e.decisionDate, until: e.autoRemoveOn });
      continue;
    }
    prev.since = prev.since && prev.since < e.decisionDate ? prev.since : e.decisionDate;
    prev.until = prev.until === null || e.autoRemoveOn === null ? null : prev.until > e.autoRemoveOn ? prev.until : e.autoRemoveOn;
  }
  const out = [...byList.values()];
  if (grade) out.push({ trigger: `grade:${grade.grade}`, since: grade.since, until: null });
  return out;
}

/** The active rules of the triggers, as measures, ordered by trigger then measure. */
export function measuresFor(triggers: readonly SanctionTrigger[], rules: readonly SanctionRuleFact[]): SanctionMeasure[] {
  const out: SanctionMeasure[] = [];
  for (const t of triggers) {
    for (const r of rules) {
      if (r.status !== 'active' || r.trigger !== t.trigger) continue;
      out.push({ measure: r.measure, description: r.description, basis: r.basis, appliedBy: r.appliedBy, trigger: t.trigger, since: t.since, until: t.until });
    }
  }
  return out.sort((a, b) => a.trigger.localeCompare(b.trigger) || a.measure.localeCompare(b.measure));
}

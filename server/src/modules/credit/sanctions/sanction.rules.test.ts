import { describe, expect, it } from 'vitest';
import { measuresFor, sanctionTriggers, type SanctionRuleFact } from './sanction.rules.js';

const rule = (trigger: string, measure: string, status = 'active'): SanctionRuleFact => ({ trigger, measure, description: measure, basis: 'basis', appliedBy: null, status });

describe('sanction triggers and measures', () => {
  it('takes one trigger per list (earliest start, latest end) and the grade', () => {
    const t = sanctionTriggers(
      [
        { list: 'penalty-publication', decisionDate: '2025-05-01', publishedOn: null, autoRemoveOn: '2028-05-01' },
        { list: 'penalty-publication', decisionDate: '2024-01-01', publishedOn: null, autoRemoveOn: '2027-01-01' },
        { list: 'serious-violation', decisionDate: '2025-03-01', publishedOn: '2025-03-10', autoRemoveOn: null },
      ],
      { grade: 'D', since: '2026-11-01' },
    );
    expect(t).toEqual([
      { trigger: 'list:penalty-publication', since: '2024-01-01', until: '2028-05-01' },
      { trigger: 'list:serious-violation', since: '2025-03-01', until: null },
      { trigger: 'grade:D', since: '2026-11-01', until: null },
    ]);
  });

  it('applies only active rules of the triggers set off', () => {
    const rules = [rule('list:serious-violation', 'no_awards'), rule('list:serious-violation', 'key_supervision', 'disabled'), rule('grade:D', 'key_supervision'), rule('list:abnormal', 'land_transfer_limit')];
    const m = measuresFor([{ trigger: 'list:serious-violation', since: '2025-03-01', until: '2028-03-01' }, { trigger: 'grade:D', since: '2026-11-01', until: null }], rules);
    expect(m.map((x) => `${x.trigger}/${x.measure}`)).toEqual(['grade:D/key_supervision', 'list:serious-violation/no_awards']);
    expect(m[1]).toMatchObject({ since: '2025-03-01', until: '2028-03-01' });
    expect(measuresFor([], rules)).toEqual([]);
  });
});

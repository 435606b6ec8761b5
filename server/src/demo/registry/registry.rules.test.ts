import { describe, expect, it } from 'vitest';
import { validateUscc } from '../../../../contracts/uscc.js';
import { INDUSTRY_SECTIONS } from '../../../../contracts/industries.js';
import { ARCHIVE_PAYLOADS, type ArchiveKind } from '../../../../contracts/entities.js';
import { TIANJIN_DISTRICTS } from '../../modules/system/index.js';
import { addMonths } from '../../modules/credit/index.js';
import { DEMO_ENTERPRISE_USCC, earlyStopFrom, FOOD_GROUP, generateDemoCity, pickRedMembers, publicationEnd } from './registry.rules.js';

const TODAY = '2026-11-24';
const city = generateDemoCity(3_000, TODAY);

describe('generateDemoCity', () => {
  it('is deterministic', () => {
    const again = generateDemoCity(3_000, TODAY);
    expect(again.entities.map((e) => e.uscc + e.name)).toEqual(city.entities.map((e) => e.uscc + e.name));
    expect(again.lists).toEqual(city.lists);
  });

  it('gives every entity a valid, unique USCC whose type and region digits match the entity', () => {
    const seen = new Set<string>();
    for (const e of city.entities) {
      expect(validateUscc(e.uscc)).toEqual({ valid: true });
      expect(e.uscc.slice(2, 8)).toBe(e.districtCode);
      expect(e.uscc.slice(0, 2)).toBe({ company: '91', individual: '92', cooperative: '93' }[e.entityType]);
      seen.add(e.uscc);
    }
    expect(seen.size).toBe(city.entities.length);
    expect(new Set(city.entities.map((e) => e.name)).size).toBe(city.entities.length);
  });

  it('covers all 16 districts and all 20 GB/T 4754 sections, manufacturing and retail most', () => {
    expect(new Set(city.entities.map((e) => e.districtCode))).toEqual(new Set(TIANJIN_DISTRICTS.map((d) => d.code)));
    const generated = generateDemoCity(20_000, TODAY);
    expect(new Set(generated.entities.map((e) => e.industrySection))).toEqual(new Set(INDUSTRY_SECTIONS.map((s) => s.code)));
    const share = (s: string) => city.entities.filter((e) => e.industrySection === s).length / city.entities.length;
    expect(share('C')).toBeGreaterThan(0.15);
    expect(share('F')).toBeGreaterThan(0.2);
    expect(city.entities.some((e) => e.entityType === 'individual' && /^.+区.+记.+$/.test(e.name))).toBe(true);
  });

  it('writes records whose payloads pass the archive schemas, over the last five years', () => {
    for (const e of city.entities) {
      for (const r of e.records) {
        expect(ARCHIVE_PAYLOADS[r.kind as ArchiveKind].safeParse(r.payload).success, `${r.kind} ${JSON.stringify(r.payload)}`).toBe(true);
        expect(r.occurredOn <= TODAY).toBe(true);
        expect(r.occurredOn >= addMonths(TODAY, -60) || r.occurredOn >= e.establishedOn).toBe(true);
      }
    }
    const kinds = new Set(city.entities.flatMap((e) => e.records.map((r) => r.kind)));
    for (const k of ['inspection', 'sampling', 'penalty', 'complaint', 'award', 'certification', 'self_declaration', 'commitment']) expect(kinds).toContain(k);
  });

  it('includes the demo enterprise with a publishable, repairable food penalty and the food group', () => {
    const demo = city.entities.find((e) => e.uscc === DEMO_ENTERPRISE_USCC)!;
    expect(demo.name).toBe('天津滨海示范食品有限公司');
    const penalty = demo.records.find((r) => r.kind === 'penalty')!;
    expect(penalty.payload).toMatchObject({ carriedOut: true, domain: 'food' });
    expect(penalty.occurredOn < addMonths(TODAY, -12)).toBe(true);
    const entry = city.lists.find((l) => city.entities[l.entity] === demo && l.list === 'penalty-publication')!;
    expect(entry.status).toBe('published');
    expect(entry.earlyRemovalFrom! <= TODAY).toBe(true);
    expect(entry.autoRemoveOn! > TODAY).toBe(true);
    expect(city.entities.some((e) => e.uscc === FOOD_GROUP.uscc && e.name === '天津市食品集团有限公司')).toBe(true);
  });

  it('puts a few entities on every list, one serious-violation entry awaiting approval', () => {
    const lists = city.lists.map((l) => `${l.list}:${l.status}`);
    for (const l of ['serious-violation:published', 'serious-violation:pending_approval', 'abnormal:published', 'penalty-publication:published', 'black:published']) expect(lists).toContain(l);
    expect(lists.filter((l) => l === 'serious-violation:pending_approval')).toHaveLength(1);
    // The red round's members are chosen after grading (pickRedMembers); the generator names whom to prefer.
    expect(lists.filter((l) => l.startsWith('red:'))).toEqual([]);
    expect(city.redPreferred.length).toBeGreaterThan(0);
    for (const i of city.redPreferred) expect(city.entities[i]!.records.some((r) => r.kind === 'penalty')).toBe(false);
  });

  it('never dates a decision or a publication after today, whatever today is', () => {
    for (const today of [TODAY, '2026-12-06', '2027-01-02', '2027-06-30']) {
      const c = today === TODAY ? city : generateDemoCity(3_000, today);
      const future = c.lists.filter((l) => l.decisionDate > today || (l.publishedOn !== null && l.publishedOn > today));
      expect(future.map((l) => `${today} ${l.list} ${l.decisionDate} ${l.publishedOn}`)).toEqual([]);
    }
  });

  it('picks red members the criteria accept, preferred ones first, at most eight', () => {
    const criteria = { grades: ['AAA', 'AA'], noPenaltyYears: 3, notListed: true };
    const c = (entityId: number, grade: string | null, over: Partial<{ lastPenaltyOn: string | null; activeLists: string[] }> = {}) => ({ entityId, grade, lastPenaltyOn: null, activeLists: [], ...over });
    const candidates = [
      c(1, 'A'), // graded below the criteria
      c(2, 'AA'),
      c(3, 'AAA', { lastPenaltyOn: '2025-01-01' }), // penalised within 3 years
      c(4, 'AA', { activeLists: ['abnormal'] }),
      c(5, null),
      c(6, 'AAA'),
      ...Array.from({ length: 10 }, (_, k) => c(10 + k, 'AA')),
    ];
    const picked = pickRedMembers(candidates, criteria, TODAY, new Set([1, 6, 15]));
    expect(picked.map((p) => p.entityId)).toEqual([6, 15, 2, 10, 11, 12, 13, 14]);
    expect(pickRedMembers(candidates.slice(0, 5), criteria, TODAY, new Set()).map((p) => p.entityId)).toEqual([2]);
  });

  it('leaves some large or medium licensed producers without a quality officer', () => {
    const flagged = city.entities.filter((e) => (e.scale === 'large' || e.scale === 'medium') && e.products.some((p) => p.licenceRequired || p.cccRequired) && !e.qualityOfficer);
    expect(flagged.length).toBeGreaterThan(0);
  });
});

describe('publication periods (Order 45 Art. 13; 信用修复管理办法 Art. 6)', () => {
  it('publishes light penalties for 3 months and others for 3 years', () => {
    expect(publicationEnd('2025-01-31', ['warning'], null, 10_000)).toBe('2025-04-30');
    expect(publicationEnd('2025-01-31', ['fine'], 5_000, 10_000)).toBe('2025-04-30');
    expect(publicationEnd('2025-01-31', ['fine'], 50_000, 10_000)).toBe('2028-01-31');
  });
  it('allows an early stop after 6 months, 1 year for food, never for the heaviest types', () => {
    expect(earlyStopFrom('2025-03-01', ['fine'], 'product')).toBe('2025-09-01');
    expect(earlyStopFrom('2025-03-01', ['fine'], 'food')).toBe('2026-03-01');
    expect(earlyStopFrom('2025-03-01', ['fine', 'suspended'], 'product')).toBeNull();
  });
});

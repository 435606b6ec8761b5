import { describe, expect, it } from 'vitest';
import { jobsStrings } from './i18n';
import { summaryLines } from './summary';

const known = new Set(Object.keys(jobsStrings));

describe('summaryLines', () => {
  it('labels the fields the jobs report, in their order, and keeps an unknown one under its own name', () => {
    expect(summaryLines({ today: '2026-12-08', autoRemoved: 2, flagged: 0, extra: { a: 1 } }, known)).toEqual([
      { labelKey: 's_today', field: 'today', value: '2026-12-08' },
      { labelKey: 's_autoRemoved', field: 'autoRemoved', value: '2' },
      { labelKey: 's_flagged', field: 'flagged', value: '0' },
      { labelKey: null, field: 'extra', value: '{"a":1}' },
    ]);
  });

  it('has a label for every field the product’s jobs report', () => {
    const reported = ['today', 'autoRemoved', 'publicationsEnded', 'honoursExpired', 'flagged', 'deadlinesRecomputed', 'published', 'evaluated', 'changed', 'modelVersion'];
    expect(summaryLines(Object.fromEntries(reported.map((f) => [f, 1])), known).filter((l) => l.labelKey === null)).toEqual([]);
  });

  it('gives nothing for a run without a summary', () => {
    expect(summaryLines(null, known)).toEqual([]);
  });
});

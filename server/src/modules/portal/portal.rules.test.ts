import { describe, expect, it } from 'vitest';
import { listRecordPublic, publicGrade } from './portal.rules.js';

describe('publicGrade: a public grade rests only on public facts', () => {
  it('shows the stored grade, or says there is none yet', () => {
    expect(publicGrade('A', false)).toEqual({ grade: 'A', gradeState: 'rated' });
    expect(publicGrade('D', false)).toEqual({ grade: 'D', gradeState: 'rated' });
    expect(publicGrade(null, false)).toEqual({ grade: null, gradeState: 'unrated' });
  });

  it('withholds any grade while a decision it rests on awaits publication', () => {
    expect(publicGrade('D', true)).toEqual({ grade: null, gradeState: 'updating' });
    expect(publicGrade('AA', true)).toEqual({ grade: null, gradeState: 'updating' });
    expect(publicGrade(null, true)).toEqual({ grade: null, gradeState: 'updating' });
  });
});

describe('listRecordPublic', () => {
  const published = new Set([7]);
  const rec = (kind: string, list: string, entryId: number | null) => ({ kind, payload: { list, entryId, reason: 'x' } });

  it('shows a serious-violation listing record only while its entry is published', () => {
    expect(listRecordPublic(rec('list_entry', 'serious-violation', 7), published)).toBe(true);
    expect(listRecordPublic(rec('list_entry', 'serious-violation', 8), published)).toBe(false);
    expect(listRecordPublic(rec('list_removal', 'serious-violation', 8), published)).toBe(false);
    expect(listRecordPublic(rec('list_entry', 'serious-violation', null), published)).toBe(false);
  });

  it('leaves lists public from listing, and other records, alone', () => {
    expect(listRecordPublic(rec('list_entry', 'abnormal', 9), published)).toBe(true);
    expect(listRecordPublic(rec('list_removal', 'abnormal', 9), published)).toBe(true);
    expect(listRecordPublic({ kind: 'penalty', payload: { decisionNo: '津市监罚〔2026〕1号' } }, published)).toBe(true);
  });
});

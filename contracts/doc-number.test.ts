import { describe, expect, it } from 'vitest';
import { docNumberField, isDocNumber, normalizeDocNumber } from './doc-number.js';

describe('document numbers (GB/T 9704-2012 §7.2.4)', () => {
  it.each(['津市监列严〔2026〕4号', '津市监异〔2025〕123号', '国发〔2012〕9号', '鲁政办字〔2016〕103号'])('accepts %s', (s) => {
    expect(isDocNumber(s)).toBe(true);
  });

  it('writes the brackets as 〔〕 and drops spaces', () => {
    expect(normalizeDocNumber(' 津市监列严[2026]4号 ')).toBe('津市监列严〔2026〕4号');
    expect(normalizeDocNumber('津市监列严【2026】4号')).toBe('津市监列严〔2026〕4号');
    expect(normalizeDocNumber('津市监列严（２０２６）４号')).toBe('津市监列严〔2026〕4号');
    expect(docNumberField.parse('津市监列严 ［2026］ 4号')).toBe('津市监列严〔2026〕4号');
  });

  it.each([
    ['', 'empty'],
    ['2026-4', 'no organ code'],
    ['津市监列严2026年4号', 'year not in brackets'],
    ['津市监列严〔26〕4号', 'two-digit year'],
    ['津市监列严〔2026〕04号', 'leading zero'],
    ['津市监列严〔2026〕第4号', '第 before the number'],
    ['津市监列严〔2026〕4', 'no 号'],
    ['津市监列严〔2026〕E2E号', 'letters as the number'],
    ['JSJ〔2026〕4号', 'Latin organ code'],
  ])('refuses %s (%s)', (s) => {
    expect(isDocNumber(s)).toBe(false);
    expect(docNumberField.safeParse(s).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isCountyCode } from './district-code.js';

describe('isCountyCode', () => {
  it('tells county-level codes from the province, the city and anything else', () => {
    expect(isCountyCode('120101')).toBe(true);
    expect(isCountyCode('120225')).toBe(true);
    for (const code of ['120000', '120100', '1201', '12010a', '', null]) expect(isCountyCode(code)).toBe(false);
  });
});

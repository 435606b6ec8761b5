import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, USCC_WEIGHTS, usccCheckCharacter, validateUscc } from './uscc.js';

// Real codes printed on business licences.
const REAL = [
  '914403001922038216', // 华为技术有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
];

describe('validateUscc (GB 32100-2015)', () => {
  it('weights are 3^(i-1) mod 31 for positions 1–17', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
    expect(USCC_CHARSET).toHaveLength(31);
  });

  it.each(REAL)('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('computes the check character, with 31 mapped to 0', () => {
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
    expect(usccCheckCharacter('9144030071526726X')).toBe('G');
    // Find a body whose weighted sum is divisible by 31: its check character must be "0".
    for (let n = 0; n < 1000; n++) {
      const body = `9112010${String(n).padStart(3, '0')}0000000`;
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(body[i]!) * USCC_WEIGHTS[i]!;
      if (sum % 31 === 0) {
        expect(usccCheckCharacter(body)).toBe('0');
        expect(validateUscc(`${body}0`).valid).toBe(true);
        return;
      }
    }
    throw new Error('no body with sum ≡ 0 (mod 31) found');
  });

  it('rejects a wrong length', () => {
    expect(validateUscc('91440300192203821')).toMatchObject({ valid: false, rule: 'length' });
    expect(validateUscc('')).toMatchObject({ valid: false, rule: 'length' });
  });

  it('rejects characters outside the charset and says where', () => {
    expect(validateUscc('91440300I922038216')).toMatchObject({ valid: false, rule: 'charset', position: 9 });
    expect(validateUscc('914403001922038z16')).toMatchObject({ valid: false, rule: 'charset', position: 16 });
    for (const bad of ['I', 'O', 'S', 'V', 'Z']) {
      expect(validateUscc(`9144030019220382${bad}6`)).toMatchObject({ valid: false, rule: 'charset' });
    }
  });

  it('rejects a region code that is not six digits', () => {
    expect(validateUscc('91A40300192203821X')).toMatchObject({ valid: false, rule: 'region' });
  });

  it('rejects a corrupted check character and names the expected one', () => {
    const result = validateUscc('914403001922038217');
    expect(result).toMatchObject({ valid: false, rule: 'checksum', position: 18 });
    expect(result.valid ? '' : result.reason).toContain('「6」');
  });

  it('detects every single-character substitution in a real code', () => {
    const code = '914403001922038216';
    for (let i = 0; i < 18; i++) {
      for (const c of USCC_CHARSET) {
        if (c === code[i]) continue;
        const corrupted = code.slice(0, i) + c + code.slice(i + 1);
        expect(validateUscc(corrupted).valid, corrupted).toBe(false);
      }
    }
  });

  it('detects swapped adjacent characters', () => {
    const code = '9144030071526726XG';
    for (let i = 0; i < 16; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(validateUscc(swapped).valid, swapped).toBe(false);
    }
  });
});

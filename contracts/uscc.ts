/**
 * 统一社会信用代码 (unified social credit code) validation, GB 32100-2015. Pure; shared by the server
 * (every input that carries a USCC) and the web (form validation).
 *
 * Structure: 1 registration authority · 1 entity type · 6 region (GB/T 2260 digits) · 9 body
 * identifier (organisation code, GB 11714) · 1 check character.
 * The body identifier's own GB 11714 check digit is not enforced: the standard's check character
 * (position 18) already guards the whole code, and registries issue codes whose body identifier
 * predates GB 11714 conformance, so enforcing it would reject real codes.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17: 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type UsccRule = 'length' | 'charset' | 'region' | 'checksum';

export type UsccResult =
  | { valid: true }
  | { valid: false; rule: UsccRule; reason: string; position?: number };

const charValue = new Map<string, number>([...USCC_CHARSET].map((c, i) => [c, i]));

/** The check character for the first 17 characters (which must already be in the charset). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (charValue.get(first17[i]!) ?? 0) * USCC_WEIGHTS[i]!;
  const check = 31 - (sum % 31);
  return USCC_CHARSET[check === 31 ? 0 : check]!;
}

/** Validate a USCC and say which rule failed. Input is used as given (callers upper-case if they wish). */
export function validateUscc(code: string): UsccResult {
  if (code.length !== 18) {
    return { valid: false, rule: 'length', reason: `长度应为 18 位，实际为 ${code.length} 位` };
  }
  for (let i = 0; i < 18; i++) {
    const c = code[i]!;
    if (!charValue.has(c)) {
      return {
        valid: false,
        rule: 'charset',
        position: i + 1,
        reason: `第 ${i + 1} 位字符「${c}」不在代码字符集内（不使用 I、O、S、V、Z 及小写字母）`,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return { valid: false, rule: 'region', reason: '第 3–8 位应为登记管理机关行政区划码（6 位数字）' };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return { valid: false, rule: 'checksum', position: 18, reason: `校验码错误：第 18 位应为「${expected}」，实际为「${code[17]}」` };
  }
  return { valid: true };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).valid;
}

import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMS, ARGON2_TEST_PARAMS, argon2Params, hashPassword, verifyPassword } from './password.js';

describe('the argon2 cost', () => {
  it('is the production cost outside a Vitest run, whatever ZHILIANG_PASSWORD_HASH says', () => {
    expect(argon2Params({})).toBe(ARGON2_PARAMS);
    expect(argon2Params({ ZHILIANG_PASSWORD_HASH: 'test' })).toBe(ARGON2_PARAMS);
    expect(argon2Params({ VITEST: 'true' })).toBe(ARGON2_PARAMS);
    expect(argon2Params({ VITEST: 'true', ZHILIANG_PASSWORD_HASH: 'test' })).toBe(ARGON2_TEST_PARAMS);
  });

  it('is the test cost in this run, and a hash verifies whatever cost it was made at', async () => {
    const hash = await hashPassword('Some-Password-2026!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verifyPassword(hash, 'Some-Password-2026!')).toBe(true);
    expect(await verifyPassword(hash, 'Some-Password-2027!')).toBe(false);
  });
});

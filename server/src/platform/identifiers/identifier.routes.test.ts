import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../../../contracts/uscc.js';
import { buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const BODY = '91120116MA05JQ7W8';
const VALID = BODY + usccCheckCharacter(BODY);
const check = async (code: string) => {
  const res = await t.anon().get(`/api/validate/uscc/${encodeURIComponent(code)}`);
  return { status: res.statusCode, body: json<{ valid: boolean; rule?: string; reason?: string }>(res) };
};

describe('GET /api/validate/uscc/:code', () => {
  it('accepts a valid code without a session', async () => {
    expect(await check(VALID)).toEqual({ status: 200, body: { valid: true } });
  });

  it('names the rule a bad code breaks, with a Chinese reason', async () => {
    const wrongCheck = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');
    const checksum = await check(wrongCheck);
    expect(checksum.body).toMatchObject({ valid: false, rule: 'checksum' });
    expect(checksum.body.reason).toContain(`第 18 位应为「${VALID[17]}」`);
    expect((await check(VALID.slice(0, 17))).body).toMatchObject({ valid: false, rule: 'length' });
    expect((await check(VALID.toLowerCase())).body).toMatchObject({ valid: false, rule: 'charset' });
    expect((await check(`91${'A'.repeat(6)}MA05JQ7W8X`)).body).toMatchObject({ valid: false, rule: 'region' });
    expect((await check('91120116MA05JQ7WOX')).body).toMatchObject({ valid: false, rule: 'charset', reason: expect.stringContaining('「O」') });
  });

  it('treats odd characters as text, and refuses codes over 64 characters', async () => {
    expect(await check("' OR 1=1 --")).toMatchObject({ status: 200, body: { valid: false, rule: 'length' } });
    expect(await check('%_%_%_%_%_%_%_%_%_')).toMatchObject({ status: 200, body: { valid: false, rule: 'charset' } });
    const long = await t.anon().get(`/api/validate/uscc/${'9'.repeat(65)}`);
    expect(long.statusCode).toBe(400);
    expect(errorCode(long)).toBe('VALIDATION_FAILED');
  });
});

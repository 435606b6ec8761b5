/**
 * Issue 12 §1.2, login abuse: an unknown name is answered exactly like a wrong password; one
 * address cannot try thousands of names (429 with Retry-After, only failures count); an attacker's
 * failures lock a name only from the attacker's address, never the owner out from theirs; the
 * administrator's unlock still lifts every lock; and the client address honours
 * ZHILIANG_TRUST_PROXY without letting a client pick its own.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../../contracts/system.js';
import { loadConfig } from '../../config/config.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';
import { findLoginFailure } from './auth.repository.js';
import { findUserByUsername } from './user.repository.js';

/** A small budget so the throttle trips quickly: 8 failures per address, one back every 7.5 s. */
const LIMIT = { capacity: 8, windowMs: 60_000 };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ loginRateLimit: LIMIT });
});
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
type ErrorBody = { error: { code: string; message: string; details?: unknown; requestId?: string } };

/** The error body without its request id (the one part that differs by design). */
function answer(res: LightMyRequestResponse) {
  const { error } = json<ErrorBody>(res);
  const { requestId: _id, ...rest } = error;
  return { status: res.statusCode, headers: { retryAfter: res.headers['retry-after'], type: res.headers['content-type'] }, error: rest };
}

describe('an unknown username and a wrong password', () => {
  it('get the same status, code, message and body, attempt after attempt, up to the same lock', async () => {
    const known = t.anon('192.0.2.10');
    const unknown = t.anon('192.0.2.11');
    for (let i = 1; i <= 4; i++) {
      const a = await known.login('district-user', `Wrong-Guess-${i}`);
      const b = await unknown.login('no-such-person', `Wrong-Guess-${i}`);
      expect(answer(a)).toEqual(answer(b));
      expect(answer(a)).toEqual({
        status: 401,
        headers: { retryAfter: undefined, type: 'application/json; charset=utf-8' },
        error: {
          code: 'INVALID_CREDENTIALS',
          message: `用户名或密码错误，再错 ${5 - i} 次将暂停从当前网络地址登录 15 分钟`,
          details: { remainingAttempts: 5 - i },
        },
      });
    }
    const a = answer(await known.login('district-user', 'Wrong-Guess-5'));
    const b = answer(await unknown.login('no-such-person', 'Wrong-Guess-5'));
    // The unlock time is "now + 15 min" for each: equal but for the clock between the two requests.
    const timeless = (x: typeof a) => ({ ...x, error: { ...x.error, message: x.error.message.replace(/请于 .* 后再试（约 \d+ 分钟）/, '请于 … 后再试'), details: undefined } });
    expect(timeless(a)).toEqual(timeless(b));
    expect(a).toMatchObject({ status: 423, error: { code: 'ACCOUNT_LOCKED', details: { minutes: 15 } } });
    expect(a.error.message).toMatch(/^从当前网络地址连续 5 次登录失败，该账号已暂停从该地址登录，请于 \d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2} 后再试/);
    // While paused, even the right password gets the same answer as for a name that does not exist.
    const right = answer(await known.login('district-user'));
    const none = answer(await unknown.login('no-such-person', 'Anything-At-All-1'));
    expect(timeless(right)).toEqual(timeless(none));
    expect(right.status).toBe(423);
  });

  it('are told apart only in the audit trail, which records failures on a real account', async () => {
    const seq = await headSeq();
    await t.anon('192.0.2.12').login('inspector', 'Wrong-Guess-1');
    await t.anon('192.0.2.12').login('nobody-at-all', 'Wrong-Guess-1');
    const audit = await auditSince(seq);
    expect(audit.map((a) => [a.action, a.actorUsername, a.ip])).toEqual([['auth.login_failed', 'inspector', '192.0.2.12']]);
    expect(await findLoginFailure(t.db, 'nobody-at-all', '192.0.2.12')).toMatchObject({ failedCount: 1 });
  });
});

describe('an attacker failing from one address', () => {
  it('locks the name only from that address: the owner logs in from another, and is audited so', async () => {
    const attacker = t.anon('203.0.113.5');
    const seq = await headSeq();
    for (let i = 1; i <= 5; i++) await attacker.login('quality-office', `Guess-${i}-Guess`);
    // Locked for the attacker, whatever it sends now.
    expect(errorCode(await attacker.login('quality-office'))).toBe('ACCOUNT_LOCKED');

    const owner = t.anon('198.51.100.20');
    const res = await owner.login('quality-office');
    expect(res.statusCode).toBe(200);
    expect((await owner.get('/api/auth/me')).statusCode).toBe(200);

    const user = (await findUserByUsername(t.db, 'quality-office'))!;
    const audit = await auditSince(seq);
    expect(audit.map((a) => [a.action, a.targetId, a.ip])).toEqual([
      ['auth.login_failed', String(user.id), '203.0.113.5'],
      ['auth.login_failed', String(user.id), '203.0.113.5'],
      ['auth.login_failed', String(user.id), '203.0.113.5'],
      ['auth.login_failed', String(user.id), '203.0.113.5'],
      ['auth.lock', String(user.id), '203.0.113.5'],
      ['auth.login', String(user.id), '198.51.100.20'],
    ]);
    // The owner's success does not lift the attacker's lock.
    expect(errorCode(await attacker.login('quality-office'))).toBe('ACCOUNT_LOCKED');
  });

  it('shows the account as paused from one address to an administrator, whose unlock lifts it', async () => {
    const admin = await t.as('admin');
    const user = (await findUserByUsername(t.db, 'quality-office'))!;
    const shown = json<User>(await admin.get(`/api/system/users/${user.id}`));
    expect(shown).toMatchObject({ locked: true, lockedSources: 1 });
    expect(new Date(shown.lockedUntil!).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await admin.put(`/api/system/users/${user.id}/unlock`)).statusCode).toBe(200);
    expect((await t.anon('203.0.113.5').login('quality-office')).statusCode).toBe(200);
  });

  it('cannot get more guesses by sending them in parallel: each is counted, the fifth locks', async () => {
    const seq = await headSeq();
    const answers = await Promise.all(Array.from({ length: LIMIT.capacity }, (_, i) => t.anon('203.0.113.9').login('dept-user', `Parallel-Guess-${i}`)));
    const codes = answers.map((r) => errorCode(r)).sort();
    expect(codes).toEqual([...Array<string>(LIMIT.capacity - 4).fill('ACCOUNT_LOCKED'), ...Array<string>(4).fill('INVALID_CREDENTIALS')]);
    expect((await findLoginFailure(t.db, 'dept-user', '203.0.113.9'))!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await auditSince(seq)).map((a) => a.action).sort()).toEqual(['auth.lock', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed']);
  });

  it('cannot evade the lock by writing the name in another case or with spaces', async () => {
    const attacker = t.anon('203.0.113.6');
    for (const name of ['lab', 'LAB', ' Lab', 'lAb ', 'lab']) await attacker.login(name, 'Not-The-Password-1');
    expect(errorCode(await attacker.login('Lab'))).toBe('ACCOUNT_LOCKED');
  });
});

describe('per-address throttle on POST /api/auth/login', () => {
  it('refuses an address that failed too often with 429 and Retry-After, before checking anything', async () => {
    const client = t.anon('198.51.100.7');
    for (let i = 1; i <= LIMIT.capacity; i++) {
      const res = await client.login(`probe-${i}`, 'Some-Guess-2026');
      expect({ i, status: res.statusCode }).toEqual({ i, status: 401 });
    }
    const seq = await headSeq();
    const limited = await client.login('district-user');
    expect(limited.statusCode).toBe(429);
    expect(errorCode(limited)).toBe('LOGIN_RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(8);
    expect(json<ErrorBody>(limited).error).toMatchObject({ message: '当前网络地址登录失败次数过多，请 1 分钟后再试', details: { retryAfterSeconds: retryAfter } });
    // Refused before the password was looked at: no session, no audit row, no count.
    expect(limited.cookies.find((c) => c.name === 'zl_session')).toBeUndefined();
    expect(await auditSince(seq)).toEqual([]);
    expect(await findLoginFailure(t.db, `probe-${LIMIT.capacity + 1}`, '198.51.100.7')).toBeNull();
    // Another address is not affected.
    expect((await t.anon('198.51.100.8').login('district-user')).statusCode).toBe(200);
  });

  it('cannot be outrun by a burst of parallel requests', async () => {
    const answers = await Promise.all(Array.from({ length: LIMIT.capacity + 4 }, (_, i) => t.anon('198.51.100.77').login(`burst-${i}`, 'Some-Guess-2026')));
    const codes = answers.map((r) => errorCode(r));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(LIMIT.capacity);
    expect(codes.filter((c) => c === 'LOGIN_RATE_LIMITED')).toHaveLength(4);
  });

  it('treats one IPv6 /64 as one client', async () => {
    for (let i = 1; i <= LIMIT.capacity; i++) await t.anon(`2001:db8:5:6::${i.toString(16)}`).login(`v6-probe-${i}`, 'Some-Guess-2026');
    expect(errorCode(await t.anon('2001:db8:5:6:ffff::1').login('v6-probe-x', 'Some-Guess-2026'))).toBe('LOGIN_RATE_LIMITED');
    expect((await t.anon('2001:db8:5:7::1').login('v6-probe-y', 'Some-Guess-2026')).statusCode).toBe(401);
  });

  it('counts only failures: an office behind one address logging in all day is never held up', async () => {
    for (let i = 0; i < LIMIT.capacity + 2; i++) {
      const res = await t.anon('198.51.100.30').login(i % 2 ? 'dept-user' : 'lab');
      expect({ i, status: res.statusCode }).toEqual({ i, status: 200 });
    }
  });
});

describe('the client address and ZHILIANG_TRUST_PROXY', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    // One reverse proxy in front: the address it saw is the last X-Forwarded-For entry.
    proxied = await buildTestApp({ loginRateLimit: LIMIT, trustProxy: 1 });
  });
  afterAll(async () => {
    await proxied.close();
  });

  const viaProxy = (forwardedFor: string, username: string, password: string) =>
    proxied.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': forwardedFor }, payload: { username, password } });

  it('throttles and locks the address the proxy saw, whatever the client writes in X-Forwarded-For', async () => {
    for (let i = 1; i <= LIMIT.capacity; i++) {
      // A client rotating a forged left-most entry: still one client.
      expect((await viaProxy(`198.18.0.${i}, 203.0.113.77`, `px-${i}`, 'Some-Guess-2026')).statusCode).toBe(401);
    }
    expect(errorCode(await viaProxy('198.18.1.1, 203.0.113.77', 'px-x', 'Some-Guess-2026'))).toBe('LOGIN_RATE_LIMITED');
    expect(await findLoginFailure(proxied.db, 'px-1', '203.0.113.77')).toMatchObject({ failedCount: 1 });
    expect(await findLoginFailure(proxied.db, 'px-1', '198.18.0.1')).toBeNull();
    // Someone else behind the same proxy is another client.
    expect((await viaProxy('203.0.113.78', 'district-user', TEST_DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('ignores X-Forwarded-For when no proxy is trusted (the default)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '192.0.2.99', headers: { 'x-forwarded-for': '203.0.113.200' }, payload: { username: 'xff-probe', password: 'Some-Guess-2026' } });
    expect(res.statusCode).toBe(401);
    expect(await findLoginFailure(t.db, 'xff-probe', '192.0.2.99')).toMatchObject({ failedCount: 1 });
    expect(await findLoginFailure(t.db, 'xff-probe', '203.0.113.200')).toBeNull();
  });

  it('reads ZHILIANG_TRUST_PROXY and ZHILIANG_LOGIN_RATE_LIMIT, refusing what it cannot read', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ ZHILIANG_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ZHILIANG_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ZHILIANG_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ZHILIANG_TRUST_PROXY: '10.0.0.0/8, 192.0.2.1, ::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.0.2.1', '::1']);
    expect(() => loadConfig({ ZHILIANG_TRUST_PROXY: 'nginx' })).toThrow(/ZHILIANG_TRUST_PROXY/);
    expect(() => loadConfig({ ZHILIANG_TRUST_PROXY: '10.0.0.0/40' })).toThrow(/ZHILIANG_TRUST_PROXY/);
    expect(loadConfig({}).loginRateLimit).toEqual({ capacity: 30, windowMs: 900_000 });
    expect(loadConfig({ ZHILIANG_LOGIN_RATE_LIMIT: '5/60' }).loginRateLimit).toEqual({ capacity: 5, windowMs: 60_000 });
    expect(loadConfig({ ZHILIANG_LOGIN_RATE_LIMIT: 'off' }).loginRateLimit).toBeNull();
    expect(() => loadConfig({ ZHILIANG_LOGIN_RATE_LIMIT: 'lots' })).toThrow(/ZHILIANG_LOGIN_RATE_LIMIT/);
  });
});

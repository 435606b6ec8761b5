import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';
import { TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import { sessionIdOf } from '../../platform/auth/session-token.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/auth/login', () => {
  it('logs in, sets an httpOnly session cookie and a readable CSRF cookie', async () => {
    const agent = t.anon();
    const res = await agent.login('quality-office');
    expect(res.statusCode).toBe(200);
    const body = json<{ user: { username: string }; roles: { key: string }[]; permissions: string[]; dataScope: { kinds: string[] } }>(res);
    expect(body.user.username).toBe('quality-office');
    expect(body.roles.map((r) => r.key)).toEqual(['quality_office']);
    expect(body.dataScope.kinds).toEqual(['all']);
    const session = res.cookies.find((c) => c.name === 'zl_session')!;
    const csrf = res.cookies.find((c) => c.name === 'zl_csrf')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(csrf.httpOnly).toBeFalsy();
    const me = await agent.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(json<{ user: { username: string } }>(me).user.username).toBe('quality-office');
  });

  it('accepts the username in any case', async () => {
    expect((await t.anon().login('Quality-Office', TEST_DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 401 for a wrong password and for an unknown user, the same way', async () => {
    const wrong = await t.anon().login('lab', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    const unknown = await t.anon().login('nobody-here', 'whatever-Password1');
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
  });

  it('rejects malformed and unknown-field bodies with 400', async () => {
    const agent = t.anon();
    const malformed = await agent.request('POST', '/api/auth/login', { payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(errorCode(malformed)).toBe('MALFORMED_JSON');
    const extra = await agent.post('/api/auth/login', { username: 'admin', password: 'x', role: 'admin' });
    expect(extra.statusCode).toBe(400);
    expect(errorCode(extra)).toBe('VALIDATION_FAILED');
    const wrongType = await agent.post('/api/auth/login', { username: 42, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
  });

  it('locks the account for 15 minutes after 5 wrong passwords (423 with the unlock time)', async () => {
    const agent = t.anon();
    for (let i = 1; i <= 4; i++) {
      const res = await agent.login('inspector', `wrong-${i}`);
      expect(res.statusCode).toBe(401);
      expect(json<{ error: { details: { remainingAttempts: number } } }>(res).error.details.remainingAttempts).toBe(5 - i);
    }
    const fifth = await agent.login('inspector', 'wrong-5');
    expect(fifth.statusCode).toBe(423);
    const details = json<{ error: { code: string; details: { unlockAt: string; minutes: number } } }>(fifth).error;
    expect(details.code).toBe('ACCOUNT_LOCKED');
    const minutes = (new Date(details.details.unlockAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // Even the right password is refused while locked.
    const right = await agent.login('inspector');
    expect(right.statusCode).toBe(423);
  });

  it('refuses a disabled account after checking its password', async () => {
    const admin = await t.as('admin');
    const list = json<{ items: { id: number }[] }>(await admin.get('/api/system/users?keyword=tj120102-02'));
    const id = list.items[0]!.id;
    expect((await admin.put(`/api/system/users/${id}/status`, { status: 'disabled' })).statusCode).toBe(200);
    const res = await t.anon().login('tj120102-02');
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('ACCOUNT_DISABLED');
  });
});

describe('CSRF and sessions', () => {
  it('refuses a state-changing request without the CSRF header (403) and changes nothing', async () => {
    const agent = await t.as('admin');
    const res = await agent.request('POST', '/api/system/districts', {
      body: { code: '120199', name: '测试区', parentCode: '120000', level: 3 },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(errorCode(res)).toBe('CSRF_INVALID');
    expect(json<{ items: { code: string }[] }>(await agent.get('/api/system/districts')).items.map((d) => d.code)).not.toContain('120199');
  });

  it('refuses a CSRF header that does not match the session', async () => {
    const agent = await t.as('admin');
    const res = await agent.request('POST', '/api/system/districts', {
      body: { code: '120199', name: '测试区', parentCode: '120000', level: 3 },
      csrf: false,
      headers: { 'x-csrf-token': 'forged-token' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('logs out: the session stops working at once', async () => {
    const agent = t.anon();
    await agent.login('dept-user');
    const cookie = agent.jar.get('zl_session');
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(200);
    const replay = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `zl_session=${cookie}` } });
    expect(replay.statusCode).toBe(401);
  });

  it('answers 401 to /api/auth/me without a session', async () => {
    const res = await t.anon().get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('session lifetime', () => {
  // Sessions are read from the database again once the principal cache is dropped (authChanged).
  async function ageSession(agent: { jar: Map<string, string> }, column: 'last_seen_at' | 'expires_at', minutesAgo: number) {
    const id = sessionIdOf(agent.jar.get('zl_session')!);
    await t.db.execute(`UPDATE user_session SET ${column} = now() - interval '${minutesAgo} minutes' WHERE id = '${id}'`);
    authChanged();
  }

  it('ends a session idle for longer than the idle timeout (120 minutes by default)', async () => {
    const agent = t.anon();
    expect((await agent.login('dept-user')).statusCode).toBe(200);
    await ageSession(agent, 'last_seen_at', 119);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    await ageSession(agent, 'last_seen_at', 121);
    const res = await agent.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    // The expired session is removed, not just refused.
    const id = sessionIdOf(agent.jar.get('zl_session') ?? 'gone');
    const rows = await t.db.execute(`SELECT count(*)::int AS n FROM user_session WHERE id = '${id}'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('ends a session past its absolute lifetime, however active', async () => {
    const agent = t.anon();
    expect((await agent.login('dept-user')).statusCode).toBe(200);
    await ageSession(agent, 'expires_at', 1);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends the sessions of a user when an administrator disables them', async () => {
    const agent = t.anon();
    expect((await agent.login('tj120103-01')).statusCode).toBe(200);
    const admin = await t.as('admin');
    const id = json<{ items: { id: number }[] }>(await admin.get('/api/system/users?keyword=tj120103-01')).items[0]!.id;
    expect((await admin.put(`/api/system/users/${id}/status`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  it('enforces the policy, checks the current password and clears the forced change', async () => {
    const agent = t.anon();
    // Staff accounts of the demo city must change their password at first login.
    expect((await agent.login('tj120101-02')).statusCode).toBe(200);
    const blocked = await agent.get('/api/system/districts');
    expect(blocked.statusCode).toBe(403);
    expect(errorCode(blocked)).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await agent.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(errorCode(weak)).toBe('VALIDATION_FAILED');
    const twoClasses = await agent.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'alllowercase123' });
    expect(twoClasses.statusCode).toBe(400);
    const wrongCurrent = await agent.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'New-Password-2026' });
    expect(errorCode(wrongCurrent)).toBe('PASSWORD_WRONG');
    const ok = await agent.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'New-Password-2026' });
    expect(ok.statusCode).toBe(200);
    expect((await agent.get('/api/system/districts')).statusCode).toBe(200);
    expect((await t.anon().login('tj120101-02', 'New-Password-2026')).statusCode).toBe(200);
  });
});

/**
 * What logging in, failing to, logging out and changing one's password leave in the database:
 * sessions, counters and exactly one audit row per outcome on a known account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { sessionIdOf } from '../../platform/auth/session-token.js';
import { TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { buildTestApp, errorCode, json, type TestApp } from '../../test/test-app.js';
import { findLoginFailure } from './auth.repository.js';
import { findUserByUsername } from './user.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);
async function sessionIds(userId: number): Promise<string[]> {
  const res = (await t.db.execute(`select id from user_session where user_id = ${Number(userId)} order by created_at`)) as unknown as { rows: { id: string }[] };
  return res.rows.map((r) => r.id);
}

describe('logging in', () => {
  it('opens a session stored by the hash of its cookie and audits the login with the user’s roles and department', async () => {
    const user = (await findUserByUsername(t.db, 'quality-office'))!;
    const seq = await headSeq();
    const agent = t.anon();
    const res = await agent.login('quality-office');
    expect(res.statusCode).toBe(200);
    const token = agent.jar.get('zl_session')!;
    expect(await sessionIds(user.id)).toEqual([sessionIdOf(token)]);
    expect(await sessionIds(user.id)).not.toContain(token);
    const row = (await findUserByUsername(t.db, 'quality-office'))!;
    expect(row.lastLoginAt).toBeInstanceOf(Date);
    expect(row.lastLoginIp).toBe('127.0.0.1');
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'auth.login',
      targetType: 'user',
      targetId: String(user.id),
      actorId: user.id,
      actorUsername: 'quality-office',
      actorRoles: ['quality_office'],
      actorDeptName: '天津市质量强市建设协调推进领导小组办公室',
      after: { ip: '127.0.0.1' },
      requestId: res.headers['x-request-id'],
    });
  });

  it('audits each wrong password, then the lock, and counts failures in the database', async () => {
    const user = (await findUserByUsername(t.db, 'lab'))!;
    const seq = await headSeq();
    for (let i = 1; i <= 5; i++) await t.anon().login('lab', `Wrong-${i}-Password`);
    const audit = await auditSince(seq);
    expect(audit.map((a) => [a.action, a.targetId, a.actorUsername])).toEqual([
      ['auth.login_failed', String(user.id), 'lab'],
      ['auth.login_failed', String(user.id), 'lab'],
      ['auth.login_failed', String(user.id), 'lab'],
      ['auth.login_failed', String(user.id), 'lab'],
      ['auth.lock', String(user.id), 'lab'],
    ]);
    expect(audit.slice(0, 4).map((a) => a.after)).toEqual([1, 2, 3, 4].map((n) => ({ failedLoginCount: n, source: '127.0.0.1' })));
    expect(audit[4]!.after).toMatchObject({ minutes: 15, source: '127.0.0.1' });
    const row = (await findLoginFailure(t.db, 'lab', '127.0.0.1'))!;
    expect(row.failedCount).toBe(0);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(JSON.stringify(audit)).not.toContain('Wrong-');
    expect(await sessionIds(user.id)).toEqual([]);
  });

  it('writes no audit row for an unknown username, but counts its failures as for a known one', async () => {
    const seq = await headSeq();
    const res = await t.anon().login('no-such-user', 'Some-Password-1');
    expect(errorCode(res)).toBe('INVALID_CREDENTIALS');
    expect(await auditSince(seq)).toEqual([]);
    expect(await findLoginFailure(t.db, 'no-such-user', '127.0.0.1')).toMatchObject({ failedCount: 1, lockedUntil: null });
  });

  it('resets the failure counter of that address on success', async () => {
    await t.anon().login('enterprise', 'Wrong-Password-1');
    await t.anon('192.0.2.44').login('enterprise', 'Wrong-Password-1');
    expect((await findLoginFailure(t.db, 'enterprise', '127.0.0.1'))!.failedCount).toBe(1);
    expect((await t.anon().login('enterprise')).statusCode).toBe(200);
    expect(await findLoginFailure(t.db, 'enterprise', '127.0.0.1')).toBeNull();
    // Another address's failures are its own.
    expect((await findLoginFailure(t.db, 'enterprise', '192.0.2.44'))!.failedCount).toBe(1);
  });
});

describe('logging out', () => {
  it('removes the session and audits it', async () => {
    const user = (await findUserByUsername(t.db, 'dept-user'))!;
    const agent = t.anon();
    await agent.login('dept-user');
    const seq = await headSeq();
    const res = await agent.post('/api/auth/logout');
    expect(res.statusCode).toBe(200);
    expect(await sessionIds(user.id)).toEqual([]);
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'auth.logout', targetId: String(user.id), actorUsername: 'dept-user', actorRoles: ['dept_user'] });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('changing one’s password', () => {
  it('keeps the session that changed it, ends the others, clears the forced change and audits it', async () => {
    const user = (await findUserByUsername(t.db, 'tj120103-01'))!;
    expect(user.mustChangePassword).toBe(true);
    const here = t.anon();
    const elsewhere = t.anon();
    await here.login('tj120103-01');
    await elsewhere.login('tj120103-01');
    expect(await sessionIds(user.id)).toHaveLength(2);

    const seq = await headSeq();
    const wrong = await here.post('/api/auth/password', { currentPassword: 'Not-The-Password-1', newPassword: 'Brand-New-2026!' });
    expect(errorCode(wrong)).toBe('PASSWORD_WRONG');
    const same = await here.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: TEST_DEMO_PASSWORD });
    expect(errorCode(same)).toBe('PASSWORD_REUSED');
    expect(await auditSince(seq)).toEqual([]);
    expect((await findUserByUsername(t.db, 'tj120103-01'))!.passwordHash).toBe(user.passwordHash);

    const ok = await here.post('/api/auth/password', { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'Brand-New-2026!' });
    expect(ok.statusCode).toBe(200);
    const row = (await findUserByUsername(t.db, 'tj120103-01'))!;
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordChangedAt).toBeInstanceOf(Date);
    expect(row.passwordHash).not.toBe(user.passwordHash);
    expect(await sessionIds(user.id)).toEqual([sessionIdOf(here.jar.get('zl_session')!)]);
    expect((await here.get('/api/system/districts')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'auth.password_change', targetId: String(user.id), actorUsername: 'tj120103-01', before: null, after: null });
    expect(json<{ user: { mustChangePassword: boolean } }>(await here.get('/api/auth/me')).user.mustChangePassword).toBe(false);
  });
});

/**
 * Log in, log out, change password, who am I. Lockout: the fifth consecutive failure for a username
 * from one source address pauses that name from that address for 15 minutes (HTTP 423 with the
 * unlock time); an unknown name gets the very same answers.
 */
import type { ChangePasswordBody, LoginBody, MeResponse } from '../../../../contracts/auth.js';
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import { assertPasswordPolicy, hashPassword, verifyDummy, verifyPassword } from '../../platform/auth/password.js';
import type { Principal } from '../../platform/auth/principal.js';
import { newToken, sessionIdOf } from '../../platform/auth/session-token.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { clientAddressKey } from '../../platform/http/client-address.js';
import { AppError } from '../../platform/http/errors.js';
import {
  activeRolesOfUser,
  clearLoginFailure,
  deleteSession,
  deleteUserSessions,
  findLoginFailure,
  forgetLoginFailuresBefore,
  insertSession,
  lockLoginFailure,
  saveLoginFailure,
} from './auth.repository.js';
import { findDepartment } from './department.repository.js';
import { afterFailedLogin, FAILURE_MEMORY_HOURS, failuresCounting, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, lockedAt, normalizeUsername } from './system.rules.js';
import { findUserById, findUserByUsername, updateUserRow, type UserRow } from './user.repository.js';

export interface LoginInput extends LoginBody {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

function lockedError(unlockAt: Date): AppError {
  const local = unlockAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const minutes = Math.max(1, Math.ceil((unlockAt.getTime() - Date.now()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', {
    message: {
      zh: `从当前网络地址连续 ${LOCKOUT_THRESHOLD} 次登录失败，该账号已暂停从该地址登录，请于 ${local} 后再试（约 ${minutes} 分钟）；也可请管理员解锁`,
      en: `${LOCKOUT_THRESHOLD} failed logins in a row from this address: logging in to this account from here is paused until ${unlockAt.toISOString()} (about ${minutes} min), or ask an administrator to unlock it`,
    },
    details: { unlockAt: unlockAt.toISOString(), minutes },
  });
}

/** The one answer to a wrong password, for a known and an unknown username alike. */
function invalidCredentials(remaining: number): AppError {
  return new AppError('INVALID_CREDENTIALS', {
    message: {
      zh: `用户名或密码错误，再错 ${remaining} 次将暂停从当前网络地址登录 ${LOCKOUT_MINUTES} 分钟`,
      en: `Wrong username or password; ${remaining} more and logging in from this address is paused for ${LOCKOUT_MINUTES} minutes`,
    },
    details: { remainingAttempts: remaining },
  });
}

/** The audit actor for a user acting before a session exists (logging in). */
async function actorOfUser(db: Database, user: UserRow): Promise<Actor> {
  const [roles, dept] = await Promise.all([activeRolesOfUser(db, user.id), user.deptId !== null ? findDepartment(db, user.deptId) : null]);
  return { userId: user.id, username: user.username, roles: roles.map((r) => r.key), deptId: user.deptId, deptName: dept?.name ?? null };
}

/** Sweep forgotten failures now and then (at most every 10 minutes per process), on the failure path. */
let lastSweep = 0;
async function sweepOldFailures(db: Database, now: Date): Promise<void> {
  if (now.getTime() - lastSweep < 10 * 60_000) return;
  lastSweep = now.getTime();
  await forgetLoginFailuresBefore(db, new Date(now.getTime() - FAILURE_MEMORY_HOURS * 3_600_000), now);
}

/**
 * Check the password and open a session. A known and an unknown username are answered alike —
 * same codes, messages and bodies, an argon2 verification either way, the failure counted per
 * (name, source) either way — so the answers never tell which names exist. Every outcome that
 * concerns an account (a failure counted, a lock, a login) is audited on it; attempts on unknown
 * names appear in the operation log.
 */
export async function login(deps: { db: Database; sessionMaxHours: number }, input: LoginInput): Promise<LoginResult> {
  const { db } = deps;
  const username = normalizeUsername(input.username);
  const source = clientAddressKey(input.ip);
  const now = new Date();
  const [user, failure] = await Promise.all([findUserByUsername(db, username), findLoginFailure(db, username, source)]);

  const locked = lockedAt(failure?.lockedUntil ?? null, now);
  if (locked) throw lockedError(locked);

  // The actor (for the audit row) is looked up while argon2 runs, so it adds no time a caller could see.
  const [ok, actor] = user
    ? await Promise.all([verifyPassword(user.passwordHash, input.password), actorOfUser(db, user)])
    : [await verifyDummy(input.password).then(() => false), null];
  const audit = actor ? { actor, requestId: input.requestId, ip: input.ip } : null;

  if (!ok || !user) {
    const next = await db.transaction(async (tx) => {
      // Counted on the locked row: parallel guesses are counted one by one, none lost, and one
      // that arrives after a parallel guess has locked the name leaves the lock as it is.
      const current = await lockLoginFailure(tx, username, source, now);
      const lockedMeanwhile = lockedAt(current.lockedUntil, now);
      if (lockedMeanwhile) return { outcome: { kind: 'locked', unlockAt: lockedMeanwhile } } as const;
      const counted = afterFailedLogin(failuresCounting(current, now), now);
      await saveLoginFailure(tx, { username, source, failedCount: counted.failedCount, lockedUntil: counted.lockedUntil, lastFailedAt: now });
      if (user && audit) {
        await appendAudit(tx, audit, {
          action: counted.outcome.kind === 'now-locked' ? 'auth.lock' : 'auth.login_failed',
          targetType: 'user',
          targetId: user.id,
          after: counted.outcome.kind === 'now-locked' ? { lockedUntil: counted.lockedUntil, minutes: LOCKOUT_MINUTES, source } : { failedLoginCount: counted.failedCount, source },
        });
      }
      return counted;
    });
    await sweepOldFailures(db, now);
    if (next.outcome.kind === 'now-locked' || next.outcome.kind === 'locked') throw lockedError(next.outcome.unlockAt);
    throw invalidCredentials(next.outcome.kind === 'failed' ? next.outcome.remaining : 0);
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  const sessionToken = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    if (failure) await clearLoginFailure(tx, username, source);
    await updateUserRow(tx, user.id, { lastLoginAt: now, lastLoginIp: input.ip });
    await insertSession(tx, {
      id: sessionIdOf(sessionToken),
      userId: user.id,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now.getTime() + deps.sessionMaxHours * 3_600_000),
    });
    await appendAudit(tx, audit!, { action: 'auth.login', targetType: 'user', targetId: user.id, after: { ip: input.ip } });
  });
  return { sessionToken, csrfToken, mustChangePassword: user.mustChangePassword };
}

/** End the current session. */
export async function logout(ctx: Ctx, principal: Principal): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, principal.sessionId);
    await appendAudit(tx, ctx, { action: 'auth.logout', targetType: 'user', targetId: principal.user.id });
  });
  authChanged();
}

/** Change one's own password; ends every other session of the user. */
export async function changeOwnPassword(ctx: Ctx, principal: Principal, body: ChangePasswordBody): Promise<void> {
  const user = await findUserById(ctx.db, principal.user.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, body.currentPassword))) throw new AppError('PASSWORD_WRONG');
  if (body.currentPassword === body.newPassword) throw new AppError('PASSWORD_REUSED');
  await assertPasswordPolicy(body.newPassword, { username: user.username, displayName: user.displayName }, { path: 'newPassword' });
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() });
    await deleteUserSessions(tx, user.id);
    // Keep the session that changed the password alive.
    await insertSession(tx, {
      id: principal.sessionId,
      userId: user.id,
      csrfToken: principal.csrfToken,
      ip: ctx.ip,
      userAgent: null,
      expiresAt: new Date(principal.expiresAt),
    });
    await appendAudit(tx, ctx, { action: 'auth.password_change', targetType: 'user', targetId: user.id });
  });
  authChanged();
}

const meJsonCache = new WeakMap<Principal, string>();

/**
 * GET /api/auth/me as JSON text, computed once per cached principal (the web app asks often, and
 * the principal only changes when the cache drops it).
 */
export function describeMeJson(p: Principal): string {
  let json = meJsonCache.get(p);
  if (json === undefined) {
    json = JSON.stringify(describeMe(p));
    meJsonCache.set(p, json);
  }
  return json;
}

export function describeMe(p: Principal): MeResponse {
  return {
    user: { ...p.user },
    roles: p.roles.map((r) => ({ key: r.key, name: r.name })),
    permissions: [...p.permissions].sort(),
    dataScope: {
      kinds: p.scope.all ? ['all'] : p.scope.kinds,
      deptIds: p.scope.deptIds,
      districtPrefixes: p.scope.districtPrefixes,
      territory: p.scope.all ? [] : p.scope.jurisdictionPrefixes,
    },
  };
}

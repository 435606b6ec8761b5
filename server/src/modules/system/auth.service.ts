/**
 * Log in, log out, change password, who am I. Lockout: the fifth consecutive wrong password locks
 * the account for 15 minutes (HTTP 423 with the unlock time).
 */
import type { ChangePasswordBody, LoginBody, MeResponse } from '../../../../contracts/auth.js';
import type { Database } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { authChanged } from '../../platform/auth/auth-events.js';
import { assertPasswordPolicy, hashPassword, verifyDummy, verifyPassword } from '../../platform/auth/password.js';
import type { Principal } from '../../platform/auth/principal.js';
import { newToken, sessionIdOf } from '../../platform/auth/session-token.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { activeRolesOfUser, deleteSession, deleteUserSessions, insertSession } from './auth.repository.js';
import { findDepartment } from './department.repository.js';
import { afterFailedLogin, LOCKOUT_MINUTES, lockedAt, normalizeUsername } from './system.rules.js';
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
      zh: `连续 5 次密码错误，账号已锁定，请于 ${local} 后再试（约 ${minutes} 分钟）`,
      en: `Five wrong passwords in a row: the account is locked until ${unlockAt.toISOString()} (about ${minutes} min)`,
    },
    details: { unlockAt: unlockAt.toISOString(), minutes },
  });
}

/** The audit actor for a user acting before a session exists (logging in). */
async function actorOfUser(db: Database, user: UserRow): Promise<Actor> {
  const [roles, dept] = await Promise.all([activeRolesOfUser(db, user.id), user.deptId !== null ? findDepartment(db, user.deptId) : null]);
  return { userId: user.id, username: user.username, roles: roles.map((r) => r.key), deptId: user.deptId, deptName: dept?.name ?? null };
}

/**
 * Check the password and open a session. Every outcome that changes an account (a failure counted,
 * a lock, a login) is audited; attempts refused without a change (locked, unknown user) appear in
 * the operation log.
 */
export async function login(deps: { db: Database; sessionMaxHours: number }, input: LoginInput): Promise<LoginResult> {
  const { db } = deps;
  const username = normalizeUsername(input.username);
  const now = new Date();
  const user = await findUserByUsername(db, username);
  if (!user) {
    await verifyDummy(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const source = { actor: await actorOfUser(db, user), requestId: input.requestId, ip: input.ip };

  const locked = lockedAt(user.lockedUntil, now);
  if (locked) throw lockedError(locked);

  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const next = afterFailedLogin(user.failedLoginCount, now);
    await db.transaction(async (tx) => {
      await updateUserRow(tx, user.id, { failedLoginCount: next.failedCount, lockedUntil: next.lockedUntil });
      await appendAudit(tx, source, {
        action: next.outcome.kind === 'now-locked' ? 'auth.lock' : 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        after: next.outcome.kind === 'now-locked' ? { lockedUntil: next.lockedUntil, minutes: LOCKOUT_MINUTES } : { failedLoginCount: next.failedCount },
      });
    });
    if (next.outcome.kind === 'now-locked') throw lockedError(next.outcome.unlockAt);
    const remaining = next.outcome.kind === 'failed' ? next.outcome.remaining : 0;
    throw new AppError('INVALID_CREDENTIALS', {
      message: {
        zh: `用户名或密码错误，再错 ${remaining} 次账号将锁定 ${LOCKOUT_MINUTES} 分钟`,
        en: `Wrong username or password; ${remaining} more and the account locks for ${LOCKOUT_MINUTES} minutes`,
      },
      details: { remainingAttempts: remaining },
    });
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  const sessionToken = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now, lastLoginIp: input.ip });
    await insertSession(tx, {
      id: sessionIdOf(sessionToken),
      userId: user.id,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now.getTime() + deps.sessionMaxHours * 3_600_000),
    });
    await appendAudit(tx, source, { action: 'auth.login', targetType: 'user', targetId: user.id, after: { ip: input.ip } });
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
  assertPasswordPolicy(body.newPassword);
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
    dataScope: { kinds: p.scope.all ? ['all'] : p.scope.kinds, deptIds: p.scope.deptIds, territory: p.scope.all ? [] : p.scope.jurisdictionPrefixes },
  };
}

import { changePasswordBody, loginBody, meResponse, type MeResponse } from '../../../../contracts/auth.js';
import { okResponse } from '../../../../contracts/common.js';
import { csrfCookieOptions, sessionCookieOptions } from '../../platform/auth/auth.plugin.js';
import { CSRF_COOKIE, SESSION_COOKIE, sessionIdOf } from '../../platform/auth/session-token.js';
import { AppError } from '../../platform/http/errors.js';
import { failureLimit } from '../../platform/http/rate-limit.js';
import type { ZApp } from '../../platform/http/types.js';
import type { SystemDeps } from './system.deps.js';
import { changeOwnPassword, describeMe, describeMeJson, login, logout } from './auth.service.js';

const TAG = ['认证 Auth'];

/** 429 once an address has spent its failed logins: a wait in minutes, Chinese first. */
function loginThrottled(seconds: number): AppError {
  const minutes = Math.ceil(seconds / 60);
  return new AppError('LOGIN_RATE_LIMITED', {
    message: {
      zh: `当前网络地址登录失败次数过多，请 ${minutes} 分钟后再试`,
      en: `Too many failed logins from this address; try again in ${minutes} min`,
    },
    details: { retryAfterSeconds: seconds },
  });
}

export function authRoutes(app: ZApp, deps: SystemDeps): void {
  // Per address, in addition to the lockout per (name, address): one client cannot try thousands
  // of names. Only failures count (see failureLimit): every other outcome gives its token back. A
  // body refused by validation before the handler keeps it (a malformed login is a failed one).
  const throttle = failureLimit(deps.config.loginRateLimit, loginThrottled);

  app.post('/api/auth/login', {
    config: { access: 'public', skipCsrf: true, oplog: { title: '用户登录', type: 'login' } },
    onRequest: throttle.onRequest,
    schema: {
      tags: TAG,
      summary: '登录 Log in',
      description:
        '未知用户名与错误密码的回答相同（401 INVALID_CREDENTIALS）。同一用户名从同一地址连续失败 5 次暂停 15 分钟（423 ACCOUNT_LOCKED）；同一地址失败过多时 429 LOGIN_RATE_LIMITED 并给出 Retry-After。' +
        ' An unknown name and a wrong password get the same answer. Five failures for a name from one address pause it there for 15 minutes (423); too many failures from one address give 429 with Retry-After.',
      body: loginBody,
      response: { 200: meResponse },
    },
    handler: async (request, reply) => {
      request.oplogOperName = request.body.username.trim().toLowerCase().slice(0, 64);
      let result;
      try {
        result = await login(
          { db: deps.db, sessionMaxHours: deps.config.sessionMaxHours },
          { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
        );
      } catch (err) {
        if (!(err instanceof AppError && (err.code === 'INVALID_CREDENTIALS' || err.code === 'ACCOUNT_LOCKED'))) throttle.refund(request);
        throw err;
      }
      throttle.refund(request);
      reply.setCookie(SESSION_COOKIE, result.sessionToken, sessionCookieOptions(deps.config.cookieSecure));
      reply.setCookie(CSRF_COOKIE, result.csrfToken, csrfCookieOptions(deps.config.cookieSecure));
      const principal = await deps.principals.load(sessionIdOf(result.sessionToken));
      request.principal = principal;
      return describeMe(principal!);
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated', allowDuringPasswordChange: true, oplog: { title: '退出登录', type: 'logout' } },
    schema: { tags: TAG, summary: '退出 Log out', response: { 200: okResponse } },
    handler: async (request, reply) => {
      await logout(request.ctx(), request.principal!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    schema: { tags: TAG, summary: '当前用户 Who am I', response: { 200: meResponse } },
    // The JSON is precomputed per principal; Fastify sends a JSON string as is (no re-serialisation).
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send(describeMeJson(request.principal!) as unknown as MeResponse),
  });

  app.post('/api/auth/password', {
    config: { access: 'authenticated', allowDuringPasswordChange: true, oplog: { title: '修改密码', type: 'update' } },
    schema: { tags: TAG, summary: '修改本人密码 Change my password', body: changePasswordBody, response: { 200: okResponse } },
    handler: async (request) => {
      await changeOwnPassword(request.ctx(), request.principal!, request.body);
      return { ok: true as const };
    },
  });
}

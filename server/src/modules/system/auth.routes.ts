import { changePasswordBody, loginBody, meResponse, type MeResponse } from '../../../../contracts/auth.js';
import { okResponse } from '../../../../contracts/common.js';
import { csrfCookieOptions, sessionCookieOptions } from '../../platform/auth/auth.plugin.js';
import { CSRF_COOKIE, SESSION_COOKIE, sessionIdOf } from '../../platform/auth/session-token.js';
import type { ZApp } from '../../platform/http/types.js';
import type { SystemDeps } from './system.deps.js';
import { changeOwnPassword, describeMe, describeMeJson, login, logout } from './auth.service.js';

const TAG = ['认证 Auth'];

export function authRoutes(app: ZApp, deps: SystemDeps): void {
  app.post('/api/auth/login', {
    config: { access: 'public', skipCsrf: true, oplog: { title: '用户登录', type: 'login' } },
    schema: { tags: TAG, summary: '登录 Log in', body: loginBody, response: { 200: meResponse } },
    handler: async (request, reply) => {
      request.oplogOperName = request.body.username.trim().toLowerCase().slice(0, 64);
      const result = await login(
        { db: deps.db, sessionMaxHours: deps.config.sessionMaxHours },
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
      );
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

/**
 * Authentication, CSRF and route-level authorization, in one onRequest hook.
 *
 * Every /api route declares `config.access`: a permission string, `authenticated` or `public`;
 * a route without one stops the server at start-up. For each request the hook
 *   1. resolves the session cookie to a principal (cache, then the PrincipalStore);
 *   2. answers 401 when the route is not public and nobody is logged in;
 *   3. answers 403 CSRF_INVALID for a state-changing request whose `x-csrf-token` header does not
 *      equal the `zl_csrf` cookie (and, when logged in, the session's own token);
 *   4. answers 403 PASSWORD_CHANGE_REQUIRED until a forced password change is done;
 *   5. answers 403 FORBIDDEN when the principal lacks the route's permission.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RouteAccess } from '../../../../contracts/permissions.js';
import type { Database } from '../../db/client.js';
import type { Ctx, Domain } from '../context.js';
import { EMPTY_SCOPE } from '../data-scope/data-scope.js';
import { AppError } from '../http/errors.js';
import { requestLang } from '../http/lang.js';
import type { Principal, PrincipalStore } from './principal.js';
import { type PrincipalCache } from './principal-cache.js';
import { CSRF_COOKIE, CSRF_HEADER, newToken, SESSION_COOKIE, sessionIdOf, tokensEqual } from './session-token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route. Required on every /api route. */
    access?: RouteAccess;
    /** Allowed while the user still has to change a forced password (me, logout, change password). */
    allowDuringPasswordChange?: boolean;
    /** Skip the CSRF check (only the login route: there is no session yet to bind a token to). */
    skipCsrf?: boolean;
    /**
     * `false`: do not hand out the CSRF cookie here (public reads served to API clients that keep
     * no cookies, such as the credit lookup: a random token and a Set-Cookie per request).
     */
    csrfCookie?: false;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The use-case context for this request (actor, scope, db …). */
    ctx(): Ctx;
  }
  interface FastifyInstance {
    principals: PrincipalCache;
  }
}

export interface AuthPluginOptions {
  db: Database;
  /** The composition every request's use cases run in. */
  domain: Domain;
  store: PrincipalStore;
  cache: PrincipalCache;
  cookieSecure: boolean;
  idleMinutes: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Write `last_seen_at` at most this often per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export const sessionCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: true, sameSite: 'lax', secure }) as const;
export const csrfCookieOptions = (secure: boolean) =>
  ({ path: '/', httpOnly: false, sameSite: 'lax', secure }) as const;

async function authPlugin(app: FastifyInstance, opts: AuthPluginOptions): Promise<void> {
  const idleMs = opts.idleMinutes * 60_000;
  app.decorate('principals', opts.cache);
  app.decorateRequest('principal', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): Ctx {
    const p = this.principal;
    return {
      db: opts.db,
      domain: opts.domain,
      actor: p
        ? { userId: p.user.id, username: p.user.username, roles: p.roles.map((r) => r.key), deptId: p.user.deptId, deptName: p.user.deptName }
        : { userId: null, username: 'anonymous', roles: [], deptId: null, deptName: null },
      scope: p ? p.scope : EMPTY_SCOPE,
      permissions: p ? p.permissions : new Set<string>(),
      requestId: this.id,
      ip: this.ip,
      lang: requestLang(this),
    };
  });

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access (config.access)`);
    }
  });

  async function resolvePrincipal(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return null;
    const sessionId = sessionIdOf(token);
    const now = Date.now();
    let principal: Principal | null | undefined = opts.cache.get(sessionId, now);
    if (!principal) {
      principal = await opts.store.load(sessionId);
      if (principal) opts.cache.set(sessionId, principal, now);
    }
    if (!principal) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return null;
    }
    if (now >= principal.expiresAt || now - principal.lastSeenAt >= idleMs) {
      opts.cache.invalidate(sessionId);
      await opts.store.remove(sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return null;
    }
    if (now - principal.lastSeenAt >= TOUCH_INTERVAL_MS) {
      principal.lastSeenAt = now;
      await opts.store.touch(sessionId, new Date(now));
    }
    return principal;
  }

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const access = config?.access;
    if (!access) return; // static files and 404s

    // Give every browser a CSRF cookie to echo, even before login (not on routes that opt out:
    // the public lookup, where it was part of what a request cost over a bare server, issue 12 §7).
    if (!request.cookies[CSRF_COOKIE] && config.csrfCookie !== false) {
      const token = newToken();
      request.cookies[CSRF_COOKIE] = token;
      reply.setCookie(CSRF_COOKIE, token, csrfCookieOptions(opts.cookieSecure));
    }

    const principal = await resolvePrincipal(request, reply);
    request.principal = principal;

    if (access !== 'public' && !principal) throw new AppError('UNAUTHENTICATED');

    if (!SAFE_METHODS.has(request.method) && !config.skipCsrf) {
      const header = request.headers[CSRF_HEADER];
      const cookie = request.cookies[CSRF_COOKIE];
      const expected = principal ? principal.csrfToken : cookie;
      if (typeof header !== 'string' || !cookie || !expected || !tokensEqual(header, cookie) || !tokensEqual(header, expected)) {
        throw new AppError('CSRF_INVALID');
      }
    }

    if (access === 'public') return;
    if (principal!.user.mustChangePassword && !config.allowDuringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access === 'authenticated') return;
    if (!principal!.permissions.has(access)) {
      throw new AppError('FORBIDDEN', { details: { required: access } });
    }
  });
}

export default fp(authPlugin, { name: 'zhiliang-auth', dependencies: ['@fastify/cookie'] });

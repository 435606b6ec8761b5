/**
 * buildApp: the whole HTTP application, without listening. Platform plugins first (errors, cookies,
 * uploads, OpenAPI, auth, operation log), then the modules' routes, then the web app.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { msg } from '../../contracts/i18n.js';
import type { Config } from './config/config.js';
import { VERSION, WEB_DIST_DIR } from './config/paths.js';
import type { Database, DbKind } from './db/client.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { openAuthChannel } from './platform/auth/auth-channel.js';
import { onAuthChanged } from './platform/auth/auth-events.js';
import authPlugin from './platform/auth/auth.plugin.js';
import { PrincipalCache } from './platform/auth/principal-cache.js';
import { RequestValidationError, registerErrorHandler, replyClientError, replyFrameworkError, replyRouteNotFound } from './platform/http/errors.js';
import { openApiOptions } from './platform/http/openapi.js';
import { registerJsonBodyParser, unstorableCharacter } from './platform/http/request-body.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import type { ZApp } from './platform/http/types.js';
import { UPLOAD_MAX_BYTES } from './platform/http/upload.js';
import { identifierRoutes } from './platform/identifiers/identifier.routes.js';
import oplogPlugin from './platform/oplog/oplog.plugin.js';
import { closeWorkerPool } from './platform/workers/worker-pool.js';
import { oplogRoutes } from './platform/oplog/oplog.routes.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { jobRoutes } from './platform/jobs/job.routes.js';
import { createScheduler, type Scheduler } from './platform/jobs/scheduler.js';
import { createPrincipalStore, dictLabeler, exportNames } from './modules/system/index.js';
import { composeModules, type Composition } from './composition.js';

z.config(z.locales.zhCN());

/** JSON bodies up to 1 MiB unless a route says otherwise (pasted plan text, uploads). */
const BODY_LIMIT = 1024 * 1024;

/** Request ids: a random per-process prefix and a counter — unique across restarts, cheap per request. */
const REQUEST_ID_PREFIX = `req-${randomBytes(3).toString('hex')}`;
let requestCounter = 0;
function nextRequestId(): string {
  requestCounter = (requestCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `${REQUEST_ID_PREFIX}-${requestCounter.toString(36)}`;
}

/** Trust the first `hops` proxies counted from the server: the client is the address the last of them saw. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export interface BuildAppOptions {
  db: Database;
  dbKind: DbKind;
  config: Config;
  /** Fastify logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web app at / (default: when dist/web exists). */
  serveWeb?: boolean;
  /** The modules, composed once by the entry point (server, tests); composed here when not given. */
  composition?: Composition;
  /**
   * The job scheduler the jobs page shows and "run now" uses. The server passes the one it starts;
   * without it the app gets its own, never started (tests: the page and "run now" work, no timers).
   */
  scheduler?: Scheduler;
}

export async function buildApp(opts: BuildAppOptions): Promise<ZApp> {
  const { db, config } = opts;
  const app = Fastify({
    logger: opts.logger ?? false,
    // Requests are recorded in the operation log; per-request log lines only when debugging.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(config.logLevel) }),
    // A number of proxy hops, as Fastify itself would read it (its types omit the number form).
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: BODY_LIMIT,
    genReqId: nextRequestId,
    // Refusals before routing (bad URL, over-long parameter, unparsable HTTP) in the error envelope too.
    frameworkErrors: replyFrameworkError,
    clientErrorHandler: replyClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler<ZodType>(({ schema, httpPart }) => (data) => {
    // PostgreSQL cannot store NUL or a lone surrogate: refuse them here, as bad input, wherever they appear.
    const unstorable = unstorableCharacter(data);
    if (unstorable) {
      const message =
        unstorable === 'nul'
          ? msg('不允许包含 NUL（\\u0000）字符', 'NUL (\\u0000) characters are not allowed')
          : msg('包含无效的 Unicode 字符（未配对的代理项）', 'Invalid Unicode: an unpaired surrogate');
      return { error: new RequestValidationError(httpPart ?? 'body', [{ code: 'custom', path: [], message, input: undefined }]) };
    }
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  });
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  registerSecurityHeaders(app);
  registerJsonBodyParser(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10 } });
  await app.register(fastifySwagger, openApiOptions({ version: VERSION, defaultBodyLimit: BODY_LIMIT }));
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Uploaded files are parsed in worker threads (platform/workers): the pool ends with the app.
  app.addHook('onClose', async () => closeWorkerPool());

  const principalCache = new PrincipalCache();
  // Several processes on one PostgreSQL: an auth change here is told to the others (LISTEN/NOTIFY);
  // PGlite is a single process and needs only the in-process path.
  const authChannel =
    opts.dbKind === 'postgres' && config.databaseUrl
      ? openAuthChannel({ databaseUrl: config.databaseUrl, onRemoteChange: () => principalCache.invalidateAll(), log: app.log })
      : null;
  const unsubscribe = onAuthChanged(() => {
    principalCache.invalidateAll();
    authChannel?.publish();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await authChannel?.close();
  });
  const principals = createPrincipalStore(db);
  const composition = opts.composition ?? composeModules();
  await app.register(authPlugin, {
    db,
    domain: composition.domain,
    store: principals,
    cache: principalCache,
    cookieSecure: config.cookieSecure,
    idleMinutes: config.sessionIdleMinutes,
  });
  await app.register(oplogPlugin, { db });

  healthRoutes(app, { db, dbKind: opts.dbKind });
  jobRoutes(app, { scheduler: opts.scheduler ?? createScheduler({ db, dbKind: opts.dbKind, jobs: composition.jobs, log: app.log }) });
  identifierRoutes(app);
  for (const module of composition.modules) module.routes(app, { db, config, principals });
  auditRoutes(app, { label: dictLabeler, roleNames: async (db) => (await exportNames(db)).role });
  oplogRoutes(app, { label: dictLabeler });

  app.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  const serveWeb = opts.serveWeb ?? existsSync(join(WEB_DIST_DIR, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST_DIR, wildcard: false, index: ['index.html'] });
  }
  registerSpaFallback(app, serveWeb);
  return app;
}

/** Unknown /api paths are JSON 404s; any other GET for a page is the web app (client-side routing). */
function registerSpaFallback(app: ZApp, serveWeb: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    const wantsPage = request.method === 'GET' && !isApi && !/\.[a-z0-9]{1,8}(\?|$)/i.test(request.url);
    if (wantsPage && serveWeb) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    if (wantsPage) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>Zhiliang</title><p>网页端尚未构建，请运行 <code>npm run build</code>。The web app is not built: run <code>npm run build</code>.</p>');
    }
    return replyRouteNotFound(request, reply);
  });
}

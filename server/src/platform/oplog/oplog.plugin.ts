/**
 * 操作日志: a row per state-changing request (and per export), written after the response, outside
 * the request's transaction (it records failures too). Declared per route with `config.oplog`;
 * state-changing routes without a declaration are logged with the URL as title.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { OperType } from '../../../../contracts/dicts.js';
import type { Database } from '../../db/client.js';
import { insertOperLog, type NewOperLog } from './oplog.repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    oplog?: { title: string; type: OperType } | false;
  }
  interface FastifyRequest {
    /** Set by the error handler: what went wrong, for the operation log. */
    failure: { code: string; message: string } | null;
    /** Lets a login route name the attempted user before a principal exists. */
    oplogOperName?: string;
  }
  interface FastifyInstance {
    /** Wait for pending operation-log writes (tests, shutdown). */
    flushOplog(): Promise<void>;
  }
}

const SECRET_KEY = /pass(word)?|secret|token/i;
const PARAM_MAX = 2000;

/** The request body as logged: secrets masked, long text cut. */
export function describeParams(body: unknown, query: unknown): string | null {
  const mask = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mask);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '******' : mask(v)]));
    }
    return value;
  };
  const parts: Record<string, unknown> = {};
  if (query && typeof query === 'object' && Object.keys(query).length > 0) parts.query = mask(query);
  if (body !== undefined && body !== null) parts.body = typeof body === 'object' && !Buffer.isBuffer(body) ? mask(body) : '[binary]';
  if (Object.keys(parts).length === 0) return null;
  const text = JSON.stringify(parts);
  return text.length > PARAM_MAX ? `${text.slice(0, PARAM_MAX)}…` : text;
}

async function oplogPlugin(app: FastifyInstance, opts: { db: Database }): Promise<void> {
  const pending = new Set<Promise<void>>();
  app.decorateRequest('failure', null);
  app.decorate('flushOplog', async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  });

  // A callback-style hook: reads (the hot path) return without allocating a promise.
  app.addHook('onResponse', (request, reply, done) => {
    done();
    const config = request.routeOptions.config;
    if (!config?.access) return;
    const declared = config.oplog;
    if (declared === false) return;
    if (!declared && (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS')) return;
    const p = request.principal;
    const row: NewOperLog = {
      title: declared ? declared.title : (request.routeOptions.url ?? request.url),
      operType: declared ? declared.type : 'other',
      method: `${request.method} ${request.routeOptions.url ?? ''}`,
      requestMethod: request.method,
      operName: p?.user.username ?? request.oplogOperName ?? null,
      operUserId: p?.user.id ?? null,
      deptName: p?.user.deptName ?? null,
      operUrl: request.url.slice(0, 500),
      operIp: request.ip,
      operParam: describeParams(request.body, request.query),
      status: reply.statusCode < 400 ? 'success' : 'failure',
      httpStatus: reply.statusCode,
      errorCode: request.failure?.code ?? null,
      errorMsg: request.failure?.message.slice(0, 2000) ?? null,
      requestId: request.id,
      operTime: new Date(Date.now() - Math.round(reply.elapsedTime)),
      costTime: Math.round(reply.elapsedTime),
    };
    const write = insertOperLog(opts.db, row).catch((err: unknown) => {
      request.log.error({ err, reqId: request.id }, 'cannot write operation log');
    });
    pending.add(write);
    void write.finally(() => pending.delete(write));
  });

  app.addHook('onClose', async () => {
    await app.flushOplog();
  });
}

export default fp(oplogPlugin, { name: 'zhiliang-oplog' });

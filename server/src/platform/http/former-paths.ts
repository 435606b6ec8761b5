/**
 * Routes that moved keep answering at their former paths: clients written against those paths
 * (scripts, other systems) go on working. The former path is the same route (same access,
 * validation, handler and operation log), hidden from the OpenAPI document, and each answer names
 * the path to use now in a `Link: <…>; rel="successor-version"` header.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

/** Every route under `to` (a path prefix) was served under `from` before. */
export interface MovedPrefix {
  from: string;
  to: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on the hidden copy of a moved route: where it moved. */
    movedTo?: MovedPrefix;
  }
}

function under(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`);
}

/** Register, before the routes, a hidden copy at the former path of every route registered under a moved prefix. */
export function serveFormerPaths(app: FastifyInstance, moves: readonly MovedPrefix[]): void {
  app.addHook('onRoute', (route) => {
    // HEAD routes are Fastify's own copies of GET routes: the former GET gets its own.
    if (route.config?.movedTo || route.method === 'HEAD') return;
    const move = moves.find((m) => under(route.url, m.to));
    if (!move) return;
    const former = move.from + route.url.slice(move.to.length);
    const successorLink = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (err: null, payload: unknown) => void) => {
      const path = request.url.split('?')[0]!;
      reply.header('link', `<${move.to}${path.slice(move.from.length)}>; rel="successor-version"`);
      done(null, payload);
    };
    const onSend = route.onSend ? [route.onSend, successorLink].flat() : [successorLink];
    const { prefix: _prefix, routePath: _routePath, path: _path, ...rest } = route as RouteOptions & { prefix?: string; routePath?: string; path?: string };
    app.route({
      ...rest,
      url: former,
      schema: { ...route.schema, hide: true },
      config: { ...route.config, movedTo: move },
      onSend: onSend as RouteOptions['onSend'],
    } as RouteOptions);
  });
}

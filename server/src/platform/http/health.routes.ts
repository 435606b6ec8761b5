import { z } from 'zod';
import { VERSION } from '../../config/paths.js';
import { pingDatabase, type Database, type DbKind } from '../../db/client.js';
import type { ZApp } from './types.js';

const database = z.enum(['pglite', 'postgres']).describe('数据库类型 Which database the server uses');
const healthUp = z.object({ status: z.literal('ok'), db: z.literal('up'), database, version: z.string() });
const healthDown = z.object({ status: z.literal('unavailable'), db: z.literal('down'), database, version: z.string() });

/**
 * A ping that does not answer within this time counts as down: a load balancer's probe must get an
 * answer even when the database host hangs instead of refusing.
 */
const PING_TIMEOUT_MS = 2_000;

function pingWithin(db: Database, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const ping = pingDatabase(db).then(
    () => true,
    () => false,
  );
  return Promise.race([ping, timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: ZApp, deps: { db: Database; dbKind: DbKind }): void {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['系统 Platform'],
      summary: '健康检查 Health',
      description: '数据库可用时 200 db=up；数据库不可用时 503 db=down（恢复后自动回到 200）。 200 with db=up while the database answers; 503 with db=down while it does not (back to 200 on its own once it returns).',
      response: { 200: healthUp, 503: healthDown },
    },
    handler: async (_request, reply) => {
      // Answer "ok" only when the database answers too.
      if (await pingWithin(deps.db, PING_TIMEOUT_MS)) return { status: 'ok' as const, db: 'up' as const, database: deps.dbKind, version: VERSION };
      return reply.status(503).send({ status: 'unavailable' as const, db: 'down' as const, database: deps.dbKind, version: VERSION });
    },
  });
}

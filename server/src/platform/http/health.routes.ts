import { z } from 'zod';
import { VERSION } from '../../config/paths.js';
import { pingDatabase, type Database, type DbKind } from '../../db/client.js';
import type { ZApp } from './types.js';

const healthResponse = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() });

export function healthRoutes(app: ZApp, deps: { db: Database; dbKind: DbKind }): void {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['系统 Platform'], summary: '健康检查 Health', response: { 200: healthResponse } },
    handler: async () => {
      // Answer "ok" only when the database answers too.
      await pingDatabase(deps.db);
      return { status: 'ok' as const, db: deps.dbKind, version: VERSION };
    },
  });
}

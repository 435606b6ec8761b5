import { overviewResponse } from '../../../../contracts/system.js';
import { hasPermission } from '../../platform/context.js';
import type { ZApp } from '../../platform/http/types.js';
import { getOverview } from './overview.service.js';

export function overviewRoutes(app: ZApp): void {
  app.get('/api/system/overview', {
    config: { access: 'authenticated' },
    schema: { tags: ['首页 Home'], summary: '首页统计 Home page figures', response: { 200: overviewResponse } },
    handler: (request) => {
      const ctx = request.ctx();
      // Recent operations name people and URLs: only for those who may read the operation log.
      return getOverview(ctx, { showOperations: hasPermission(ctx, 'monitor:operlog:list') });
    },
  });
}

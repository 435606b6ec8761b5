/**
 * The public portal (信用信息公开查询): endpoints open without login. Read-only views of what the
 * law lets anyone see about a market entity; the public credit report builds on `publicCredit`.
 */
export { portalRoutes, publicRateLimit, DEFAULT_PUBLIC_RATE_LIMIT, type PortalDeps } from './portal.routes.js';
export { publicCredit, searchPublic } from './portal.service.js';

import type { ServerModule } from '../../platform/modules/server-module.js';
import { portalRoutes as routes, type PortalDeps as Deps } from './portal.routes.js';

/** The portal as the composition root uses it: public, read-only routes. */
export function createPortalModule(deps: Deps = {}): ServerModule {
  return { name: 'portal', routes: (app) => routes(app, deps) };
}

/**
 * The plans module's public surface (行动计划与任务督办): its routes, the parser (the CLI prints
 * parses) and the document-text extraction.
 */
import type { ServerModule } from '../../platform/modules/server-module.js';
import { plansRoutes, type PlansDeps } from './plans.routes.js';

export { plansRoutes } from './plans.routes.js';

/** The plans module as the composition root uses it. */
export function createPlansModule(deps: PlansDeps): ServerModule {
  return { name: 'plans', routes: (app) => plansRoutes(app, deps) };
}
export { extractDocumentText, MAX_PLAN_FILE_BYTES, parsePlan, planParseSummary } from './parser/index.js';
export type { CalendarSource } from './task.service.js';
export { recordIndicatorValue } from './indicator.service.js';
export { unitTaskStats } from './plans.repository.js';
export { seedPlansDemo, type PlansDemoReport } from './demo/demo.service.js';

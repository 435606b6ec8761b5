/**
 * The assessment module's public surface (质量工作考核): its routes. It reads task figures from the
 * plans module through that module's index only.
 */
import type { ServerModule } from '../../platform/modules/server-module.js';
import { assessmentRoutes, type AssessmentDeps } from './assessment.routes.js';

export { assessmentRoutes, type AssessmentDeps } from './assessment.routes.js';

/** The assessment module as the composition root uses it. */
export function createAssessmentModule(deps: AssessmentDeps): ServerModule {
  return { name: 'assessment', routes: (app) => assessmentRoutes(app, deps) };
}
export { seedAssessmentDemo, type AssessmentDemoReport } from './demo/demo.service.js';
export { demoAssessmentDates } from './demo/demo.rules.js';
export { noticeDocument } from './result.service.js';

/**
 * The assessment module's public surface (质量工作考核): its routes. It reads task figures from the
 * plans module through that module's index only.
 */
export { assessmentRoutes, type AssessmentDeps } from './assessment.routes.js';
export { seedAssessmentDemo, type AssessmentDemoReport } from './demo/demo.service.js';

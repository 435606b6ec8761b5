/**
 * The credit module's public surface (质量信用): scoring models and evaluations; lists, repair and
 * sanctions are added by their own files.
 */
export { scoringRoutes } from './scoring.routes.js';
export { registerCreditListeners, seedCreditModels, recomputeEvaluations, reevaluateEntity, scheduleMonthlyRiskRecompute, runMonthlyRiskRecompute, maySeeRisk } from './scoring.service.js';
export { creditModel, creditEvaluation, creditRecomputeRun } from './scoring.table.js';
export { creditListsRoutes, type CreditListsDeps } from './lists.routes.js';
export {
  registerCreditLists,
  runListClock,
  scheduleListClock,
  listPublicEntries,
  removeEntry,
  onPenaltyRecorded,
  getCreditSettings,
  toEntryDto,
  type RemoveEntryInput,
  type CalendarProvider,
} from './list.service.js';
export { groundsInWords } from './lists.rules.js';
export { publishScheduledRounds } from './honour.service.js';
export {
  addYears,
  addMonths,
  checkEarlyRemoval,
  ABNORMAL_OBJECTION_DAYS,
  ABNORMAL_OBJECTION_ACCEPT_WORKING_DAYS,
  ABNORMAL_OBJECTION_VERIFY_WORKING_DAYS,
  ABNORMAL_REMOVAL_WORKING_DAYS,
  STOP_PUBLICATION_WORKING_DAYS,
} from './lists.rules.js';
export { creditListEntry, creditHonourRound, creditSetting } from './lists.table.js';
export { creditRepairRoutes, type RepairDeps } from './repair.routes.js';
export { creditSanctionRoutes } from './sanction.routes.js';
export { sanctionsOf, seedSanctionRules } from './sanction.service.js';
export { creditApplication, creditSanctionRule, creditSanctionQuery } from './lists.table.js';
export { creditReportRoutes, type CreditReportDeps } from './report.routes.js';
export { seedCreditDemo, type CreditDemoReport } from './demo/demo.service.js';
export { seedCreditBuiltins } from './seed.service.js';

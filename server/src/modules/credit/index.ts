/**
 * The credit module's public surface (质量信用): scoring models and evaluations, lists, repair,
 * sanctions, honours and the credit report. `createCreditModule` is what the composition root uses.
 */
import type { Executor } from '../../db/client.js';
import type { Domain, DomainListeners } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import type { DictLabel } from '../../platform/excel/excel.js';
import type { ServerModule } from '../../platform/modules/server-module.js';
import { creditJobs } from './credit.jobs.js';
import { listsListeners } from './list.service.js';
import { creditListsRoutes } from './lists.routes.js';
import { creditRepairRoutes } from './repair.routes.js';
import { creditReportRoutes } from './report.routes.js';
import type { PublicCreditOf } from './report.service.js';
import { creditSanctionRoutes } from './sanction.routes.js';
import { scoringListeners } from './scoring.service.js';
import { scoringRoutes } from './scoring.routes.js';

export interface CreditModuleDeps {
  domain: Domain;
  /** Dictionary labels for exports (system module). */
  label: (db: Executor) => Promise<DictLabel>;
  /** District names for exports (system module). */
  districtNames: (db: Executor) => Promise<(code: string | null | undefined) => string | null>;
  /** The portal's public view of an entity, for the credit report (the portal imports credit, not the reverse). */
  publicCredit: PublicCreditOf;
}

export interface CreditModule extends ServerModule {
  listeners: readonly DomainListeners[];
  jobs: readonly JobDefinition[];
}

export function createCreditModule(deps: CreditModuleDeps): CreditModule {
  return {
    name: 'credit',
    routes(app) {
      scoringRoutes(app);
      creditListsRoutes(app, { label: deps.label, districtNames: deps.districtNames });
      creditRepairRoutes(app, { calendarOf: (ctx) => ctx.domain.calendar.get(ctx.db) });
      creditSanctionRoutes(app);
      creditReportRoutes(app, { publicCredit: deps.publicCredit });
    },
    // Scoring first: a penalty's publication entry is opened after the entity is re-graded (the order they always ran in).
    listeners: [scoringListeners, listsListeners],
    jobs: creditJobs(deps.domain),
  };
}

export { scoringRoutes } from './scoring.routes.js';
export { seedCreditModels, recomputeEvaluations, reevaluateEntity, scheduleMonthlyRiskRecompute, runMonthlyRiskRecompute, maySeeRisk } from './scoring.service.js';
export { creditListsRoutes, type CreditListsDeps } from './lists.routes.js';
export {
  runListClock,
  scheduleListClock,
  listPublicEntries,
  removeEntry,
  onPenaltyRecorded,
  getCreditSettings,
  toEntryDto,
  type RemoveEntryInput,
} from './list.service.js';
export { groundsInWords, PENALTY_PUBLICATION_YEARS } from './lists.rules.js';
export { gradeOf } from './scoring.repository.js';
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

/**
 * The credit module's public surface (质量信用): scoring models and evaluations, lists, repair,
 * sanctions, honours and the credit report. `createCreditModule` is what the composition root uses.
 */
import type { Executor } from '../../db/client.js';
import type { Domain, DomainListeners } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import type { DictLabel } from '../../platform/excel/excel.js';
import type { ServerModule } from '../../platform/modules/server-module.js';
import { creditJobs } from './clock/credit.jobs.js';
import { listsListeners } from './lists/penalty-publication.service.js';
import { creditListsRoutes } from './lists/lists.routes.js';
import { creditRepairRoutes } from './repair/repair.routes.js';
import { creditReportRoutes } from './report/report.routes.js';
import type { PublicCreditOf } from './report/report.service.js';
import { creditSanctionRoutes } from './sanctions/sanction.routes.js';
import { scoringListeners } from './scoring/scoring.service.js';
import { scoringRoutes } from './scoring/scoring.routes.js';

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

// The public surface other modules, the composition root, the CLI, the seeders and the benches use; nothing else leaves credit.
export { seedCreditModels, recomputeEvaluations } from './scoring/scoring.service.js';
export { gradeOf } from './scoring/scoring.repository.js';
export { runListClock } from './clock/list-clock.js';
export { groundsInWords, addMonths, PENALTY_PUBLICATION_YEARS } from './lists/lists.rules.js';
export { creditListEntry } from './lists/lists.table.js';
export { creditHonourRound } from './honours/honour.table.js';
// For seeding layers (the demo city): the lists' rules and bulk writes, the grading.
export { getCreditSettings } from './lists/list-settings.service.js';
export { honourCandidates, insertEntries as insertListEntries, insertRound as insertHonourRound } from './lists/lists.repository.js';
export {
  DEFAULT_BLACK_CRITERIA,
  DEFAULT_LOW_FINE_PERSON_THRESHOLD_YUAN,
  DEFAULT_LOW_FINE_THRESHOLD_YUAN,
  DEFAULT_RED_CRITERIA,
  honourGrounds,
  isLowerTierPenalty,
  listingReason,
  lowFineThresholdFor,
  minPublicationMonths,
  NO_EARLY_STOP_PENALTIES,
  penaltyPublicationPlan,
  qualifiesForHonour,
  seriousViolationClocks,
  type HonourCandidate,
  type HonourCriteriaInput,
} from './lists/lists.rules.js';
export { seedCreditBuiltins } from './seed.service.js';

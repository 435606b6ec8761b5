/**
 * The composition root: every server module is created here, once per entry point, with what it
 * needs (the calendar store, other modules' public services), and the cross-module reactions are
 * wired from the modules' own `listeners`. buildApp, the CLI, the start-up seeding, the test
 * template, the benches and the tests all go through `composeModules`, so no entry point can run
 * the domain without its listeners or its jobs (entities imported from the CLI used to be left
 * ungraded when the wiring was a side effect of registering credit's routes).
 *
 * Nothing here is module-level state: two compositions (two apps in one test process) share nothing.
 */
import type { Database } from './db/client.js';
import { domainEvents, systemCtx, type Ctx, type Domain, type DomainListeners } from './platform/context.js';
import type { JobDefinition } from './platform/jobs/job.js';
import type { ServerModule } from './platform/modules/server-module.js';
import { createAssessmentModule } from './modules/assessment/index.js';
import { createCreditModule, gradeOf, type CreditModule } from './modules/credit/index.js';
import { createEntitiesModule, enterpriseDistrict } from './modules/entities/index.js';
import { createPlansModule } from './modules/plans/index.js';
import { createPortalModule, publicCredit, type PortalDeps } from './modules/portal/index.js';
import { createCalendarStore, createSystemModule, dictLabeler, exportNames, type CalendarStore } from './modules/system/index.js';

export interface CompositionDeps {
  /** Share one calendar store (tests may pass their own); a fresh store otherwise. */
  calendar?: CalendarStore;
  /** The portal's per-IP limits (tests switch them off). */
  portal?: PortalDeps;
}

export interface Composition {
  /** The events and calendar every `Ctx` of this composition carries. */
  domain: Domain;
  calendar: CalendarStore;
  /** In route-registration order. */
  modules: readonly ServerModule[];
  credit: CreditModule;
  /** Every module's periodic work (the scheduler runs them; the CLI can run one by name). */
  jobs: readonly JobDefinition[];
  /** A use-case context acting as the system (or the named user of the CLI) in this composition. */
  systemCtx(db: Database, opts?: { username?: string; requestId?: string }): Ctx;
}

export function composeModules(deps: CompositionDeps = {}): Composition {
  const calendar = deps.calendar ?? createCalendarStore();
  // Filled below, once every module exists; read only when an event is emitted.
  const listeners: DomainListeners[] = [];
  // Reads against the import direction: the owner answers, the composition hands the answer over.
  const domain: Domain = { events: domainEvents(listeners), calendar, queries: { enterpriseDistrict, gradeOf } };

  const label = dictLabeler;
  // Exports print names, not codes: districts by name (from the system module).
  const districtNames = async (db: Parameters<typeof exportNames>[0]) => (await exportNames(db)).district;

  const system = createSystemModule({ calendar });
  const plans = createPlansModule({ calendarOf: (ctx) => ctx.domain.calendar.get(ctx.db), label });
  const assessment = createAssessmentModule({ label });
  const credit = createCreditModule({ domain, label, districtNames, publicCredit });
  const portal = createPortalModule(deps.portal);
  const entities = createEntitiesModule({ label, districtNames });

  const modules: ServerModule[] = [system, plans, assessment, credit, portal, entities];
  for (const m of modules) listeners.push(...(m.listeners ?? []));
  const jobs = modules.flatMap((m) => m.jobs ?? []);

  return {
    domain,
    calendar,
    modules,
    credit,
    jobs,
    systemCtx: (db, opts) => systemCtx(db, domain, opts),
  };
}

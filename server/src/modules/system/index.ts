/**
 * The system module's public surface: its routes, the principal store the auth plugin uses, the
 * calendar store other modules compute deadlines with, the seeders, and people's names for other
 * modules' DTOs (`namesOf`), and the issuers and 发文字号 of the official documents other modules issue.
 */
import type { ZApp } from '../../platform/http/types.js';
import type { ServerModule } from '../../platform/modules/server-module.js';
import { authRoutes } from './auth.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import { departmentRoutes } from './department.routes.js';
import { dictRoutes } from './dict.routes.js';
import { docIssuerRoutes } from './doc-issuer.routes.js';
import { districtRoutes } from './district.routes.js';
import { overviewRoutes } from './overview.routes.js';
import { roleRoutes } from './role.routes.js';
import type { CalendarStore } from './calendar.store.js';
import type { SystemDeps } from './system.deps.js';
import { userRoutes } from './user.routes.js';

export type { SystemDeps } from './system.deps.js';
export { createPrincipalStore } from './principal-store.js';
export { createCalendarStore, type CalendarStore } from './calendar.store.js';
export { seedBuiltins, seedDemo, isDatabaseEmpty, DEMO_USERNAMES, type SeedReport } from './seed/seed.service.js';
export { DEMO_AUTHORS, DEMO_ENTERPRISE, GIVEN_NAMES, SURNAMES, TIANJIN_DISTRICTS, demoReporterOf, districtStaffUsername } from './seed/tianjin.data.js';
export { ctxOfUser } from './user-ctx.service.js';
export { createUser, resetUserPassword } from './user.service.js';
export { findUserByUsername, peopleByUsername, type PersonRef } from './user.repository.js';
export { namesOf, NO_NAMES, type NameOf } from './people.service.js';
export { personLabel } from './system.rules.js';
export { findRoleByKey } from './role.repository.js';
export { findDistrict } from './district.repository.js';
export { district } from './system.table.js';
export { updateUserRow, listUsers as listUserRows } from './user.repository.js';
export { departmentDirectory, findDepartmentsByName, type DirectoryDept } from './department.repository.js';
export { exportNames, type ExportNames } from './export-names.js';
export { getDocIssuer, issueDocNumber, type DocIssuerSetting } from './doc-issuer.service.js';

export { dictLabeler } from './dict.service.js';

/** The system module as the composition root uses it: its routes with the composition's calendar store. */
export function createSystemModule(deps: { calendar: CalendarStore }): ServerModule {
  return { name: 'system', routes: (app, http) => systemRoutes(app, { ...http, calendar: deps.calendar }) };
}

export function systemRoutes(app: ZApp, deps: SystemDeps): void {
  authRoutes(app, deps);
  districtRoutes(app);
  departmentRoutes(app);
  userRoutes(app);
  roleRoutes(app);
  dictRoutes(app);
  calendarRoutes(app, deps);
  docIssuerRoutes(app);
  overviewRoutes(app);
}

import type { Config } from '../../config/config.js';
import type { Database } from '../../db/client.js';
import type { PrincipalStore } from '../../platform/auth/principal.js';
import type { CalendarStore } from './calendar.store.js';

/** What the system module's routes need from the app. */
export interface SystemDeps {
  db: Database;
  config: Config;
  principals: PrincipalStore;
  calendar: CalendarStore;
}

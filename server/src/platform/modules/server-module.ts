/**
 * What a server module's factory (`create<Name>Module(deps)` in its index.ts) returns to the
 * composition root (server/src/composition.ts). Each part is optional: a module without periodic
 * work has no jobs. Services other modules need are returned next to these, typed by the module.
 */
import type { Config } from '../../config/config.js';
import type { Database } from '../../db/client.js';
import type { PrincipalStore } from '../auth/principal.js';
import type { DomainListeners } from '../context.js';
import type { ZApp } from '../http/types.js';
import type { JobDefinition } from '../jobs/job.js';

/** What the HTTP application gives every module's routes: the app's database, configuration and principal store. */
export interface HttpDeps {
  db: Database;
  config: Config;
  principals: PrincipalStore;
}

export interface ServerModule {
  /** The module's folder name (`credit`, `entities` …). */
  name: string;
  /** Register the module's routes on the app; called once per app by buildApp. */
  routes(app: ZApp, http: HttpDeps): void;
  /** The module's reactions to other modules' events (see `DomainEvents`), run in this order. */
  listeners?: readonly DomainListeners[];
  /** Periodic work the scheduler runs once per tick across every server process. */
  jobs?: readonly JobDefinition[];
}

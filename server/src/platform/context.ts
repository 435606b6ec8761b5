/**
 * What every use case receives: the database, who is acting (for authorization, data scope and the
 * audit row) and where the request came from. Built per request by the auth hook, or once by the
 * CLI and the seeders with the system actor.
 */
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { ArchiveRecord } from '../../../contracts/entities.js';
import type { Lang } from '../../../contracts/i18n.js';
import type { Database, Executor, Transaction } from '../db/client.js';
import type { WorkingCalendar } from './calendar/calendar.rules.js';
import { FULL_SCOPE, type DataScope } from './data-scope/data-scope.js';

/** Where use cases get the working-day calendar (the composition's shared store). */
export interface CalendarProvider {
  get(db: Executor): Promise<WorkingCalendar>;
}

/**
 * The reactions between modules that keep derived state current (credit re-evaluates an entity when a
 * record joins its archive or its registry facts change; a penalty record opens an Order 45
 * publication). The module that owns the change emits; the composition root (server/src/composition.ts)
 * builds one object per composition from every module's listeners, so no entry point can run the
 * domain without them.
 */
export interface DomainEvents {
  /** Inside the appending transaction: the evaluation is current the moment the record commits. */
  recordAppended(tx: Transaction, ctx: Ctx, record: ArchiveRecord): Promise<void>;
  /** After a registry change that may move an evaluation (licence revoked, product added, new entity). */
  entityChanged(tx: Transaction, ctx: Ctx, entityId: number): Promise<void>;
  /**
   * After a bulk import committed: every entity it inserted or changed has `updated_at >= changedSince`.
   * Runs after the commit, so a city-scale import is not held open by a set-based re-evaluation.
   */
  entitiesImported(db: Database, ctx: Ctx, changedSince: Date): Promise<void>;
}

/** What a module contributes to the events: any subset of the reactions, run in composition order. */
export type DomainListeners = Partial<DomainEvents>;

/**
 * Reads that run against the modules' import direction, answered by the module that owns the data
 * and handed over by the composition root: the importing module declares what it needs, the owner
 * implements it, neither imports the other's internals and no cycle forms.
 */
export interface DomainQueries {
  /** The district the market-entity registry places an enterprise in (entities), for an enterprise account's placement (system). */
  enterpriseDistrict(db: Executor, uscc: string): Promise<string | null>;
  /** An entity's current grade of `kind` as an SQL scalar (credit), for the registry's list, filters and export (entities). */
  gradeOf(kind: 'grade' | 'risk', entityId: SQLWrapper): SQL<string | null>;
}

/** The composition a use case runs in: one per app, CLI run, seeder or bench; never module state. */
export interface Domain {
  events: DomainEvents;
  calendar: CalendarProvider;
  queries: DomainQueries;
}

/** The events of a composition: each reaction calls the listeners that have it, in order. */
export function domainEvents(listeners: readonly DomainListeners[]): DomainEvents {
  return {
    async recordAppended(tx, ctx, record) {
      for (const l of listeners) await l.recordAppended?.(tx, ctx, record);
    },
    async entityChanged(tx, ctx, entityId) {
      for (const l of listeners) await l.entityChanged?.(tx, ctx, entityId);
    },
    async entitiesImported(db, ctx, changedSince) {
      for (const l of listeners) await l.entitiesImported?.(db, ctx, changedSince);
    },
  };
}

export interface Actor {
  userId: number | null;
  username: string;
  roles: string[];
  deptId: number | null;
  deptName: string | null;
}

export interface Ctx {
  db: Database;
  /** The composition's events and calendar: required, so a use case cannot run without its listeners. */
  domain: Domain;
  actor: Actor;
  scope: DataScope;
  permissions: ReadonlySet<string>;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', roles: ['system'], deptId: null, deptName: null };

/** A context for the CLI, seeders and start-up tasks: acts as `system` (or the named OS user) with full scope. */
export function systemCtx(db: Database, domain: Domain, opts: { username?: string; requestId?: string } = {}): Ctx {
  return {
    db,
    domain,
    actor: { ...SYSTEM_ACTOR, username: opts.username ?? SYSTEM_ACTOR.username },
    scope: FULL_SCOPE,
    permissions: new Set(['*']),
    requestId: opts.requestId ?? null,
    ip: null,
    lang: 'zh',
  };
}

/**
 * The system as the author of an audit row, for seeders and start-up tasks that only write their own
 * tables and an audit row (no archive record, no domain event): they need no composition.
 */
export function systemSource(opts: { username?: string } = {}): Pick<Ctx, 'actor' | 'requestId' | 'ip'> {
  return { actor: { ...SYSTEM_ACTOR, username: opts.username ?? SYSTEM_ACTOR.username }, requestId: null, ip: null };
}

export function hasPermission(ctx: Pick<Ctx, 'permissions'>, permission: string): boolean {
  return ctx.permissions.has('*') || ctx.permissions.has(permission);
}

/**
 * What every use case receives: the database, who is acting (for authorization, data scope and the
 * audit row) and where the request came from. Built per request by the auth hook, or once by the
 * CLI and the seeders with the system actor.
 */
import type { Lang } from '../../../contracts/i18n.js';
import type { Database } from '../db/client.js';
import { FULL_SCOPE, type DataScope } from './data-scope/data-scope.js';

export interface Actor {
  userId: number | null;
  username: string;
  roles: string[];
  deptId: number | null;
  deptName: string | null;
}

export interface Ctx {
  db: Database;
  actor: Actor;
  scope: DataScope;
  permissions: ReadonlySet<string>;
  requestId: string | null;
  ip: string | null;
  lang: Lang;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', roles: ['system'], deptId: null, deptName: null };

/** A context for the CLI, seeders and start-up tasks: acts as `system` (or the named OS user) with full scope. */
export function systemCtx(db: Database, opts: { username?: string; requestId?: string } = {}): Ctx {
  return {
    db,
    actor: { ...SYSTEM_ACTOR, username: opts.username ?? SYSTEM_ACTOR.username },
    scope: FULL_SCOPE,
    permissions: new Set(['*']),
    requestId: opts.requestId ?? null,
    ip: null,
    lang: 'zh',
  };
}

export function hasPermission(ctx: Pick<Ctx, 'permissions'>, permission: string): boolean {
  return ctx.permissions.has('*') || ctx.permissions.has(permission);
}

/**
 * What happens after a record joins an archive or the registry facts of an entity change. Modules that derive state from the archive (the
 * credit module re-evaluates the entity) register here at start-up; listeners run inside the
 * appending transaction, so the evaluation is current the moment the record commits.
 */
import type { ArchiveRecord } from '../../../../contracts/entities.js';
import type { Database, Transaction } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';

/** Listeners of one event: each function once (registering again is a no-op), called in order. */
function listenerSet<A extends unknown[]>() {
  const fns: ((...args: A) => Promise<void>)[] = [];
  return {
    add(fn: (...args: A) => Promise<void>): void {
      if (!fns.includes(fn)) fns.push(fn);
    },
    async notify(...args: A): Promise<void> {
      for (const fn of fns) await fn(...args);
    },
  };
}

export type ArchiveListener = (tx: Transaction, ctx: Ctx, record: ArchiveRecord) => Promise<void>;

const appended = listenerSet<[Transaction, Ctx, ArchiveRecord]>();

export const onRecordAppended = (listener: ArchiveListener): void => appended.add(listener);
export const notifyRecordAppended = (tx: Transaction, ctx: Ctx, record: ArchiveRecord): Promise<void> => appended.notify(tx, ctx, record);

/** After a registry change that may move an evaluation (licence revoked, product added, new entity). */
export type EntityListener = (tx: Transaction, ctx: Ctx, entityId: number) => Promise<void>;

const changed = listenerSet<[Transaction, Ctx, number]>();

export const onEntityChanged = (listener: EntityListener): void => changed.add(listener);
export const notifyEntityChanged = (tx: Transaction, ctx: Ctx, entityId: number): Promise<void> => changed.notify(tx, ctx, entityId);

/**
 * After a bulk import committed: every entity it inserted or changed has `updated_at >= changedSince`
 * (the import transaction's start). Runs after the commit, not inside it, so a city-scale import is
 * not held open by a set-based re-evaluation; the importer waits for the listeners before answering.
 */
export type ImportListener = (db: Database, ctx: Ctx, changedSince: Date) => Promise<void>;

const imported = listenerSet<[Database, Ctx, Date]>();

export const onEntitiesImported = (listener: ImportListener): void => imported.add(listener);
export const notifyEntitiesImported = (db: Database, ctx: Ctx, changedSince: Date): Promise<void> => imported.notify(db, ctx, changedSince);

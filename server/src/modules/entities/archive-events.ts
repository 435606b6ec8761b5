/**
 * What happens after a record joins an archive or the registry facts of an entity change. Modules that derive state from the archive (the
 * credit module re-evaluates the entity) register here at start-up; listeners run inside the
 * appending transaction, so the evaluation is current the moment the record commits.
 */
import type { ArchiveRecord } from '../../../../contracts/entities.js';
import type { Database, Transaction } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';

export type ArchiveListener = (tx: Transaction, ctx: Ctx, record: ArchiveRecord) => Promise<void>;

const listeners: ArchiveListener[] = [];

/** Register a listener once (registering the same function again is a no-op). */
export function onRecordAppended(listener: ArchiveListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function notifyRecordAppended(tx: Transaction, ctx: Ctx, record: ArchiveRecord): Promise<void> {
  for (const l of listeners) await l(tx, ctx, record);
}

/** After a registry change that may move an evaluation (licence revoked, product added, new entity). */
export type EntityListener = (tx: Transaction, ctx: Ctx, entityId: number) => Promise<void>;

const entityListeners: EntityListener[] = [];

export function onEntityChanged(listener: EntityListener): void {
  if (!entityListeners.includes(listener)) entityListeners.push(listener);
}

export async function notifyEntityChanged(tx: Transaction, ctx: Ctx, entityId: number): Promise<void> {
  for (const l of entityListeners) await l(tx, ctx, entityId);
}

/**
 * After a bulk import committed: every entity it inserted or changed has `updated_at >= changedSince`
 * (the import transaction's start). Runs after the commit, not inside it, so a city-scale import is
 * not held open by a set-based re-evaluation; the importer waits for the listeners before answering.
 */
export type ImportListener = (db: Database, ctx: Ctx, changedSince: Date) => Promise<void>;

const importListeners: ImportListener[] = [];

export function onEntitiesImported(listener: ImportListener): void {
  if (!importListeners.includes(listener)) importListeners.push(listener);
}

export async function notifyEntitiesImported(db: Database, ctx: Ctx, changedSince: Date): Promise<void> {
  for (const l of importListeners) await l(db, ctx, changedSince);
}

/**
 * The only code that writes or reads audit tables. `appendAudit` must run inside the caller's
 * transaction: the audit row commits or rolls back with the change it records.
 */
import { and, asc, count, desc, eq, gt, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditAction, AuditTarget } from '../../../../contracts/dicts.js';
import type { Executor, Transaction } from '../../db/client.js';
import { containsPattern, escapeLike } from '../../db/query-helpers.js';
import type { Actor } from '../context.js';
import { auditHead, auditLog } from './audit.table.js';
import { chainHash, GENESIS_HASH, toSnapshot, type AuditContent, type ChainRow } from './audit.rules.js';

export interface AuditSource {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEvent {
  /** Dotted verb, e.g. `system.user.create` (dictionary sys_audit_action). */
  action: AuditAction;
  /** Dictionary sys_audit_target. */
  targetType: AuditTarget;
  targetId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Append one audit row to the chain, inside `tx`. Returns its seq. */
export async function appendAudit(tx: Transaction, source: AuditSource, event: AuditEvent): Promise<number> {
  // The head row's lock serialises appends: seq has no gaps and prev_hash is always the latest.
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const prevSeq = head?.seq ?? 0;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    seq: prevSeq + 1,
    occurredAt: new Date().toISOString(),
    actorId: source.actor.userId,
    actorUsername: source.actor.username,
    actorRoles: [...source.actor.roles],
    actorDeptId: source.actor.deptId,
    actorDeptName: source.actor.deptName,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId === null ? null : String(event.targetId),
    before: toSnapshot(event.before),
    after: toSnapshot(event.after),
    requestId: source.requestId,
    ip: source.ip,
  };
  const hash = chainHash(prevHash, content);
  await tx.insert(auditLog).values({ ...content, occurredAt: new Date(content.occurredAt), prevHash, hash });
  if (head) {
    await tx.update(auditHead).set({ seq: content.seq, hash }).where(eq(auditHead.id, 1));
  } else {
    await tx.insert(auditHead).values({ id: 1, seq: content.seq, hash });
  }
  return content.seq;
}

type AuditRow = typeof auditLog.$inferSelect;

export function toChainRow(r: AuditRow): ChainRow {
  return {
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    actorId: r.actorId,
    actorUsername: r.actorUsername,
    actorRoles: r.actorRoles,
    actorDeptId: r.actorDeptId,
    actorDeptName: r.actorDeptName,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    ip: r.ip,
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/** Rows with seq > afterSeq in order, `limit` at a time (keyset pagination for the verifier). */
export async function auditRowsAfter(db: Executor, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const rows = await db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
  return rows.map(toChainRow);
}

export async function auditHeadRow(db: Executor): Promise<{ seq: number; hash: string } | null> {
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  return head ? { seq: head.seq, hash: head.hash } : null;
}

export interface AuditFilter {
  keyword?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  actor?: string | undefined;
  fromTime?: Date | undefined;
  toTime?: Date | undefined;
}

function auditWhere(f: AuditFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.keyword) {
    const k = containsPattern(f.keyword);
    // Also inside the snapshots, so "zhangsan" finds the row that created user zhangsan.
    parts.push(
      or(
        ilike(auditLog.action, k),
        ilike(auditLog.targetType, k),
        ilike(auditLog.targetId, k),
        ilike(auditLog.actorUsername, k),
        sql`${auditLog.after}::text ilike ${k}`,
        sql`${auditLog.before}::text ilike ${k}`,
      ),
    );
  }
  if (f.action) parts.push(ilike(auditLog.action, `${escapeLike(f.action)}%`));
  if (f.targetType) parts.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) parts.push(eq(auditLog.targetId, f.targetId));
  if (f.actor) parts.push(eq(auditLog.actorUsername, f.actor.toLowerCase()));
  if (f.fromTime) parts.push(gte(auditLog.occurredAt, f.fromTime));
  if (f.toTime) parts.push(lt(auditLog.occurredAt, f.toTime));
  return and(...parts);
}

/** Rows matching `f`, newest first, older than `beforeSeq` (keyset batches for the export). */
export async function auditRowsBefore(db: Executor, f: AuditFilter, beforeSeq: number | null, limit: number): Promise<ChainRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(auditWhere(f), beforeSeq === null ? undefined : lt(auditLog.seq, beforeSeq)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map(toChainRow);
}

export async function listAuditRows(db: Executor, f: AuditFilter, page: { offset: number; limit: number }): Promise<{ rows: ChainRow[]; total: number }> {
  const where = auditWhere(f);
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).offset(page.offset).limit(page.limit),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows: rows.map(toChainRow), total };
}

/** Reading and verifying the audit trail. */
import type { Page } from '../../../../contracts/common.js';
import { msg } from '../../../../contracts/i18n.js';
import type { AuditEntry, AuditListQuery, AuditVerifyResult } from '../../../../contracts/logs.js';
import type { Executor } from '../../db/client.js';
import { dayAfter, dayStart, pageWindow } from '../../db/query-helpers.js';
import { checkChainRow, type ChainRow } from './audit.rules.js';
import { keysetBatches } from '../excel/excel-export.js';
import { auditHeadRow, auditRowsAfter, auditRowsBefore, listAuditRows, type AuditFilter } from './audit.repository.js';

const BATCH = 5_000;

/**
 * Walk the whole chain (the reason is bilingual: see contracts/i18n.ts) in seq order: every row must follow the previous one (no gap, linked
 * prev_hash, hash matching its content), and the last row must be the one the head records (so a
 * removed tail is caught too). Reports the first bad row.
 */
export async function verifyAuditChain(db: Executor): Promise<AuditVerifyResult> {
  let prev: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows = await auditRowsAfter(db, prev?.seq ?? 0, BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      const result = checkChainRow(prev, row);
      if (!result.ok) return { ok: false, checked, firstBadSeq: result.seq, reason: result.reason };
      prev = { seq: row.seq, hash: row.hash };
      checked++;
    }
  }
  const head = await auditHeadRow(db);
  const lastSeq = prev?.seq ?? 0;
  if ((head?.seq ?? 0) !== lastSeq) {
    const missing = lastSeq + 1;
    return {
      ok: false,
      checked,
      firstBadSeq: missing,
      reason: msg(`第 ${missing}–${head?.seq} 行缺失（链头记录到第 ${head?.seq} 行）`, `rows ${missing}–${head?.seq} are missing (the chain head records ${head?.seq})`),
    };
  }
  if (head && prev && head.hash !== prev.hash) {
    return { ok: false, checked, firstBadSeq: lastSeq, reason: msg(`第 ${lastSeq} 行与链头不符`, `row ${lastSeq} does not match the chain head`) };
  }
  return { ok: true, checked, firstBadSeq: null, reason: null };
}

export function toAuditEntry(r: ChainRow): AuditEntry {
  return { ...r };
}

function auditFilter(q: Omit<AuditListQuery, 'page' | 'pageSize'>): AuditFilter {
  return {
    keyword: q.keyword,
    action: q.action,
    targetType: q.targetType,
    targetId: q.targetId,
    actor: q.actor,
    fromTime: q.from ? dayStart(q.from) : undefined,
    toTime: q.to ? dayAfter(q.to) : undefined,
  };
}

export async function listAuditEntries(db: Executor, q: AuditListQuery): Promise<Page<AuditEntry>> {
  const { rows, total } = await listAuditRows(db, auditFilter(q), pageWindow(q.page, q.pageSize));
  return { items: rows.map(toAuditEntry), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The entries of the list, newest first, in batches (the export). `roleName` names the actors'
 * roles (rows keep the keys the actor held; a role deleted since keeps its key).
 */
export function auditEntryBatches(db: Executor, q: Omit<AuditListQuery, 'page' | 'pageSize'>, roleName: (key: string) => string | null = () => null): AsyncGenerator<readonly AuditEntry[]> {
  const f = auditFilter(q);
  const named = (e: AuditEntry): AuditEntry => ({ ...e, actorRoles: e.actorRoles.map((k) => roleName(k) ?? k) });
  return keysetBatches(
    async (before: number | null, size) => (await auditRowsBefore(db, f, before, size)).map((r) => named(toAuditEntry(r))),
    (e) => e.seq,
  );
}

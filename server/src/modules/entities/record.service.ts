/**
 * The archive (质量档案): appending records (for every module, inside the caller's transaction) and
 * the officer's and enterprise's own use cases. Nothing is ever edited: a correction is a new
 * record naming the corrected one, and the corrected record stays, marked.
 */
import { DEFAULT_VISIBILITY, ENTERPRISE_ARCHIVE_KINDS, MANUAL_ARCHIVE_KINDS, type ArchiveKind, type ArchiveRecord, type RecordBody, type RecordListQuery, type Visibility } from '../../../../contracts/entities.js';
import type { Page } from '../../../../contracts/common.js';
import type { Transaction } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { hasPermission, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { assertPublishable } from '../../platform/publication/publishable.js';
import { namesOf } from '../system/index.js';
import { correctionOf, findRecord, findRecordBySource, insertRecord, listRecords as listRecordRows, type RecordRow } from './entities.repository.js';
import { defaultRecordTitle, parsePayload } from './entities.rules.js';
import { loadEntityForRead, loadEntityForWrite } from './entity.service.js';

export interface AppendRecordInput {
  entityId: number;
  kind: ArchiveKind;
  /** When it happened (decision date, sampling date …), YYYY-MM-DD, not in the future. */
  occurredOn: string;
  title?: string | null;
  /** Defaults per kind (DEFAULT_VISIBILITY): complaints and notes stay internal. */
  visibility?: Visibility;
  correctsId?: number | null;
  retracts?: boolean;
  payload: Record<string, unknown>;
  /** The module that learnt this (`entities` for manual records, `credit`, `sampling` …). */
  sourceModule: string;
  /** The id of the fact in that module; the same source appended twice is one record. */
  sourceId?: string | null;
}

/**
 * A record as the API returns it. `recordedByName` is the recorder as pages show them; the use cases
 * that answer a request look it up (`namesOf`), appends made for listeners leave it null.
 */
export function toRecordDto(r: RecordRow, correctedById: number | null = null, recordedByName: string | null = null): ArchiveRecord {
  return {
    id: r.id,
    entityId: r.entityId,
    kind: r.kind,
    title: r.title,
    occurredOn: r.occurredOn,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: r.recordedBy,
    recordedByName,
    sourceModule: r.sourceModule,
    sourceId: r.sourceId,
    visibility: r.visibility,
    correctsId: r.correctsId,
    retracts: r.retracts,
    correctedById,
    payload: r.payload,
  };
}

/**
 * Append one record inside `tx` (with its audit row) and let listeners (credit evaluation) react in
 * the same transaction. Idempotent on (sourceModule, sourceId, kind): a repeat returns the stored
 * record with `created: false` and changes nothing. Throws 400 on a bad payload or a future date,
 * and CORRECTION_INVALID when `correctsId` names a record of another entity or kind, or one already
 * corrected.
 */
export async function appendRecord(tx: Transaction, ctx: Ctx, input: AppendRecordInput): Promise<{ record: ArchiveRecord; created: boolean }> {
  if (input.occurredOn > todayInChina()) {
    throw new AppError('VALIDATION_FAILED', { message: { zh: `发生日期 ${input.occurredOn} 不能晚于今天`, en: `The date ${input.occurredOn} is in the future` } });
  }
  const parsed = parsePayload(input.kind, input.payload);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', { details: parsed.issues });
  if (input.sourceId) {
    const existing = await findRecordBySource(tx, input.sourceModule, input.sourceId, input.kind);
    if (existing) return { record: toRecordDto(existing), created: false };
  }
  if (input.correctsId != null) {
    const target = await findRecord(tx, input.correctsId);
    if (!target || target.entityId !== input.entityId || target.kind !== input.kind || target.retracts || (await correctionOf(tx, target.id)) !== null) {
      throw new AppError('CORRECTION_INVALID');
    }
  }
  const row = await insertRecord(tx, {
    entityId: input.entityId,
    kind: input.kind,
    title: input.title?.trim() || defaultRecordTitle(input.kind, parsed.value),
    occurredOn: input.occurredOn,
    recordedBy: ctx.actor.username,
    sourceModule: input.sourceModule,
    sourceId: input.sourceId ?? null,
    visibility: input.visibility ?? DEFAULT_VISIBILITY[input.kind],
    correctsId: input.correctsId ?? null,
    retracts: input.retracts ?? false,
    payload: parsed.value,
  });
  if (!row) {
    // Lost a race with the same source id: the other transaction's record stands.
    const existing = await findRecordBySource(tx, input.sourceModule, input.sourceId!, input.kind);
    return { record: toRecordDto(existing!), created: false };
  }
  const record = toRecordDto(row);
  await appendAudit(tx, ctx, {
    action: input.correctsId != null ? 'entities.record.correct' : 'entities.record.append',
    targetType: 'archive_record',
    targetId: row.id,
    after: { entityId: row.entityId, kind: row.kind, title: row.title, occurredOn: row.occurredOn, correctsId: row.correctsId, retracts: row.retracts },
  });
  await ctx.domain.events.recordAppended(tx, ctx, record);
  return { record, created: true };
}

/**
 * Officers add the manual kinds by hand. What an enterprise writes about itself goes through review
 * (submission.service.ts): added here it would be public at once, unreviewed (issue 12 §1.4).
 */
function assertMayAdd(ctx: Ctx, kind: ArchiveKind): void {
  if (hasPermission(ctx, 'entities:record:create') && (MANUAL_ARCHIVE_KINDS as readonly string[]).includes(kind)) return;
  if (hasPermission(ctx, 'entities:record:declare') && (ENTERPRISE_ARCHIVE_KINDS as readonly string[]).includes(kind)) {
    throw new AppError('RECORD_KIND_NOT_ALLOWED', {
      details: { kind, submitTo: 'POST /api/entities/:uscc/submissions' },
      message: {
        zh: '企业的标准自我声明和质量承诺须经监管人员审核后才记入档案并公开，请通过“报送”提交',
        en: 'An enterprise’s self-declarations and commitments reach the archive and the portal after an officer’s review: submit them instead',
      },
    });
  }
  throw new AppError('RECORD_KIND_NOT_ALLOWED', { details: { kind } });
}

/** An officer's record (enterprises submit theirs for review instead). */
export async function addRecord(ctx: Ctx, uscc: string, body: RecordBody): Promise<ArchiveRecord> {
  assertMayAdd(ctx, body.kind);
  // Text the portal will show is checked before it is stored (personal data, outside links).
  if ((body.visibility ?? DEFAULT_VISIBILITY[body.kind]) === 'public') assertPublishable({ title: body.title, payload: body.payload });
  return ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    const { record } = await appendRecord(tx, ctx, {
      entityId: e.id,
      kind: body.kind,
      occurredOn: body.occurredOn,
      title: body.title,
      visibility: body.visibility,
      correctsId: body.correctsId,
      retracts: body.retracts,
      payload: body.payload as Record<string, unknown>,
      sourceModule: 'entities',
    });
    const nameOf = await namesOf(tx, [record.recordedBy]);
    return { ...record, recordedByName: nameOf(record.recordedBy) };
  });
}

export async function listEntityRecords(ctx: Ctx, uscc: string, q: RecordListQuery): Promise<Page<ArchiveRecord>> {
  const e = await loadEntityForRead(ctx, uscc);
  // Enterprises see their own archive except officers' internal notes.
  const publicOnly = ctx.scope.enterpriseUscc !== null && !ctx.scope.all && !hasPermission(ctx, 'entities:record:create');
  const { rows, total } = await listRecordRows(ctx.db, e.id, { ...q, publicOnly });
  const nameOf = await namesOf(ctx.db, rows.map((r) => r.recordedBy));
  return { items: rows.map((r) => toRecordDto(r, r.correctedById, nameOf(r.recordedBy))), total, page: q.page, pageSize: q.pageSize };
}

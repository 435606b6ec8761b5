/**
 * Review of what enterprises publish about themselves (企业报送审核): an enterprise submits a
 * self-declaration or a quality-credit commitment; an officer whose scope covers the entity approves
 * it — only then is it appended to the archive as a public record, so it counts for the grade and
 * shows on the portal — or rejects it with a reason the enterprise reads. Personal data and outside
 * links are refused on submission and checked again on approval (the allowed domains may have changed).
 */
import type { Page } from '../../../../contracts/common.js';
import type { RejectSubmissionBody, Submission, SubmissionBody, SubmissionQuery } from '../../../../contracts/submissions.js';
import type { Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { assertPublishable } from '../../platform/publication/publishable.js';
import { namesOf, type NameOf } from '../system/index.js';
import { loadEntityForRead, loadEntityForWrite } from './entity.service.js';
import { appendRecord } from './record.service.js';
import { findSubmission, insertSubmission, listSubmissions as listSubmissionRows, lockSubmission, submissionsOfEntity, updateSubmission, type SubmissionWithEntity } from './submission.repository.js';

/** The archive's source module for records that came in as approved submissions. */
export const SUBMISSION_SOURCE = 'submission';

function toDto(r: SubmissionWithEntity, nameOf: NameOf): Submission {
  return {
    id: r.id,
    entityId: r.entityId,
    uscc: r.uscc,
    entityName: r.entityName,
    districtCode: r.districtCode,
    kind: r.kind as Submission['kind'],
    occurredOn: r.occurredOn,
    title: r.title,
    payload: r.payload,
    status: r.status as Submission['status'],
    submittedBy: r.submittedBy,
    submittedByName: nameOf(r.submittedBy),
    submittedAt: r.submittedAt.toISOString(),
    reviewedBy: r.reviewedBy,
    reviewedByName: nameOf(r.reviewedBy),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    rejectReason: r.rejectReason,
    recordId: r.recordId,
  };
}

async function dtos(db: Executor, rows: readonly SubmissionWithEntity[]): Promise<Submission[]> {
  const nameOf = await namesOf(db, rows.flatMap((r) => [r.submittedBy, r.reviewedBy]));
  return rows.map((r) => toDto(r, nameOf));
}

async function dtoOf(db: Executor, id: number): Promise<Submission> {
  const [dto] = await dtos(db, [(await findSubmission(db, id))!]);
  return dto!;
}

/** The text a submission would publish, by field path (title and every payload string). */
function publishedText(s: { title: string | null; payload: Record<string, unknown> }): Record<string, unknown> {
  return { title: s.title, payload: s.payload };
}

/** An enterprise submits for its own entity (403 NOT_YOUR_ENTITY otherwise); 400 with the findings when the text holds personal data. */
export async function submitForReview(ctx: Ctx, uscc: string, body: SubmissionBody): Promise<Submission> {
  assertPublishable(publishedText({ title: body.title, payload: body.payload }));
  const id = await ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    const row = await insertSubmission(tx, {
      entityId: e.id,
      districtCode: e.districtCode,
      kind: body.kind,
      title: body.title,
      occurredOn: body.occurredOn,
      payload: body.payload as Record<string, unknown>,
      status: 'pending',
      submittedBy: ctx.actor.username,
    });
    await appendAudit(tx, ctx, { action: 'entities.submission.submit', targetType: 'archive_submission', targetId: row.id, after: { entityId: e.id, kind: row.kind, occurredOn: row.occurredOn } });
    return row.id;
  });
  return dtoOf(ctx.db, id);
}

/** One entity's submissions with their review (the enterprise its own; officers in scope). */
export async function entitySubmissions(ctx: Ctx, uscc: string): Promise<Submission[]> {
  const e = await loadEntityForRead(ctx, uscc);
  return dtos(ctx.db, await submissionsOfEntity(ctx.db, e.id));
}

/** The reviewer's queue and history, limited to entities in the reviewer's scope. */
export async function listSubmissions(ctx: Ctx, q: SubmissionQuery): Promise<Page<Submission>> {
  const { rows, total } = await listSubmissionRows(ctx.db, ctx.scope, q);
  return { items: await dtos(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Lock a pending submission whose entity the reviewer may see: 404 outside scope, 409 once reviewed. */
async function loadForReview(ctx: Ctx, tx: Executor, id: number): Promise<SubmissionWithEntity> {
  const row = await lockSubmission(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  await loadEntityForRead(ctx, row.uscc, tx);
  if (row.status !== 'pending') throw new AppError('SUBMISSION_DECIDED', { details: { status: row.status } });
  // Four eyes: whoever holds both permissions (an administrator, a custom role) still may not pass their own text.
  if (row.submittedBy === ctx.actor.username) throw new AppError('SUBMISSION_REVIEW_SELF');
  return row;
}

/** Approve: the archive record is appended (public), the grade re-evaluated, the portal shows it — one transaction with its audit row. */
export async function approveSubmission(ctx: Ctx, id: number): Promise<Submission> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForReview(ctx, tx, id);
    assertPublishable(publishedText(row));
    const { record } = await appendRecord(tx, ctx, {
      entityId: row.entityId,
      kind: row.kind as SubmissionBody['kind'],
      occurredOn: row.occurredOn,
      title: row.title,
      visibility: 'public',
      payload: row.payload,
      sourceModule: SUBMISSION_SOURCE,
      sourceId: String(row.id),
    });
    const values = { status: 'approved', reviewedBy: ctx.actor.username, reviewedAt: new Date(), recordId: record.id };
    if (!(await updateSubmission(tx, row.id, row.version, values))) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'entities.submission.approve', targetType: 'archive_submission', targetId: row.id, before: { status: row.status }, after: { status: values.status, recordId: record.id } });
  });
  return dtoOf(ctx.db, id);
}

/** Reject with a reason the enterprise sees; nothing reaches the archive or the portal. */
export async function rejectSubmission(ctx: Ctx, id: number, body: RejectSubmissionBody): Promise<Submission> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForReview(ctx, tx, id);
    const values = { status: 'rejected', reviewedBy: ctx.actor.username, reviewedAt: new Date(), rejectReason: body.reason };
    if (!(await updateSubmission(tx, row.id, row.version, values))) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'entities.submission.reject', targetType: 'archive_submission', targetId: row.id, before: { status: row.status }, after: { status: values.status, reason: body.reason } });
  });
  return dtoOf(ctx.db, id);
}

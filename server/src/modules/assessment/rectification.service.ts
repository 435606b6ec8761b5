/**
 * Rectification use cases (整改): the assessed unit reports how it remedies its result's
 * shortfalls; the quality office accepts the report or returns it with a comment.
 */
import type { Rectification } from '../../../../contracts/assessment.js';
import { msg, pickLang } from '../../../../contracts/i18n.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { decideRectification, findRectification, findResult, findScheme, insertRectification, rectificationsOf, withdrawPendingRectifications } from './assessment.repository.js';
import { actsForUnit } from './assessment.rules.js';
import { toRectificationDto } from './result.service.js';

/**
 * A unit submits its rectification report on a published result with shortfalls. Only the unit
 * itself may (403 NOT_YOUR_UNIT otherwise — published results are announced to every unit in the
 * 通报, so answering 403 rather than 404 reveals nothing). A newer report supersedes one still
 * awaiting review; once a report is accepted the rectification is closed.
 */
export async function submitRectification(ctx: Ctx, resultId: number, input: { report: string; measures: string; completionDate: string }): Promise<Rectification> {
  const found = await findResult(ctx.db, resultId, null);
  const scheme = found ? await findScheme(ctx.db, found.result.schemeId) : null;
  if (!found || scheme?.status !== 'published') throw new AppError('NOT_FOUND');
  const { result } = found;
  if (!actsForUnit({ deptId: ctx.actor.deptId }, ctx.scope, { deptId: result.deptId, districtCode: result.districtCode, deptAncestors: found.deptAncestors })) {
    throw new AppError('NOT_YOUR_UNIT');
  }
  if (!result.needsRectification) throw new AppError('RECTIFICATION_NOT_NEEDED');
  const [latest] = await rectificationsOf(ctx.db, [resultId]);
  if (latest?.status === 'accepted') throw new AppError('RECTIFICATION_DECIDED');
  return ctx.db.transaction(async (tx) => {
    await withdrawPendingRectifications(tx, resultId, ctx.actor.username);
    const row = await insertRectification(tx, { resultId, report: input.report, measures: input.measures, completionDate: input.completionDate, submittedBy: ctx.actor.username });
    await appendAudit(tx, ctx, {
      action: 'assessment.rectification.submit',
      targetType: 'assessment_rectification',
      targetId: row.id,
      before: latest ? { id: latest.id, status: latest.status } : null,
      after: { resultId, deptId: result.deptId, schemeId: result.schemeId, report: input.report, measures: input.measures, completionDate: input.completionDate },
    });
    return toRectificationDto(row, result);
  });
}

/** The quality office accepts a rectification report or returns it (with the reason). */
export async function reviewRectification(ctx: Ctx, id: number, input: { decision: 'accept' | 'return'; comment?: string | null | undefined }): Promise<Rectification> {
  const rect = await findRectification(ctx.db, id);
  const found = rect ? await findResult(ctx.db, rect.resultId, ctx.scope) : null;
  if (!rect || !found) throw new AppError('NOT_FOUND');
  if (rect.status !== 'submitted') throw new AppError('RECTIFICATION_DECIDED');
  if (input.decision === 'return' && !input.comment) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'comment', code: 'required', message: pickLang(msg('退回时请写明原因', 'Say why the report is returned'), ctx.lang) }] });
  }
  return ctx.db.transaction(async (tx) => {
    const decided = await decideRectification(tx, id, { status: input.decision === 'accept' ? 'accepted' : 'returned', reviewComment: input.comment ?? null, reviewedBy: ctx.actor.username });
    if (!decided) throw new AppError('RECTIFICATION_DECIDED');
    await appendAudit(tx, ctx, {
      action: 'assessment.rectification.review',
      targetType: 'assessment_rectification',
      targetId: id,
      before: { status: 'submitted' },
      after: { status: decided.status, comment: decided.reviewComment, deptId: found.result.deptId },
    });
    return toRectificationDto(decided, found.result);
  });
}

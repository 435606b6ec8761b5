/**
 * Reporting rounds (报送节点): made at publishing from the plan's deadlines; each responsible unit
 * sends one report per round, and the quality office sees who has, who was late and who is overdue.
 */
import type { Round } from '../../../../contracts/plans.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { findPlan, findRound, insertRoundSubmission, planUnits, roundsOfPlan, submissionsOfRounds } from './plans.repository.js';
import { mayReportOn, roundUnitStatus } from './plans.rules.js';

export async function listRounds(ctx: Ctx, planId: number): Promise<Round[]> {
  const plan = await findPlan(ctx.db, planId);
  if (!plan) throw new AppError('NOT_FOUND');
  const [rounds, units] = await Promise.all([roundsOfPlan(ctx.db, planId), planUnits(ctx.db, planId, ctx.scope)]);
  if (units.length === 0 && !ctx.scope.all) throw new AppError('NOT_FOUND');
  const submissions = await submissionsOfRounds(ctx.db, rounds.map((r) => r.id));
  const today = todayInChina();
  return rounds.map((r) => {
    const rows = units.map((u) => {
      const s = submissions.find((x) => x.roundId === r.id && x.deptId === u.deptId) ?? null;
      return {
        deptId: u.deptId,
        deptName: u.deptName,
        status: roundUnitStatus(r.dueDate, s ? todayInChina(s.submittedAt) : null, today),
        submittedAt: s?.submittedAt.toISOString() ?? null,
        submittedBy: s?.submittedBy ?? null,
        text: s?.text ?? null,
      };
    });
    return { id: r.id, planId: r.planId, name: r.name, dueDate: r.dueDate, recipient: r.recipient, sentence: r.sentence, units: rows, submitted: rows.filter((u) => u.submittedAt !== null).length, total: rows.length };
  });
}

/** A responsible unit sends its report for a round (once). `deptId` defaults to the caller's department. */
export async function submitRoundReport(ctx: Ctx, roundId: number, input: { text: string; deptId?: number | undefined }): Promise<Round> {
  const round = await findRound(ctx.db, roundId);
  if (!round) throw new AppError('NOT_FOUND');
  const units = await planUnits(ctx.db, round.planId, ctx.scope);
  const deptId = input.deptId ?? ctx.actor.deptId;
  const unit = units.find((u) => u.deptId === deptId);
  if (!unit || !mayReportOn({ deptId: ctx.actor.deptId }, ctx.scope, unit)) throw new AppError('NOT_YOUR_TASK');
  await ctx.db.transaction(async (tx) => {
    const row = await insertRoundSubmission(tx, { roundId, deptId: unit.deptId, text: input.text, submittedBy: ctx.actor.username });
    if (!row) throw new AppError('CONFLICT', { message: { zh: '本单位已报送该节点的报告', en: 'Your unit has already reported for this round' } });
    await appendAudit(tx, ctx, { action: 'plans.round.submit', targetType: 'plan_round', targetId: roundId, after: { deptId: unit.deptId, text: input.text } });
  });
  const rounds = await listRounds(ctx, round.planId);
  return rounds.find((r) => r.id === roundId)!;
}

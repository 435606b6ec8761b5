/**
 * Joint sanctions (联合惩戒, Order 44 Art. 15; 企业信息公示暂行条例 Art. 19): the rule table the credit
 * office maintains, the measures an entity is subject to, and the log of who asked about whom.
 */
import { todayInChina } from '../../../platform/calendar/today.js';
import type { Page } from '../../../../../contracts/common.js';
import type { SanctionMeasure, SanctionQueryLogItem, SanctionRule, Sanctions } from '../../../../../contracts/credit-repair.js';
import type { Database, Executor } from '../../../db/client.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { findEntityByUscc } from '../../entities/index.js';
import { namesOf, type NameOf } from '../../system/index.js';
import { SANCTION_RULES } from './sanction.data.js';
import {
  activeEntriesForSanctions,
  currentGrade,
  findRule,
  insertMissingRules,
  insertSanctionQuery,
  listRules,
  listSanctionQueries,
  updateRule,
  type SanctionQueryRow,
  type SanctionRuleRow,
} from './sanction.repository.js';
import { measuresFor, sanctionTriggers } from './sanction.rules.js';

function toRuleDto(r: SanctionRuleRow): SanctionRule {
  return {
    id: r.id,
    trigger: r.trigger,
    measure: r.measure,
    description: r.description,
    basis: r.basis,
    appliedBy: r.appliedBy,
    status: r.status === 'disabled' ? 'disabled' : 'active',
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The calendar date in China (UTC+8) of an instant. */

/**
 * Seed the rule table (call at start-up / seed time, e.g. next to seedBuiltins). Idempotent: adds
 * missing (trigger, measure) rules, never overwrites the office's edits. Returns the number added.
 */
export async function seedSanctionRules(db: Database): Promise<number> {
  return insertMissingRules(db, SANCTION_RULES, 'system');
}

export async function listSanctionRules(ctx: Ctx): Promise<{ items: SanctionRule[] }> {
  return { items: (await listRules(ctx.db)).map(toRuleDto) };
}

export async function updateSanctionRule(ctx: Ctx, id: number, body: { description: string; basis: string; appliedBy: string | null; status: 'active' | 'disabled' }): Promise<SanctionRule> {
  return ctx.db.transaction(async (tx) => {
    const before = await findRule(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const row = (await updateRule(tx, id, { ...body, updatedBy: ctx.actor.username }))!;
    await appendAudit(tx, ctx, {
      action: 'credit.sanction.update',
      targetType: 'credit_sanction_rule',
      targetId: id,
      before: { description: before.description, basis: before.basis, appliedBy: before.appliedBy, status: before.status },
      after: body,
    });
    return toRuleDto(row);
  });
}

/** The measures an entity is subject to now: for other modules (inspection planning, honours). */
export async function sanctionsOf(db: Executor, entityId: number): Promise<SanctionMeasure[]> {
  const [entries, grade, rules] = await Promise.all([activeEntriesForSanctions(db, entityId), currentGrade(db, entityId), listRules(db)]);
  return measuresFor(sanctionTriggers(entries, grade ? { grade: grade.grade, since: todayInChina(grade.computedAt) } : null), rules);
}

/**
 * A member department's query. Every query is logged (who, department, purpose, how many measures,
 * from where), also for an unknown USCC, which then answers 404.
 */
export async function querySanctions(ctx: Ctx, uscc: string, purpose: string | null): Promise<Sanctions> {
  const ent = await findEntityByUscc(ctx.db, uscc);
  const measures = ent ? await sanctionsOf(ctx.db, ent.id) : [];
  await insertSanctionQuery(ctx.db, {
    uscc,
    entityId: ent?.id ?? null,
    queriedBy: ctx.actor.username,
    deptName: ctx.actor.deptName,
    purpose: purpose || null,
    measures: measures.length,
    ip: ctx.ip,
  });
  if (!ent) throw new AppError('ENTITY_UNKNOWN');
  return { uscc: ent.uscc, name: ent.name, measures };
}

function toQueryDto(r: SanctionQueryRow, nameOf: NameOf): SanctionQueryLogItem {
  return {
    id: r.id,
    uscc: r.uscc,
    entityId: r.entityId,
    queriedBy: r.queriedBy,
    queriedByName: nameOf(r.queriedBy),
    deptName: r.deptName,
    purpose: r.purpose,
    measures: r.measures,
    ip: r.ip,
    queriedAt: r.queriedAt.toISOString(),
  };
}

export async function listSanctionQueryLog(ctx: Ctx, q: { page: number; pageSize: number; uscc?: string | undefined }): Promise<Page<SanctionQueryLogItem>> {
  const { rows, total } = await listSanctionQueries(ctx.db, q);
  const nameOf = await namesOf(ctx.db, rows.map((r) => r.queriedBy));
  return { items: rows.map((r) => toQueryDto(r, nameOf)), total, page: q.page, pageSize: q.pageSize };
}

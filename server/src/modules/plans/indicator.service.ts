/**
 * Indicators (量化指标) from published plans: their values over time and whether they meet their
 * targets. `recordIndicatorValue` is the interface other modules feed computed values through
 * (e.g. the sampling module's 抽查合格率) with their own `source` key.
 */
import type { Page } from '../../../../contracts/common.js';
import type { Indicator, IndicatorDetail, IndicatorListQuery, IndicatorValue } from '../../../../contracts/plans.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import {
  findIndicator,
  insertIndicatorValue,
  listIndicators as listIndicatorRows,
  setIndicatorBaseline,
  valuesOfIndicator,
  type IndicatorJoined,
  type IndicatorValueRow,
} from './plans.repository.js';
import { isAttained, progressTowards } from './plans.rules.js';

function toValueDto(v: IndicatorValueRow): IndicatorValue {
  return { id: v.id, value: v.value, asOf: v.asOf, source: v.source, note: v.note, recordedBy: v.recordedBy, recordedAt: v.recordedAt.toISOString() };
}

export function toIndicatorDto(r: IndicatorJoined): Indicator {
  const i = r.indicator;
  const target = { comparator: i.comparator as Indicator['comparator'], targetValue: i.targetValue, baseline: i.baseline };
  return {
    id: i.id,
    planId: i.planId,
    planTitle: r.planTitle,
    itemPath: r.itemPath,
    name: i.name,
    comparator: target.comparator,
    targetValue: i.targetValue,
    unit: i.unit,
    targetYear: i.targetYear,
    baseline: i.baseline,
    sentence: i.sentence,
    latest: r.latest ? toValueDto(r.latest) : null,
    attained: r.latest ? isAttained(target, r.latest.value) : null,
    progress: r.latest ? progressTowards(target, r.latest.value) : null,
  };
}

export async function listIndicators(ctx: Ctx, q: IndicatorListQuery): Promise<Page<Indicator>> {
  const { rows, total } = await listIndicatorRows(ctx.db, q, pageWindow(q.page, q.pageSize));
  return { items: rows.map(toIndicatorDto), total, page: q.page, pageSize: q.pageSize };
}

export async function getIndicator(ctx: Ctx, id: number): Promise<IndicatorDetail> {
  const row = await findIndicator(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { ...toIndicatorDto(row), values: (await valuesOfIndicator(ctx.db, id)).map(toValueDto) };
}

/** Record a value an indicator reached. `source` is `manual` for people; modules pass their own key. */
export async function recordIndicatorValue(ctx: Ctx, id: number, input: { value: number; asOf: string; note?: string | null | undefined; source?: string }): Promise<IndicatorDetail> {
  const row = await findIndicator(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    const v = await insertIndicatorValue(tx, { indicatorId: id, value: input.value, asOf: input.asOf, source: input.source ?? 'manual', note: input.note ?? null, recordedBy: ctx.actor.username });
    await appendAudit(tx, ctx, { action: 'plans.indicator.value', targetType: 'plan_indicator', targetId: id, before: row.latest ? toValueDto(row.latest) : null, after: toValueDto(v) });
  });
  return getIndicator(ctx, id);
}

export async function setBaseline(ctx: Ctx, id: number, input: { baseline: number | null }): Promise<IndicatorDetail> {
  const row = await findIndicator(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  await ctx.db.transaction(async (tx) => {
    await setIndicatorBaseline(tx, id, input.baseline);
    await appendAudit(tx, ctx, { action: 'plans.indicator.baseline', targetType: 'plan_indicator', targetId: id, before: { baseline: row.indicator.baseline }, after: { baseline: input.baseline } });
  });
  return getIndicator(ctx, id);
}

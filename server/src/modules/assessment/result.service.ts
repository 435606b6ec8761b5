/**
 * Result use cases: scoring (task figures from the plans module's public surface, inputs, the
 * scheme's rules), publishing, the ranking as each caller may see it, the Excel export and the
 * Word 通报, and a unit's own results (我的考核).
 */
import type { AssessmentResult, MyResult, Rectification, ResultList, Scheme } from '../../../../contracts/assessment.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { hasPermission, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { unitTaskStats } from '../plans/index.js';
import {
  inputsOfScheme,
  markSchemePublished,
  markScored,
  publishedResultsInScope,
  rectificationsOf,
  replaceResults,
  resultsOfScheme,
  type RectificationRow,
  type ResultRow,
  type SchemeRow,
} from './assessment.repository.js';
import { actsForUnit, EMPTY_INPUT, NOT_ENTERED, rankScores, scoreUnit, taskCountsOf } from './assessment.rules.js';
import { buildNotice } from './assessment.docx.js';
import { directoryMap, loadOpenScheme, loadScheme, noticeIssuerOf, toSchemeDto, unitsOf } from './scheme.service.js';
import { formatDocNumber } from '../../platform/docx/official-document.js';
import { getDocIssuer, issueDocNumber } from '../system/index.js';

/** A rectification report as the API shows it, named by its result's unit. */
export function toRectificationDto(r: RectificationRow, result: Pick<ResultRow, 'schemeId' | 'deptId' | 'deptName'>): Rectification {
  return {
    id: r.id,
    resultId: r.resultId,
    schemeId: result.schemeId,
    deptId: result.deptId,
    deptName: result.deptName,
    report: r.report,
    measures: r.measures,
    completionDate: r.completionDate,
    status: r.status as Rectification['status'],
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt.toISOString(),
    reviewComment: r.reviewComment,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
  };
}

/** A result row (with its breakdown) and its latest rectification report, as the API shows it. */
export function toResultDto(r: ResultRow, latest: RectificationRow | null): AssessmentResult {
  return {
    id: r.id,
    schemeId: r.schemeId,
    deptId: r.deptId,
    deptName: r.deptName,
    districtCode: r.districtCode,
    rank: r.rank,
    total: r.total,
    weightedSum: r.weightedSum,
    bonus: r.bonus,
    deduction: r.deduction,
    grade: r.grade,
    vetoed: r.vetoed,
    ...r.breakdown,
    needsRectification: r.needsRectification,
    rectification: latest ? toRectificationDto(latest, r) : null,
    scoredAt: r.scoredAt.toISOString(),
  };
}

/** Rectification reports grouped by result, newest first. */
async function rectificationsByResult(ctx: Ctx, resultIds: readonly number[]): Promise<Map<number, RectificationRow[]>> {
  const byResult = new Map<number, RectificationRow[]>();
  for (const r of await rectificationsOf(ctx.db, resultIds)) byResult.set(r.resultId, [...(byResult.get(r.resultId) ?? []), r]);
  return byResult;
}

/**
 * Score every unit of a scheme (计算得分) and rank them. Computed indicators read the plans
 * module's per-unit task figures for the scheme year. Scoring again with the same figures gives
 * the same results (rows are updated in place); every scoring leaves an audit row.
 */
export async function scoreAssessment(ctx: Ctx, schemeId: number): Promise<{ scheme: Scheme; units: number; missingInputs: { deptId: number; deptName: string; indicator: string }[] }> {
  const scheme = await loadOpenScheme(ctx, schemeId);
  const [directory, inputs, stats] = await Promise.all([directoryMap(ctx), inputsOfScheme(ctx.db, schemeId), unitTaskStats(ctx.db, scheme.year)]);
  const inputOf = new Map(inputs.map((i) => [i.deptId, i]));
  const kind = scheme.targetKind as Scheme['targetKind'];
  const scores = unitsOf(scheme, directory).map((u) =>
    scoreUnit(scheme.config, { deptId: u.deptId, deptName: u.name, districtCode: u.districtCode }, taskCountsOf(kind, u, stats), inputOf.get(u.deptId) ?? EMPTY_INPUT),
  );
  const ranked = rankScores(scheme.config, scores);
  const scoredAt = new Date();
  const saved = await ctx.db.transaction(async (tx) => {
    await replaceResults(
      tx,
      schemeId,
      ranked.map((r) => ({
        schemeId,
        deptId: r.deptId,
        deptName: r.deptName,
        districtCode: r.districtCode,
        rank: r.rank,
        total: r.total,
        weightedSum: r.weightedSum,
        bonus: r.bonus,
        deduction: r.deduction,
        grade: r.grade,
        vetoed: r.vetoed,
        needsRectification: r.needsRectification,
        breakdown: { indicators: r.indicators, bonuses: r.bonuses, deductions: r.deductions, vetoes: r.vetoes },
        scoredAt,
      })),
    );
    const marked = await markScored(tx, schemeId, scheme.revision, scoredAt);
    // The figures changed while we scored (or someone published): nothing is written.
    if (!marked) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, {
      action: 'assessment.result.score',
      targetType: 'assessment_scheme',
      targetId: schemeId,
      before: { status: scheme.status, scoredRevision: scheme.scoredRevision },
      after: { revision: scheme.revision, results: ranked.map((r) => ({ deptId: r.deptId, rank: r.rank, total: r.total, grade: r.grade, vetoed: r.vetoed })) },
    });
    return marked;
  });
  const missingInputs = ranked.flatMap((r) => r.indicators.filter((i) => i.note === NOT_ENTERED).map((i) => ({ deptId: r.deptId, deptName: r.deptName, indicator: i.name })));
  return { scheme: toSchemeDto(saved), units: ranked.length, missingInputs };
}

/**
 * Publish the results (发布结果): each unit then sees its own result, and the 通报 gets its 发文字号
 * (the next number of the configured issuer's 机关代字 this year) and keeps the issuer it was
 * published under. 409 when already published, and when not scored or the figures changed since
 * the last scoring.
 */
export async function publishAssessment(ctx: Ctx, schemeId: number): Promise<Scheme> {
  const scheme = await loadOpenScheme(ctx, schemeId);
  if (scheme.scoredRevision !== scheme.revision) throw new AppError('ASSESSMENT_NOT_SCORED');
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const issuer = await getDocIssuer(tx, 'assessment-notice');
    // 成文日期 and the number's year are the day of publication (China time).
    const { docNumber } = await issueDocNumber(tx, ctx, { prefix: issuer.prefix, year: Number(todayInChina(now).slice(0, 4)), kind: NOTICE_KIND, ref: `assessment-scheme:${schemeId}` });
    const published = await markSchemePublished(tx, schemeId, scheme.revision, ctx.actor.username, { docNumber, issuer: { name: issuer.name, mark: issuer.mark, printer: issuer.printer } }, now);
    // A concurrent publish won: this transaction, and the number it took, roll back.
    if (!published) throw new AppError('ASSESSMENT_PUBLISHED');
    await appendAudit(tx, ctx, {
      action: 'assessment.result.publish',
      targetType: 'assessment_scheme',
      targetId: schemeId,
      before: { status: scheme.status },
      after: { status: 'published', revision: scheme.revision, docNumber, issuer: issuer.name },
    });
    return toSchemeDto(published);
  });
}

/** The kind of document 通报 numbers are registered under. */
const NOTICE_KIND = 'assessment-notice';

/** Whether the caller administers assessments (sees unpublished results) rather than being assessed. */
function isOffice(ctx: Ctx): boolean {
  return hasPermission(ctx, 'assessment:scheme:list');
}

/**
 * A scheme's ranking as the caller may see it: the office every result at any stage; anyone else
 * only published results within their data scope (a unit: its own), and an unpublished scheme
 * does not exist for them.
 */
export async function listResults(ctx: Ctx, schemeId: number): Promise<ResultList> {
  const scheme = await loadScheme(ctx, schemeId);
  if (!isOffice(ctx) && scheme.status !== 'published') throw new AppError('NOT_FOUND');
  const rows = await resultsOfScheme(ctx.db, schemeId, ctx.scope);
  const rects = await rectificationsByResult(ctx, rows.map((r) => r.id));
  return { scheme: toSchemeDto(scheme), items: rows.map((r) => toResultDto(r, rects.get(r.id)?.[0] ?? null)) };
}

async function scoredResults(ctx: Ctx, schemeId: number): Promise<{ scheme: SchemeRow; items: AssessmentResult[] }> {
  const scheme = await loadScheme(ctx, schemeId);
  if (scheme.scoredRevision === null || scheme.scoredRevision !== scheme.revision) throw new AppError('ASSESSMENT_NOT_SCORED');
  const { items } = await listResults(ctx, schemeId);
  return { scheme, items };
}

/** The ranking for the Excel export. */
export async function resultsForExport(ctx: Ctx, schemeId: number): Promise<{ scheme: SchemeRow; items: AssessmentResult[] }> {
  return scoredResults(ctx, schemeId);
}

/**
 * The 通报 as a Word document. Published: with its 发文字号, the issuer it was published under and
 * its 版记, dated the day of publication. Before that: a draft with the configured issuer and the
 * number left blank, dated today.
 */
export async function noticeDocument(ctx: Ctx, schemeId: number): Promise<{ scheme: SchemeRow; buffer: Buffer }> {
  const { scheme, items } = await scoredResults(ctx, schemeId);
  const date = scheme.publishedAt ? todayInChina(scheme.publishedAt) : todayInChina();
  const issuer = await noticeIssuerOf(ctx, scheme);
  const buffer = await buildNotice({
    year: scheme.year,
    schemeName: scheme.name,
    targetKind: scheme.targetKind as Scheme['targetKind'],
    issuer,
    docNumber: scheme.docNumber ?? formatDocNumber(issuer.prefix ?? '', Number(date.slice(0, 4)), null),
    recipients: scheme.recipients,
    config: scheme.config,
    results: items,
    date,
    printed: scheme.status === 'published',
  });
  return { scheme, buffer };
}

/** 我的考核: the published results of the units the caller acts for, with their rectification history. */
export async function myResults(ctx: Ctx): Promise<MyResult[]> {
  const rows = (await publishedResultsInScope(ctx.db, ctx.scope)).filter((r) =>
    actsForUnit({ deptId: ctx.actor.deptId }, ctx.scope, { deptId: r.result.deptId, districtCode: r.result.districtCode, deptAncestors: r.deptAncestors }),
  );
  const rects = await rectificationsByResult(ctx, rows.map((r) => r.result.id));
  const canSubmit = hasPermission(ctx, 'assessment:rectification:submit');
  return rows.map(({ result, scheme }) => {
    const history = rects.get(result.id) ?? [];
    return {
      ...toResultDto(result, history[0] ?? null),
      schemeName: scheme.name,
      year: scheme.year,
      targetKind: scheme.targetKind as Scheme['targetKind'],
      unitCount: scheme.deptIds.length,
      gradeBands: scheme.config.gradeBands,
      failGrade: scheme.config.failGrade,
      publishedAt: scheme.publishedAt?.toISOString() ?? null,
      rectifications: history.map((h) => toRectificationDto(h, result)),
      canSubmitRectification: canSubmit && result.needsRectification && history[0]?.status !== 'accepted',
    };
  });
}

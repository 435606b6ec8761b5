/**
 * Scheme use cases (考核方案): list, read, create, edit (until published; figures already entered
 * for what the edit removes are dropped, the rest is checked again) and delete.
 */
import type { Page } from '../../../../contracts/common.js';
import {
  DEFAULT_FAIL_GRADE,
  DEFAULT_GRADE_BANDS,
  type AssessmentTargetKind,
  type Scheme,
  type SchemeDetail,
  type SchemeInput,
  type SchemeListQuery,
  type SchemeUnit,
} from '../../../../contracts/assessment.js';
import { msg, pickLang } from '../../../../contracts/i18n.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { departmentDirectory, getDocIssuer, type DocIssuerSetting } from '../system/index.js';
import {
  deleteInputsExcept,
  deleteUnpublishedScheme,
  findScheme,
  inputsOfScheme,
  insertScheme,
  listSchemes as listSchemeRows,
  updateSchemeConfig,
  upsertInput,
  type SchemeRow,
} from './assessment.repository.js';
import { checkConfig, defaultUnits, inDistrictOrder, inputIssues, isEligibleUnit, pruneInput, unitIssues, weightIssue, type DirectoryDept, type Issue, type SchemeConfig } from './assessment.rules.js';

/** The 主送 line a 通报 carries unless the scheme names one. */
export function defaultRecipients(kind: AssessmentTargetKind): string {
  return kind === 'district' ? '各区人民政府' : '市质量强市工作领导小组各成员单位';
}

/** A scheme row as the API shows it; `scored` says whether results match the current figures. */
export function toSchemeDto(row: SchemeRow): Scheme {
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    targetKind: row.targetKind as Scheme['targetKind'],
    status: row.status as Scheme['status'],
    unitCount: row.deptIds.length,
    scored: row.scoredRevision !== null && row.scoredRevision === row.revision,
    scoredAt: row.scoredAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    docNumber: row.docNumber,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The scheme's units with their names, in the scheme's order (unknown ids keep their number). */
export function unitsOf(row: Pick<SchemeRow, 'deptIds'>, directory: ReadonlyMap<number, DirectoryDept>): SchemeUnit[] {
  return row.deptIds.map((id) => {
    const d = directory.get(id);
    return { deptId: id, name: d?.name ?? String(id), districtCode: d?.districtCode ?? null };
  });
}

/** Every department (names, kinds, districts, ancestors), grouped by district. */
async function directoryByDistrict(ctx: Ctx): Promise<DirectoryDept[]> {
  return inDistrictOrder(await departmentDirectory(ctx.db));
}

/** Every department by id (names, kinds, districts, ancestors), grouped by district. */
export async function directoryMap(ctx: Ctx): Promise<Map<number, DirectoryDept>> {
  return new Map((await directoryByDistrict(ctx)).map((d) => [d.id, d]));
}

/** The 通报's issuer: as published, else as configured now (公文设置), so a draft shows what it will print. */
export async function noticeIssuerOf(ctx: Ctx, row: Pick<SchemeRow, 'noticeIssuer'>): Promise<NoticeIssuer> {
  if (row.noticeIssuer) return row.noticeIssuer;
  return getDocIssuer(ctx.db, 'assessment-notice');
}

/** Who a 通报 is issued by: its 署名, 版头 and 印发机关 (and, before it has a number, the 机关代字 a draft shows). */
export type NoticeIssuer = Pick<DocIssuerSetting, 'name' | 'mark' | 'printer'> & { prefix?: string };

async function toDetail(ctx: Ctx, row: SchemeRow, directory: ReadonlyMap<number, DirectoryDept>): Promise<SchemeDetail> {
  const issuer = await noticeIssuerOf(ctx, row);
  return { ...toSchemeDto(row), ...row.config, issuer: issuer.name, recipients: row.recipients, units: unitsOf(row, directory) };
}

/** The scheme, or 404. */
export async function loadScheme(ctx: Ctx, id: number): Promise<SchemeRow> {
  const row = await findScheme(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The scheme if it may still change, else 409 ASSESSMENT_PUBLISHED. */
export async function loadOpenScheme(ctx: Ctx, id: number): Promise<SchemeRow> {
  const row = await loadScheme(ctx, id);
  if (row.status === 'published') throw new AppError('ASSESSMENT_PUBLISHED');
  return row;
}

/** A 400 listing every issue in the caller's language; the weight issue, when there is one, is the message. */
export function validationError(ctx: Ctx, issues: readonly (Issue & { sum?: number })[]): AppError {
  const weight = issues.find((i) => i.sum !== undefined);
  return new AppError('VALIDATION_FAILED', {
    ...(weight ? { message: { zh: pickLang(weight.message, 'zh'), en: pickLang(weight.message, 'en') } } : {}),
    details: issues.map((i) => ({ path: i.path, code: i.sum !== undefined ? 'weight_sum' : 'invalid', message: pickLang(i.message, ctx.lang), ...(i.sum !== undefined ? { sum: i.sum } : {}) })),
  });
}

/** One page of schemes, newest year first. */
export async function listSchemes(ctx: Ctx, q: SchemeListQuery): Promise<Page<Scheme>> {
  const { rows, total } = await listSchemeRows(ctx.db, q, pageWindow(q.page, q.pageSize));
  return { items: rows.map(toSchemeDto), total, page: q.page, pageSize: q.pageSize };
}

/** A scheme with its configuration and named units. */
export async function getScheme(ctx: Ctx, id: number): Promise<SchemeDetail> {
  const row = await loadScheme(ctx, id);
  return toDetail(ctx, row, await directoryMap(ctx));
}

/** The departments a scheme of `kind` may assess; `default` marks those a new scheme starts with. */
export async function listUnitOptions(ctx: Ctx, kind: AssessmentTargetKind): Promise<(SchemeUnit & { kind: string; default: boolean })[]> {
  const directory = await directoryByDistrict(ctx);
  const defaults = new Set(defaultUnits(kind, directory).map((d) => d.id));
  return directory
    .filter((d) => d.status === 'active' && isEligibleUnit(kind, d))
    .map((d) => ({ deptId: d.id, name: d.name, districtCode: d.districtCode, kind: d.kind, default: defaults.has(d.id) }));
}

interface Prepared {
  config: SchemeConfig;
  deptIds: number[];
}

function prepare(ctx: Ctx, body: SchemeInput, directory: Map<number, DirectoryDept>): Prepared {
  const config: SchemeConfig = {
    indicators: body.indicators,
    bonusItems: body.bonusItems,
    deductionItems: body.deductionItems,
    vetoItems: body.vetoItems,
    gradeBands: body.gradeBands ?? [...DEFAULT_GRADE_BANDS],
    failGrade: body.failGrade ?? DEFAULT_FAIL_GRADE,
  };
  const deptIds = body.deptIds ?? defaultUnits(body.targetKind, [...directory.values()]).map((d) => d.id);
  const issues: (Issue & { sum?: number })[] = [];
  const weight = weightIssue(config.indicators);
  if (weight) issues.push(weight);
  issues.push(...checkConfig(config), ...unitIssues(body.targetKind, deptIds, directory));
  if (deptIds.length === 0) issues.push({ path: 'deptIds', message: '请至少选择一个考核单位 ¦ Choose at least one unit' });
  if (issues.length > 0) throw validationError(ctx, issues);
  return { config, deptIds };
}

/** Create a scheme (draft). Weights must total 100 (400 stating the sum); units default to every eligible one. */
export async function createScheme(ctx: Ctx, body: SchemeInput): Promise<SchemeDetail> {
  const directory = await directoryMap(ctx);
  const { config, deptIds } = prepare(ctx, body, directory);
  const issuer = (await getDocIssuer(ctx.db, 'assessment-notice')).name;
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertScheme(tx, {
      name: body.name,
      year: body.year,
      targetKind: body.targetKind,
      deptIds,
      config,
      issuer,
      recipients: body.recipients || defaultRecipients(body.targetKind),
      createdBy: ctx.actor.username,
    });
    await appendAudit(tx, ctx, { action: 'assessment.scheme.create', targetType: 'assessment_scheme', targetId: created.id, after: { name: created.name, year: created.year, targetKind: created.targetKind, deptIds, config } });
    return created;
  });
  return toDetail(ctx, row, directory);
}

/**
 * Edit a scheme until it is published. Figures entered for units, indicators or items the edit
 * removes are dropped; what stays must fit the new maxima (else 400, naming the unit). The change
 * makes earlier results stale: the office scores again before publishing.
 */
export async function updateScheme(ctx: Ctx, id: number, body: SchemeInput & { version: number }): Promise<SchemeDetail> {
  const before = await loadOpenScheme(ctx, id);
  if (before.version !== body.version) throw new AppError('CONFLICT', { details: { currentVersion: before.version } });
  const directory = await directoryMap(ctx);
  const { config, deptIds } = prepare(ctx, body, directory);
  const kept = new Set(deptIds);
  const inputs = (await inputsOfScheme(ctx.db, id)).filter((i) => kept.has(i.deptId));
  const pruned = inputs.map((i) => ({ row: i, input: pruneInput(config, i) }));
  const issues = pruned.flatMap(({ row, input }) =>
    inputIssues(config, input, `inputs.${row.deptId}`).map((issue) => {
      const name = directory.get(row.deptId)?.name ?? String(row.deptId);
      return { ...issue, message: msg(`${name}：${pickLang(issue.message, 'zh')}`, `${name}: ${pickLang(issue.message, 'en')}`) };
    }),
  );
  if (issues.length > 0) throw validationError(ctx, issues);
  const row = await ctx.db.transaction(async (tx) => {
    const saved = await updateSchemeConfig(tx, id, body.version, {
      name: body.name,
      year: body.year,
      targetKind: body.targetKind,
      deptIds,
      config,
      issuer: before.issuer,
      recipients: body.recipients || (body.targetKind === before.targetKind ? before.recipients : defaultRecipients(body.targetKind)),
    });
    if (!saved) throw new AppError('CONFLICT');
    await deleteInputsExcept(tx, id, deptIds);
    for (const { row: input, input: clean } of pruned) {
      if (JSON.stringify(clean) !== JSON.stringify({ scores: input.scores, bonuses: input.bonuses, deductions: input.deductions, vetoes: input.vetoes })) {
        await upsertInput(tx, { schemeId: id, deptId: input.deptId, ...clean, updatedBy: ctx.actor.username });
      }
    }
    await appendAudit(tx, ctx, {
      action: 'assessment.scheme.update',
      targetType: 'assessment_scheme',
      targetId: id,
      before: { name: before.name, year: before.year, targetKind: before.targetKind, deptIds: before.deptIds, config: before.config, version: before.version },
      after: { name: saved.name, year: saved.year, targetKind: saved.targetKind, deptIds, config, version: saved.version },
    });
    return saved;
  });
  return toDetail(ctx, row, directory);
}

/** Delete a scheme not yet published, with its figures and results. */
export async function deleteScheme(ctx: Ctx, id: number): Promise<void> {
  const row = await loadOpenScheme(ctx, id);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteUnpublishedScheme(tx, id))) throw new AppError('ASSESSMENT_PUBLISHED');
    await appendAudit(tx, ctx, { action: 'assessment.scheme.delete', targetType: 'assessment_scheme', targetId: id, before: { name: row.name, year: row.year, status: row.status, version: row.version } });
  });
}

/**
 * 企业质量信用报告 (§7): one click → Word. Two versions: `internal` for staff (every record, the
 * risk class when the reader may see it) and `public` (exactly what the public lookup shows). An
 * enterprise gets its own report only: the public version, or its own copy with its internal
 * records but never the risk class or officers' notes. Each report is issued by the configured
 * authority (公文设置) under a 发文字号 of its own, registered with an audit row; the same report
 * (same content, same day) asked for again keeps its number.
 */
import { createHash } from 'node:crypto';
import { industryName } from '../../../../../contracts/industries.js';
import { entityDictLabel, type EntityDictType } from '../../../../../contracts/entity-dicts.js';
import { appendAudit } from '../../../platform/audit/audit.repository.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { systemCtx, type Ctx } from '../../../platform/context.js';
import { effectiveRecords, loadEntityForRead, type EntityRow } from '../../entities/index.js';
import type { PublicCreditResponse } from '../../../../../contracts/portal.js';
import type { Executor } from '../../../db/client.js';
import { buildCreditReport, reportTitle, type ReportModel } from './report.docx.js';
import { getEntityEvaluation, maySeeRisk } from '../scoring/scoring.service.js';
import { getDocIssuer, issueDocNumber } from '../../system/index.js';

/** The kind of document credit-report numbers are registered under. */
const REPORT_KIND = 'credit-report';
export const DEFAULT_REPORT_YEARS = 3;

const label = (type: EntityDictType, value: string | null): string => (value === null ? '—' : entityDictLabel(type, value));

const yuan = (n: unknown) => (typeof n === 'number' ? `${n.toLocaleString('zh-CN')} 元` : null);

/** One line saying what a record holds, from its payload (schemas in contracts/entities.ts). */
export function recordSummary(kind: string, p: Record<string, unknown>): string {
  const parts: (string | null | undefined)[] = [];
  switch (kind) {
    case 'penalty':
      parts.push(p.decisionNo as string, Array.isArray(p.penaltyTypes) ? p.penaltyTypes.map((t) => label('ent_penalty_type', String(t))).join('、') : null, yuan(p.amount), p.authority as string, p.carriedOut ? '已履行' : '未履行');
      break;
    case 'sampling':
      parts.push(p.product as string, p.result === 'fail' ? `不合格${Array.isArray(p.failedItems) && p.failedItems.length ? `：${p.failedItems.join('、')}` : ''}` : '合格', p.lab as string);
      break;
    case 'inspection':
      parts.push({ pass: '未发现问题', issues_found: '发现问题', fail: '不合格', not_found: '无法联系' }[p.result as string] ?? null, p.items as string);
      break;
    case 'complaint':
      parts.push({ substantiated: '投诉属实', partly_substantiated: '部分属实', unsubstantiated: '投诉不属实', mediated: '调解结案' }[p.verdict as string] ?? null);
      break;
    case 'recall':
      parts.push(p.product as string, p.recallKind === 'ordered' ? '责令召回' : '主动召回', typeof p.quantity === 'number' ? `${p.quantity} 件` : null);
      break;
    case 'award':
      parts.push(p.name as string, p.withdrawn ? '已撤销' : null);
      break;
    case 'certification':
      parts.push(p.name as string, p.change === 'lost' ? '失去' : '取得');
      break;
    case 'self_declaration':
      parts.push(p.standardNo as string, p.product as string);
      break;
    case 'note':
    case 'commitment':
      parts.push(typeof p.text === 'string' ? p.text.slice(0, 200) : null);
      break;
    default:
      break;
  }
  return parts.filter((x): x is string => typeof x === 'string' && x.length > 0).join('；');
}

function yearsBefore(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
}

type DraftReport = Omit<ReportModel, 'reportNo' | 'issuer' | 'numbered'>;

function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e, depth = 0; c && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    if ((c as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Issue a report: the configured issuer, and the 发文字号 of this exact content (a hash of the
 * report and its issuer) — a new number, with its audit row, unless the same report was issued
 * before. Two identical requests at once: the loser of the race reads the winner's number.
 */
async function issueReport(ctx: Ctx, entityId: number, draft: DraftReport): Promise<ReportModel> {
  const setting = await getDocIssuer(ctx.db, REPORT_KIND);
  const issuer = { name: setting.name, mark: setting.mark, printer: setting.printer };
  const uscc = draft.registry.find(([k]) => k === '统一社会信用代码')?.[1] ?? String(entityId);
  const ref = `${draft.version}:${uscc}:${createHash('sha256').update(JSON.stringify({ draft, setting })).digest('hex')}`;
  const year = Number(draft.generatedOn.slice(0, 4));
  for (let attempt = 0; ; attempt++) {
    try {
      const reportNo = await ctx.db.transaction(async (tx) => {
        const issued = await issueDocNumber(tx, ctx, { prefix: setting.prefix, year, kind: REPORT_KIND, ref });
        if (issued.created) {
          await appendAudit(tx, ctx, {
            action: 'credit.report.issue',
            targetType: 'entity',
            targetId: entityId,
            after: { uscc, version: draft.version, years: draft.years, docNumber: issued.docNumber, issuer: setting.name },
          });
        }
        return issued.docNumber;
      });
      return { ...draft, reportNo, numbered: 'register', issuer };
    } catch (e) {
      if (attempt > 0 || !isUniqueViolation(e)) throw e;
    }
  }
}

/** A self-service copy: the configured issuer's name on it, a 查询编号 instead of a 发文字号. */
async function lookupReport(ctx: Ctx, draft: DraftReport): Promise<ReportModel> {
  const setting = await getDocIssuer(ctx.db, REPORT_KIND);
  return { ...draft, reportNo: lookupCode(draft), numbered: 'lookup', issuer: { name: setting.name, mark: setting.mark, printer: setting.printer } };
}

async function gradeSection(ctx: Ctx, uscc: string, withRisk: boolean): Promise<Pick<ReportModel, 'grade' | 'risk'>> {
  const ev = await getEntityEvaluation(ctx, uscc);
  const g = ev.grade;
  return {
    grade: g ? { grade: g.grade, score: g.score, modelVersion: g.modelVersion, asOf: g.asOf, vetoes: g.vetoes.map((v) => v.name), indicators: g.indicators.map((i) => ({ name: i.name, dimension: i.dimensionName, points: i.points, max: i.max })) } : null,
    risk: withRisk && ev.risk ? { grade: ev.risk.grade, score: ev.risk.score, asOf: ev.risk.asOf } : null,
  };
}

/**
 * The public view of an entity (lists as published, the public grade state) as the portal computes
 * it. The portal imports credit (list wording, tables), so credit does not import the portal: the
 * composition root hands the portal's `publicCredit` to the credit module (dependency inversion).
 */
export type PublicCreditOf = (db: Executor, uscc: string, opts: { years: number; today: string }) => Promise<PublicCreditResponse & { entityId: number }>;

/** A context that sees the grade and nothing internal: no permissions, so never the risk class. */
function publicReaderCtx(ctx: Ctx): Ctx {
  return { ...systemCtx(ctx.db, ctx.domain, { username: 'anonymous' }), permissions: new Set<string>() };
}

/**
 * The number of a report downloaded by the public without logging in: not a 发文字号 from the
 * register (an anonymous reader would spend the authority's numbers and grow the register and the
 * audit trail without bound), but a 查询编号 derived from the content — the same report on the
 * same day has the same code, and the authority can regenerate it to check a copy. No row is written.
 */
export function lookupCode(draft: DraftReport): string {
  const hash = createHash('sha256').update(JSON.stringify(draft)).digest('hex').slice(0, 10).toUpperCase();
  return `查询编号 ${draft.generatedOn.replace(/-/g, '')}-${hash}`;
}

/**
 * The public report: exactly the public lookup's data, laid out. `ctx` is the caller's: a logged-in
 * reader (staff, the enterprise itself) gets it issued under a 发文字号 from the register; the
 * public route (`issued: false`) numbers it with a 查询编号 and writes nothing.
 */
export async function publicReportDocument(ctx: Ctx, publicCredit: PublicCreditOf, uscc: string, years = DEFAULT_REPORT_YEARS, opts: { issued: boolean } = { issued: true }): Promise<{ buffer: Buffer; fileName: string }> {
  const today = todayInChina();
  const view = await publicCredit(ctx.db, uscc, { years, today });
  // The public grade rule (portal.rules.ts): no grade while the decision behind it is unpublished.
  const { grade } = view.gradeState === 'rated' ? await gradeSection(publicReaderCtx(ctx), uscc, false) : { grade: null };
  const draft: DraftReport = {
    version: 'public',
    generatedOn: today,
    years,
    registry: [
      ['主体名称', view.name],
      ['统一社会信用代码', view.uscc],
      ['主体类型', label('ent_type', view.entityType)],
      ['法定代表人', view.legalRep ?? '—'],
      ['登记状态', label('ent_status', view.status)],
      ['成立日期', view.establishedOn ?? '—'],
      ['所属区划', view.district ?? view.districtCode],
      ['行业', view.industry],
      ['住所', view.address ?? '—'],
      ['曾用名', view.formerNames.join('、') || '—'],
    ],
    grade,
    gradeUpdating: view.gradeState === 'updating',
    risk: null,
    lists: view.lists,
    records: view.records.map((r) => ({ kind: r.kind, title: r.title, occurredOn: r.occurredOn, visibility: 'public', summary: recordSummary(r.kind, r.payload) })),
  };
  const model = opts.issued ? await issueReport(ctx, view.entityId, draft) : await lookupReport(ctx, draft);
  return { buffer: await buildCreditReport(model), fileName: `${view.name}${reportTitle('public')}.docx` };
}

function internalRegistry(e: EntityRow, district: string | null): [string, string][] {
  return [
    ['主体名称', e.name],
    ['统一社会信用代码', e.uscc],
    ['主体类型', label('ent_type', e.entityType)],
    ['法定代表人', e.legalRep ?? '—'],
    ['登记状态', label('ent_status', e.status)],
    ['成立日期', e.establishedOn ?? '—'],
    ['所属区划', district ?? e.districtCode],
    ['行业', industryName(e.industrySection, e.industryDivision)],
    ['企业规模', label('ent_scale', e.scale)],
    ['注册资本', e.registeredCapital === null ? '—' : `${e.registeredCapital} 万元`],
    ['质量安全总监', e.qualityOfficer ?? '未配备'],
    ['联系人', e.contactName ?? '—'],
    ['住所', e.address ?? '—'],
    ['曾用名', e.formerNames.join('、') || '—'],
  ];
}

/**
 * The report for a logged-in reader (credit:report:export). Staff in scope get either version;
 * an enterprise only its own (403 NOT_YOUR_ENTITY otherwise), never with the risk class.
 */
export async function creditReportDocument(ctx: Ctx, publicCredit: PublicCreditOf, uscc: string, opts: { version: 'internal' | 'public'; years: number }): Promise<{ buffer: Buffer; fileName: string }> {
  const e = await loadEntityForRead(ctx, uscc);
  if (opts.version === 'public') return publicReportDocument(ctx, publicCredit, e.uscc, opts.years);
  const isEnterprise = ctx.scope.enterpriseUscc !== null && !ctx.scope.all;
  const today = todayInChina();
  const [records, view, grades] = await Promise.all([
    effectiveRecords(ctx.db, e.id, { since: yearsBefore(today, opts.years) }),
    // Lists as published, so internal and public versions agree on list status.
    publicCredit(ctx.db, e.uscc, { years: opts.years, today }),
    gradeSection(ctx, e.uscc, !isEnterprise && maySeeRisk(ctx)),
  ]);
  const draft: DraftReport = {
    version: 'internal',
    generatedOn: today,
    years: opts.years,
    registry: internalRegistry(e, view.district),
    ...grades,
    lists: view.lists,
    records: records
      // Officers' notes are working papers, not the enterprise's to read.
      .filter((r) => !(isEnterprise && r.kind === 'note'))
      .reverse()
      .map((r) => ({ kind: r.kind, title: r.title, occurredOn: r.occurredOn, visibility: r.visibility, summary: recordSummary(r.kind, r.payload) })),
  };
  const model = await issueReport(ctx, e.id, draft);
  return { buffer: await buildCreditReport(model), fileName: `${e.name}${reportTitle('internal')}.docx` };
}


/**
 * 企业质量信用报告 downloads: the staff/enterprise route (credit:report:export) and the public one
 * (no login, its own per-IP limit: building a document costs more than a lookup).
 */
import { z } from 'zod';
import { usccParam } from '../../../../../contracts/entities.js';
import { publicUsccParam } from '../../../../../contracts/portal.js';
import { parseRateLimit, rateLimitHook, type RateLimitOptions } from '../../../platform/http/rate-limit.js';
import type { ZApp } from '../../../platform/http/types.js';
import { creditReportDocument, DEFAULT_REPORT_YEARS, publicReportDocument, type PublicCreditOf } from './report.service.js';

const TAG = ['企业质量信用报告 Credit report'];
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Years of records a report covers: 1–10 (the archive keeps more; reports stay readable). */
const years = z.coerce.number().int().min(1).max(10).default(DEFAULT_REPORT_YEARS);
export const reportQuery = z.object({ version: z.enum(['internal', 'public']).default('internal'), years });
const publicReportQuery = z.object({ years });
export const DEFAULT_PUBLIC_REPORT_RATE_LIMIT: RateLimitOptions = { capacity: 10, windowMs: 60_000 };

export interface CreditReportDeps {
  /** The portal's public view of an entity (see `PublicCreditOf`). */
  publicCredit: PublicCreditOf;
  /** Per-IP limit of the public report; null disables it. Default: ZHILIANG_PUBLIC_REPORT_RATE_LIMIT, else 10 per minute. */
  publicRateLimit?: RateLimitOptions | null;
}

function disposition(fileName: string, ascii: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function creditReportRoutes(app: ZApp, deps: CreditReportDeps): void {
  app.get('/api/credit/entities/:uscc/report', {
    config: { access: 'credit:report:export', oplog: { title: '企业质量信用报告', type: 'export' } },
    schema: {
      tags: TAG,
      summary: '下载企业质量信用报告（Word）Download the credit report (.docx)',
      description:
        'version=internal（内部版，含内部记录；信用风险分类仅对有权查看的监管人员）或 public（公开版）；years 为档案年限（默认 3）。企业用户只能下载本企业的报告，且从不包含风险分类。' +
        ' Enterprises get their own report only and never the risk class.',
      params: usccParam,
      querystring: reportQuery,
    },
    handler: async (request, reply) => {
      const { buffer, fileName } = await creditReportDocument(request.ctx(), deps.publicCredit, request.params.uscc, request.query);
      return reply.header('content-type', DOCX_MIME).header('content-disposition', disposition(fileName, `credit-report-${request.params.uscc}.docx`)).send(buffer);
    },
  });

  app.get('/api/public/credit/:uscc/report', {
    config: { access: 'public' },
    onRequest: rateLimitHook(deps.publicRateLimit === undefined ? parseRateLimit(process.env.ZHILIANG_PUBLIC_REPORT_RATE_LIMIT, DEFAULT_PUBLIC_REPORT_RATE_LIMIT) : deps.publicRateLimit),
    schema: {
      tags: TAG,
      summary: '下载企业质量信用报告（公开版）Public credit report (.docx)',
      description: '仅含公开信息，无需登录，按 IP 限流。Public data only; no login; rate-limited per IP.',
      params: publicUsccParam,
      querystring: publicReportQuery,
    },
    handler: async (request, reply) => {
      const { buffer, fileName } = await publicReportDocument(request.ctx(), deps.publicCredit, request.params.uscc, request.query.years, { issued: false });
      return reply.header('content-type', DOCX_MIME).header('content-disposition', disposition(fileName, `credit-report-${request.params.uscc}-public.docx`)).send(buffer);
    },
  });
}

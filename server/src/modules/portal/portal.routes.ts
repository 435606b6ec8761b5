/**
 * Public credit lookup (信用信息查询): open without login, rate-limited per IP. Configure the limit
 * with ZHILIANG_PUBLIC_RATE_LIMIT (`requests/seconds`, default 30/10; `off` disables it, for
 * benchmarks behind a limiting proxy).
 */
import { publicCreditResponse, publicSearchQuery, publicSearchResponse, publicUsccParam } from '../../../../contracts/portal.js';
import { parseRateLimit, rateLimitHook, type RateLimitOptions } from '../../platform/http/rate-limit.js';
import type { ZApp } from '../../platform/http/types.js';
import { publicCredit, searchPublic } from './portal.service.js';
import { publicListRoutes } from './browse.routes.js';

const TAG = ['信用信息公开查询 Public credit lookup'];
export const DEFAULT_PUBLIC_RATE_LIMIT: RateLimitOptions = { capacity: 30, windowMs: 10_000 };

export interface PortalDeps {
  /** Per-IP limit; null disables it. Default: ZHILIANG_PUBLIC_RATE_LIMIT, else 30 requests per 10 s. */
  rateLimit?: RateLimitOptions | null;
}

export function publicRateLimit(env: string | undefined = process.env.ZHILIANG_PUBLIC_RATE_LIMIT): RateLimitOptions | null {
  return parseRateLimit(env, DEFAULT_PUBLIC_RATE_LIMIT);
}

export function portalRoutes(app: ZApp, deps: PortalDeps = {}): void {
  const limit = rateLimitHook(deps.rateLimit === undefined ? publicRateLimit() : deps.rateLimit);

  app.get('/api/public/credit', {
    // Read by API clients without cookies, at hundreds of requests a second: no CSRF cookie to hand out.
    config: { access: 'public', csrfCookie: false },
    onRequest: limit,
    schema: {
      tags: TAG,
      summary: '按名称查询市场主体信用 Search entities by name',
      description: '分词与相似度匹配，每页最多 20 条，只返回代码、名称、区划和质量信用等级。Jieba tokens and trigram similarity; at most 20 per page.',
      querystring: publicSearchQuery,
      response: { 200: publicSearchResponse },
    },
    handler: (request) => searchPublic(request.ctx().db, request.query),
  });

  app.get('/api/public/credit/:uscc', {
    // Read by API clients without cookies, at hundreds of requests a second: no CSRF cookie to hand out.
    config: { access: 'public', csrfCookie: false },
    onRequest: limit,
    schema: {
      tags: TAG,
      summary: '按统一社会信用代码查询信用信息 Public credit information by USCC',
      description:
        '质量信用等级、公示中的名单、公开的档案记录（以更正后内容为准）；不含个人信息和信用风险分类。代码无效 400（说明违反的规则），不存在 404。' +
        ' Grade, lists published now, public records as corrected; no personal data, never the risk class. Invalid USCC → 400 naming the rule; unknown → 404.',
      params: publicUsccParam,
      response: { 200: publicCreditResponse },
    },
    handler: async (request) => {
      const { entityId: _entityId, ...view } = await publicCredit(request.ctx().db, request.params.uscc);
      return view;
    },
  });

  publicListRoutes(app, limit);
}

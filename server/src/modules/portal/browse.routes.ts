/** Public browsing of the lists (名单公示): open without login, under the lookup's per-IP limit. */
import { publicDistrictsResponse, publicListParam, publicListQuery, publicListResponse } from '../../../../contracts/portal.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZApp } from '../../platform/http/types.js';
import { browseList, publicDistricts } from './browse.service.js';

const TAG = ['名单公示 Public lists'];

/** Registered by portalRoutes with its rate-limit hook, so one IP's budget covers lookup and browsing alike. */
export function publicListRoutes(app: ZApp, limit: (request: FastifyRequest, reply: FastifyReply) => Promise<void>): void {
  app.get('/api/public/lists/:list', {
    config: { access: 'public' },
    onRequest: limit,
    schema: {
      tags: TAG,
      summary: '浏览公示中的名单 Browse a published list',
      description:
        '红榜（red）、黑榜（black）、严重违法失信名单（serious-violation）、经营异常名录（abnormal）：仅公示期内的记录；可按区划、行业、事由、列入日期筛选，每页最多 20 条；不含个人信息。' +
        ' Only entries published now; filters by district, industry, grounds and listing date; at most 20 per page; no personal data.',
      params: publicListParam,
      querystring: publicListQuery,
      response: { 200: publicListResponse },
    },
    handler: (request) => browseList(request.ctx().db, request.params.list, request.query),
  });

  app.get('/api/public/districts', {
    config: { access: 'public' },
    onRequest: limit,
    schema: { tags: TAG, summary: '行政区划（筛选用） Districts for the filters', response: { 200: publicDistrictsResponse } },
    handler: (request) => publicDistricts(request.ctx().db),
  });
}

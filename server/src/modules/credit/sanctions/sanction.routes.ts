/** Joint sanctions (联合惩戒) over HTTP: the rule table, the per-entity query (logged) and the query log. */
import { idParam } from '../../../../../contracts/common.js';
import {
  sanctionQueryLogQuery,
  sanctionQueryLogResponse,
  sanctionRuleListResponse,
  sanctionRuleSchema,
  sanctionsQuery,
  sanctionsResponse,
  updateSanctionRuleBody,
  usccParam,
} from '../../../../../contracts/credit-repair.js';
import type { ZApp } from '../../../platform/http/types.js';
import { listSanctionQueryLog, listSanctionRules, querySanctions, updateSanctionRule } from './sanction.service.js';

const TAG = ['联合惩戒 Joint sanctions'];
const TITLE = '联合惩戒';

export function creditSanctionRoutes(app: ZApp): void {
  app.get('/api/credit/sanction-rules', {
    config: { access: 'credit:sanction:query' },
    schema: { tags: TAG, summary: '联合惩戒措施清单 Sanction rules', response: { 200: sanctionRuleListResponse } },
    handler: (request) => listSanctionRules(request.ctx()),
  });

  app.put('/api/credit/sanction-rules/:id', {
    config: { access: 'credit:sanction:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改或停用措施 Edit or disable a rule', params: idParam, body: updateSanctionRuleBody, response: { 200: sanctionRuleSchema } },
    handler: (request) => updateSanctionRule(request.ctx(), request.params.id, request.body),
  });

  app.get('/api/credit/entities/:uscc/sanctions', {
    config: { access: 'credit:sanction:query' },
    schema: {
      tags: TAG,
      summary: '查询主体适用的联合惩戒措施 Measures an entity is subject to',
      description: '每次查询均记录查询人、部门、用途与来源地址。Every query is logged.',
      params: usccParam,
      querystring: sanctionsQuery,
      response: { 200: sanctionsResponse },
    },
    handler: (request) => querySanctions(request.ctx(), request.params.uscc, request.query.purpose ?? null),
  });

  app.get('/api/credit/sanction-queries', {
    config: { access: 'credit:sanction:update' },
    schema: { tags: TAG, summary: '联合惩戒查询记录 Who asked about whom', querystring: sanctionQueryLogQuery, response: { 200: sanctionQueryLogResponse } },
    handler: (request) => listSanctionQueryLog(request.ctx(), request.query),
  });
}

/** 公文设置: who issues the 通报 and the credit report, and the numbers they give. */
import { docIssuerParam, docIssuerSchema, docIssuersResponse, updateDocIssuerBody } from '../../../../contracts/system.js';
import type { ZApp } from '../../platform/http/types.js';
import { listDocIssuers, updateDocIssuer } from './doc-issuer.service.js';

const TAG = ['公文设置 Official documents'];

export function docIssuerRoutes(app: ZApp): void {
  app.get('/api/system/doc-issuers', {
    config: { access: 'system:document:list' },
    schema: { tags: TAG, summary: '公文发文机关 Document issuers', response: { 200: docIssuersResponse } },
    handler: (request) => listDocIssuers(request.ctx()),
  });

  app.put('/api/system/doc-issuers/:key', {
    config: { access: 'system:document:update', oplog: { title: '公文设置', type: 'update' } },
    schema: {
      tags: TAG,
      summary: '修改公文发文机关 Edit a document issuer',
      description: '发文机关标志（版头）、署名、机关代字（文号前缀）与印发机关。已印发的公文不变；新的机关代字从 1 号起编。Issued documents keep their issuer and number.',
      params: docIssuerParam,
      body: updateDocIssuerBody,
      response: { 200: docIssuerSchema },
    },
    handler: (request) => updateDocIssuer(request.ctx(), request.params.key, request.body),
  });
}

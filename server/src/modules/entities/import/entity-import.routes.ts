/**
 * Import routes of the registry and the archive (thin). The upload is streamed to a temporary file
 * (never buffered: a million-row CSV is ~150 MB), read in passes by the service, then deleted.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importResult } from '../../../../../contracts/common.js';
import { buildTemplate, sendWorkbook } from '../../../platform/excel/excel.js';
import { AppError } from '../../../platform/http/errors.js';
import type { ZApp } from '../../../platform/http/types.js';
import { importEntities } from './entity-import.service.js';
import { ENTITY_IMPORT_COLUMNS, ENTITY_IMPORT_EXAMPLE, MAX_REPORTED_ERRORS } from './entity-import.rules.js';
import { importRecords } from './record-import.service.js';
import { RECORD_IMPORT_COLUMNS, RECORD_IMPORT_EXAMPLES } from './record-import.rules.js';

const TAG = ['市场主体与质量档案 Entities'];
const TITLE = '市场主体';
const RECORD_TITLE = '质量档案';

/** Largest entity import: a million rows of the template's columns fit well within it. */
export const ENTITY_IMPORT_MAX_BYTES = 512 * 1024 * 1024;
/** Archive imports go through appendRecord row by row: a smaller file. */
export const RECORD_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

const importQuery = z.object({
  /** Import the valid rows and report the others, instead of refusing the whole file. */
  skipInvalid: z.enum(['true', 'false']).default('false'),
});

const entityImportResponse = importResult.extend({
  /** All errors; `errors` lists the first ones only. */
  errorCount: z.number().int(),
});

/** Stream the request's single file to a private temporary directory; `cleanup` removes it. */
async function uploadToTempFile(request: FastifyRequest, maxBytes: number): Promise<{ path: string; cleanup: () => Promise<void> }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'file', code: 'required', message: '请选择要导入的文件 ¦ Choose a file to import' }] });
  }
  const dir = await mkdtemp(join(tmpdir(), 'zl-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  try {
    await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
    if (file.file.truncated) {
      const mb = Math.round(maxBytes / 1024 / 1024);
      throw new AppError('PAYLOAD_TOO_LARGE', { message: { zh: `文件超过 ${mb} MB 上限`, en: `The file is larger than the ${mb} MB limit` }, details: { maxBytes } });
    }
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { path, cleanup };
}

function invalid(errors: z.infer<typeof importResult>['errors'], total: number): AppError {
  const more = total > errors.length;
  return new AppError('IMPORT_INVALID', {
    details: errors,
    message: {
      zh: `导入文件有 ${total} 处错误${more ? `（列出前 ${MAX_REPORTED_ERRORS} 处）` : ''}，未导入任何数据`,
      en: `The file has ${total} errors${more ? ` (the first ${MAX_REPORTED_ERRORS} are listed)` : ''}; nothing was imported`,
    },
  });
}

export function entityImportRoutes(app: ZApp): void {
  app.get('/api/entities/import/template', {
    config: { access: 'entities:entity:import' },
    schema: { tags: TAG, summary: '市场主体导入模板 Entity import template (.xlsx)' },
    handler: async (_request, reply) => sendWorkbook(reply, '市场主体导入模板', await buildTemplate('市场主体', ENTITY_IMPORT_COLUMNS, [ENTITY_IMPORT_EXAMPLE])),
  });

  app.post('/api/entities/import', {
    config: { access: 'entities:entity:import', oplog: { title: TITLE, type: 'import' } },
    schema: {
      tags: TAG,
      summary: '批量导入市场主体（CSV / .xlsx）Import entities',
      description:
        '按统一社会信用代码新增或更新；内容相同的行不变。文件有错误时不导入任何数据（400 IMPORT_INVALID，details 为行错误），skipInvalid=true 时导入有效行。' +
        ' Upserts by USCC; identical rows are left alone. A file with errors imports nothing unless skipInvalid=true.',
      querystring: importQuery,
      response: { 200: entityImportResponse },
    },
    handler: async (request) => {
      const { path, cleanup } = await uploadToTempFile(request, ENTITY_IMPORT_MAX_BYTES);
      try {
        const r = await importEntities(request.ctx(), path, { skipInvalid: request.query.skipInvalid === 'true' });
        if (!r.imported) throw invalid(r.errors, r.errorCount);
        return { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped, errors: r.errors, errorCount: r.errorCount };
      } finally {
        await cleanup();
      }
    },
  });

  app.get('/api/entities/records/import/template', {
    config: { access: 'entities:record:import' },
    schema: { tags: TAG, summary: '历史档案记录导入模板 Archive-record import template (.xlsx)' },
    handler: async (_request, reply) => sendWorkbook(reply, '档案记录导入模板', await buildTemplate('档案记录', RECORD_IMPORT_COLUMNS, RECORD_IMPORT_EXAMPLES)),
  });

  app.post('/api/entities/records/import', {
    config: { access: 'entities:record:import', oplog: { title: RECORD_TITLE, type: 'import' } },
    schema: {
      tags: TAG,
      summary: '导入历史档案记录（.xlsx / CSV）Import historical archive records',
      description: '同一行再次导入不会重复记录。Re-importing a row adds nothing.',
      querystring: importQuery,
      response: { 200: entityImportResponse },
    },
    handler: async (request) => {
      const { path, cleanup } = await uploadToTempFile(request, RECORD_IMPORT_MAX_BYTES);
      try {
        const r = await importRecords(request.ctx(), path, { skipInvalid: request.query.skipInvalid === 'true' });
        if (!r.imported) throw invalid(r.errors, r.errorCount);
        return { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped, errors: r.errors, errorCount: r.errorCount };
      } finally {
        await cleanup();
      }
    },
  });
}

/**
 * Runs in a worker thread of the parse pool (platform/workers): reading the rows of an uploaded
 * CSV or .xlsx and streaming them to the importer in batches (`readRows` in entity-import.rows.ts
 * is the other end). A workbook's parts are checked against an unpacked-size cap before exceljs
 * inflates them, so a zip bomb is refused instead of being unpacked to a temporary file.
 */
import type { MessagePort } from 'node:worker_threads';
import { fileZipSource, listZipEntries, oversizedPart } from '../../../platform/files/zip-entries.js';
import { AppError } from '../../../platform/http/errors.js';
import { WORKBOOK_PARTS } from '../../../platform/excel/sheet-reader.js';
import { pipeToPort } from '../../../platform/workers/stream-port.js';
import { readRows, type FileRow, type ImportFileKind } from './entity-import.reader.js';

/**
 * Unpacked size of one part of an imported workbook. A million-row registry sheet is several
 * hundred MB of XML; twice that is allowed, a bomb's gigabytes are not.
 */
export const MAX_STREAMED_PART_BYTES = 1536 * 1024 * 1024;
const MAX_STREAMED_WORKBOOK_BYTES = 2048 * 1024 * 1024;
/** Rows per message to the main thread. */
const BATCH_ROWS = 500;

async function checkWorkbook(path: string): Promise<void> {
  const src = await fileZipSource(path);
  try {
    const entries = await listZipEntries(src);
    if (!entries) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: '无法读取导入文件：不是有效的 .xlsx 文件', en: 'The file cannot be read: not a valid .xlsx file' } });
    const over = await oversizedPart(src, entries, { parts: WORKBOOK_PARTS, maxPartBytes: MAX_STREAMED_PART_BYTES, maxTotalBytes: MAX_STREAMED_WORKBOOK_BYTES });
    if (over?.reason === 'too-large') {
      const mb = MAX_STREAMED_PART_BYTES / 1024 / 1024;
      throw new AppError('PAYLOAD_TOO_LARGE', {
        message: { zh: `工作簿解压后过大（${over.name} 超过 ${mb} MB 上限），请拆分后导入`, en: `The workbook is too large once unpacked (${over.name} exceeds ${mb} MB); split it and retry` },
        details: { part: over.name, maxBytes: MAX_STREAMED_PART_BYTES },
      });
    }
    if (over) throw new AppError('IMPORT_FILE_INVALID', { message: { zh: `无法读取导入文件：${over.name} 已损坏`, en: `The file cannot be read: ${over.name} is damaged` } });
  } finally {
    await src.close();
  }
}

async function* checkedRows(path: string, kind: ImportFileKind): AsyncGenerator<FileRow> {
  if (kind === 'xlsx') await checkWorkbook(path);
  yield* readRows(path, kind);
}

/** Stream the file's rows over `port` (see stream-port.ts). */
export async function streamRows(args: { path: string; kind: ImportFileKind }, port: MessagePort): Promise<void> {
  await pipeToPort(port, checkedRows(args.path, args.kind), { batchSize: BATCH_ROWS });
}

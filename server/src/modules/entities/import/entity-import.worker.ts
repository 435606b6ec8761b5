/**
 * Runs in a worker thread of the parse pool (platform/workers): reading the rows of an uploaded
 * CSV or .xlsx and streaming them to the importer in batches (`readRows` in entity-import.rows.ts
 * is the other end). A workbook's parts are checked against an unpacked-size cap before exceljs
 * inflates them, so a zip bomb is refused instead of being unpacked to a temporary file.
 */
import type { MessagePort } from 'node:worker_threads';
import { assertWorkbookWithin } from '../../../platform/excel/sheet-reader.js';
import { fileZipSource } from '../../../platform/files/zip-entries.js';
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
    await assertWorkbookWithin(src, { maxPartBytes: MAX_STREAMED_PART_BYTES, maxTotalBytes: MAX_STREAMED_WORKBOOK_BYTES });
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

/**
 * The rows of an uploaded import file, read in a worker thread (entity-import.worker.ts) and
 * handed over in batches: parsing a million-row CSV or .xlsx never blocks the event loop, and the
 * worker reads only a few batches ahead of what the importer has taken.
 */
import { streamFromWorker, workerModule } from '../../../platform/workers/worker-pool.js';
import type { FileRow, ImportFileKind } from './entity-import.reader.js';

const ROW_WORKER = workerModule(import.meta.url, './entity-import.worker');

/** Rows numbered as in the file (header = 1); returning early stops the reading. */
export function readRows(path: string, kind: ImportFileKind): AsyncGenerator<FileRow> {
  return streamFromWorker<FileRow>(ROW_WORKER, 'streamRows', { path, kind });
}

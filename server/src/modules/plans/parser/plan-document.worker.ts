/**
 * Runs in a worker thread of the parse pool (platform/workers): reading an uploaded policy document
 * and parsing it, both CPU-bound and proportional to the file, so that a large or hostile upload
 * never stalls the server's other requests. The plans service calls these through `runInWorker`.
 */
import { extractDocumentText, type DocumentTextResult } from './document-text.js';
import { replaceLoneSurrogates } from '../../../platform/http/request-body.js';
import { parsePlan, type PlanParse } from './parse-plan.js';

export type ParsedDocument = { ok: true; parse: PlanParse } | Extract<DocumentTextResult, { ok: false }>;

/** The text of an uploaded .txt or .docx, parsed; or why the file cannot be read. */
export async function parseDocument(file: { filename: string; data: Uint8Array; mimetype?: string }): Promise<ParsedDocument> {
  const extracted = await extractDocumentText({ filename: file.filename, data: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength), mimetype: file.mimetype });
  if (!extracted.ok) return extracted;
  // A lone surrogate (&#xD800; in document.xml) cannot be stored in jsonb: U+FFFD instead.
  return { ok: true, parse: parsePlan(replaceLoneSurrogates(extracted.text)) };
}

/** Pasted text, parsed (a few MB of text is a few hundred milliseconds of parsing). */
export function parseText(args: { text: string }): PlanParse {
  return parsePlan(args.text);
}

/**
 * The text of an uploaded policy document: .txt (UTF-8, with or without BOM, UTF-16 with BOM, or
 * GB18030/GBK as saved by older Chinese Windows tools) and .docx (the paragraphs of
 * word/document.xml). Never throws: every failure is a typed result with a bilingual message.
 */
import { bufferZipSource, inflateEntry, listZipEntries } from '../../../platform/files/zip-entries.js';

/** Largest accepted upload; policy documents are well under 1 MB of text. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
/**
 * A .docx is compressed; its document.xml unpacks to several times the file size, but a real policy
 * document (a hundred pages with Word's run markup) stays under a few MB. Reading stops at this cap,
 * so a zip bomb (the 2 MB file unpacking to 75 MB that stalled the server) is refused early.
 */
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

export type DocumentTextErrorCode = 'UNSUPPORTED_FILE_TYPE' | 'FILE_TOO_LARGE' | 'INVALID_DOCX';

export type DocumentTextResult =
  | { ok: true; text: string }
  | { ok: false; code: DocumentTextErrorCode; message: string; messageEn: string };

export interface UploadedFile {
  filename: string;
  data: Buffer;
  mimetype?: string;
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function fail(code: DocumentTextErrorCode, message: string, messageEn: string): DocumentTextResult {
  return { ok: false, code, message, messageEn };
}

function kindOf(file: UploadedFile): 'txt' | 'docx' | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file.filename)?.[1]?.toLowerCase();
  if (ext) return ext === 'txt' ? 'txt' : ext === 'docx' ? 'docx' : null;
  // No extension: trust the browser's type, for the two types we read.
  if (file.mimetype?.startsWith('text/plain')) return 'txt';
  if (file.mimetype === DOCX_MIME) return 'docx';
  return null;
}

/** Decode a text file: BOMs first, then strict UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(data: Uint8Array): string {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

// Only what carries the text matters: paragraphs, text runs, tabs and breaks. w:pPr, w:pStyle,
// w:tbl, w:delText (deleted revisions), w:instrText (field codes) and the rest are skipped.
const WORD_TOKEN = /<(\/?)w:(p|t|tab|br|cr)(?=[\s/>])([^>]*)>/g;

/** The text of a WordprocessingML body: one line per w:p, w:t text, w:tab → tab, w:br → newline. */
export function wordXmlToText(xml: string): string {
  const out: string[] = [];
  let textStart = -1;
  WORD_TOKEN.lastIndex = 0;
  for (let m = WORD_TOKEN.exec(xml); m; m = WORD_TOKEN.exec(xml)) {
    const [whole, closing, tag, attrs] = m;
    const selfClosing = attrs!.endsWith('/');
    if (tag === 't') {
      if (closing && textStart >= 0) {
        out.push(decodeEntities(xml.slice(textStart, m.index)));
        textStart = -1;
      } else if (!closing && !selfClosing) textStart = m.index + whole.length;
    } else if (tag === 'p') {
      if (closing) out.push('\n');
    } else if (!closing) {
      out.push(tag === 'tab' ? '\t' : '\n');
    }
  }
  return out.join('');
}

/** Magic numbers of formats people send by mistake as text: zip (.docx/.xlsx/.ofd), PDF, OLE (.doc/.xls), images, archives, programs. */
const BINARY_MAGIC: readonly number[][] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x25, 0x50, 0x44, 0x46],
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x37, 0x7a, 0xbc, 0xaf],
  [0x52, 0x61, 0x72, 0x21],
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
];
const SNIFF_BYTES = 8192;

/**
 * Whether the bytes are not text: a known binary magic number, or a NUL in the first 8 KiB of a
 * file without a UTF-16 byte-order mark (UTF-8 and GB18030 text never contains NUL).
 */
export function looksBinary(data: Uint8Array): boolean {
  if (BINARY_MAGIC.some((m) => m.every((b, i) => data[i] === b))) return true;
  const utf16 = data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
  return !utf16 && data.subarray(0, SNIFF_BYTES).includes(0);
}

/**
 * The plain text of an uploaded .txt or .docx, or why it cannot be read. CPU-heavy for a large
 * file: the server calls it in a worker thread (plan-document.worker.ts), the CLI directly.
 */
export async function extractDocumentText(file: UploadedFile): Promise<DocumentTextResult> {
  const kind = kindOf(file);
  if (!kind) {
    return fail(
      'UNSUPPORTED_FILE_TYPE',
      `不支持的文件类型「${file.filename}」：仅支持 .txt 和 .docx 文件（.doc、.pdf 请先另存为 .docx 或 .txt）`,
      `Unsupported file type "${file.filename}": only .txt and .docx files are accepted (save .doc or .pdf as .docx or .txt first)`,
    );
  }
  if (file.data.length > MAX_PLAN_FILE_BYTES) {
    return fail('FILE_TOO_LARGE', '文件超过 10 MB 上限', 'The file is larger than the 10 MB limit');
  }
  if (kind === 'txt') {
    // A Word file, a PDF or a program sent as text would decode to pages of mojibake: refuse it.
    if (looksBinary(file.data)) {
      return fail(
        'UNSUPPORTED_FILE_TYPE',
        `文件「${file.filename}」不是纯文本（内容为 Word、PDF、压缩包等二进制格式），请上传 .txt 或 .docx 文件`,
        `"${file.filename}" is not plain text (it holds a binary format such as Word, PDF or an archive); upload a .txt or .docx file`,
      );
    }
    return { ok: true, text: decodeText(file.data) };
  }

  const zip = bufferZipSource(file.data);
  const entries = await listZipEntries(zip);
  if (!entries) {
    return fail('INVALID_DOCX', '无法读取 .docx 文件：文件已损坏或不是 Word 文档', 'Cannot read the .docx file: it is damaged or not a Word document');
  }
  const entry = entries.find((e) => e.name === 'word/document.xml');
  if (!entry) {
    return fail('INVALID_DOCX', '无法读取 .docx 文件：缺少正文（word/document.xml）', 'Cannot read the .docx file: word/document.xml is missing');
  }
  const read = await inflateEntry(zip, entry, { maxBytes: MAX_DOCX_XML_BYTES, keep: true });
  if (!read.ok && read.reason === 'too-large') {
    const mb = MAX_DOCX_XML_BYTES / 1024 / 1024;
    return fail('FILE_TOO_LARGE', `文件正文解压后超过 ${mb} MB 上限，无法读取（正常的政策文件远小于此）`, `The document's text is larger than ${mb} MB once unpacked (real policy documents are far smaller)`);
  }
  if (!read.ok) {
    return fail('INVALID_DOCX', '无法读取 .docx 文件：正文已损坏', 'Cannot read the .docx file: word/document.xml is damaged');
  }
  return { ok: true, text: wordXmlToText(read.data!.toString('utf8')) };
}

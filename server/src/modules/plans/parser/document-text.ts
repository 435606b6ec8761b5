/**
 * The text of an uploaded policy document: .txt (UTF-8, with or without BOM, UTF-16 with BOM, or
 * GB18030/GBK as saved by older Chinese Windows tools) and .docx (the paragraphs of
 * word/document.xml). Never throws: every failure is a typed result with a bilingual message.
 */
import JSZip from 'jszip';

/** Largest accepted upload; policy documents are well under 1 MB of text. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
// A .docx is compressed; its document.xml may unpack to several times the file size, but a real
// policy document never needs more than this. Stops zip bombs.
const MAX_DOCX_XML_BYTES = 8 * MAX_PLAN_FILE_BYTES;

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

/** An entry's bytes as UTF-8; 'too-large' once it grows past `limit`, 'corrupt' when it cannot be inflated. */
async function readZipEntry(file: JSZip.JSZipObject, limit: number): Promise<{ xml: string } | { error: 'too-large' | 'corrupt' }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.pause();
        stream.removeAllListeners('data');
        resolve({ error: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', () => resolve({ error: 'corrupt' }));
    stream.on('end', () => resolve({ xml: Buffer.concat(chunks).toString('utf8') }));
  });
}

/** The plain text of an uploaded .txt or .docx, or why it cannot be read. */
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
  if (kind === 'txt') return { ok: true, text: decodeText(file.data) };

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.data);
  } catch {
    return fail('INVALID_DOCX', '无法读取 .docx 文件：文件已损坏或不是 Word 文档', 'Cannot read the .docx file: it is damaged or not a Word document');
  }
  const entry = zip.file('word/document.xml');
  if (!entry) {
    return fail('INVALID_DOCX', '无法读取 .docx 文件：缺少正文（word/document.xml）', 'Cannot read the .docx file: word/document.xml is missing');
  }
  const read = await readZipEntry(entry, MAX_DOCX_XML_BYTES);
  if ('error' in read && read.error === 'corrupt') {
    return fail('INVALID_DOCX', '无法读取 .docx 文件：正文已损坏', 'Cannot read the .docx file: word/document.xml is damaged');
  }
  if ('error' in read) {
    return fail('FILE_TOO_LARGE', `文件解压后超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB 上限，无法读取`, `The document is larger than ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB once unpacked`);
  }
  return { ok: true, text: wordXmlToText(read.xml) };
}

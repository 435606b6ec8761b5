import JSZip from 'jszip';
import { bombDocx, docxOf } from '../../../test/zip-fixtures.js';
import { describe, expect, it } from 'vitest';
import { decodeText, extractDocumentText, MAX_DOCX_XML_BYTES, MAX_PLAN_FILE_BYTES, wordXmlToText } from './document-text.js';
import { parsePlan } from './parse-plan.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx: content types, and word/document.xml with the given body. */
async function docx(body: string, opts: { withDocument?: boolean } = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  if (opts.withDocument !== false) zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const p = (...runs: string[]) => `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from('一、总体要求', 'utf8'))).toBe('一、总体要求');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('质量', 'utf8')]))).toBe('质量');
  });

  it('reads GB18030/GBK when the bytes are not UTF-8', () => {
    // "质量强市" in GBK.
    expect(decodeText(Buffer.from([0xd6, 0xca, 0xc1, 0xbf, 0xc7, 0xbf, 0xca, 0xd0]))).toBe('质量强市');
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('方案', 'utf16le')]))).toBe('方案');
  });
});

describe('wordXmlToText', () => {
  it('makes one line per paragraph, tabs and breaks, and skips everything else', () => {
    const xml = `<w:body>${p(r('一、'), r('总体要求'))}${p(r('甲'), '<w:r><w:tab/></w:r>', r('乙'), '<w:r><w:br/></w:r>', r('丙'))}<w:p><w:r><w:delText>删除</w:delText></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>${r('A &amp; B &lt;C&gt; &#x4E00;&#20108;')}</w:p><w:sectPr/></w:body>`;
    expect(wordXmlToText(xml)).toBe('一、总体要求\n甲\t乙\n丙\nA & B <C> 一二\n');
  });

  it('keeps empty text runs and self-closing paragraphs harmless', () => {
    expect(wordXmlToText('<w:p/><w:p><w:r><w:t/></w:r></w:p>')).toBe('\n');
  });
});

describe('extractDocumentText', () => {
  it('reads a .txt upload', async () => {
    expect(await extractDocumentText({ filename: '计划.TXT', data: Buffer.from('一、总体要求') })).toEqual({ ok: true, text: '一、总体要求' });
    expect(await extractDocumentText({ filename: 'plan', data: Buffer.from('x'), mimetype: 'text/plain; charset=utf-8' })).toEqual({ ok: true, text: 'x' });
  });

  it('reads a .docx upload that the parser then understands', async () => {
    const data = await docx(
      [p(r('青禾市质量提升行动计划')), p(r('一、主要任务')), p(r('(一)加强计量。新建计量标准20项以上。(市质监局牵头,市商务局配合)'))].join(''),
    );
    const result = await extractDocumentText({ filename: 'plan.docx', data });
    expect(result).toEqual({ ok: true, text: '青禾市质量提升行动计划\n一、主要任务\n(一)加强计量。新建计量标准20项以上。(市质监局牵头,市商务局配合)\n' });
    const { plan } = parsePlan(result.ok ? result.text : '');
    expect(plan.title).toBe('青禾市质量提升行动计划');
    expect(plan.items[0]!.children[0]).toMatchObject({ path: '一/(一)', lead: ['市质监局'], support: ['市商务局'] });
  });

  it('rejects a .docx that is not a zip, or has no word/document.xml', async () => {
    const notZip = await extractDocumentText({ filename: 'a.docx', data: Buffer.from('这不是压缩包') });
    expect(notZip).toMatchObject({ ok: false, code: 'INVALID_DOCX' });
    const empty = await extractDocumentText({ filename: 'a.docx', data: await docx('', { withDocument: false }) });
    expect(empty).toMatchObject({ ok: false, code: 'INVALID_DOCX', messageEn: expect.stringContaining('word/document.xml') });
  });

  it('rejects other file types, naming the accepted ones', async () => {
    for (const filename of ['a.doc', 'a.pdf', 'a.xlsx', 'noext']) {
      const result = await extractDocumentText({ filename, data: Buffer.from('x') });
      expect(result).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE_TYPE' });
      if (!result.ok) {
        expect(result.message).toContain('.txt 和 .docx');
        expect(result.messageEn).toContain('.txt and .docx');
      }
    }
  });

  it('rejects files over the size limit, saying what the limit is', async () => {
    const result = await extractDocumentText({ filename: 'big.txt', data: Buffer.alloc(MAX_PLAN_FILE_BYTES + 1, 0x41) });
    expect(result).toEqual({ ok: false, code: 'FILE_TOO_LARGE', message: '文件超过 10 MB 上限', messageEn: 'The file is larger than the 10 MB limit' });
    expect((await extractDocumentText({ filename: 'ok.txt', data: Buffer.alloc(MAX_PLAN_FILE_BYTES, 0x41) })).ok).toBe(true);
  });

  it('stops reading a .docx whose text unpacks beyond the limit', async () => {
    // 90 MB of one repeated character compresses to well under the 10 MB upload limit.
    const data = docxOf(['质'.repeat(30 * 1024 * 1024)]);
    expect(data.length).toBeLessThan(MAX_PLAN_FILE_BYTES);
    expect(await extractDocumentText({ filename: 'bomb.docx', data })).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });

  it("refuses the issue's zip bomb: a 2 MB .docx whose document.xml unpacks to 75 MB", async () => {
    const data = bombDocx(75);
    expect(data.length).toBeLessThan(3 * 1024 * 1024);
    const result = await extractDocumentText({ filename: 'bomb.docx', data });
    expect(result).toEqual({
      ok: false,
      code: 'FILE_TOO_LARGE',
      message: `文件正文解压后超过 ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB 上限，无法读取（正常的政策文件远小于此）`,
      messageEn: `The document's text is larger than ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB once unpacked (real policy documents are far smaller)`,
    });
  });

  it('refuses a .docx whose document.xml claims a small size but unpacks past the cap', async () => {
    const data = docxOf(Array.from({ length: 40 }, () => '质'.repeat(300_000)), { declaredSize: 1000 });
    expect(await extractDocumentText({ filename: 'liar.docx', data })).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
  });

  it('refuses a binary file sent as text, with or without the .txt name', async () => {
    const binaries: [string, Buffer][] = [
      ['a Word file', await docx(p(r('正文')))],
      ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
      ['an old .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
      ['bytes with NULs', Buffer.from([0x41, 0x42, 0x00, 0x43, 0x44])],
    ];
    for (const [what, data] of binaries) {
      for (const file of [{ filename: 'plan', mimetype: 'text/plain' }, { filename: 'plan.txt' }]) {
        const result = await extractDocumentText({ ...file, data });
        expect(result, `${what} as ${file.filename}`).toMatchObject({ ok: false, code: 'UNSUPPORTED_FILE_TYPE' });
        if (!result.ok) expect(result.message).toContain('不是纯文本');
      }
    }
  });

  it('still reads UTF-16 text (NULs are part of it) and plain text without an extension', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、总体要求\n', 'utf16le')]);
    expect(await extractDocumentText({ filename: 'plan', mimetype: 'text/plain; charset=utf-16', data: utf16 })).toEqual({ ok: true, text: '一、总体要求\n' });
    expect(await extractDocumentText({ filename: 'plan', mimetype: 'text/plain', data: Buffer.from('一、总体要求') })).toEqual({ ok: true, text: '一、总体要求' });
  });
});

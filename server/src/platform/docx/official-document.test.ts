/**
 * The GB/T 9704-2012 layout, read back from the .docx it writes (unzipped with jszip): the red
 * 发文机关标志 and separator line, the 发文字号, the title and body typography, the page numbers in
 * both footers, the 署名 and 成文日期, the 版记 at the foot of the 版心.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  bodyParagraph,
  bodyTable,
  chineseDate,
  CHAR,
  formatDocNumber,
  heading,
  markFit,
  packOfficialDocument,
  signatureLayout,
  TEXT_WIDTH,
  type OfficialDocumentInput,
} from './official-document.js';

const ISSUER = { name: '天津市质量强市工作领导小组办公室', mark: '天津市质量强市工作领导小组办公室文件', printer: '天津市质量强市工作领导小组办公室' };

async function unpack(input: Partial<OfficialDocumentInput> = {}) {
  const buffer = await packOfficialDocument({
    issuer: ISSUER,
    docNumber: '津质强办〔2026〕3号',
    title: '关于2025年度质量工作考核结果的通报',
    recipients: '各区人民政府',
    body: [heading(1, '一、考核结果'), bodyParagraph('正文第一段。'), bodyTable([{ header: '名次', share: 1 }, { header: '单位', share: 4 }], [['1', '和平区']])],
    date: '2026-12-07',
    printedOn: '2026-12-07',
    properties: { title: '关于2025年度质量工作考核结果的通报' },
    ...input,
  });
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { zip, document: await read('word/document.xml'), settings: await read('word/settings.xml'), rels: await read('word/_rels/document.xml.rels'), read };
}

/** The paragraphs of a document.xml, each with its XML. */
function paragraphs(xml: string): string[] {
  return xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? [];
}
const textOf = (p: string) => p.replace(/<[^>]+>/g, '');
const paragraphWith = (xml: string, text: string) => paragraphs(xml).find((p) => textOf(p) === text);

describe('the 版头', () => {
  it('prints the 发文机关标志 in red 小标宋, centred, 35 mm below the top of the 版心', async () => {
    const { document } = await unpack();
    const mark = paragraphWith(document, ISSUER.mark)!;
    expect(mark).toBeDefined();
    expect(mark).toContain('<w:jc w:val="center"/>');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toMatch(/w:before="1984"/);
    // 18 characters at 小初 would overflow the 156 mm 版心: condensed to fit.
    const fit = markFit(ISSUER.mark);
    expect(fit.scale).toBeLessThan(100);
    expect(mark).toContain(`<w:w w:val="${fit.scale}"/>`);
    expect(mark).toContain(`<w:sz w:val="${fit.size}"/>`);
    expect(([...ISSUER.mark].length * fit.size * 10 * fit.scale) / 100).toBeLessThanOrEqual(TEXT_WIDTH);
  });

  it('puts the 发文字号 centred under it, with the red separator line below', async () => {
    const { document } = await unpack();
    const number = paragraphWith(document, '津质强办〔2026〕3号')!;
    expect(number).toContain('<w:jc w:val="center"/>');
    expect(number).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="12" w:space="11"\/>/);
    // Two blank lines between the mark and the number (空二行).
    const ps = paragraphs(document);
    const at = ps.indexOf(number);
    expect(textOf(ps[at - 1]!)).toBe('');
    expect(textOf(ps[at - 2]!)).toBe('');
    expect(textOf(ps[at - 3]!)).toBe(ISSUER.mark);
  });

  it('numbers without 第 or leading zeros, and leaves a draft\u2019s number blank', () => {
    expect(formatDocNumber('津质强办', 2026, 3)).toBe('津质强办〔2026〕3号');
    expect(formatDocNumber('津市监信', 2027, 12)).toBe('津市监信〔2027〕12号');
    expect(formatDocNumber('津质强办', 2026, null)).toBe('津质强办〔2026〕\u3000\u3000号');
  });

  it('keeps a short mark at full width', () => {
    expect(markFit('天津市市场监督管理委员会')).toEqual({ size: 72, scale: 100 });
    // Very long marks get smaller characters rather than slivers.
    const long = markFit('天'.repeat(30));
    expect(long.scale).toBe(60);
    expect(30 * long.size * 10 * 0.6).toBeLessThanOrEqual(TEXT_WIDTH);
  });
});

describe('the title and the body', () => {
  it('sets the title in 小标宋 二号 and the body in 仿宋_GB2312 三号 at 22 lines a page; headings in 黑体', async () => {
    const { document } = await unpack();
    const title = paragraphWith(document, '关于2025年度质量工作考核结果的通报')!;
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    const body = paragraphWith(document, '正文第一段。')!;
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(body).toMatch(/w:firstLine="640"/);
    expect(paragraphWith(document, '一、考核结果')).toContain('w:eastAsia="黑体"');
    expect(paragraphWith(document, '各区人民政府：')).toBeDefined();
    // A4 with the standard's margins (天头 37 mm, 订口 28 mm).
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="2098"[^>]*w:left="1587"|w:left="1587"[^>]*w:top="2098"/);
  });

  it('repeats a table\u2019s header row on every page', async () => {
    const { document } = await unpack();
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
  });
});

describe('page numbers', () => {
  it('prints — N — in 4号 宋体 with a PAGE field: odd pages on the right, even pages on the left', async () => {
    const { settings, rels, read, document } = await unpack();
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const odd = /<w:footerReference w:type="default" r:id="(rId\d+)"/.exec(document)![1]!;
    const even = /<w:footerReference w:type="even" r:id="(rId\d+)"/.exec(document)![1]!;
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    for (const [id, side] of [
      [odd, 'right'],
      [even, 'left'],
    ] as const) {
      const xml = await read(`word/${target(id)}`);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(xml)).toMatch(/^— .*PAGE.* —$/);
      expect(xml).toContain('w:eastAsia="宋体"');
      expect(xml).toContain('<w:sz w:val="28"/>');
      expect(xml).toContain(`<w:jc w:val="${side}"/>`);
      expect(xml).toMatch(side === 'right' ? /w:right="280"/ : /w:left="280"/);
    }
  });
});

describe('署名, 成文日期 and 版记', () => {
  it('signs two characters from the right and starts the date two characters right of the issuer', async () => {
    const { document } = await unpack();
    const layout = signatureLayout(ISSUER.name, '2026年12月7日');
    expect(layout.name).toEqual({ right: 2 * CHAR });
    // 16 characters: the name starts 18 characters from the right edge; the date 2 characters later.
    expect(layout.date).toEqual({ left: TEXT_WIDTH - 18 * CHAR + 2 * CHAR });
    const sign = paragraphWith(document, ISSUER.name)!;
    expect(sign).toContain('<w:jc w:val="right"/>');
    expect(sign).toMatch(/w:right="640"/);
    const date = paragraphWith(document, chineseDate('2026-12-07'))!;
    expect(date).toContain(`w:left="${TEXT_WIDTH - 16 * CHAR}"`);
  });

  it('moves a short issuer left when the date is longer, so the date keeps two characters on its right', () => {
    const layout = signatureLayout('某某局', '2026年12月17日');
    expect(layout.date).toEqual({ right: 2 * CHAR });
    // name right edge = 2 + 7 (date width) + 2 − 3 (name) characters from the margin.
    expect(layout.name).toEqual({ right: 8 * CHAR });
  });

  it('writes dates the way documents do today: 2026年12月7日, 2026年1月5日', () => {
    expect(chineseDate('2026-12-07')).toBe('2026年12月7日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('frames the 版记 at the foot of the 版心 between two rules: 印发机关 and 印发日期', async () => {
    const { document } = await unpack();
    const imprint = paragraphs(document).find((p) => textOf(p).endsWith('印发'))!;
    expect(textOf(imprint)).toBe(`${ISSUER.printer}2026年12月7日印发`);
    expect(imprint).toMatch(/<w:framePr[^>]*w:yAlign="bottom"/);
    expect(imprint).toMatch(/<w:top w:val="single"/);
    expect(imprint).toMatch(/<w:bottom w:val="single"/);
    expect(imprint).toContain('<w:sz w:val="28"/>');
    // A document that is not 印发 (a report) has no 版记.
    const report = await unpack({ printedOn: null, recipients: null });
    expect(paragraphs(report.document).some((p) => textOf(p).endsWith('印发'))).toBe(false);
    expect(paragraphWith(report.document, '各区人民政府：')).toBeUndefined();
  });
});

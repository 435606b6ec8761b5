/**
 * From raw text to the document's paragraphs: one width for ASCII-range characters, no page
 * artefacts, no web-page chrome before or after the document, and sentences that a page break cut
 * in two joined again. Pure; never throws.
 */
import { docNumberLine } from './doc-number.js';
import { isMarkerLine } from './outline.js';

export interface NormalizedDocument {
  /** The document's paragraphs, one per line, trimmed, no blank lines. */
  lines: string[];
  /** Web-page lines dropped before the document (kept: they may carry 发布文号 / 发布单位). */
  leadingChrome: string[];
  /** Web-page lines dropped after the document. */
  trailingChrome: string[];
  /** Page numbers and running heads dropped ("6 | 文件", "- 3 -"). */
  pageArtefacts: number;
  /** Share of characters that are control or replacement characters (binary input). */
  garbageRatio: number;
}

/**
 * Full-width ASCII variants (（一） １． ：) become ASCII, the ideographic space a space; line ends
 * become \n. CJK punctuation that has no ASCII twin (。、〔〕《》) stays as printed.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let rep: string | null = null;
    if (c >= 0xff01 && c <= 0xff5e) rep = String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0) rep = ' ';
    else if (c === 0x0d) rep = text.charCodeAt(i + 1) === 0x0a ? '' : '\n';
    else if (c === 0x09 || c === 0x0b || c === 0x0c) rep = ' ';
    else if (c === 0xfeff || c === 0x200b || c === 0x200c || c === 0x200d) rep = '';
    if (rep !== null) {
      out += text.slice(runStart, i) + rep;
      runStart = i + 1;
    }
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

// Page numbers and running heads left by PDF/print conversion: "6 | 文件", "文件 | 6", "- 3 -",
// "—3—", "第 2 页 共 5 页", a lone "12".
const PAGE_ARTEFACT = [
  /^\d{1,4}\s*[|｜]\s*\S{0,12}$/,
  /^\S{0,12}\s*[|｜]\s*\d{1,4}$/,
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
];

// Web-page chrome before the document: breadcrumbs, share buttons, the site's metadata table.
const LEADING_CHROME = [
  /^当前位置/,
  /首页\s*[»>›]/,
  /扫描二维码|扫一扫|分享到/,
  /放大字体|缩小字体|字体[:：]?\s*[【[]?\s*大\s*中\s*小/,
  /^核心提示/,
  /^(发布时间|发布单位|发布文号|发布日期|生效日期|有效性状态|废止日期|专业属性|属性|备注|来源|浏览次数|索引号|主题分类|发文机关|成文日期|发布机构|实施日期|时效性)(\s|:|：|$)/,
];

// Web-page chrome after the document: statements, adverts, link bars, footers.
const TRAILING_CHROME = [
  /^声明[:：]?$/,
  /^(电询|电话|QQ|邮箱|E-?mail|传真)[:：]/i,
  /^※/,
  /\[\s*(政策法规搜索|加入收藏|告诉好友|打印本文|关闭窗口)/,
  /^【?(打印本页|打印本文|关闭窗口|返回顶部)/,
  /^(按分类浏览|推荐地方法规|点击排行|相关(链接|文章|阅读|法规)|上一篇|下一篇|责任编辑)/,
  /Processed in [\d.]+ second/,
  /版权所有|ICP备/,
  /扫码关注|请扫码/,
  // The page repeats the notice's title under the text; a notice title never ends a real document.
  /^.{2,60}关于(印发|转发|公布)?.{1,120}的(通知|意见|决定|函)(\s*\([^)]{0,40}号\))?$/,
];

// A sentence can only continue on the next line when the line ends mid-phrase: on a character,
// a digit, or one of 、 , ， “ 《 ( — never after 。 ； : ) ” or 》.
const OPEN_END = /[\p{Script=Han}\p{L}\p{N}、,，“《(—-]$/u;
const TITLE_END = /(通知|意见|方案|计划|办法|规划|纲要|要点|决定|细则|规定|行动|报告)$/;
const END_MATTER = /^(附件|抄送|主送|抄报|印发)|印发$/;

/** The last character of a string, surrogate pairs kept together. */
function lastChar(s: string): string {
  const low = s.charCodeAt(s.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}

/**
 * A paragraph being assembled from lines. It is kept as pieces with running facts so that
 * joining thousands of wrapped lines stays linear (never re-reading the growing paragraph).
 */
interface Paragraph {
  pieces: string[];
  length: number;
  hasFullStop: boolean;
  hasPunctuation: boolean;
}

function paragraphOf(line: string): Paragraph {
  return { pieces: [line], length: line.length, hasFullStop: line.includes('。'), hasPunctuation: /[。,，;；:：]/.test(line) };
}

function append(p: Paragraph, piece: string): void {
  p.pieces.push(piece);
  p.length += piece.length;
  p.hasFullStop ||= piece.includes('。');
  p.hasPunctuation ||= /[。,，;；:：]/.test(piece);
}

/** A paragraph that should never receive the next line: a short heading, a title, a marker-only line. */
function mayContinue(p: Paragraph): boolean {
  if (p.length < 20 || !OPEN_END.test(lastChar(p.pieces[p.pieces.length - 1]!))) return false;
  if (p.length <= 40 && !p.hasFullStop && isMarkerLine(p.pieces[0]!)) return false;
  if (p.length <= 80 && !p.hasPunctuation && TITLE_END.test(p.pieces.join(''))) return false;
  // "津委发〔2019〕12号 2019年3月8日" ends on a character but is complete: the recipients follow.
  if (p.pieces.length === 1 && docNumberLine(p.pieces[0]!)) return false;
  return true;
}

/** A line that starts something new and so is never the tail of a broken sentence. */
function startsNew(line: string): boolean {
  return (
    isMarkerLine(line) ||
    END_MATTER.test(line) ||
    /^\(.*\)$/.test(line) ||
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/.test(line) ||
    /〔\d{4}〕\d+号$/.test(line) ||
    docNumberLine(line) !== null
  );
}

function isGarbage(c: number): boolean {
  return (c < 0x20 && c !== 0x0a) || c === 0xfffd || (c >= 0x7f && c < 0xa0);
}

/** Split, clean and bound the document; see NormalizedDocument. */
export function normalizeDocument(text: string): NormalizedDocument {
  const half = toHalfWidth(text);
  let garbage = 0;
  for (let i = 0; i < half.length; i++) if (isGarbage(half.charCodeAt(i))) garbage++;
  let cleaned = half;
  if (garbage) {
    const parts: string[] = [];
    let runStart = 0;
    for (let i = 0; i < half.length; i++) {
      if (!isGarbage(half.charCodeAt(i))) continue;
      parts.push(half.slice(runStart, i), ' ');
      runStart = i + 1;
    }
    parts.push(half.slice(runStart));
    cleaned = parts.join('');
  }

  let pageArtefacts = 0;
  const raw: string[] = [];
  for (const rawLine of cleaned.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    if (PAGE_ARTEFACT.some((re) => re.test(line))) {
      pageArtefacts++;
      continue;
    }
    raw.push(line);
  }

  // The document starts after the last chrome line that comes before its first numbered item.
  let firstMarker = raw.findIndex((l) => isMarkerLine(l));
  if (firstMarker < 0) firstMarker = raw.length;
  let start = 0;
  for (let i = 0; i < firstMarker; i++) if (LEADING_CHROME.some((re) => re.test(raw[i]!))) start = i + 1;
  // …and ends at the first chrome line after its last numbered item starts.
  let lastMarker = -1;
  for (let i = raw.length - 1; i >= start; i--) {
    if (isMarkerLine(raw[i]!)) {
      lastMarker = i;
      break;
    }
  }
  // Without numbered items, chrome can only follow the first real paragraph (a line ending in 。),
  // so a notice title at the top is never taken for the page's repeated title.
  let searchFrom = lastMarker + 1;
  if (lastMarker < 0) {
    const firstParagraph = raw.findIndex((l, i) => i >= start && /[。.]$/.test(l));
    searchFrom = firstParagraph < 0 ? raw.length : firstParagraph + 1;
  }
  let end = raw.length;
  for (let i = Math.max(start, searchFrom); i < raw.length; i++) {
    if (TRAILING_CHROME.some((re) => re.test(raw[i]!))) {
      end = i;
      break;
    }
  }

  const paragraphs: Paragraph[] = [];
  for (let i = start; i < end; i++) {
    const line = raw[i]!;
    const prev = paragraphs.length ? paragraphs[paragraphs.length - 1]! : null;
    const prevLatin = prev !== null && /[A-Za-z0-9]/.test(lastChar(prev.pieces[prev.pieces.length - 1]!));
    // In Latin text a capital letter after a word starts a new line of its own (a title, a name).
    const latinBreak = prevLatin && /^[A-Z]/.test(line);
    if (prev !== null && mayContinue(prev) && !startsNew(line) && !latinBreak) {
      if (prevLatin && /^[A-Za-z0-9]/.test(line)) append(prev, ' ');
      append(prev, line);
    } else {
      paragraphs.push(paragraphOf(line));
    }
  }
  return {
    lines: paragraphs.map((p) => p.pieces.join('')),
    leadingChrome: raw.slice(0, start),
    trailingChrome: raw.slice(end),
    pageArtefacts,
    garbageRatio: half.length ? garbage / half.length : 0,
  };
}

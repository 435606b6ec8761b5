/**
 * The header of a policy document: title, 文号, issuing body, issue date and 主送 recipients.
 * Reads the paragraphs before the first numbered item, then falls back to the signature at the
 * end and to the web page's metadata that normalisation set aside. Pure; never throws.
 */
import { dateOnlyLine, findChineseDate, findDashedDate } from './dates.js';
import { docNumberLine, ownDocNumber } from './doc-number.js';
import { isOrgLine } from './outline.js';

export interface HeaderInput {
  /** Document paragraphs before the first item (the whole document when nothing is numbered). */
  lines: string[];
  /** Web-page lines removed before the document (breadcrumbs, 发布文号 …). */
  chrome: string[];
  /** End matter after the items: signature, 抄送, 印发. */
  endMatter: string[];
}

export interface Header {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedDate: string | null;
  recipients: string[];
  warnings: string[];
}

const TITLE_END = /(通知|意见|方案|计划|办法|规划|纲要|要点|决定|细则|规定|措施|行动|报告)(\(.*\))?$/;
const NOTICE = /^(.*?)关于(?:印发|转发)《?(.+?)》?的通知/;

function findDocNumber(input: HeaderInput): string | null {
  // A line holding only a 文号 (or a 文号 and the date) is the document's own number, wherever it
  // stands: a title line above it may quote another document's number. Otherwise: sentences
  // (ending in 。) cite other documents; the own number is in the notice title or the page's
  // 发布文号 field.
  for (const line of input.lines) {
    const alone = docNumberLine(line);
    if (alone) return alone.docNumber;
  }
  for (let i = 0; i < input.lines.length; i++) {
    const line = input.lines[i]!;
    if (/[。.]$/.test(line)) continue;
    const found = ownDocNumber(line, i > 0 ? input.lines[i - 1] : '');
    if (found) return found;
  }
  for (const line of [...input.chrome.filter((l) => /^(发布)?文号/.test(l)), ...input.chrome]) {
    const found = ownDocNumber(line);
    if (found) return found;
  }
  return null;
}

function isRecipientsLine(line: string): boolean {
  if (/^主送\s*[:：]/.test(line)) return true;
  return /[:：]$/.test(line) && line.length >= 3 && line.length <= 300 && !/^(核心提示|附件|抄送|说明|声明|备注)/.test(line) && !line.includes('。');
}

function findRecipients(lines: string[], endMatter: string[]): string[] {
  const line = lines.find(isRecipientsLine) ?? endMatter.find((l) => /^主送\s*[:：]/.test(l));
  if (!line) return [];
  return line
    .replace(/^主送\s*[:：]/, '')
    .replace(/[:：。]$/, '')
    .split(/[,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Signature {
  date: string | null;
  issuer: string | null;
}

/** A date line, and the issuing body on the line above it when that line is only a name. */
function signature(lines: string[]): Signature | null {
  for (let i = 0; i < lines.length; i++) {
    const date = dateOnlyLine(lines[i]!);
    if (!date) continue;
    const above = i > 0 ? lines[i - 1]! : '';
    return { date, issuer: isOrgLine(above) ? above : null };
  }
  return null;
}

/** A line that can be (part of) a title: no sentence punctuation, not a date, name, number or bracket. */
function isTitleLine(line: string): boolean {
  // A title's second line may be its period alone: "(2017—2019年)".
  if (/^\(\s*(?:19|20)\d{2}\s*[—–\-~至]\s*(?:19|20)\d{2}\s*年?\s*\)$/.test(line)) return true;
  return (
    line.length <= 80 &&
    !/[。:：]|\.$/.test(line) &&
    !isRecipientsLine(line) &&
    !dateOnlyLine(line) &&
    !isOrgLine(line) &&
    !/^\(.*\)$/.test(line) &&
    !docNumberLine(line) &&
    !/^附件/.test(line)
  );
}

function joinTitle(parts: string[]): string {
  return parts.reduce((acc, p) => (acc && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(p) ? `${acc} ${p}` : acc + p), '');
}

/**
 * The plan's title: the last run of one to three title lines before the text starts (a title split
 * over two lines is one title), preferring a run that ends like a title (…行动计划, …实施方案(2023—2025年)).
 * "X关于印发《Y》的通知" is the notice; the plan's title is then Y.
 */
function findTitle(lines: string[]): string | null {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const line of lines) {
    if (isTitleLine(line)) {
      run.push(line);
      continue;
    }
    if (run.length) runs.push(run);
    run = [];
  }
  if (run.length) runs.push(run);
  const usable = runs.filter((r) => r.length <= 3).map(joinTitle);
  const titled = usable.filter((t) => TITLE_END.test(t));
  const plans = titled.filter((t) => !NOTICE.test(t));
  // Without a title-like ending the document most likely opens with its title.
  const chosen = plans.at(-1) ?? titled.at(-1) ?? usable[0] ?? null;
  if (chosen === null) return null;
  const notice = NOTICE.exec(chosen);
  return notice ? notice[2]! : chosen;
}

function issuerFromNotice(line: string): string | null {
  const m = /^(.{2,40}?)关于/.exec(line);
  return m && isOrgLine(m[1]!) ? m[1]! : null;
}

function metaValue(chrome: string[], key: RegExp): string | null {
  for (let i = 0; i < chrome.length; i++) {
    const m = key.exec(chrome[i]!);
    if (!m) continue;
    const rest = chrome[i]!.slice(m[0].length).trim();
    if (rest) return rest;
    if (i + 1 < chrome.length) return chrome[i + 1]!;
  }
  return null;
}

/** Title, 文号, issuer, date and recipients, with a warning for each field a reviewer must fill in. */
export function parseHeader(input: HeaderInput): Header {
  const warnings: string[] = [];
  const head = signature(input.lines);
  const tail = signature(input.endMatter);

  let title = findTitle(input.lines);
  if (title === null) {
    const fromPage = input.chrome.map((l) => NOTICE.exec(l)).find(Boolean);
    title = fromPage ? fromPage[2]! : null;
  }
  if (title === null) warnings.push('未识别到标题');

  // The date under the issuer, else the one printed beside the 文号, else the signature after the text.
  let issuedDate = head?.date ?? input.lines.map((l) => docNumberLine(l)?.date).find((d) => d) ?? tail?.date ?? null;
  if (!issuedDate) {
    const printed = input.endMatter.find((l) => /印发$/.test(l));
    const meta = metaValue(input.chrome, /^(成文日期|发布日期)\s*[:：]?/);
    issuedDate = (printed ? findChineseDate(printed) : null) ?? (meta ? (findDashedDate(meta) ?? findChineseDate(meta)) : null);
  }

  let issuer = head?.issuer ?? tail?.issuer ?? null;
  issuer ??= input.lines.map(issuerFromNotice).find((x) => x !== null) ?? null;
  issuer ??= input.lines.find((l) => isOrgLine(l)) ?? null;
  issuer ??= input.chrome.map(issuerFromNotice).find((x) => x !== null) ?? null;
  issuer ??= metaValue(input.chrome, /^(发布单位|发文机关|发布机构)\s*[:：]?/);

  return {
    title: title ?? '',
    docNumber: findDocNumber(input),
    issuer,
    issuedDate,
    recipients: findRecipients(input.lines, input.endMatter),
    warnings,
  };
}

/** How items are shown on the review page: their number as printed, a short label, where they sit in the source text. */
import type { DraftItem, PlanDetail } from '@contracts/plans';

const CJK_NUMERAL = /^[一二三四五六七八九十百零〇]+$/;

/** The numbering token as a document prints it: 一、 （一） 6. — split items keep their suffix (（一）-2). */
export function displayNumber(number: string): string {
  const wide = number.replace(/\(/g, '（').replace(/\)/g, '）');
  if (CJK_NUMERAL.test(number)) return `${wide}、`;
  if (/^\d+$/.test(number)) return `${wide}.`;
  return wide;
}

/** The heading, or the first 30 characters of the text. */
export function itemSummary(item: Pick<DraftItem, 'heading' | 'text'>, max = 30): string {
  if (item.heading) return item.heading;
  const text = item.text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export interface Span {
  start: number;
  end: number;
}

const PROBE = 12;

/**
 * Where an item's text sits in the source. The parser's span while the item still ends as it did;
 * after a split or merge (or a new item) the text is looked up: its opening words, then its last
 * words after them. Null when neither works (the text was rewritten).
 */
export function spanOf(body: string, spans: PlanDetail['spans'], item: Pick<DraftItem, 'path' | 'text'>): Span | null {
  const known = spans[item.path];
  const text = item.text.trim();
  if (!text) return known ?? null;
  const head = text.slice(0, PROBE);
  const tail = text.slice(-PROBE);
  if (known) {
    const inside = body.slice(known.start, known.end);
    const at = inside.lastIndexOf(tail);
    // The span still ends where the text does (a split shortens the text, a merge lengthens it).
    if (at >= 0 && inside.length - (at + tail.length) <= 3 && inside.includes(head)) return known;
  }
  const from = body.indexOf(head, known ? Math.max(0, known.start - 50) : 0);
  const start = from >= 0 ? from : body.indexOf(head);
  if (start >= 0) {
    const endAt = body.indexOf(tail, start + Math.max(0, text.length - tail.length - 200));
    const end = endAt >= 0 ? endAt + tail.length : start + text.length;
    return { start, end: Math.min(body.length, Math.max(end, start + head.length)) };
  }
  return known ?? null;
}

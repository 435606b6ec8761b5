/**
 * Deadlines (时限) in an item's text: 于2017年1月10日前 → 2017-01-10, 2017年1月底前 → 2017-01-31,
 * each with the sentence it was found in. Pure.
 */
import type { ParsedDeadline } from '../../../../../contracts/plans.js';
import { findDeadlines } from './dates.js';
import { sentencesOf } from './targets.js';

/** Every deadline in `text`; `path` is the item it belongs to, null for text outside the items. */
export function findItemDeadlines(text: string, path: string | null): ParsedDeadline[] {
  const matches = findDeadlines(text);
  if (!matches.length) return [];
  const sentences = sentencesOf(text);
  // Matches come in text order, so one forward walk over the sentences finds each one's sentence.
  let k = 0;
  return matches.map(({ date, index }) => {
    while (k + 1 < sentences.length && sentences[k + 1]!.index <= index) k++;
    return { path, date, sentence: sentences[k]?.text ?? '' };
  });
}

/**
 * Chinese name search (DESIGN §4): jieba segments names into words stored as space-separated text
 * behind a `to_tsvector('simple', …)` index; pg_trgm catches what segmentation misses (short or
 * misspelt names). The dictionary is loaded once per process (~0.2 s).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const WORD = /[\p{L}\p{N}]/u;

/** Search-mode tokens (both 天津 and 天津市) of the names, de-duplicated, lower-cased, space-joined. */
export function searchText(names: readonly string[]): string {
  const tokens = new Set<string>();
  for (const name of names) {
    for (const t of segmenter().cutForSearch(name, true)) {
      const w = t.trim().toLowerCase();
      if (w && WORD.test(w)) tokens.add(w);
    }
  }
  return [...tokens].join(' ');
}

/**
 * The words of a search box as a `to_tsquery('simple', …)` AND-expression, or null when nothing
 * searchable is left. Tokens are quoted, so tsquery operators in user input are plain text.
 */
export function tsQueryOf(keyword: string): string | null {
  const words = segmenter()
    .cut(keyword, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && WORD.test(t));
  if (words.length === 0) return null;
  return [...new Set(words)].map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
}

/**
 * Chinese name search (DESIGN §4): jieba segments names into words stored as space-separated text
 * behind a `to_tsvector('simple', …)` index; pg_trgm catches what segmentation misses (short or
 * misspelt names). The dictionary is loaded once per process (~0.2 s).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;
/** The process's jieba segmenter (the pinyin of names segments with it too). */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Load the dictionary now. Loaded by the first search instead, it held every other request for
 * its ~0.2 s: at 200 searches/s the public lookup's p99 was the load time (bench/public-lookup).
 */
export function loadSearchDictionary(): void {
  segmenter();
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether a token is only CJK ideographs of U+4E00–U+9FA5 (assigned since Unicode 1.1): such a
 * token is a word as it stands — trimming and lower-casing leave it alone and it has a letter —
 * so the general checks are skipped for it. Most tokens of a Chinese name are such; the import
 * maps a million names, where those checks were ~40% of the time after segmentation.
 */
function isPlainHan(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fa5) return false;
  }
  return true;
}

/** Search-mode tokens (both 天津 and 天津市) of the names, de-duplicated, lower-cased, space-joined. */
export function searchText(names: readonly string[]): string {
  const tokens = new Set<string>();
  const jieba = segmenter();
  for (const name of names) {
    for (const t of jieba.cutForSearch(name, true)) {
      if (isPlainHan(t)) {
        tokens.add(t);
        continue;
      }
      const w = t.trim().toLowerCase();
      if (w && WORD.test(w)) tokens.add(w);
    }
  }
  return [...tokens].join(' ');
}

/** The words of a search box in order (jieba, lower-cased, punctuation dropped). */
export function searchWords(keyword: string): string[] {
  return segmenter()
    .cut(keyword, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && WORD.test(t));
}

/**
 * The words of a search box as a `to_tsquery('simple', …)` AND-expression, or null when nothing
 * searchable is left. Tokens are quoted, so tsquery operators in user input are plain text.
 *
 * With `common` (words most names contain, see `commonSearchWords`), those words are left out
 * unless nothing else was typed: the query then finds the names with the rarer words, a few more
 * than with all of them, and the ranking still scores every word. In a Tianjin registry 天津 and
 * 有限公司 are in every name; their posting lists made the index probe for 天津华诚机械有限公司
 * read 553 index pages (17.5 ms) where 华诚 & 机械 reads 11 (0.14 ms), at 1,000,000 entities.
 */
export function tsQueryOf(keyword: string, common?: ReadonlySet<string>): string | null {
  return tsQueryOfWords(searchWords(keyword), common);
}

/** tsQueryOf for words already cut (searchWords): a search that needs several queries cuts once. */
export function tsQueryOfWords(cut: readonly string[], common?: ReadonlySet<string>): string | null {
  const words = [...new Set(cut)];
  if (words.length === 0) return null;
  const rare = common ? words.filter((w) => !common.has(w)) : [];
  return (rare.length > 0 ? rare : words).map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
}

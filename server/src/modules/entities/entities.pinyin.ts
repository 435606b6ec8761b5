/**
 * Pinyin of entity names (DESIGN §4, Chinese text): officers type `tjdz` or `tianjin deze` for
 * 天津得泽调味品有限公司, and a name misspelt with a homophone (得泽 for 德泽, both "de ze") reads the
 * same. Each name is stored as ASCII tokens — the whole pinyin without tones or spaces, and the
 * initials — behind a trigram index, which works alike on PGlite and PostgreSQL (ASCII trigrams
 * do not depend on the database's locale, unlike trigrams of Chinese characters).
 *
 * Polyphonic characters (多音字): the reading in context (银行 yin-hang, 长城 chang-cheng) comes
 * from pinyin-pro for each jieba word that has one; every other reading pinyin-pro knows for the
 * character is stored as a variant, one character at a time, so `yinxing` or `zhangcheng` find
 * those names too. A search in which two or more polyphonic characters take an unusual reading at
 * once is not found (variants would multiply); at most MAX_VARIANTS of each kind are stored.
 *
 * Speed: pinyin-pro takes ~0.2 ms for a company name (it segments with its own dictionaries),
 * which would double a million-row import. So characters are looked up in a table built once per
 * process from pinyin-pro's own data (~1 s), jieba (already loaded for the search text) segments,
 * and pinyin-pro is asked only about words holding a polyphonic character, once per word
 * (cached): a few microseconds per name.
 */
import { pinyin, polyphonic } from 'pinyin-pro';
import { segmenter } from './entities.search.js';

const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fa5;

/** Variants stored per kind (whole pinyin, initials) beyond the reading in context. */
export const MAX_VARIANTS = 6;

/** Per character of U+4E00–U+9FA5: its most common reading (toneless, ü written v as typed) and its others. */
interface ReadingTable {
  primary: string[];
  others: (readonly string[])[];
}
let readingTable: ReadingTable | undefined;

const NO_OTHERS: readonly string[] = [];

function readings(): ReadingTable {
  if (readingTable) return readingTable;
  let all = '';
  for (let c = HAN_FIRST; c <= HAN_LAST; c++) all += String.fromCharCode(c);
  const primary: string[] = [];
  const others: (readonly string[])[] = [];
  for (const rs of polyphonic(all, { type: 'array', toneType: 'none' }) as string[][]) {
    const distinct = [...new Set(rs.map(normalizeSyllable).filter((r) => r.length > 0))];
    primary.push(distinct[0] ?? '');
    others.push(distinct.length > 1 ? distinct.slice(1) : NO_OTHERS);
  }
  readingTable = { primary, others };
  return readingTable;
}

/** Build the reading table now (server start), instead of in the first request that needs it. */
export function loadPinyinTable(): void {
  readings();
}

function normalizeSyllable(s: string): string {
  return s.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z]/g, '');
}

const isHan = (code: number) => code >= HAN_FIRST && code <= HAN_LAST;
const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Readings in context of words with a polyphonic character; bounded, cleared when full. */
const contextCache = new Map<string, string[]>();
const CONTEXT_CACHE_MAX = 200_000;

function inContext(word: string): string[] {
  let r = contextCache.get(word);
  if (!r) {
    r = (pinyin(word, { type: 'array', toneType: 'none' }) as string[]).map(normalizeSyllable);
    if (contextCache.size >= CONTEXT_CACHE_MAX) contextCache.clear();
    contextCache.set(word, r);
  }
  return r;
}

/** A name as pinyin units: a Chinese character (its reading and the others it may have) or a run of Latin letters and digits. */
interface Units {
  readings: string[];
  others: (readonly string[])[];
  latin: boolean[];
}

function pushUnits(text: string, context: readonly string[] | null, out: Units, table: ReadingTable): void {
  let latin = '';
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 0 && isAsciiAlnum(c)) {
      latin += text[i];
      continue;
    }
    if (latin) {
      out.readings.push(latin.toLowerCase());
      out.others.push(NO_OTHERS);
      out.latin.push(true);
      latin = '';
    }
    if (c < 0 || !isHan(c)) continue; // punctuation, brackets, rarer characters: not typed in pinyin
    const k = c - HAN_FIRST;
    const primary = table.primary[k]!;
    if (!primary) continue;
    const alts = table.others[k]!;
    const said = context?.[i];
    if (alts.length === 0 || !said || said === primary || !alts.includes(said)) {
      out.readings.push(primary);
      out.others.push(alts);
    } else {
      out.readings.push(said);
      out.others.push([primary, ...alts.filter((a) => a !== said)]);
    }
    out.latin.push(false);
  }
}

function unitsOf(name: string): Units {
  const table = readings();
  const out: Units = { readings: [], others: [], latin: [] };
  // Most names have no polyphonic character once tones are dropped (天津…有限公司): no segmentation needed.
  let polyphonicName = false;
  for (let i = 0; i < name.length && !polyphonicName; i++) {
    const c = name.charCodeAt(i);
    if (isHan(c) && table.others[c - HAN_FIRST]!.length > 0) polyphonicName = true;
  }
  if (!polyphonicName) {
    pushUnits(name, null, out, table);
    return out;
  }
  for (const word of segmenter().cut(name, true)) {
    let polyphonicWord = false;
    let plainHan = true;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (!isHan(c)) plainHan = false;
      else if (table.others[c - HAN_FIRST]!.length > 0) polyphonicWord = true;
    }
    pushUnits(word, polyphonicWord && plainHan ? inContext(word) : null, out, table);
  }
  return out;
}

/**
 * The pinyin tokens of an entity's names (current and former), space separated: per name the
 * whole pinyin and the initials in context, then variants with one polyphonic character read
 * otherwise. Stored in `entity.name_pinyin`.
 */
export function namePinyin(names: readonly string[]): string {
  const tokens = new Set<string>();
  for (const name of names) {
    const u = unitsOf(name);
    const n = u.readings.length;
    if (n === 0) continue;
    const full = u.readings.join('');
    const initials = u.readings.map((r, i) => (u.latin[i] ? r : r[0]!));
    const initialsText = initials.join('');
    tokens.add(full);
    tokens.add(initialsText);
    let fullVariants = 0;
    let initialVariants = 0;
    let at = 0; // offset of unit i in `full`
    let atInitial = 0; // offset of unit i in `initialsText`
    for (let i = 0; i < n && (fullVariants < MAX_VARIANTS || initialVariants < MAX_VARIANTS); i++) {
      const reading = u.readings[i]!;
      for (const other of u.others[i]!) {
        if (fullVariants < MAX_VARIANTS) {
          const before = tokens.size;
          tokens.add(full.slice(0, at) + other + full.slice(at + reading.length));
          if (tokens.size > before) fullVariants++;
        }
        if (initialVariants < MAX_VARIANTS && other[0] !== reading[0]) {
          const before = tokens.size;
          tokens.add(initialsText.slice(0, atInitial) + other[0] + initialsText.slice(atInitial + 1));
          if (tokens.size > before) initialVariants++;
        }
      }
      at += reading.length;
      atInitial += initials[i]!.length;
    }
  }
  return [...tokens].join(' ');
}

/** The whole pinyin of a text in context, no variants (the near-match search compares it with the stored tokens). */
export function pinyinOf(text: string): string {
  return unitsOf(text).readings.join('');
}

/** Letters a pinyin search needs: two would match most initials of a registry. */
export const PINYIN_KEYWORD_MIN = 3;

/**
 * A search box's text as a pinyin search, or null when it is not one: Latin letters only (spaces
 * and apostrophes between syllables allowed, `xi'an`), lower-cased and joined (`Tianjin DeZe` →
 * `tianjindeze`), at least PINYIN_KEYWORD_MIN letters.
 */
export function pinyinKeyword(keyword: string): string | null {
  if (!/^[A-Za-z][A-Za-z\s'’]*$/.test(keyword.trim())) return null;
  const q = keyword.toLowerCase().replace(/[^a-z]/g, '');
  return q.length >= PINYIN_KEYWORD_MIN ? q : null;
}

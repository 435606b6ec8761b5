/**
 * How guessable a password is, estimated by zxcvbn-ts (pattern matching against common passwords,
 * words, names, keyboard walks, sequences, repeats and dates, with the account's own details as
 * extra "dictionary" words). The dictionaries (about 1 MB) are loaded on first use and kept: the
 * server and the CLI pay for them only when someone sets a password.
 */
import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { msg } from '../../../../contracts/i18n.js';

/**
 * zxcvbn's score 3 means "safely unguessable: moderate protection from offline slow-hash scenario"
 * (≥ 10^8 guesses). Online guessing is further limited by the lockout and the per-address login
 * throttle; the hashes are argon2id.
 */
export const MIN_STRENGTH_SCORE = 3;

/**
 * Only the first characters are analysed: the estimate's cost grows with the length, and a password
 * longer than this is not weak because of what follows.
 */
const ANALYSED_LENGTH = 64;

/**
 * Words a guesser tries first against this platform: the product, the demo city, the regulator, the
 * pinyin that Chinese users put in passwords (我爱你, 中国, 密码, 管理员…) and keyboard walks common
 * in Chinese leaks that the spatial matcher rates too kindly (1qaz@WSX3edc scores 3 without them).
 * Matched like the common-password list, case-insensitively and with l33t substitutions.
 */
const CONTEXT_WORDS = [
  '1qaz2wsx',
  '1qaz@wsx',
  '1qaz2wsx3edc',
  '1qaz@wsx#edc',
  '1qaz@wsx3edc',
  'zaq12wsx',
  'zaq1@wsx',
  '5201314',
  'woaini1314',
  'zhiliang',
  'qiangshi',
  'zhiliangqiangshi',
  'zlqs',
  'tianjin',
  'shichang',
  'jianguan',
  'shichangjianguan',
  'scjg',
  'zhijian',
  'zhengfu',
  'admin',
  'administrator',
  'guanliyuan',
  'mima',
  'zhanghao',
  'woaini',
  'aini',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
];

let estimator: Promise<ZxcvbnFactory> | undefined;
let pinyinOf: Promise<(text: string) => string[]> | undefined;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, zhiliang: CONTEXT_WORDS },
      graphs: common.adjacencyGraphs,
      maxLength: ANALYSED_LENGTH,
      // Levenshtein matching multiplies the cost (0.5–1 s per password on the reference machine)
      // for little gain once l33t and case variants are matched.
      useLevenshteinDistance: false,
    });
  })();
  return estimator;
}

function loadPinyin(): Promise<(text: string) => string[]> {
  pinyinOf ??= import('pinyin-pro').then(({ pinyin }) => (text: string) => {
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });
    if (syllables.length === 0) return [];
    // 王质量 → wangzhiliang, wzl, and the given name on its own (zhiliang).
    return [syllables.join(''), syllables.map((s) => s[0]).join(''), syllables.slice(1).join('')].filter((w) => w.length >= 2);
  });
  return pinyinOf;
}

/**
 * Words tied to the account that a guesser would try: the login name and its parts, the name in
 * pinyin (whole, initials, given name). The first pinyin word is the whole name.
 */
async function accountWords(who: { username?: string | null; displayName?: string | null }): Promise<{ words: string[]; namePinyin: string | null }> {
  const words = new Set<string>();
  if (who.username) {
    const u = who.username.toLowerCase();
    words.add(u);
    for (const part of u.split(/[._-]+/)) if (part.length >= 3) words.add(part);
  }
  const pinyin = who.displayName ? (await loadPinyin())(who.displayName) : [];
  for (const w of pinyin) words.add(w);
  return { words: [...words], namePinyin: pinyin[0] ?? null };
}

const WARNINGS: Record<string, [string, string]> = {
  straightRow: ['键盘上同一行连续的按键很容易被猜到', 'Straight rows of keys on your keyboard are easy to guess'],
  keyPattern: ['简短的键盘图案很容易被猜到', 'Short keyboard patterns are easy to guess'],
  simpleRepeat: ['重复的字符（如 aaa）很容易被猜到', 'Repeated characters like "aaa" are easy to guess'],
  extendedRepeat: ['重复的字符组合（如 abcabcabc）很容易被猜到', 'Repeated character patterns like "abcabcabc" are easy to guess'],
  sequences: ['常见的字符序列（如 abc、123）很容易被猜到', 'Common character sequences like "abc" are easy to guess'],
  recentYears: ['近年的年份很容易被猜到', 'Recent years are easy to guess'],
  dates: ['日期很容易被猜到', 'Dates are easy to guess'],
  topTen: ['这是最常用的密码之一', 'This is a heavily used password'],
  topHundred: ['这是非常常用的密码', 'This is a frequently used password'],
  common: ['这是常用密码', 'This is a commonly used password'],
  similarToCommon: ['与常用密码相似', 'This is similar to a commonly used password'],
  wordByItself: ['单个词语很容易被猜到', 'Single words are easy to guess'],
  namesByThemselves: ['单独的姓名很容易被猜到', 'Single names or surnames are easy to guess'],
  commonNames: ['常见姓名很容易被猜到', 'Common names and surnames are easy to guess'],
  userInputs: ['不应包含个人信息或与本平台相关的词（用户名、姓名拼音、平台名称等）', 'There should not be any personal or platform-related words'],
  pwned: ['该密码曾出现在数据泄露中', 'Your password was exposed by a data breach'],
};

const SUGGESTIONS: Record<string, [string, string]> = {
  l33t: ['避免可预测的字母替换（如用 @ 代替 a）', 'Avoid predictable letter substitutions like "@" for "a"'],
  reverseWords: ['避免把常用词倒过来拼写', 'Avoid reversed spellings of common words'],
  allUppercase: ['部分而非全部字母大写', 'Capitalize some, but not all letters'],
  capitalization: ['不要只把首字母大写', 'Capitalize more than the first letter'],
  dates: ['避免使用与您相关的日期和年份', 'Avoid dates and years that are associated with you'],
  recentYears: ['避免使用近年的年份', 'Avoid recent years'],
  associatedYears: ['避免使用与您相关的年份', 'Avoid years that are associated with you'],
  sequences: ['避免常见的字符序列', 'Avoid common character sequences'],
  repeated: ['避免重复的词语和字符', 'Avoid repeated words and characters'],
  longerKeyboardPattern: ['使用更长的键盘图案，并多次改变方向', 'Use longer keyboard patterns and change typing direction multiple times'],
  anotherWord: ['再加几个不常见的词', 'Add more words that are less common'],
  useWords: ['使用多个词语，但避免常见短语', 'Use multiple words, but avoid common phrases'],
  noNeed: ['不用符号、数字或大写字母也可以组成强密码', 'You can create strong passwords without using symbols, numbers, or uppercase letters'],
  pwned: ['如果在其他地方使用过该密码，请一并修改', 'If you use this password elsewhere, you should change it'],
};

export interface StrengthVerdict {
  /** 0–4 (zxcvbn). */
  score: number;
  /** Why it is weak and what would help, each bilingual (msg); empty when strong enough. */
  problems: string[];
}

/** Estimate a password's strength; `who` adds the account's own words to the dictionaries. */
export async function passwordStrength(password: string, who: { username?: string | null; displayName?: string | null } = {}): Promise<StrengthVerdict> {
  const [zxcvbn, { words, namePinyin }] = await Promise.all([loadEstimator(), accountWords(who)]);
  // The whole name in pinyin is personal data a colleague guesses first (张伟 → Zhangwei-1988!).
  if (namePinyin && namePinyin.length >= 4 && password.toLowerCase().includes(namePinyin)) {
    return { score: 0, problems: [msg(`密码不能包含姓名的拼音（${namePinyin}）`, `The password must not contain the name in pinyin (${namePinyin})`)] };
  }
  const result: ZxcvbnResult = zxcvbn.check(password, words);
  if (result.score >= MIN_STRENGTH_SCORE) return { score: result.score, problems: [] };
  const warning = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
  const hints = result.feedback.suggestions.map((s) => SUGGESTIONS[s]).filter((s): s is [string, string] => !!s);
  const zh = `密码太容易被猜到（强度 ${result.score}/4，至少需要 ${MIN_STRENGTH_SCORE}）${warning ? `：${warning[0]}` : ''}${hints.length ? `。建议：${hints.map((h) => h[0]).join('；')}` : ''}`;
  const en = `The password is too easy to guess (strength ${result.score}/4, at least ${MIN_STRENGTH_SCORE} needed)${warning ? `: ${warning[1]}` : ''}${hints.length ? `. Try: ${hints.map((h) => h[1]).join('; ')}` : ''}`;
  return { score: result.score, problems: [msg(zh, en)] };
}

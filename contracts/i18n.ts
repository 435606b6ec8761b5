/**
 * Bilingual messages in contracts: `msg('中文', 'English')` stores both in one string so a Zod
 * schema carries both languages; `pickLang` shows the one the user reads.
 */
const SEP = ' ¦ ';

export type Lang = 'zh' | 'en';

export function msg(zh: string, en: string): string {
  return `${zh}${SEP}${en}`;
}

export function pickLang(message: string, lang: Lang): string {
  const at = message.indexOf(SEP);
  if (at < 0) return message;
  return lang === 'zh' ? message.slice(0, at) : message.slice(at + SEP.length);
}

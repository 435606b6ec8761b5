/**
 * Personal data and links in text bound for the public portal (个人信息保护法 Art. 6, 28; DESIGN §5
 * "Publication"): mainland mobile and landline numbers, 18-digit resident ID numbers (GB 11643-1999,
 * with their check character), bank-card-like numbers (16–19 digits passing the Luhn check), e-mail
 * addresses, instant-messaging accounts named as such, and links to any host outside a configured
 * list. Pure; shared by the server (refuse on submission, mask on output) and the web (warn in the
 * form before sending).
 *
 * Every detector wants the number on its own: a digit or Latin letter right before or after means
 * it is part of something else (a USCC, a standard number such as GB/T 19001-2016, a batch code),
 * which is what keeps registry identifiers from being taken for phone numbers.
 */

export const PERSONAL_DATA_KINDS = ['link', 'email', 'id_number', 'bank_card', 'mobile', 'landline', 'im_account'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** What each kind is called in messages to the user. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, readonly [zh: string, en: string]> = {
  link: ['网址链接', 'link'],
  email: ['电子邮箱', 'e-mail address'],
  id_number: ['身份证号码', 'ID number'],
  bank_card: ['银行卡号', 'bank-card number'],
  mobile: ['手机号码', 'mobile number'],
  landline: ['固定电话号码', 'landline number'],
  im_account: ['即时通讯账号', 'messaging account'],
};

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Offsets in the text as given (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** What the user may be shown: the number masked, or a link's host. */
  sample: string;
}

export interface PersonalDataOptions {
  /**
   * Hosts that links may point to (a domain covers its subdomains: `gov.cn` allows
   * `www.samr.gov.cn`). Empty or absent: no link at all.
   */
  allowedLinkDomains?: readonly string[];
}

// ── Checks ─────────────────────────────────────────────────────────────────────────────────────

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A resident ID number (公民身份号码): region (first digit 1–9), a real birth date from 1900 on,
 * sequence, and the check character. A number failing the check is not reported as an ID number
 * (it may still be bank-card-like).
 */
export function isValidIdNumber(s: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/i.test(s)) return false;
  const y = Number(s.slice(6, 10));
  if (y < 1900 || !validDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  return idNumberCheckCharacter(s.slice(0, 17)) === s[17]!.toUpperCase();
}

/** The Luhn (mod 10) check that bank-card numbers (ISO/IEC 7812) carry. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Whether a link's host is one of the allowed domains or below one. */
export function linkHostAllowed(host: string, domains: readonly string[] = []): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((raw) => {
    const d = raw.trim().toLowerCase().replace(/^\*?\./, '');
    return d !== '' && (h === d || h.endsWith(`.${d}`));
  });
}

// ── Detection ──────────────────────────────────────────────────────────────────────────────────

/** Invisible format characters (soft hyphen, zero-width space and joiners, word joiner, BOM) hidden inside numbers and links. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x115f, 0x1160], // Hangul fillers
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x200b, 0x200f], // zero-width space, joiners, direction marks
  [0x202a, 0x202e], // direction embeddings
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x3164, 0x3164], // Hangul filler
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // byte-order mark
  [0xffa0, 0xffa0], // half-width Hangul filler
];
const isInvisible = (cp: number) => INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);

/** Digits of other scripts people use to slip a number past a check: Arabic-Indic, Devanagari, mathematical, Chinese numerals. */
function asciiDigit(cp: number, ch: string): string | null {
  if (cp >= 0x0660 && cp <= 0x0669) return String(cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String(cp - 0x06f0);
  if (cp >= 0x0966 && cp <= 0x096f) return String(cp - 0x0966);
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return String((cp - 0x1d7ce) % 10);
  if (cp >= 0x2460 && cp <= 0x2468) return String(cp - 0x2460 + 1); // ①–⑨
  if (cp >= 0x2776 && cp <= 0x277e) return String(cp - 0x2776 + 1); // ❶–❾
  if (cp >= 0x2780 && cp <= 0x2788) return String(cp - 0x2780 + 1); // ➀–➈
  if (cp >= 0x278a && cp <= 0x2792) return String(cp - 0x278a + 1); // ➊–➒
  if (cp === 0x24ea || cp === 0x24ff) return '0'; // ⓪ ⓿
  for (const digits of ['〇一二三四五六七八九', '零壹贰叁肆伍陆柒捌玖']) {
    const d = digits.indexOf(ch);
    if (d >= 0) return String(d);
  }
  if (ch === '幺') return '1'; // 1 as read out in phone numbers
  return null;
}

/** Dots spelt so that no check sees one. */
const DEFANGED_DOTS = ['[.]', '(.)', '{.}', '[dot]', '(dot)', '{dot}', '［.］', '（.）'];

/** A text as the detectors read it, with where each of its code units came from in the original. */
interface Normalized {
  s: string;
  /** `from[i]`: the original offset of normalised unit i; `to[i]`: the original offset just after it. */
  from: number[];
  to: number[];
}

/**
 * The text the detectors read: invisible format characters dropped; full-width ASCII and the
 * ideographic space folded to ASCII (１３８…); digits of other scripts, circled digits and Chinese
 * numerals read as digits (一三八…, 幺三八…); defanged dots ([.]) read as dots. 。 stays 。: it ends
 * Chinese sentences, and read as a dot it made "…标准。公司…" a link. Offsets are kept, so a finding
 * still points at the original text.
 */
function normalize(text: string): Normalized {
  let s = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    const defanged = DEFANGED_DOTS.find((d) => text.startsWith(d, i));
    if (defanged) {
      // evil[.]com, evil(dot)com: a dot written so that no check sees one.
      s += '.';
      from.push(i);
      to.push(i + defanged.length);
      i += defanged.length;
      continue;
    }
    if (!isInvisible(cp)) {
      const out = cp >= 0xff01 && cp <= 0xff5e ? String.fromCharCode(cp - 0xfee0) : cp === 0x3000 || cp === 0x00a0 ? ' ' : (asciiDigit(cp, ch) ?? ch);
      for (let k = 0; k < out.length; k++) {
        s += out[k];
        from.push(i);
        to.push(next);
      }
    }
    i = next;
  }
  return { s, from, to };
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** Top-level domains a bare host name is recognised by (a link without http:// or www.). */
const TLDS =
  'com|cn|net|org|gov|edu|info|biz|top|xyz|site|online|vip|club|shop|store|app|dev|ai|io|co|me|cc|tv|ltd|group|link|click|work|tech|icu|asia|hk|mo|tw|us|uk|ru|de|jp|kr|xin|wang|ren|pub|live|fun|cloud|email|mobi|name|pro|win|bid|loan|today|best|life|world|news|space|website|cyou|sbs|buzz|monster|ink|red|kim|plus|zone|run|example|test|invalid|local|xn--[a-z0-9-]{2,59}|gov\\.cn|com\\.cn|net\\.cn|org\\.cn';
/** Chinese top-level domains (例子.中国, 商城.公司) and Chinese labels under a Latin one (例子.com). */
const CJK_LABEL = '[\\u4E00-\\u9FFF][\\u4E00-\\u9FFFA-Za-z0-9-]{0,62}';
const CJK_TLDS = '中国|中國|公司|网络|網絡|在线|中文网|商城|网址|移动|政务|公益|集团|我爱你';
/** Characters that may stand between the digits of one number as people write it (space, dot, dash, slash, middle dot, line break). */
const SEP = '[ \\t\\r\\n.\\-/_·,，、—–\\u2002-\\u200A\\u2028\\u2029\\u202F]';
/**
 * Words of company names in English ("Tianjin Haixin Tech.Co.,Ltd.", "Holdings.Group"): a bare host
 * made only of these is a name, not a link.
 */
const COMPANY_WORDS = new Set(['co', 'ltd', 'inc', 'corp', 'llc', 'plc', 'limited', 'company', 'group', 'holding', 'holdings', 'tech', 'technology', 'sci', 'science', 'info', 'intl', 'int', 'international', 'trading', 'trade', 'industry', 'industrial', 'ind', 'mfg', 'manufacturing', 'dev', 'development', 'enterprise', 'enterprises', 'imp', 'exp', 'import', 'export', 'bio', 'pharm', 'food', 'foods']);

// Characters that end a link in Chinese text: whitespace, quotes, brackets and CJK punctuation.
const LINK_TAIL = `[^\\s<>"'\\u3000-\\u303F\\uFF01-\\uFF65（）【】《》“”‘’，。；：、！？]*`;
// A number stands alone: no digit or letter next to it, and not the digits of a decimal (3.1415…).
const ALNUM_BEFORE = '(?<![0-9A-Za-z])(?<!\\d[.,])';
const ALNUM_AFTER = '(?![0-9A-Za-z])(?![.,]\\d)';

interface Detector {
  kind: PersonalDataKind;
  re: RegExp;
  /** A number detector: when a match is not what it looks like, look again from its next character (a batch code must not swallow a phone number after it). */
  retry?: boolean;
  /** The finding for a match, or null when the match is not what it looks like. */
  accept(m: RegExpExecArray, opts: PersonalDataOptions): { start: number; end: number; sample: string } | null;
}

function hostOf(link: string): string {
  const noScheme = link.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return (noScheme.split(/[/?#:]/)[0] ?? '').replace(/^[^@]*@/, '').toLowerCase();
}

function linkFinding(m: RegExpExecArray, opts: PersonalDataOptions) {
  // Trailing sentence punctuation belongs to the sentence, not the link.
  const text = m[0].replace(/[.,;:!?)\]]+$/, '');
  const host = hostOf(text.replace(/^\/\//, ''));
  if (host === '' || linkHostAllowed(host, opts.allowedLinkDomains)) return null;
  return { start: m.index, end: m.index + text.length, sample: host };
}

/** A bare host (no scheme, no www.): a link, unless it is only words of a company name. */
function bareHostFinding(m: RegExpExecArray, opts: PersonalDataOptions) {
  const f = linkFinding(m, opts);
  if (f && f.sample.split('.').every((label) => COMPANY_WORDS.has(label))) return null;
  return f;
}

/** A script or inline-data URL is never published, whatever follows it. */
function scriptLinkFinding(m: RegExpExecArray) {
  // A script's own brackets belong to it: only sentence punctuation is left out.
  const text = m[0].replace(/[.,;:!?]+$/, '');
  return { start: m.index, end: m.index + text.length, sample: `${m[1]!.toLowerCase()}:` };
}

const whole = (m: RegExpExecArray, sample: string) => ({ start: m.index, end: m.index + m[0].length, sample });

/**
 * Whether the digits of a would-be mobile number are grouped the way people write a phone number:
 * 11 together, 3-4-4, 3-8, 4-3-4, 7-4, or one digit at a time, always with the same separator.
 * "1906-1205-012" (a batch code, 4-4-3) and "15763.2-2005 1" (a standard number and a count) are not.
 */
function mobileGrouping(match: string): boolean {
  const national = match.replace(new RegExp(`^(?:\\+|00)?86${SEP}*`), '');
  const seps = national.match(new RegExp(`${SEP}+`, 'g')) ?? [];
  if (new Set(seps).size > 1) return false;
  const groups = national.split(new RegExp(`${SEP}+`)).map((g) => g.length);
  if (groups.every((n) => n === 1)) return true;
  return ['11', '3-4-4', '3-8', '4-3-4', '7-4'].includes(groups.join('-'));
}

export function maskMobile(digits: string): string {
  const d = digits.slice(-11);
  return `${d.slice(0, 3)}****${d.slice(7)}`;
}

// Order is priority: a link or an e-mail address claims its digits before any number detector looks.
const DETECTORS: Detector[] = [
  { kind: 'link', re: new RegExp(`\\b(javascript|vbscript|data|file)\\s*:${LINK_TAIL}`, 'gi'), accept: scriptLinkFinding },
  { kind: 'link', re: new RegExp(`\\b(?:https?|ftp)://${LINK_TAIL}`, 'gi'), accept: linkFinding },
  // Protocol-relative: //evil.example/x.
  { kind: 'link', re: new RegExp(`(?<![:/A-Za-z0-9])//[A-Za-z0-9\\u4E00-\\u9FFF-]+(?:\\.[A-Za-z0-9\\u4E00-\\u9FFF-]+)+${LINK_TAIL}`, 'g'), accept: linkFinding },
  {
    kind: 'email',
    // The domain's dots may be written 。 (boss@example。com).
    re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:[.。][A-Za-z0-9-]+)*[.。][A-Za-z]{2,}/g,
    accept: (m) => {
      const [local, domain] = m[0].split('@') as [string, string];
      return whole(m, `${local.slice(0, 1)}***@${domain}`);
    },
  },
  {
    // boss(at)example.com, boss [at] example dot com.
    kind: 'email',
    re: /[A-Za-z0-9._%+-]+(?:\s*[([{<]\s*at\s*[)\]}>]\s*|\s+at\s+)[A-Za-z0-9-]+(?:\s*(?:\.|[([{<]\s*dot\s*[)\]}>]|\bdot\b)\s*[A-Za-z0-9-]+)+/gi,
    accept: (m) => whole(m, `${m[0].slice(0, 1)}***（at）…`),
  },
  {
    kind: 'link',
    // After a Chinese TLD no Chinese character may follow: "说明.公司承诺" is a sentence typed with a full stop.
    re: new RegExp(`(?<![A-Za-z0-9.@/-])(?:(?:${CJK_LABEL}|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)\\.)+(?:${CJK_TLDS})(?![\\u4E00-\\u9FFF])(?:[/?#]${LINK_TAIL})?|(?<![A-Za-z0-9.@/-])(?:${CJK_LABEL}\\.)+(?:${TLDS})(?![A-Za-z0-9-])(?:[/?#]${LINK_TAIL})?`, 'gi'),
    accept: bareHostFinding,
  },
  { kind: 'link', re: new RegExp(`(?<![A-Za-z0-9.@-])www\\.[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+${LINK_TAIL}`, 'gi'), accept: linkFinding },
  {
    kind: 'link',
    re: new RegExp(`(?<![A-Za-z0-9.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:${TLDS})(?![A-Za-z0-9-])(?::\\d{1,5})?(?:[/?#]${LINK_TAIL})?`, 'gi'),
    accept: bareHostFinding,
  },
  {
    // Any other top-level domain when a path follows (bit.ly/abc): a host with a path is a link.
    kind: 'link',
    re: new RegExp(`(?<![A-Za-z0-9.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}/${LINK_TAIL}`, 'g'),
    accept: bareHostFinding,
  },
  { kind: 'link', re: new RegExp(`(?<![0-9A-Za-z.])(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5}(?:/${LINK_TAIL})?|/${LINK_TAIL})`, 'g'), accept: linkFinding },
  {
    kind: 'id_number',
    // Written whole, or broken up by spaces, dashes or dots (110101 19900307 7774); the check character decides.
    retry: true,
    re: new RegExp(`${ALNUM_BEFORE}[1-9](?:${SEP}{0,3}\\d){16}${SEP}{0,3}[\\dXx]${ALNUM_AFTER}`, 'g'),
    accept: (m) => {
      const id = m[0].replace(/[^\dXx]/g, '');
      return isValidIdNumber(id) ? whole(m, `${id.slice(0, 6)}********${id.slice(14).toUpperCase()}`) : null;
    },
  },
  {
    kind: 'bank_card',
    // 16–19 digits, plain or in groups of four.
    retry: true,
    re: new RegExp(`${ALNUM_BEFORE}(?:\\d{16,19}|\\d{4}(?:${SEP}\\d{4}){3}(?:${SEP}?\\d{1,3})?)${ALNUM_AFTER}`, 'g'),
    accept: (m) => {
      const d = digitsOf(m[0]);
      return d.length >= 16 && d.length <= 19 && luhnValid(d) ? whole(m, `${d.slice(0, 4)} **** **** ${d.slice(-4)}`) : null;
    },
  },
  {
    kind: 'mobile',
    // 1[3-9]x xxxx xxxx with or without +86, its digits as people write them (see mobileGrouping).
    retry: true,
    re: new RegExp(`${ALNUM_BEFORE}(?:(?:\\+|00)?86${SEP}{0,3})?1${SEP}{0,3}[3-9](?:${SEP}{0,3}\\d){9}${ALNUM_AFTER}`, 'g'),
    accept: (m) => (mobileGrouping(m[0]) ? whole(m, maskMobile(digitsOf(m[0]))) : null),
  },
  {
    // A mobile number right after a word that names it, letters and all (Tel13812345678).
    kind: 'mobile',
    re: /(?:Tel|Phone|Mob(?:ile)?|Cell|电话|手机|联系)[号码]*[:：.]?\s*((?:\+?86)?1[3-9]\d{9})(?!\d)/gi,
    accept: (m) => {
      const start = m.index + m[0].length - m[1]!.length;
      return { start, end: m.index + m[0].length, sample: maskMobile(m[1]!) };
    },
  },
  {
    kind: 'landline',
    // Area code (010, 02x, 0xxx; in brackets or not) and a local number of 7–8 digits, optional extension.
    re: new RegExp(
      `${ALNUM_BEFORE}(?:(?:\\+|00)?86[ -]?)?(?:\\(0(?:10|2\\d|[3-9]\\d{2})\\)|0(?:10|2\\d|[3-9]\\d{2}))[ -]?[2-9]\\d{2,3}[ -]?\\d{4}(?:[ -]?(?:转|ext\\.?|x|-)[ ]?\\d{1,6})?${ALNUM_AFTER}`,
      'gi',
    ),
    accept: (m) => {
      const area = /0(?:10|2\d|[3-9]\d{2})/.exec(m[0])![0];
      return whole(m, `${area}-****${digitsOf(m[0]).slice(-4)}`);
    },
  },
  {
    kind: 'landline',
    // A local number without area code counts only when the text says it is a phone number.
    re: /(?:电话|手机|热线|联系方式|Tel|Phone)[号码]*[:：]?\s*([2-9]\d{2,3}[ -]?\d{4})(?!\d)/gi,
    accept: (m) => {
      const start = m.index + m[0].length - m[1]!.length;
      return { start, end: m.index + m[0].length, sample: `****${digitsOf(m[1]!).slice(-4)}` };
    },
  },
  {
    kind: 'im_account',
    re: /(?:QQ|企鹅|微信|威信|薇信|V信|WeChat|(?<![A-Za-z])(?:VX|WX|V)(?=号?\s*[:：]))[号]?[:：]?\s*([1-9]\d{4,10}|[A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])/gi,
    accept: (m) => {
      const start = m.index + m[0].length - m[1]!.length;
      return { start, end: m.index + m[0].length, sample: `${m[1]!.slice(0, 1)}****` };
    },
  },
];

/**
 * Every piece of personal data or disallowed link in `text`, in reading order, never overlapping
 * (a link or address claims its digits first, an ID number before a phone inside it).
 */
export function findPersonalData(text: string, opts: PersonalDataOptions = {}): PersonalDataFinding[] {
  if (!text) return [];
  const { s, from, to } = normalize(text);
  const found: PersonalDataFinding[] = [];
  const taken = (a: number, b: number) => found.some((f) => a < f.end && f.start < b);
  for (const d of DETECTORS) {
    d.re.lastIndex = 0;
    for (let m = d.re.exec(s); m; m = d.re.exec(s)) {
      const f = d.accept(m, opts);
      if (!f && d.retry) d.re.lastIndex = m.index + 1;
      if (f && f.end > f.start) {
        // Back to the original text's offsets (invisible characters inside a finding are part of it).
        const start = from[f.start]!;
        const end = to[f.end - 1]!;
        if (!taken(start, end)) found.push({ kind: d.kind, start, end, sample: f.sample });
      }
      if (m[0].length === 0) d.re.lastIndex++;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What replaces a finding in published text (defence in depth: the portal shows nothing that slipped through). */
function maskOf(f: PersonalDataFinding): string {
  return f.kind === 'link' ? '〔链接已屏蔽〕' : f.sample;
}

/** `text` with every finding replaced by its masked form. */
export function maskPersonalData(text: string, opts: PersonalDataOptions = {}): string {
  const found = findPersonalData(text, opts);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += text.slice(at, f.start) + maskOf(f);
    at = f.end;
  }
  return out + text.slice(at);
}

/** One field's findings, as a submission check reports them. */
export interface FieldFindings {
  /** Dotted path of the field (`payload.text`, `title`, `groundsText`). */
  path: string;
  findings: PersonalDataFinding[];
}

/** The text leaves of a value with their dotted paths (strings in objects and arrays, recursively). */
export function textFields(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return value ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textFields(v, path ? `${path}.${k}` : k));
  return [];
}

/** The findings in each text field of `value` (only fields with something found). */
export function scanFields(value: unknown, opts: PersonalDataOptions = {}): FieldFindings[] {
  return textFields(value)
    .map((f) => ({ path: f.path, findings: findPersonalData(f.text, opts) }))
    .filter((f) => f.findings.length > 0);
}

/** Every string in `value` masked, the shape kept (for records on the way to the portal). */
export function maskFields<T>(value: T, opts: PersonalDataOptions = {}): T {
  if (typeof value === 'string') return maskPersonalData(value, opts) as T;
  if (Array.isArray(value)) return value.map((v) => maskFields(v, opts)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskFields(v, opts)])) as T;
  return value;
}

/** "手机号码 138****5678、网址链接 evil.example" — what was found, for a message. */
export function describeFindings(findings: readonly PersonalDataFinding[], lang: 'zh' | 'en'): string {
  const i = lang === 'zh' ? 0 : 1;
  return findings.map((f) => `${PERSONAL_DATA_LABELS[f.kind][i]} ${f.sample}`).join(lang === 'zh' ? '、' : ', ');
}

/**
 * Text bound for the public portal: refused on submission when it holds personal data or links
 * outside the allowed domains (400 naming what was found), and masked again on the way out, as
 * defence in depth for text that reached the database another way (imports, older rows). The
 * rules themselves are pure and shared with the web: contracts/personal-data.ts.
 */
import { describeFindings, maskFields, scanFields, type PersonalDataOptions } from '../../../../contracts/personal-data.js';
import { msg } from '../../../../contracts/i18n.js';
import { AppError } from '../http/errors.js';

/**
 * Hosts that published text may link to: ZHILIANG_PUBLIC_LINK_DOMAINS, comma-separated (a domain
 * covers its subdomains, e.g. `gov.cn`); unset or empty means no links at all.
 */
export function publicLinkDomains(env: string | undefined = process.env.ZHILIANG_PUBLIC_LINK_DOMAINS): string[] {
  return (env ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
}

function options(): PersonalDataOptions {
  return { allowedLinkDomains: publicLinkDomains() };
}

/** Names of the fields as a user knows them, for the message (the path stays in `details`). */
const FIELD_NAMES: Record<string, readonly [string, string]> = {
  title: ['标题', 'title'],
  'payload.text': ['承诺内容', 'commitment'],
  'payload.standardNo': ['标准编号', 'standard number'],
  'payload.standardName': ['标准名称', 'standard name'],
  'payload.product': ['产品', 'product'],
  groundsText: ['事由说明', 'grounds'],
};

/**
 * Refuse `fields` (the text about to be published, by field path) when any of it holds personal
 * data or a link outside the allowed domains: 400 PERSONAL_DATA_FOUND, the message naming each
 * finding (masked) and its field, `details` one entry per field for the form.
 */
export function assertPublishable(fields: Record<string, unknown>): void {
  const found = scanFields(fields, options());
  if (found.length === 0) return;
  const named = (path: string, i: 0 | 1) => FIELD_NAMES[path]?.[i] ?? path;
  const zh = found.map((f) => `${named(f.path, 0)}中有${describeFindings(f.findings, 'zh')}`).join('；');
  const en = found.map((f) => `${named(f.path, 1)}: ${describeFindings(f.findings, 'en')}`).join('; ');
  throw new AppError('PERSONAL_DATA_FOUND', {
    message: {
      zh: `公开内容不得含有个人信息或外部链接（${zh}），请删除后再提交`,
      en: `Published text may hold no personal data or outside links (${en}); remove them and submit again`,
    },
    details: found.map((f) => ({
      path: f.path,
      code: 'personal_data',
      kinds: f.findings.map((x) => x.kind),
      message: msg(`含有${describeFindings(f.findings, 'zh')}，不能公开`, `Holds ${describeFindings(f.findings, 'en')}; it cannot be published`),
    })),
  });
}

/** Every string in `value` with personal data and disallowed links masked (for public output). */
export function maskForPortal<T>(value: T): T {
  return maskFields(value, options());
}

import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../../../contracts/i18n.js';

export const LANG_COOKIE = 'zl_lang';

/**
 * The user's language: the web's `zl_lang` cookie first, then Accept-Language. Chinese unless the
 * user asked for English.
 */
export function requestLang(request: FastifyRequest): Lang {
  const cookie = request.cookies?.[LANG_COOKIE];
  if (cookie === 'en' || cookie === 'zh') return cookie;
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
  }
  return 'zh';
}

/**
 * What a request body may be before any route sees it: JSON no deeper than JSON_MAX_DEPTH (400
 * JSON_TOO_DEEP), and no NUL character or lone surrogate anywhere (PostgreSQL cannot store them). Both checks walk
 * the input with a loop, never by recursion, so no body can overflow the stack.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Deeper than any body the API takes: the deepest, a plan draft, nests items in `children` four
 * levels down (about 10 levels of arrays and objects). `'['.repeat(5000)` used to reach the
 * recursive NUL check and overflow the stack (500).
 */
export const JSON_MAX_DEPTH = 64;

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, read without parsing: brackets
 * inside strings do not count. Malformed text is left to the parser to refuse.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped, whatever it is
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** A UTF-16 surrogate without its pair: JSON allows it ("\ud800"), PostgreSQL's jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text read from an uploaded file, storable: each lone surrogate (a .docx can spell one as
 * `&#xD800;`) becomes U+FFFD, one code unit for one, so offsets into the text stay right.
 */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * What in a parsed value PostgreSQL cannot store, in any string or object key at any depth: a NUL
 * character (text refuses it), or a lone surrogate (jsonb refuses it, text silently turns it into
 * U+FFFD). Null when there is none.
 */
export function unstorableCharacter(value: unknown): 'nul' | 'lone-surrogate' | null {
  const check = (s: string) => (s.includes('\u0000') ? 'nul' : LONE_SURROGATE.test(s) ? 'lone-surrogate' : null);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      const found = check(v);
      if (found) return found;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const found = check(k);
        if (found) return found;
        stack.push(item);
      }
    }
  }
  return null;
}

/**
 * Replace Fastify's JSON body parser by the same parser (prototype-poisoning checks and all) behind
 * a depth limit.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    if (jsonNestsDeeperThan(body, JSON_MAX_DEPTH)) {
      done(new AppError('JSON_TOO_DEEP', { details: { maxDepth: JSON_MAX_DEPTH } }), undefined);
      return;
    }
    parse(request, body, done);
  });
}

/**
 * Security headers on every response: a Content-Security-Policy, no MIME sniffing, no framing,
 * the referrer kept on this site, and the request id.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Directives joined into one header value. */
function policy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}

const COMMON = {
  'default-src': "'self'",
  // Scripts only from the server itself: no inline script, no eval, no other origin.
  'script-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/**
 * The web app (and every API response). Ant Design writes its component styles into <style>
 * elements at run time and ECharts positions tooltips with style attributes, so styles must allow
 * 'unsafe-inline'; scripts, where an injection would do harm, stay 'self' only.
 */
export const WEB_CSP = policy({ ...COMMON, 'style-src': "'self' 'unsafe-inline'" });

/** The API docs (swagger-ui at /api/docs): its bundle sets inline styles too; scripts stay 'self'. */
export const DOCS_CSP = policy({ ...COMMON, 'style-src': "'self' 'unsafe-inline'" });

/** Set the headers on one reply (also used where Fastify runs no hooks: its refusals before routing). */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('x-frame-options', 'DENY');
  reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : WEB_CSP);
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    setSecurityHeaders(request, reply);
    done(null, payload);
  });
}

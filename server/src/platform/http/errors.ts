/**
 * Application errors and the one error handler. Every failure leaves as
 * `{ error: { code, message, details, requestId } }` with the status from contracts/errors.ts;
 * 5xx messages are hidden from clients and logged with the request id.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type core } from 'zod';
import { ERRORS, type ErrorBody, type ErrorCode } from '../../../../contracts/errors.js';
import { pickLang, type Lang } from '../../../../contracts/i18n.js';
import { isDatabaseUnavailable, unavailableReason } from '../../db/db-errors.js';
import { CalendarInputError, CalendarRangeError } from '../calendar/calendar.rules.js';
import { requestLang } from './lang.js';
import { setSecurityHeaders } from './security-headers.js';

export interface LocalizedText {
  zh: string;
  en: string;
}

/** A failure with a stable code. `message` overrides the table's generic text when it says more. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly localized: LocalizedText | undefined;

  constructor(code: ErrorCode, opts: { details?: unknown; message?: LocalizedText } = {}) {
    super(opts.message?.en ?? ERRORS[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = opts.details;
    this.localized = opts.message;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  messageIn(lang: Lang): string {
    return this.localized ? this.localized[lang] : ERRORS[this.code][lang];
  }
}

/** Request data that failed its Zod schema; raised by our validator compiler. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: readonly core.$ZodIssue[],
  ) {
    super(`invalid ${part}`);
    this.name = 'RequestValidationError';
  }
}

const enLocale = z.locales.en().localeError;

export interface IssueDetail {
  path: string;
  code: string;
  message: string;
}

/** Zod issues as `{path, code, message}` in the user's language. */
export function localizeIssues(issues: readonly core.$ZodIssue[], lang: Lang, prefix?: string): IssueDetail[] {
  return issues.map((issue) => {
    let message = issue.message;
    if (issue.code === 'custom' || message.includes(' ¦ ')) {
      message = pickLang(message, lang);
    } else if (lang === 'en') {
      const rendered = enLocale(issue as never);
      message = (typeof rendered === 'string' ? rendered : rendered?.message) ?? message;
      message = message.replace(/, received undefined$/, '');
    }
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, code: issue.code, message };
  });
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: ErrorCode, message: string, details?: unknown) {
  request.failure = { code, message };
  const body: ErrorBody = { error: { code, message, requestId: request.id } };
  if (details !== undefined) body.error.details = details;
  reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Postgres error codes that mean "your request conflicts", raised when a race beats a pre-check. */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return undefined;
}

/** What a 503 DB_UNAVAILABLE suggests to wait before retrying (a restart takes a few seconds). */
const DB_RETRY_AFTER_SECONDS = 5;

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    const lang = requestLang(request);
    if (err instanceof AppError) {
      return send(reply, request, err.status, err.code, err.messageIn(lang), err.details);
    }
    if (err instanceof RequestValidationError) {
      const details = localizeIssues(err.issues, lang, err.part === 'body' ? undefined : err.part);
      return send(reply, request, 400, 'VALIDATION_FAILED', ERRORS.VALIDATION_FAILED[lang], details);
    }
    if (err instanceof CalendarRangeError) {
      const message = lang === 'zh'
        ? `日期 ${err.date} 所在年度未载入国务院节假日安排，无法按此操作或计算（已载入年度：${err.loadedYears.join('、') || '无'}），请管理员先在“工作日历”中添加该年度`
        : `The year of ${err.date} has no loaded State Council holiday notice, so this cannot be done or counted (loaded: ${err.loadedYears.join(', ') || 'none'}); an administrator must add that year under Calendar first`;
      return send(reply, request, 400, 'CALENDAR_OUT_OF_RANGE', message, { date: err.date, loadedYears: err.loadedYears });
    }
    if (err instanceof CalendarInputError) {
      return send(reply, request, 400, 'VALIDATION_FAILED', ERRORS.VALIDATION_FAILED[lang], [{ path: '', code: 'calendar', message: pickLang(err.message, lang) }]);
    }
    const fe = err as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, request, 400, 'MALFORMED_JSON', ERRORS.MALFORMED_JSON[lang]);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return send(reply, request, 413, 'PAYLOAD_TOO_LARGE', ERRORS.PAYLOAD_TOO_LARGE[lang]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(reply, request, 415, 'UNSUPPORTED_MEDIA_TYPE', ERRORS.UNSUPPORTED_MEDIA_TYPE[lang]);
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        // The body is shorter or longer than its Content-Length: a broken request, not a media type.
        return send(reply, request, 400, 'BAD_REQUEST', ERRORS.BAD_REQUEST[lang]);
    }
    if (err instanceof SyntaxError && fe.statusCode === 400) {
      return send(reply, request, 400, 'MALFORMED_JSON', ERRORS.MALFORMED_JSON[lang]);
    }
    if (isDatabaseUnavailable(err)) {
      // The database is away (stopped, restarting, unreachable): not the request's fault and not a
      // bug. The pool reconnects by itself; the client may retry.
      request.log.warn({ reqId: request.id, reason: unavailableReason(err) }, 'database unavailable');
      reply.header('retry-after', String(DB_RETRY_AFTER_SECONDS));
      return send(reply, request, 503, 'DB_UNAVAILABLE', ERRORS.DB_UNAVAILABLE[lang]);
    }
    const pg = pgCode(err);
    if (pg === '22021' || pg === '22P05' || pg === '22001') {
      // Text the database cannot store (a character outside its encoding, a value too long): bad input.
      return send(reply, request, 400, 'VALIDATION_FAILED', ERRORS.VALIDATION_FAILED[lang]);
    }
    if (pg === '23505' || pg === '40001' || pg === '23503') {
      // A unique/foreign-key race that slipped past the service's own check: the request conflicts.
      request.log.warn({ err, reqId: request.id }, 'constraint conflict');
      return send(reply, request, 409, 'CONFLICT', ERRORS.CONFLICT[lang]);
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return send(reply, request, 400, 'VALIDATION_FAILED', ERRORS.VALIDATION_FAILED[lang], [{ path: '', code: fe.code ?? 'invalid', message: fe.message }]);
    }
    request.log.error({ err, reqId: request.id }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL', ERRORS.INTERNAL[lang]);
  });
}

/** The JSON 404 for a path no route serves. */
export function replyRouteNotFound(request: FastifyRequest, reply: FastifyReply): void {
  send(reply, request, 404, 'ROUTE_NOT_FOUND', ERRORS.ROUTE_NOT_FOUND[requestLang(request)]);
}

/**
 * Fastify's refusals before any route runs (Fastify's `frameworkErrors` option): an undecodable
 * URL (`/api/%E0%A4%A`) and a path parameter longer than `maxParamLength`, in the envelope.
 */
export function replyFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // Fastify runs no onSend hook for these replies.
  setSecurityHeaders(request, reply);
  const lang = requestLang(request);
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return send(reply, request, 400, 'MALFORMED_URL', ERRORS.MALFORMED_URL[lang]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return send(reply, request, 414, 'PARAM_TOO_LONG', ERRORS.PARAM_TOO_LONG[lang]);
  }
  request.log.error({ err, reqId: request.id }, 'framework error');
  return send(reply, request, 500, 'INTERNAL', ERRORS.INTERNAL[lang]);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or URL over
 * `maxHeaderSize`, 431; a request that is not HTTP, 400; too slow to arrive, 408): the envelope,
 * in Chinese (nothing of the request, its language included, could be read), then close.
 */
export function replyClientError(this: FastifyInstance, err: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer (Node's own handler does the same).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = err.code === 'HPE_HEADER_OVERFLOW' ? 'HEADERS_TOO_LARGE' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const { status, zh } = ERRORS[code];
  const body = JSON.stringify({ error: { code, message: zh } } satisfies ErrorBody);
  this.log.debug({ err }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

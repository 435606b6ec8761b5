/**
 * The OpenAPI document (`GET /api/openapi.json`), made for real clients: Redocly lints it clean and
 * openapi-typescript generates from it. Route schemas stay Zod; one transform derives, for every
 * route, what the routes would otherwise each have to repeat:
 *   - an `operationId` from the method and the path (`GET /api/tasks/:id` → `getTasksById`),
 *     unless the route names its own in `schema.operationId`;
 *   - who may call it (`security`, `x-access`): the session cookie unless public, the CSRF header
 *     on state-changing requests;
 *   - the error responses it can give, each an `ErrorBody` (the envelope every error uses), from
 *     what the platform does before and around the handler: 401 unless public; 403 with a
 *     permission, a forced password change or a CSRF check; 400 when it validates input or reads a
 *     body; 404/414 when the path takes a parameter; 409/413/415 on writes; 429 when rate-limited.
 * Schemas registered with an id (`.meta({ id })`: the recursive plan items, the error envelope)
 * become named components, so recursive ones are `$ref`s that resolve.
 */
import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode } from '../../../../contracts/errors.js';
import { isRateLimited } from './rate-limit.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ERROR_SCHEMA_REF = '#/components/schemas/ErrorBody';

/** `GET /api/system/users/:id/password` → `getSystemUsersByIdPassword`: stable while the route is. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^:(\w+)$/.exec(segment) ?? /^\{(\w+)\}$/.exec(segment);
      return param ? ['by', param[1]!] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

interface ErrorResponse {
  description: string;
  content: { 'application/json': { schema: { $ref: string } } };
}

/** One documented error status: the codes it stands for, each with its Chinese and English text. */
function errorResponse(codes: readonly ErrorCode[], note?: string): ErrorResponse {
  const lines = codes.map((c) => `\`${c}\` ${ERRORS[c].zh}（${ERRORS[c].en}）`);
  if (note) lines.push(note);
  return { description: lines.join('; '), content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } } };
}

/** What the route's options say about its access, checks and body. */
interface RouteFacts {
  method: string;
  access: string | undefined;
  skipCsrf: boolean;
  allowDuringPasswordChange: boolean;
  validates: boolean;
  hasPathParams: boolean;
  bodyLimit: number | undefined;
  rateLimited: boolean;
}

function factsOf(route: RouteOptions, url: string): RouteFacts {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const config = (route.config ?? {}) as { access?: string; skipCsrf?: boolean; allowDuringPasswordChange?: boolean };
  return {
    method: [route.method].flat()[0]!.toUpperCase(),
    access: config.access,
    skipCsrf: config.skipCsrf === true,
    allowDuringPasswordChange: config.allowDuringPasswordChange === true,
    validates: ['body', 'querystring', 'params', 'headers'].some((part) => schema[part] !== undefined),
    hasPathParams: /(^|\/):\w/.test(url),
    bodyLimit: route.bodyLimit,
    rateLimited: isRateLimited(route.onRequest),
  };
}

/** The error responses a route can give, by status. */
export function errorResponsesOf(facts: RouteFacts, defaultBodyLimit: number): Record<string, ErrorResponse> {
  const write = !SAFE_METHODS.has(facts.method);
  const isPublic = facts.access === 'public';
  const permission = facts.access && facts.access !== 'public' && facts.access !== 'authenticated' ? facts.access : null;
  const out: Record<string, ErrorResponse> = {};

  const bad: ErrorCode[] = [];
  if (facts.validates) bad.push('VALIDATION_FAILED');
  if (write) bad.push('MALFORMED_JSON', 'JSON_TOO_DEEP');
  if (bad.length > 0) out['400'] = errorResponse(bad);

  if (!isPublic) out['401'] = errorResponse(['UNAUTHENTICATED']);

  const forbidden: ErrorCode[] = [];
  if (permission) forbidden.push('FORBIDDEN', 'OUT_OF_SCOPE');
  if (!isPublic && !facts.allowDuringPasswordChange) forbidden.push('PASSWORD_CHANGE_REQUIRED');
  if (write && !facts.skipCsrf) forbidden.push('CSRF_INVALID');
  if (forbidden.length > 0) out['403'] = errorResponse(forbidden, permission ? `需要权限 Requires \`${permission}\`` : undefined);

  if (facts.hasPathParams) {
    out['404'] = errorResponse(['NOT_FOUND'], '数据权限范围外的记录同样答复 404 Records outside your data scope answer 404 too');
    out['414'] = errorResponse(['PARAM_TOO_LONG']);
  }
  if (write) {
    out['409'] = errorResponse(['CONFLICT']);
    const limit = facts.bodyLimit ?? defaultBodyLimit;
    out['413'] = errorResponse(['PAYLOAD_TOO_LARGE'], `请求体上限 Body limit: ${limit} bytes`);
    out['415'] = errorResponse(['UNSUPPORTED_MEDIA_TYPE']);
  }
  if (facts.rateLimited) out['429'] = errorResponse(['RATE_LIMITED'], '等待 Retry-After 秒后重试 Retry after the Retry-After header’s seconds');
  out.default = errorResponse(['INTERNAL'], '其他错误同样使用该格式 Any other failure uses the same envelope');
  return out;
}

/** Per route: Zod → JSON Schema, then operationId, security and error responses (see the file comment). */
export function createOpenApiTransform(opts: { defaultBodyLimit: number }): SwaggerTransform {
  return (input) => {
    const out = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
    const schema = out.schema as Record<string, unknown> & { hide?: boolean; response?: Record<string, unknown> };
    if (schema.hide) return out;
    const facts = factsOf(input.route, input.route.url);
    schema.operationId ??= operationIdOf(facts.method, input.route.url);

    const requirement: Record<string, string[]> = {};
    if (facts.access !== 'public') requirement.session = [];
    if (!SAFE_METHODS.has(facts.method) && !facts.skipCsrf) requirement.csrf = [];
    schema.security = Object.keys(requirement).length > 0 ? [requirement] : [];
    if (facts.access) schema['x-access'] = facts.access;

    // A status the route documents itself wins over the derived one.
    schema.response = { ...errorResponsesOf(facts, opts.defaultBodyLimit), ...(schema.response ?? {}) };
    return out;
  };
}

/** Component schemas nothing refers to (transitively from the paths) are dropped: clients would generate dead types. */
function pruneUnusedSchemas(doc: { paths?: unknown; components?: { schemas?: Record<string, unknown> } }): void {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const prefix = '#/components/schemas/';
  const used = new Set<string>();
  const pending: unknown[] = [doc.paths];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith(prefix)) {
          const name = value.slice(prefix.length);
          if (!used.has(name)) {
            used.add(name);
            pending.push(schemas[name]);
          }
        } else {
          pending.push(value);
        }
      }
    }
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}

/** The whole document: named Zod components added, unused ones pruned. */
export const openApiTransformObject: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as Parameters<typeof pruneUnusedSchemas>[0];
  pruneUnusedSchemas(doc);
  return doc as ReturnType<SwaggerTransformObject>;
};

/** Options for @fastify/swagger: the document's head, the transforms above. */
export function openApiOptions(opts: { version: string; defaultBodyLimit: number }): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Zhiliang 质量强市 API',
        version: opts.version,
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
        description:
          '所有接口使用会话 Cookie（zl_session）认证；修改类请求须携带与 zl_csrf Cookie 相同的 x-csrf-token 请求头。错误统一为 { error: { code, message, details, requestId } }（ErrorBody），code 为稳定的错误码。\n\n' +
          'Every endpoint authenticates with the session cookie; state-changing requests must send the zl_csrf cookie value in the x-csrf-token header. Errors are { error: { code, message, details, requestId } } (ErrorBody), with a stable code.',
      },
      // Relative: the API is served by the same server that serves this document, wherever it is deployed.
      servers: [{ url: '/', description: '本服务器 This server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zl_session', description: '登录后获得的会话 Cookie The session cookie set by POST /api/auth/login' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: '等于 zl_csrf Cookie 的值 The value of the zl_csrf cookie' },
        },
      },
      security: [{ session: [] }],
    },
    transform: createOpenApiTransform({ defaultBodyLimit: opts.defaultBodyLimit }),
    transformObject: openApiTransformObject,
  };
}

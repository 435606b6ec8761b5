/**
 * The platform's HTTP surface: health, the OpenAPI document, security headers, JSON errors for
 * unknown routes and unreadable bodies, and the error envelope in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../config/paths.js';
import { findDistrict } from '../../modules/system/district.repository.js';
import { buildTestApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/health', () => {
  it('answers ok with the database up, its kind and the version, without a session', async () => {
    const res = await t.anon().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ status: 'ok', db: 'up', database: t.handle.kind, version: VERSION });
  });

  it('sends the security headers and a request id', async () => {
    const res = await t.anon().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(String(res.headers['x-request-id'])).toMatch(/^req-[0-9a-f]{6}-[0-9a-z]+$/);
    const other = await t.anon().get('/api/health');
    expect(other.headers['x-request-id']).not.toBe(res.headers['x-request-id']);
  });

  it('gives every browser a CSRF cookie to echo, even before login', async () => {
    const res = await t.anon().get('/api/health');
    const csrf = res.cookies.find((c) => c.name === 'zl_csrf');
    expect(csrf?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf?.httpOnly).toBeFalsy();
  });
});

describe('GET /api/openapi.json', () => {
  it('describes the API publicly, with the session security scheme and every route', async () => {
    const res = await t.anon().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const spec = json<{ openapi: string; info: { version: string }; components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, { summary?: string }>> }>(res);
    expect(spec.openapi).toBe('3.0.3');
    expect(spec.info.version).toBe(VERSION);
    expect(spec.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'zl_session' });
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/system/users', '/api/system/users/{id}/password', '/api/monitor/audit/verify', '/api/calendar/deadline']));
    expect(spec.paths['/api/openapi.json']).toBeUndefined();
    expect(spec.paths['/api/system/users']!.post!.summary).toContain('新增用户');
  });
});

describe('unknown routes and unreadable requests', () => {
  it('answers an unknown /api path with a JSON 404 whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await admin.request(method, '/api/system/nothing-here');
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('ROUTE_NOT_FOUND');
      expect(res.headers['content-type']).toContain('application/json');
    }
  });

  it('answers a page request with the web app placeholder when the web app is not served', async () => {
    const res = await t.anon().get('/system/users');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect((await t.anon().get('/missing.js')).statusCode).toBe(404);
  });

  it('refuses malformed JSON (400), unknown content types (415) and bodies over 1 MiB (413), writing nothing', async () => {
    const json400 = await admin.request('POST', '/api/system/districts', { payload: '{"code":"120160",', headers: { 'content-type': 'application/json' } });
    expect(json400.statusCode).toBe(400);
    expect(errorCode(json400)).toBe('MALFORMED_JSON');
    const xml = await admin.request('POST', '/api/system/districts', { payload: '<code>120160</code>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(errorCode(xml)).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Plain text is read as a string, which is not the object the route expects.
    const text = await admin.request('POST', '/api/system/districts', { payload: 'code=120160', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(400);
    expect(errorCode(text)).toBe('VALIDATION_FAILED');
    const big = await admin.request('POST', '/api/system/districts', {
      payload: JSON.stringify({ code: '120160', name: 'x'.repeat(1024 * 1024), parentCode: '120000', level: 3 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    expect(errorCode(big)).toBe('PAYLOAD_TOO_LARGE');
    expect(await findDistrict(t.db, '120160')).toBeNull();
  });
});

describe('the error envelope', () => {
  it('carries code, message, request id and field details, in Chinese by default and English on request', async () => {
    const zh = await admin.post('/api/system/districts', { code: '1', name: '', parentCode: null, level: 9 });
    const body = json<{ error: { code: string; message: string; requestId: string; details: { path: string; code: string; message: string }[] } }>(zh);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('请求参数不合法');
    expect(body.error.requestId).toBe(zh.headers['x-request-id']);
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['code', 'level', 'name']);
    expect(body.error.details.find((d) => d.path === 'code')!.message).toBe('区划代码应为 6、9 或 12 位数字（GB/T 2260）');
    const en = await admin.request('POST', '/api/system/districts', { body: { code: '1', name: 'x', parentCode: null, level: 1 }, headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    const enBody = json<{ error: { message: string; details: { path: string; message: string }[] } }>(en);
    expect(enBody.error.message).toBe('The request is invalid');
    expect(enBody.error.details[0]!.message).toBe('A district code has 6, 9 or 12 digits (GB/T 2260)');
  });

  it('follows the zl_lang cookie before Accept-Language', async () => {
    const cookie = [...admin.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'GET', url: '/api/system/users/999999', headers: { cookie: `${cookie}; zl_lang=en`, 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(404);
    expect(json<{ error: { message: string } }>(res).error.message).toBe('Not found');
    const zh = await t.app.inject({ method: 'GET', url: '/api/system/users/999999', headers: { cookie: `${cookie}; zl_lang=zh`, 'accept-language': 'en' } });
    expect(json<{ error: { message: string } }>(zh).error.message).toBe('记录不存在');
  });

  it('names the query string or path part of a validation error', async () => {
    const query = await admin.get('/api/system/users?pageSize=0');
    expect(json<{ error: { details: { path: string }[] } }>(query).error.details[0]!.path).toBe('querystring.pageSize');
    const params = await admin.get('/api/system/users/abc');
    expect(json<{ error: { details: { path: string }[] } }>(params).error.details[0]!.path).toBe('params.id');
  });
});

describe('text the database cannot store', () => {
  it('answers 400 for a NUL character in a body instead of failing with 500', async () => {
    const res = await admin.request('POST', '/api/system/districts', {
      payload: '{"code":"120161","name":"a\\u0000b","parentCode":"120000","level":3}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(await findDistrict(t.db, '120161')).toBeNull();
  });
});

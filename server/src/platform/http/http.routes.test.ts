/**
 * The platform's HTTP surface: health, the OpenAPI document, security headers, JSON errors for
 * unknown routes and unreadable bodies, and the error envelope in both languages.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../config/paths.js';
import { findDistrict } from '../../modules/system/index.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { JSON_MAX_DEPTH, jsonNestsDeeperThan, unstorableCharacter } from './request-body.js';
import { DOCS_CSP, WEB_CSP } from './security-headers.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

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
    expect(res.headers['content-security-policy']).toBe(WEB_CSP);
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
    expect(spec.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'zl_session' });
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

type Envelope = { error: { code: string; message: string; requestId?: string } };

describe('the Content-Security-Policy', () => {
  it('allows scripts only from the server, no framing, no plugins, on pages and API answers alike', async () => {
    for (const url of ['/system/users', '/api/health', '/api/nothing-here']) {
      const csp = String((await t.anon().get(url)).headers['content-security-policy']);
      expect(csp, url).toBe(WEB_CSP);
    }
    const directives = Object.fromEntries(WEB_CSP.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
    expect(directives['script-src']).toBe("'self'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['default-src']).toBe("'self'");
  });

  it('gives the API docs their own policy, and no framing either', async () => {
    const res = await t.anon().get('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(DOCS_CSP).toContain("script-src 'self'");
  });
});

describe('requests refused before any route runs answer in the envelope', () => {
  it('an undecodable URL: 400 MALFORMED_URL', async () => {
    for (const url of ['/api/%E0%A4%A', '/api/system/users/%E0%A4%A']) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/json');
      const body = json<Envelope>(res);
      expect(body.error.code).toBe('MALFORMED_URL');
      expect(body.error.message).toBe('请求地址不合法（含无法解码的 % 编码）');
      expect(body.error.requestId).toBe(res.headers['x-request-id']);
    }
  });

  it('a path parameter over Fastify\'s maxParamLength: 414 PARAM_TOO_LONG, in English on request', async () => {
    const res = await admin.get(`/api/entities/${'9'.repeat(150)}`, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(414);
    expect(json<Envelope>(res).error).toMatchObject({ code: 'PARAM_TOO_LONG', message: 'A parameter in the request URL is too long' });
  });

  it('an empty JSON body: 400 MALFORMED_JSON', async () => {
    const res = await admin.request('POST', '/api/system/districts', { payload: '', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MALFORMED_JSON');
  });

  it('headers over Node\'s limit, a URL as long, and bytes that are not HTTP, over a real socket', async () => {
    // inject() bypasses Node's HTTP parser: only a real connection meets these.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const raw = (request: string) =>
      new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(request));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('error', reject);
        socket.on('close', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const [head = '', body = ''] = text.split('\r\n\r\n');
          resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body });
        });
      });
    const big = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big.status).toBe(431);
    expect(big.headers).toContain('content-type: application/json; charset=utf-8');
    expect(JSON.parse(big.body)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: '请求头或请求地址过长' } });
    const longUrl = await raw(`GET /api/health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longUrl.status).toBe(431);
    expect(JSON.parse(longUrl.body).error.code).toBe('HEADERS_TOO_LARGE');
    const garbage = await raw('HELLO THERE\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body).error.code).toBe('BAD_REQUEST');
    // The server goes on serving.
    const ok = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(ok.status).toBe(200);
  });
});

describe('deeply nested JSON', () => {
  it('answers 400 JSON_TOO_DEEP, not 500, for [ × 5,000 (open or closed) and deep objects, at login and elsewhere', async () => {
    const bodies = ['['.repeat(5000), `${'['.repeat(5000)}${']'.repeat(5000)}`, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`];
    for (const payload of bodies) {
      const res = await t.anon().request('POST', '/api/auth/login', { payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(400);
      expect(json<Envelope & { error: { details: unknown } }>(res).error).toMatchObject({ code: 'JSON_TOO_DEEP', message: '请求体 JSON 嵌套层级过深', details: { maxDepth: JSON_MAX_DEPTH } });
    }
    const res = await admin.request('POST', '/api/system/districts', { payload: `{"code":"120162","name":${'['.repeat(100)}${']'.repeat(100)}}`, headers: { 'content-type': 'application/json' } });
    expect(errorCode(res)).toBe('JSON_TOO_DEEP');
    expect(await findDistrict(t.db, '120162')).toBeNull();
  });

  it('counts brackets only outside strings, and lets the deepest real body through', async () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ name: '['.repeat(1000), q: '\\"[[[' }), 3)).toBe(false);
    expect(jsonNestsDeeperThan(`${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}`, JSON_MAX_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(`${'['.repeat(JSON_MAX_DEPTH + 1)}`, JSON_MAX_DEPTH)).toBe(true);
    // A NUL check without recursion: 200,000 levels built in a loop do not overflow the stack.
    let deep: unknown = ['a\u0000b'];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unstorableCharacter(deep)).toBe('nul');
    expect(unstorableCharacter({ a: [{ b: 'ok' }], ['k\u0000']: 1 })).toBe('nul');
    expect(unstorableCharacter({ a: [{ b: 'ok' }] })).toBeNull();
    // Surrogates: a pair is a character (😀), one alone is not, at either end of the pair.
    expect(unstorableCharacter({ a: ['质量 \ud83d\ude00'] })).toBeNull();
    expect(unstorableCharacter({ a: ['x\ud800'] })).toBe('lone-surrogate');
    expect(unstorableCharacter({ a: ['\ude00y'] })).toBe('lone-surrogate');
    expect(unstorableCharacter({ ['k\udbff']: 1 })).toBe('lone-surrogate');
  });

  it('answers 400, not 500, to a lone surrogate bound for a jsonb column, and stores nothing', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, as an attacker's client would.
    const payload = JSON.stringify({ text: `第一条\ud800`, sourceName: 'surrogate.txt' });
    const res = await admin.request('POST', '/api/plans/import-text', { payload, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(json<Envelope>(res).error.message).toBeTruthy();
    const name = await admin.request('POST', '/api/system/districts', { payload: JSON.stringify({ code: '120163', name: '区\udc00' }), headers: { 'content-type': 'application/json' } });
    expect(errorCode(name)).toBe('VALIDATION_FAILED');
    expect(await findDistrict(t.db, '120163')).toBeNull();
  });
});

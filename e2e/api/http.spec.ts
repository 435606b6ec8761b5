import { expect, test } from '@playwright/test';

// The built product over real HTTP: what a browser, a proxy or an integrator sees.
test.describe('HTTP surface of the built server', { tag: '@both-databases' }, () => {
  test('health names the database and the version', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { status: string; db: string; database: string; version: string };
    expect(body.status).toBe('ok');
    expect(body.db).toBe('up');
    expect(body.database).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('serves OpenAPI 3 and the docs UI', async ({ request }) => {
    const spec = (await (await request.get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/system/users', '/api/calendar/add-working-days']));
    const docs = await request.get('/api/docs');
    expect(docs.status()).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });

  test('serves the web app with client-side routing fallback, and JSON 404s under /api', async ({ request }) => {
    const page = await request.get('/system/users');
    expect(page.status()).toBe(200);
    expect(page.headers()['content-type']).toContain('text/html');
    expect(await page.text()).toContain('id="root"');
    const api = await request.get('/api/no-such-thing');
    expect(api.status()).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
    const asset = await request.get('/assets/missing-file.js');
    expect(asset.status()).toBe(404);
  });

  test('sends security headers and a request id', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['x-frame-options']).toBe('DENY');
    expect(res.headers()['x-request-id']).toMatch(/^req-/);
  });

  test('answers errors in Chinese by default and in English on request', async ({ request }) => {
    const zh = await request.get('/api/auth/me');
    expect(zh.status()).toBe(401);
    expect(((await zh.json()) as { error: { message: string } }).error.message).toBe('请先登录');
    const en = await request.get('/api/auth/me', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe('Please log in');
  });

  test('validates a USCC publicly', async ({ request }) => {
    expect(await (await request.get('/api/validate/uscc/914403001922038216')).json()).toEqual({ valid: true });
    const bad = (await (await request.get('/api/validate/uscc/914403001922038217')).json()) as { valid: boolean; rule: string };
    expect(bad).toMatchObject({ valid: false, rule: 'checksum' });
  });
});

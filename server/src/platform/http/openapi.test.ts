/**
 * The OpenAPI document as real tools read it: Redocly's recommended ruleset finds no error (and
 * only the warnings listed here), openapi-typescript generates a client from it, every operation
 * has its own operationId and the error responses its route can give; and the paths that moved to
 * make the document unambiguous still answer at their former addresses.
 */
import { BaseResolver, createConfig, lintDocument, makeDocumentFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type Agent, type TestApp } from '../../test/test-app.js';
import { operationIdOf } from './openapi.js';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  'x-access'?: string;
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Spec {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** Warnings of the recommended ruleset we accept, as `rule pointer`. */
const ACCEPTED_WARNINGS = [
  // The health check validates nothing, needs no login and has no parameter: it has no 4xx to give.
  'operation-4xx-response #/paths/~1api~1health/get/responses',
];

let t: TestApp;
let spec: Spec;
let text: string;
let admin: Agent;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.as('admin');
  const res = await t.anon().get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  text = res.body;
  spec = json<Spec>(res);
});
afterAll(async () => {
  await t.close();
});

const operations = () => Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('real API tools', () => {
  it('Redocly (recommended ruleset) finds no error and no warning beyond the accepted ones', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintDocument({ document: makeDocumentFromString(text, 'openapi.json'), config, externalRefResolver: new BaseResolver() });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warn').map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
    expect(warnings).toEqual(ACCEPTED_WARNINGS);
  });

  it('openapi-typescript generates types for every operation', async () => {
    const types = astToString(await openapiTS(text));
    for (const { op } of operations()) expect(types).toContain(`${op.operationId}: {`);
    expect(types).toContain('PlanDraftItemInput: {');
    expect(types).toContain('ErrorBody: {');
  });
});

describe('the document', () => {
  it('names a server and gives every operation a unique operationId derived from its method and path', () => {
    expect(spec.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z]+[A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(spec.paths['/api/tasks/{id}']!.get!.operationId).toBe('getTasksById');
    expect(operationIdOf('PUT', '/api/system/users/:id/password')).toBe('putSystemUsersByIdPassword');
    expect(operationIdOf('GET', '/api/plans/import-template')).toBe('getPlansImportTemplate');
  });

  it('documents the errors each route can give, each with the ErrorBody envelope', () => {
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const where = `${method.toUpperCase()} ${path}`;
      if (op['x-access'] !== 'public') expect(statuses, where).toContain('401');
      if (op['x-access'] && !['public', 'authenticated'].includes(op['x-access'])) {
        expect(statuses, where).toContain('403');
        expect(op.responses['403']!.description, where).toContain(op['x-access']);
      }
      if (path.includes('{')) expect(statuses, where).toContain('404');
      if (method !== 'get') expect(statuses, where).toEqual(expect.arrayContaining(['400', '409', '413', '415']));
      for (const status of statuses.filter((s) => s.startsWith('4') || s === 'default')) {
        expect(op.responses[status]!.content!['application/json']!.schema.$ref, `${where} ${status}`).toBe('#/components/schemas/ErrorBody');
      }
    }
    expect(Object.keys(spec.paths['/api/public/credit']!.get!.responses)).toContain('429');
    expect(spec.paths['/api/public/credit']!.get!.security).toEqual([]);
    expect(spec.paths['/api/system/users']!.post!.security).toEqual([{ session: [], csrf: [] }]);
    expect(spec.paths['/api/auth/login']!.post!.security).toEqual([]);
  });

  it('describes the recursive plan items as a named component that refers to itself', () => {
    const item = JSON.stringify(spec.components.schemas.PlanDraftItemInput);
    expect(item).toContain('"$ref":"#/components/schemas/PlanDraftItemInput"');
    expect(text).not.toMatch(/"\$ref":"#\/(?!components\/schemas\/)/);
  });
});

describe('paths that moved', () => {
  it('lists the task, indicator and attachment routes at their new, unambiguous paths only', () => {
    const paths = Object.keys(spec.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/tasks', '/api/tasks/{id}', '/api/tasks/{id}/reports', '/api/indicators/{id}', '/api/task-attachments/{id}']));
    expect(paths.filter((p) => /^\/api\/plans\/(tasks|indicators|attachments)\b/.test(p))).toEqual([]);
  });

  it('still answers at the former paths, the same way, naming the new path', async () => {
    const now = await admin.get('/api/tasks?pageSize=5');
    const before = await admin.get('/api/plans/tasks?pageSize=5');
    expect(before.statusCode).toBe(200);
    expect(before.body).toBe(now.body);
    expect(before.headers.link).toBe('</api/tasks>; rel="successor-version"');
    expect(now.headers.link).toBeUndefined();
    const missing = await admin.get('/api/plans/tasks/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.link).toBe('</api/tasks/999999>; rel="successor-version"');
    // Same access rules: without a session, 401.
    expect((await t.anon().get('/api/plans/indicators')).statusCode).toBe(401);
    expect((await admin.get('/api/plans/indicators')).statusCode).toBe(200);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('the JSON API', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let admin: WebClient;
  let officer: WebClient;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
    const token = async (role: Parameters<typeof demoAccount>[0]) =>
      (await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount(role, role === 'officer' ? 'metropolitan' : undefined)), 'test', null)).secret;
    admin = new WebClient(app, await token('organisation-administrator'));
    officer = new WebClient(app, await token('officer'));
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('says who the token belongs to', async () => {
    const response = await officer.get('/api/v1/me');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { email: demoAccount('officer', 'metropolitan').email, roles: ['officer'] }, organisation: { code: 'metropolitan' }, via: 'api-token' });
  });

  it('answers without a token, or with a bad one, with 401 problem+json and a Bearer challenge', async () => {
    for (const client of [new WebClient(app), new WebClient(app, 'llt_bogus_token')]) {
      const response = await client.get('/api/v1/me');
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['www-authenticate']).toContain('Bearer');
      expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('applies the same rules as the pages: an organisation administrator sees only their own organisation’s users', async () => {
    const users = (await admin.get('/api/v1/users')).json<Array<{ organisationId: string }>>();
    const met = await organisationId(runtime, 'metropolitan');
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.organisationId === met)).toBe(true);
    const westMidlands = await organisationId(runtime, 'west-midlands');
    const hidden = await admin.get(`/api/v1/users?organisationId=${westMidlands}`);
    expect(hidden.statusCode).toBe(404);
    const missing = await admin.get('/api/v1/users?organisationId=00000000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(hidden.json()).toEqual({ ...missing.json<object>(), instance: '/api/v1/users' });
  });

  it('creates a user and reports each invalid field as problem+json', async () => {
    const met = await organisationId(runtime, 'metropolitan');
    const created = await admin.request('POST', '/api/v1/users', { organisationId: met, email: 'api.made@met.example', displayName: 'Made By API', roles: ['officer'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { email: 'api.made@met.example' }, temporaryPassword: expect.any(String) as string });
    const invalid = await admin.request('POST', '/api/v1/users', { organisationId: met, email: 'nope', displayName: '', roles: ['decision-maker'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field).sort()).toEqual(['displayName', 'email', 'roles']);
    const malformed = await admin.request('POST', '/api/v1/users', { organisationId: met, unexpected: true });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses an officer what only administrators may do, with 403', async () => {
    const response = await officer.get('/api/v1/users');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ status: 403 });
  });

  it('publishes an OpenAPI 3 document of every API operation, and a readable docs page', async () => {
    const document = (await new WebClient(app).get('/api/v1/openapi.json')).json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toMatch(/^3\./);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const apiRoutes = app.declaredRoutes().filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD' && !['/api/v1/openapi.json', '/api/v1/docs'].includes(r.url))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.sort()).toEqual(apiRoutes.sort());
    const docs = await new WebClient(app).get('/api/v1/docs');
    expect(docs.body).toContain('<code>/api/v1/users</code>');
  });
});

describe('surfaces', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
  });
  afterAll(async () => runtime.dispose());

  it('the public surface alone exposes no staff page, no API and sets no session cookie', async () => {
    const app = await buildTestApp(runtime, { surface: 'public' });
    try {
      expect(app.declaredRoutes().some((r) => r.url.startsWith('/sign-in') || r.url.startsWith('/api/') || r.url.startsWith('/users'))).toBe(false);
      expect((await app.inject({ url: '/sign-in' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/v1/me' })).statusCode).toBe(404);
      const report = await app.inject({ url: '/report' });
      expect(report.statusCode).toBe(200);
      expect(report.body).toContain('999');
      expect(report.body).toContain('Exit this page');
      expect(report.headers['set-cookie']).toBeUndefined();
      expect((await app.inject({ url: '/' })).headers.location).toBe('/report');
    } finally {
      await app.close();
    }
  });

  it('the staff surface alone has no public reporting pages', async () => {
    const app = await buildTestApp(runtime, { surface: 'staff' });
    try {
      expect((await app.inject({ url: '/report' })).statusCode).toBe(404);
      expect((await app.inject({ url: '/sign-in' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('reports health: UP with the database, DOWN (503) without it; ping and build info', async () => {
    const app = await buildTestApp(runtime);
    try {
      expect((await app.inject({ url: '/health' })).json()).toMatchObject({ status: 'UP', components: { database: { status: 'UP', dialect: 'sqlite' } } });
      expect((await app.inject({ url: '/ping' })).body).toBe('pong');
      expect((await app.inject({ url: '/info' })).json()).toMatchObject({ name: 'lifeline', version: expect.any(String) as string, commit: expect.any(String) as string });
      await runtime.database.close();
      const down = await app.inject({ url: '/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'DOWN', components: { database: { status: 'DOWN' } } });
    } finally {
      await app.close();
    }
  });
});

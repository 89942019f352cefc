// The browser journey without JavaScript: an officer submits a graded report naming a phone and a
// vehicle; the analyst finds the phone, sees its people across two forces, a path with its
// evidence and the central entities; an officer of another force gets "not found" for a report
// kept within the originating agency and does not find the vehicle only it names.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameSearchText } from '../../src/domain/nameSearch.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { intelligenceActors } from '../support/intelligenceFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';
import { readXml } from '../support/xmlReader.ts';

const WM_SUSPECT = '01900000-0000-7000-8000-000000000026';

describe('intelligence and network pages', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  const signedIn = async (role: 'officer' | 'supervisor' | 'analyst', organisation?: string) => {
    const client = new WebClient(app);
    const account = demoAccount(role, organisation);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    await intelligenceActors(runtime);
    const at = '2026-01-01T00:00:00.000Z';
    await runtime.store.repositories.peopleFound.insertMany([{
      id: WM_SUSPECT, visit_id: fixture.visits.v4, organisation_id: fixture.westMidlands, role: 'suspect', given_names: 'Dan', family_name: 'Reeve', full_name: 'Dan Reeve',
      aliases: '[]', name_search: nameSearchText(['Dan Reeve']), date_of_birth: null, estimated_age: 40, sex: 'male', nationality: 'GB', languages: '[]',
      identity_documents: '[]', phone_numbers: '["+44 7700 900123"]', account: '', exploitation_type: null, possible_child: 0, consent: null, interpreter_language: null,
      created_by: null, created_at: at, updated_at: at,
    }]);
    app = await buildTestApp(runtime);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('takes an officer from the form (grade in the scheme’s own words) to the report, and shows errors in the summary', async () => {
    const officer = await signedIn('officer', 'metropolitan');
    const form = await officer.get('/intelligence/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('5x5x5 (National Intelligence Model)');
    expect(form.body).toContain('May be disseminated within the originating agency only');
    const refused = await officer.post('/intelligence/new', { text: '', source: 'B' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Enter the intelligence');

    const fields = (handling: string, extra: Record<string, string>) => ({
      text: 'The manager drives the women between the two premises.', source: 'B', intelligence: '2', handling,
      'refersTo-day': '3', 'refersTo-month': '3', 'refersTo-year': '2007', ...extra,
    });
    const open = await officer.post('/intelligence/new', fields('1', {
      'entity-1-type': 'phone', 'entity-1-value': '07700 900123', 'entity-2-type': 'person', 'entity-2-record': fixture.people.popescu,
      'link-1-from': '2', 'link-1-relationship': 'called', 'link-1-to': '1',
    }));
    expect(open.statusCode).toBe(303);
    const page = await officer.get(String(open.headers.location));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mostly reliable');
    expect(page.body).toContain('+447700900123');
    expect(page.body).toContain('07700 900123');

    const restricted = await officer.post('/intelligence/new', fields('4', { 'entity-1-type': 'vehicle', 'entity-1-value': 'KX57 ABC', 'entity-2-type': 'person', 'entity-2-record': fixture.people.popescu, 'link-1-from': '2', 'link-1-relationship': 'drives', 'link-1-to': '1' }));
    const restrictedUrl = String(restricted.headers.location);
    const other = await signedIn('officer', 'west-midlands');
    expect((await other.get(restrictedUrl)).statusCode).toBe(404);
    expect((await other.get('/network?q=KX57ABC')).body).toContain('0 found');
    expect((await other.get('/intelligence')).body).not.toContain(restrictedUrl);
    expect((await (await signedIn('supervisor', 'metropolitan')).get(restrictedUrl)).body).toContain('Re-grade');
  });

  it('lets the analyst find the phone, expand it across forces, follow a path with its evidence and see the central entities', async () => {
    const analyst = await signedIn('analyst');
    const search = await analyst.get('/network?q=07700+900123');
    expect(search.body).toContain('1 found');
    const phone = await analyst.get(`/network/entity?id=${encodeURIComponent('phone:+447700900123')}`);
    expect(phone.statusCode).toBe(200);
    expect(phone.body).toContain('Dan Reeve');
    expect(phone.body).toContain('POPESCU Ion');
    expect(phone.body).toContain('West Midlands Police');
    expect(phone.body).toContain('graded B21 (5x5x5)');
    expect(phone.body).toContain('Timeline');
    const filtered = await analyst.get(`/network/entity?id=${encodeURIComponent('phone:+447700900123')}&relationship=owns`);
    expect(filtered.body).not.toContain('POPESCU Ion');
    const path = await analyst.get(`/network/path?from-entity=${encodeURIComponent(`person:${fixture.people.popescu}`)}&to-entity=${encodeURIComponent(`person:${WM_SUSPECT}`)}`);
    expect(path.statusCode).toBe(200);
    expect(path.body).toContain('2 steps');
    expect(path.body).toContain(`/people/${WM_SUSPECT}`);
    // The measures are worked out in the background; wait for them as a reload a moment later would.
    await (await runtime.services.networkMeasures.measures(await actorFor(runtime, demoAccount('analyst')))).done;
    const groups = await analyst.get('/network/groups');
    expect(groups.statusCode).toBe(200);
    expect(groups.body).toContain('Most between');
    expect(groups.body).toContain('PageRank');
  });

  it('answers the same through the API, with 404 for a withheld report', async () => {
    const analyst = await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount('analyst')), 'test', null);
    const client = new WebClient(app, analyst.secret);
    const entity = await client.request('GET', `/api/v1/network/entity?id=${encodeURIComponent('phone:+447700900123')}`);
    expect(entity.statusCode).toBe(200);
    const body = JSON.parse(entity.body) as { neighbours: Array<{ relationships: Array<{ provenance: { recordId: string; grade: { written: string } | null } }> }> };
    expect(body.neighbours.flatMap((n) => n.relationships).every((r) => r.provenance.recordId !== '')).toBe(true);
    const reports = JSON.parse((await client.request('GET', '/api/v1/intelligence')).body) as Array<{ id: string; grade: { written: string } }>;
    expect(reports.map((r) => r.grade.written)).toEqual(['B21']);
    const officerToken = await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount('officer', 'metropolitan')), 'test', null);
    const officer = new WebClient(app, officerToken.secret);
    const created = await officer.request('POST', '/api/v1/intelligence', { text: 'Advert names the phone.', source: 'A', intelligence: '1', handling: '4', refersTo: { day: '1', month: '4', year: '2007' }, entities: [{ type: 'advert', value: 'ad-1', detail: 'site.example' }] });
    expect(created.statusCode).toBe(201);
    const id = (JSON.parse(created.body) as { id: string }).id;
    expect((await client.request('GET', `/api/v1/intelligence/${id}`)).statusCode).toBe(404);
    expect((await officer.request('GET', `/api/v1/intelligence/${id}`)).statusCode).toBe(200);
  });

  it('exports the viewer’s network as GraphML that reads back to the same entities and relationships, each with its record', async () => {
    const analyst = await signedIn('analyst');
    const response = await analyst.get('/network/export.graphml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/graphml+xml');
    // Read back with a strict XML reader, as Gephi or yEd would.
    const [graphElement] = readXml(response.body).children.filter((c) => c.name === 'graph');
    const nodes = new Set((graphElement?.children ?? []).filter((c) => c.name === 'node').map((n) => n.attributes['id'] ?? ''));
    const edges = (graphElement?.children ?? []).filter((c) => c.name === 'edge');
    const graph = await runtime.services.network.build(await actorFor(runtime, demoAccount('analyst')));
    expect(nodes).toEqual(new Set(graph.entities.keys()));
    expect(edges).toHaveLength(graph.relationships.length);
    for (const edge of edges) {
      expect(nodes.has(edge.attributes['source'] ?? '')).toBe(true);
      expect(nodes.has(edge.attributes['target'] ?? '')).toBe(true);
      expect(edge.children.find((d) => d.attributes['key'] === 'e_recordId')?.text).toMatch(/^.+$/);
    }
    const other = await (await signedIn('officer', 'west-midlands')).get('/network/export.graphml');
    expect(other.body).not.toContain('KX57ABC');
    const audit = await runtime.store.repositories.auditEvents.list({ action: 'network.export', limit: 5 });
    expect(audit.length).toBe(2);
  });
});

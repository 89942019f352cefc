// The network's drawing island as the server gives it: the entity and chart pages embed the data to
// draw (only what the viewer may see) as JSON beside the server's picture, and load cytoscape.js
// and our drawing script from our own origin at versioned addresses, under a CSP that was not
// loosened for them. An entity's page expands to two steps, as tables and as data to draw.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drawing } from '../../src/domain/network/drawing.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { demoAccount, seedDemo } from '../support/fixtures.ts';
import { entity, intelligenceActors, link, reportInput } from '../support/intelligenceFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const PHONE = 'phone:+447700900123';
const VEHICLE = 'vehicle:KX57ABC';
const cytoscapeVersion = (JSON.parse(readFileSync(new URL('../../node_modules/cytoscape/package.json', import.meta.url), 'utf8')) as { version: string }).version;

function drawingIn(html: string): Drawing | null {
  const match = /<script type="application\/json" id="lifeline-network-drawing">([^<]*)<\/script>/.exec(html);
  return match?.[1] === undefined ? null : JSON.parse(match[1]) as Drawing;
}

function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('the network drawing island', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  const signedIn = async (role: 'officer' | 'analyst', organisation?: string) => {
    const client = new WebClient(app);
    const account = demoAccount(role, organisation);
    await client.signIn(account.email, account.password);
    return client;
  };
  const entityPage = (key: string, steps = '') => `/network/entity?id=${encodeURIComponent(key)}${steps === '' ? '' : `&steps=${steps}`}`;

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    const actors = await intelligenceActors(runtime);
    const popescu = entity('person', '', '', fixture.people.popescu);
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'A', intelligence: '2', handling: '4' }, [popescu, entity('vehicle', 'KX57 ABC')], [link(1, 'drives', 2)]));
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'B', intelligence: '2', handling: '1' }, [popescu, entity('phone', '07700 900123')], [link(1, 'called', 2)]));
    app = await buildTestApp(runtime);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('embeds the neighbourhood to draw beside the picture, and loads cytoscape and our script from our origin', async () => {
    const page = await (await signedIn('officer', 'metropolitan')).get(entityPage(PHONE));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-network-picture');
    const drawing = drawingIn(page.body);
    expect(drawing?.entities.map((e) => [e.id, e.centre])).toEqual([[PHONE, true], [`person:${fixture.people.popescu}`, false]]);
    expect(drawing?.links.map((l) => l.label)).toEqual(['called']);
    expect(drawing?.entityHref).toBe('/network/entity?id=');
    const sources = scriptSources(page.body);
    expect(sources).toContain(`/static/cytoscape-${cytoscapeVersion}.min.js`);
    expect(sources.some((s) => /^\/static\/network-[0-9a-f]{12}\.js$/.test(s))).toBe(true);
  });

  it('serves both scripts as JavaScript cached for good, cytoscape byte for byte from its dist file', async () => {
    const page = await (await signedIn('officer', 'metropolitan')).get(entityPage(PHONE));
    const [cytoscapePath, drawingPath] = scriptSources(page.body).filter((s) => s.includes('cytoscape-') || s.includes('/network-'));
    const anonymous = new WebClient(app);
    const cytoscape = await anonymous.get(cytoscapePath ?? '');
    expect(cytoscape.statusCode).toBe(200);
    expect(cytoscape.headers['content-type']).toContain('text/javascript');
    expect(cytoscape.headers['cache-control']).toContain('immutable');
    expect(cytoscape.rawPayload.equals(readFileSync(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js')))).toBe(true);
    const drawing = await anonymous.get(drawingPath ?? '');
    expect(drawing.statusCode).toBe(200);
    expect(drawing.body).toContain('lifeline-network-drawing');
    expect((await anonymous.get('/static/cytoscape-0.0.1.min.js')).statusCode).toBe(404);
  });

  it('keeps the CSP as narrow as before: no inline scripts or styles allowed, styles from our origin and the nonce only', async () => {
    const page = await (await signedIn('officer', 'metropolitan')).get(entityPage(PHONE));
    const csp = String(page.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toMatch(/^script-src 'self' 'nonce-[^']+'$/);
    expect(directive('style-src')).toMatch(/^style-src 'self' 'nonce-[^']+'$/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(directive('style-src-attr')).toBe('');
  });

  it('expands to two steps as a table and as data to draw, from what the viewer may see', async () => {
    const met = await (await signedIn('officer', 'metropolitan')).get(entityPage(PHONE, '2'));
    expect(met.body).toContain('Two steps away (2)');
    expect(met.body).toContain('KX57ABC');
    expect(met.body).toContain('Show the neighbours only');
    expect(drawingIn(met.body)?.entities.map((e) => e.id).sort()).toEqual([`person:${fixture.people.popescu}`, PHONE, 'premises:01900000-0000-7000-8000-000000000001', VEHICLE].sort());
    // The vehicle is named only in a report kept within the Metropolitan Police.
    const westMidlands = await (await signedIn('officer', 'west-midlands')).get(entityPage(PHONE, '2'));
    expect(westMidlands.statusCode).toBe(200);
    expect(westMidlands.body).not.toContain('KX57ABC');
    expect(drawingIn(westMidlands.body)?.entities.map((e) => e.id)).not.toContain(VEHICLE);
    // Only one or two steps: anything else is one.
    expect((await (await signedIn('officer', 'metropolitan')).get(entityPage(PHONE, '9'))).body).toContain('Expand to two steps');
  });

  it('draws a saved chart where the analyst left each entity', async () => {
    const officer = await signedIn('officer', 'metropolitan');
    const form = await officer.get(`/network/charts/new?id=${encodeURIComponent(PHONE)}&depth=1`);
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const saved = await officer.post('/network/charts/new', { name: 'The phone', notes: '', entities: [PHONE, `person:${fixture.people.popescu}`], submissionId });
    expect(saved.statusCode).toBe(303);
    const chart = await officer.get(String(saved.headers.location));
    const drawing = drawingIn(chart.body);
    expect(drawing?.positioned).toBe(true);
    expect(drawing?.entities).toHaveLength(2);
    expect(drawing?.entities.every((e) => typeof e.x === 'number' && typeof e.y === 'number')).toBe(true);
    expect(chart.body).toContain('data-network-picture');
  });
});

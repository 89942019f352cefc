// The network's downloads, saved charts, neighbourhood picture and whole-network measures through
// the browser (no JavaScript): each shows or exports only what the viewer may see.
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { FtmModel, ftmProblems } from '../support/followTheMoneySchema.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { entity, intelligenceActors, link, reportInput, type IntelligenceActors } from '../support/intelligenceFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const PHONE = 'phone:+447700900123';
const VEHICLE = 'vehicle:KX57ABC';

describe('network pages: exports, charts, pictures and measures', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  let actors: IntelligenceActors;
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
    actors = await intelligenceActors(runtime);
    const popescu = entity('person', '', '', fixture.people.popescu);
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'A', intelligence: '2', handling: '4' }, [popescu, entity('vehicle', 'KX57 ABC')], [link(1, 'drives', 2)]));
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'B', intelligence: '2', handling: '1' }, [popescu, entity('phone', '07700 900123')], [link(1, 'called', 2)]));
    app = await buildTestApp(runtime);
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('downloads FollowTheMoney JSON lines that fit the FtM schema, without what the viewer may not see', async () => {
    const model = new FtmModel();
    const read = (body: string) => body.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
    const metOfficer = await signedIn('officer', 'metropolitan');
    const own = await metOfficer.get('/network/export.ftm.jsonl');
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('application/x-ndjson');
    expect(own.headers['content-disposition']).toContain('lifeline-network.ftm.jsonl');
    expect(ftmProblems(model, read(own.body))).toEqual([]);
    expect(own.body).toContain(VEHICLE.slice(8));
    const other = await (await signedIn('officer', 'west-midlands')).get('/network/export.ftm.jsonl');
    expect(ftmProblems(model, read(other.body))).toEqual([]);
    expect(other.body).not.toContain(VEHICLE.slice(8));
  });

  it('downloads i2 entity and link tables of a selection', async () => {
    const analyst = await signedIn('analyst');
    const entities = await analyst.get(`/network/export.i2-entities.csv?id=${encodeURIComponent(PHONE)}&depth=1`);
    expect(entities.headers['content-type']).toContain('text/csv');
    const rows = parse<Record<string, string>>(entities.body, { columns: true });
    expect(rows.map((r) => r['Entity ID']).sort()).toEqual([PHONE, `person:${fixture.people.popescu}`].sort());
    const links = parse<Record<string, string>>((await analyst.get(`/network/export.i2-links.csv?id=${encodeURIComponent(PHONE)}&depth=1`)).body, { columns: true });
    expect(links.map((l) => [l['Link Type'], l.Grade])).toEqual([['called', 'B21 (5x5x5)']]);
    // The entity page offers the same downloads for its neighbourhood.
    const page = await analyst.get(`/network/entity?id=${encodeURIComponent(PHONE)}`);
    expect(page.body).toContain('/network/export.ftm.jsonl?id=phone%3A%2B447700900123&amp;depth=1');
    const audit = await runtime.store.repositories.auditEvents.list({ action: 'network.export', limit: 10 });
    expect(audit.map((e) => (JSON.parse(e.details) as { format: string }).format)).toEqual(expect.arrayContaining(['i2-entities', 'i2-links']));
  });

  it('draws a neighbourhood as an SVG picture on the server, with only what the viewer may see', async () => {
    const metOfficer = await signedIn('officer', 'metropolitan');
    const person = `person:${fixture.people.popescu}`;
    const page = await metOfficer.get(`/network/entity?id=${encodeURIComponent(person)}`);
    expect(page.body).toContain(`/network/picture.svg?id=${encodeURIComponent(person)}&amp;depth=1`);
    const picture = await metOfficer.get(`/network/picture.svg?id=${encodeURIComponent(person)}&depth=1`);
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toContain('image/svg+xml');
    expect(picture.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(picture.body).toContain('<title>Vehicle: KX57ABC</title>');
    expect(picture.body).toContain('<title>Phone: +447700900123</title>');
    expect(picture.body).not.toContain('<script');
    const other = await (await signedIn('officer', 'west-midlands')).get(`/network/picture.svg?id=${encodeURIComponent(PHONE)}&depth=2`);
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('POPESCU Ion');
    expect(other.body).not.toContain('KX57ABC');
    expect((await (await signedIn('officer', 'west-midlands')).get(`/network/picture.svg?id=${encodeURIComponent(VEHICLE)}`)).statusCode).toBe(404);
  });

  it('saves a chart from an entity, reopens it, shares it, and the colleague sees only what they may', async () => {
    const metOfficer = await signedIn('officer', 'metropolitan');
    const person = `person:${fixture.people.popescu}`;
    const form = await metOfficer.get(`/network/charts/new?id=${encodeURIComponent(person)}&depth=1`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('KX57ABC');
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const offered = [...form.body.matchAll(/name="offered" value="([^"]+)"/g)].map((m) => (m[1] ?? '').replace(/&#43;/g, '+').replace(/&amp;/g, '&'));
    expect(offered).toEqual(expect.arrayContaining([person, VEHICLE, PHONE]));

    const refused = await metOfficer.post('/network/charts/new', { submissionId, offered, entities: [person, VEHICLE], name: '', notes: 'Kept as typed' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('Enter a name for the chart');
    expect(refused.body).toContain('Kept as typed');

    const fields = { submissionId, offered, entities: [person, VEHICLE, PHONE], name: 'Drivers of the nail bar', notes: 'Ask West Midlands about the phone.' };
    const saved = await metOfficer.post('/network/charts/new', fields);
    expect(saved.statusCode).toBe(303);
    const chartUrl = String(saved.headers.location);
    expect(String((await metOfficer.post('/network/charts/new', fields)).headers.location)).toBe(chartUrl);
    expect((await metOfficer.get('/network/charts')).body.match(/Drivers of the nail bar/g)).toHaveLength(1);

    const chart = await metOfficer.get(chartUrl);
    expect(chart.statusCode).toBe(200);
    expect(chart.body).toContain('<svg');
    expect(chart.body).toContain('KX57ABC');
    expect(chart.body).toContain('Ask West Midlands about the phone.');
    expect(chart.body).toContain('Share the chart');

    const colleague = await signedIn('officer', 'west-midlands');
    expect((await colleague.get(chartUrl)).statusCode).toBe(404);
    const badShare = await metOfficer.post(`${chartUrl}/shares`, { email: 'nobody@example.org' });
    expect(badShare.statusCode).toBe(400);
    expect(badShare.body).toContain('nobody@example.org');
    expect((await metOfficer.post(`${chartUrl}/shares`, { email: demoAccount('officer', 'west-midlands').email })).statusCode).toBe(303);

    const theirs = await colleague.get(chartUrl);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain('Drivers of the nail bar');
    expect(theirs.body).toContain('+447700900123');
    expect(theirs.body).not.toContain('KX57ABC');
    expect(theirs.body).not.toContain('Share the chart');
    const theirPicture = await colleague.get(`${chartUrl}/picture.svg`);
    expect(theirPicture.headers['content-type']).toContain('image/svg+xml');
    expect(theirPicture.body).not.toContain('KX57ABC');
    expect((await colleague.post(chartUrl, { name: 'Taken over', notes: '' })).statusCode).toBe(403);

    expect((await metOfficer.post(chartUrl, { name: 'Renamed chart', notes: 'New notes' })).statusCode).toBe(303);
    expect((await colleague.get('/network/charts')).body).toContain('Renamed chart');
  });

  it('works out communities and central entities in the background, and keeps them until the network changes', async () => {
    const analyst = await signedIn('analyst');
    const first = await analyst.get('/network/groups');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Connected groups');
    const actor = await actorFor(runtime, demoAccount('analyst'));
    const started = await runtime.services.networkMeasures.measures(actor);
    await started.done;
    const ready = await analyst.get('/network/groups');
    expect(ready.body).toContain('Communities (');
    expect(ready.body).toContain('Most between');
    expect(ready.body).toContain('modularity');
    // Unchanged network: the same result, not a new computation.
    const again = await runtime.services.networkMeasures.measures(actor);
    expect(again.state).toBe((await runtime.services.networkMeasures.measures(actor)).state);
    expect(again.state.status).toBe('ready');
    // A new report changes the network: the measures are worked out again.
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'B', intelligence: '2', handling: '1' }, [entity('phone', '07700 900123'), entity('vehicle', 'YY11 ZZZ')], [link(1, 'called', 2)]));
    const changed = await runtime.services.networkMeasures.measures(actor);
    expect(changed.state.status).toBe('computing');
    await changed.done;
    expect((await runtime.services.networkMeasures.measures(actor)).state.status).toBe('ready');
  });
});

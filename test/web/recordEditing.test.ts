import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

const PREMISES_ID = '01900000-0000-7000-8000-000000000001';
const ARREST_ID = '01900000-0000-7000-8000-000000000031';
const CHARGE_ID = '01900000-0000-7000-8000-000000000041';
const ASSET_ID = '01900000-0000-7000-8000-000000000051';

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The fields a browser would post from the edit form on a page, as it stands (no JavaScript). */
function editFormFields(html: string): Record<string, string> {
  const form = /<form method="post" action="[^"]*\/edit"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (form === undefined) throw new Error('No edit form on the page');
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (name === undefined || name === '_csrf') continue;
    const type = /type="([^"]+)"/.exec(tag)?.[1] ?? 'text';
    if ((type === 'radio' || type === 'checkbox') && !/\schecked/.test(tag)) continue;
    fields[name] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const [, name = '', text = ''] of form.matchAll(/<textarea\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) fields[name] = decode(text.replace(/^\n/, ''));
  for (const [, name = '', options = ''] of form.matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[name] = decode(/<option value="([^"]*)"[^>]*selected/.exec(options)?.[1] ?? '');
  }
  return fields;
}

describe('editing records on the staff pages, without JavaScript', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  let fixture: EnforcementFixture;
  let officer: WebClient;

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    app = await buildTestApp(runtime);
    officer = new WebClient(app);
    const account = demoAccount('officer', 'metropolitan');
    await officer.signIn(account.email, account.password);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  const editEvents = async () => (await runtime.store.repositories.auditEvents.list({ limit: 200 })).filter((e) => e.action.endsWith('.edit'));

  it('shows every edit form filled with the record as stored; saved unchanged, nothing changes', async () => {
    for (const url of [`/premises/${PREMISES_ID}/edit`, `/visits/${fixture.visits.v1}/edit`, `/people/${fixture.people.lan}/edit`, `/arrests/${ARREST_ID}/edit`, `/charges/${CHARGE_ID}/edit`, `/seized-assets/${ASSET_ID}/edit`]) {
      const form = await officer.get(url);
      expect(form.statusCode, url).toBe(200);
      expect(form.body).toContain('name="version" value="2026-01-01T00:00:00.000Z"');
      const saved = await officer.post(url, editFormFields(form.body));
      expect(saved.statusCode, `${url}: ${saved.body.slice(0, 0)}`).toBe(303);
    }
    expect(await editEvents()).toEqual([]);
  });

  it('saves a change and shows who changed what in the record’s history', async () => {
    const form = await officer.get(`/premises/${PREMISES_ID}/edit`);
    expect(form.body).toContain('Change premises');
    const saved = await officer.post(`/premises/${PREMISES_ID}/edit`, { ...editFormFields(form.body), town: 'Leeds', postcode: 'LS1 4AP' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/premises/${PREMISES_ID}`);
    const page = await officer.get(`/premises/${PREMISES_ID}`);
    expect(page.body).toContain('Premises changed');
    expect(page.body).toContain('Town or city: Town → Leeds');
    expect(page.body).toContain('Postcode: E1 6AN → LS1 4AP');
    expect(page.body).toContain('Priya Shah (demo officer)');

    const visitForm = await officer.get(`/visits/${fixture.visits.v1}/edit`);
    await officer.post(`/visits/${fixture.visits.v1}/edit`, { ...editFormFields(visitForm.body), outcome: 'arrests-made', notes: 'Second look' });
    const visit = await officer.get(`/visits/${fixture.visits.v1}`);
    expect(visit.body).toContain('Outcome: Potential victims found → Arrests made');
    expect(visit.body).toContain('Notes changed');

    const personForm = await officer.get(`/people/${fixture.people.lan}/edit`);
    await officer.post(`/people/${fixture.people.lan}/edit`, { ...editFormFields(personForm.body), fullName: 'Nguyen Thi Lan' });
    const person = await officer.get(`/people/${fixture.people.lan}`);
    expect(person.body).toContain('Name as written changed');
    expect(person.body).not.toContain('Nguyễn Thị Lan →');
  });

  it('refuses a bad edit with the GOV.UK error summary, keeping what was typed', async () => {
    const form = await officer.get(`/premises/${PREMISES_ID}/edit`);
    const refused = await officer.post(`/premises/${PREMISES_ID}/edit`, { ...editFormFields(form.body), town: '', postcode: 'NOT A CODE', name: 'Golden Lotus' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('<a href="#town">Enter the town or city</a>');
    expect(refused.body).toContain('value="NOT A CODE"');
    expect(refused.body).toContain('value="Golden Lotus"');
    expect((await runtime.store.repositories.premises.findById(PREMISES_ID))?.town).toBe('Town');
  });

  it('refuses a save based on a version someone else has since changed, and overwrites nothing', async () => {
    const form = await officer.get(`/arrests/${ARREST_ID}/edit`);
    // The supervisor saves first.
    const supervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    await runtime.services.enforcementEditing.editArrest(supervisor, ARREST_ID, {
      offence: 'soa-2003-s53-controlling-prostitution-for-gain', arrestedOn: { day: '10', month: '1', year: '2007' }, arrestedTime: '23:00', place: 'In the car park',
    }, { version: '2026-01-01T00:00:00.000Z' });
    const stale = await officer.post(`/arrests/${ARREST_ID}/edit`, { ...editFormFields(form.body), place: 'In the back room' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('There is a problem');
    expect(stale.body).toContain('<a href="#version">This record was changed by someone else after you opened it.');
    expect(stale.body).toContain('id="version"');
    expect(stale.body).toContain('value="In the back room"');
    expect((await runtime.store.repositories.arrests.findById(ARREST_ID))?.place).toBe('In the car park');
    // Posting again from the same stale page is still refused: only a fresh copy of the form saves.
    expect((await officer.post(`/arrests/${ARREST_ID}/edit`, { ...editFormFields(form.body), place: 'In the back room' })).statusCode).toBe(409);
    const fresh = await officer.get(`/arrests/${ARREST_ID}/edit`);
    expect(fresh.body).toContain('value="In the car park"');
    expect((await officer.post(`/arrests/${ARREST_ID}/edit`, { ...editFormFields(fresh.body), place: 'In the back room' })).statusCode).toBe(303);
  });

  it('changes a record once when the same edit form is posted twice', async () => {
    const form = await officer.get(`/seized-assets/${ASSET_ID}/edit`);
    const fields = { ...editFormFields(form.body), amount: '650.50' };
    const first = await officer.post(`/seized-assets/${ASSET_ID}/edit`, fields);
    const second = await officer.post(`/seized-assets/${ASSET_ID}/edit`, fields);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(second.headers.location).toBe(`/visits/${fixture.visits.v1}`);
    expect(await editEvents()).toHaveLength(1);
    expect(Number((await runtime.store.repositories.visits.findSeizedAsset(ASSET_ID))?.amount_minor)).toBe(65_050);
    const visit = await officer.get(`/visits/${fixture.visits.v1}`);
    expect(visit.body).toContain('Seizure changed');
    expect(visit.body).toContain('Amount: 500.00 → 650.50');
  });

  it('hides another force’s edit forms as missing and offers no edit links to readers who do not record', async () => {
    const westMidlands = new WebClient(app);
    const account = demoAccount('officer', 'west-midlands');
    await westMidlands.signIn(account.email, account.password);
    expect((await westMidlands.get(`/premises/${PREMISES_ID}/edit`)).statusCode).toBe(404);
    expect((await westMidlands.post(`/people/${fixture.people.lan}/edit`, { town: 'x' })).statusCode).toBe(404);
    const analyst = new WebClient(app);
    const analystAccount = demoAccount('analyst');
    await analyst.signIn(analystAccount.email, analystAccount.password);
    const page = await analyst.get(`/premises/${PREMISES_ID}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('/edit');
    expect((await officer.get(`/premises/${PREMISES_ID}`)).body).toContain(`href="/premises/${PREMISES_ID}/edit"`);
  });
});

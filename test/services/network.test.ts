import { afterEach, beforeEach, expect, it } from 'vitest';
import { NotFoundError } from '../../src/access/errors.ts';
import { gradeFromStorage } from '../../src/domain/intelligence/grade.ts';
import { nameSearchText } from '../../src/domain/nameSearch.ts';
import type { PersonFoundRow } from '../../src/store/schema.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { seedDemo } from '../support/fixtures.ts';
import { entity, intelligenceActors, link, reportInput, type IntelligenceActors } from '../support/intelligenceFixture.ts';

const PHONE = 'phone:+447700900123';
const VEHICLE = 'vehicle:AB12CDE';
const MET_SUSPECT = '01900000-0000-7000-8000-000000000025';
const WM_SUSPECT = '01900000-0000-7000-8000-000000000026';

function suspect(id: string, visitId: string, organisationId: string, name: string, phone: string): PersonFoundRow {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id, visit_id: visitId, organisation_id: organisationId, role: 'suspect', given_names: name, family_name: name, full_name: name, aliases: '[]',
    name_search: nameSearchText([name]), date_of_birth: null, estimated_age: 40, sex: 'male', nationality: 'GB', languages: '[]', identity_documents: '[]',
    phone_numbers: JSON.stringify([phone]), account: '', exploitation_type: null, possible_child: 0, consent: null, interpreter_language: null,
    created_by: null, created_at: at, updated_at: at,
  };
}

describeEachDatabase('the network', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let actors: IntelligenceActors;
  let restrictedReport: string;
  let openReport: string;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    actors = await intelligenceActors(runtime);
    // The same phone, written two ways by two forces.
    await runtime.store.repositories.peopleFound.insertMany([
      suspect(MET_SUSPECT, fixture.visits.v3, fixture.met, 'Marek Kowal', '07700 900123'),
      suspect(WM_SUSPECT, fixture.visits.v4, fixture.westMidlands, 'Dan Reeve', '+44 7700 900123'),
    ]);
    const popescu = entity('person', '', '', fixture.people.popescu);
    restrictedReport = (await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'A', intelligence: '2', handling: '4' },
      [popescu, entity('vehicle', 'AB12 CDE'), entity('phone', '07700900123')], [link(1, 'drives', 2)]))).id;
    openReport = (await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'C', intelligence: '3', handling: '1' },
      [popescu, entity('phone', '07700 900123')], [link(1, 'called', 2)]))).id;
  });
  afterEach(async () => runtime.dispose());

  const network = () => runtime.services.network;

  it('finds a phone however it is written and expands it to the people of two forces', async () => {
    expect((await network().search(actors.analyst, '+44 (0)7700 900123')).map((e) => e.key)).toEqual([PHONE]);
    const view = await network().entity(actors.analyst, PHONE);
    expect(view.neighbours.map((n) => [n.entity.key, n.relationships.map((r) => `${r.type}/${r.provenance.recordType}`)])).toEqual([
      [`person:${WM_SUSPECT}`, ['owns/person-found']],
      [`person:${MET_SUSPECT}`, ['owns/person-found']],
      [`person:${fixture.people.popescu}`, ['called/intelligence-report']],
    ]);
    expect(new Set(view.neighbours.flatMap((n) => n.relationships.map((r) => r.provenance.organisationId)))).toEqual(new Set([fixture.met, fixture.westMidlands]));
  });

  it('gives every relationship its provenance: record, organisation, date, and grade only when it came from intelligence', async () => {
    const graph = await network().build(actors.metOfficer);
    expect(graph.relationships.length).toBeGreaterThan(5);
    for (const relationship of graph.relationships) {
      const p = relationship.provenance;
      expect(p.recordId).not.toBe('');
      expect(p.organisationId).not.toBe('');
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(p.grade === null).toBe(p.recordType !== 'intelligence-report');
    }
    const drives = graph.relationships.find((r) => r.type === 'drives');
    expect(drives?.provenance).toMatchObject({ recordType: 'intelligence-report', recordId: restrictedReport, organisationId: fixture.met, date: '2007-03-03', grade: { scheme: '5x5x5', source: 'A', intelligence: '2', handling: '4' } });
  });

  it('ties every relationship, for every viewer, to an existing record of the organisation, date and grade it names', async () => {
    const repositories = runtime.store.repositories;
    const people = new Map((await repositories.network.people(undefined)).map((p) => [p.id, p]));
    const visits = new Map((await repositories.network.visits(undefined)).map((v) => [v.id, v]));
    const arrests = new Map((await repositories.network.arrests(undefined)).map((a) => [a.id, a]));
    const reports = new Map((await repositories.intelligence.all()).map((r) => [r.id, r]));
    const links = new Map((await repositories.intelligence.links([...reports.keys()])).map((l) => [`intelligence:${l.id}`, l]));
    const viewers = [actors.metOfficer, actors.wmOfficer, actors.kentOfficer, actors.analyst];
    const seen = new Set<string>();
    for (const viewer of viewers) {
      for (const r of (await network().build(viewer)).relationships) {
        const p = r.provenance;
        seen.add(p.recordType);
        const where = `${r.id} for ${viewer.organisationId}`;
        if (p.recordType === 'person-found') {
          const person = people.get(p.recordId);
          expect(person?.organisation_id, where).toBe(p.organisationId);
          expect(p.date, where).toBe(visits.get(person?.visit_id ?? '')?.visited_at);
          expect(p.grade, where).toBeNull();
        } else if (p.recordType === 'arrest') {
          expect(arrests.get(p.recordId)?.organisation_id, where).toBe(p.organisationId);
          expect(p.date, where).toBe(arrests.get(p.recordId)?.arrested_at);
          expect(p.grade, where).toBeNull();
        } else {
          expect(p.recordType, where).toBe('intelligence-report');
          const report = reports.get(p.recordId);
          expect(report?.organisation_id, where).toBe(p.organisationId);
          expect(links.get(r.id)?.report_id, where).toBe(p.recordId);
          expect(p.date, where).toBe(links.get(r.id)?.observed_on);
          const stored = gradeFromStorage(report?.grade ?? '');
          expect(stored.ok && p.grade, where).toEqual(stored.ok ? stored.grade : 'unreadable');
        }
        // An enforcement record is only ever of a force the viewer reads.
        if (p.recordType !== 'intelligence-report' && viewer !== actors.analyst) expect(p.organisationId, where).toBe(viewer.organisationId);
      }
    }
    expect([...seen].sort()).toEqual(['arrest', 'intelligence-report', 'person-found']);
  });

  it('shows the shortest path between two suspects with the records that justify each step', async () => {
    const result = await network().path(actors.analyst, `person:${fixture.people.popescu}`, `person:${WM_SUSPECT}`);
    expect(result.steps?.map((s) => [s.from.key, s.to.key, s.relationships.map((r) => r.provenance.recordId)])).toEqual([
      [`person:${fixture.people.popescu}`, PHONE, [openReport]],
      [PHONE, `person:${WM_SUSPECT}`, [WM_SUSPECT]],
    ]);
    const unconnected = await network().path(actors.analyst, `person:${fixture.people.lan}`, `person:${WM_SUSPECT}`, { relationshipTypes: ['owns'] });
    expect(unconnected.steps).toBeNull();
  });

  it('builds a third force’s network without the handling-code-4 report or any entity only it mentions', async () => {
    const graph = await network().build(actors.kentOfficer);
    expect(graph.entities.has(VEHICLE)).toBe(false);
    expect(graph.relationships.some((r) => r.provenance.recordId === restrictedReport)).toBe(false);
    expect(graph.events.some((e) => e.provenance.recordId === restrictedReport)).toBe(false);
    expect(await network().search(actors.kentOfficer, 'AB12CDE')).toEqual([]);
    await expect(network().entity(actors.kentOfficer, VEHICLE)).rejects.toBeInstanceOf(NotFoundError);
    // The open report is shared: its phone and its "called" link are there, but no Met enforcement record.
    expect(graph.entities.has(PHONE)).toBe(true);
    expect(graph.relationships.map((r) => r.provenance.recordType)).toEqual(['intelligence-report']);
    // The analyst of the national centre is outside the originating agency too.
    expect((await network().build(actors.analyst)).entities.has(VEHICLE)).toBe(false);
    expect((await network().entity(actors.metOfficer, VEHICLE)).neighbours.map((n) => n.entity.key)).toEqual([`person:${fixture.people.popescu}`]);
  });

  it('keeps potential victims pseudonymised', async () => {
    const graph = await network().build(actors.analyst);
    const labels = [...graph.entities.values()].map((e) => e.label);
    expect(graph.entities.get(`person:${fixture.people.lan}`)?.label).toMatch(/^Potential victim [0-9A-F]{6}$/);
    expect(labels.join(' ')).not.toMatch(/Nguy|Trần|Ionescu/);
    expect(await network().search(actors.analyst, 'Nguyen')).toEqual([]);
  });

  it('filters by relationship type, date range, force and minimum grade', async () => {
    const neighbours = async (filter: Parameters<ReturnType<typeof network>['entity']>[2]) =>
      (await network().entity(actors.analyst, PHONE, filter)).neighbours.map((n) => n.entity.key).sort();
    expect(await neighbours({ relationshipTypes: ['called'] })).toEqual([`person:${fixture.people.popescu}`]);
    expect(await neighbours({ organisationIds: [fixture.westMidlands] })).toEqual([`person:${WM_SUSPECT}`]);
    expect(await neighbours({ minimumReliability: 'corroborated' })).toEqual([`person:${MET_SUSPECT}`, `person:${WM_SUSPECT}`].sort());
    expect(await neighbours({ from: '2007-03-02', to: '2007-12-31' })).toEqual([`person:${fixture.people.popescu}`]);
  });

  it('puts an entity’s events in a timeline, oldest first', async () => {
    const view = await network().entity(actors.metOfficer, `person:${fixture.people.popescu}`);
    expect(view.timeline.map((t) => [t.date.slice(0, 10), t.provenance.recordType])).toEqual([
      ['2007-01-10', 'person-found'], ['2007-01-10', 'arrest'], ['2007-02-10', 'arrest'],
      ['2007-03-03', 'intelligence-report'], ['2007-03-03', 'intelligence-report'], ['2007-03-03', 'intelligence-report'], ['2007-03-03', 'intelligence-report'],
    ]);
    expect(view.timeline[3]?.description).toMatch(/ (drives|called) |Named in/);
  });

  it('finds connected groups and central entities', async () => {
    const metrics = await network().metrics(actors.analyst);
    const biggest = metrics.groups[0]?.map((e) => e.key) ?? [];
    expect(biggest).toEqual(expect.arrayContaining([PHONE, `person:${WM_SUSPECT}`, `person:${MET_SUSPECT}`, `person:${fixture.people.popescu}`]));
    const phone = metrics.centrality.find((c) => c.entity.key === PHONE);
    expect(phone?.degree).toBe(3);
    expect(metrics.centrality[0]?.betweenness).toBeGreaterThan(0);
    expect(metrics.centrality.reduce((sum, c) => sum + c.pageRank, 0)).toBeCloseTo(1, 6);
  });

  it('keeps each access scope’s network apart in the cache and rebuilds it after a new record', async () => {
    const neighbours = async (actor: typeof actors.metOfficer) => (await network().entity(actor, PHONE)).neighbours.map((n) => n.entity.key).sort();
    const metNeighbours = [`person:${MET_SUSPECT}`, `person:${fixture.people.popescu}`].sort();
    expect(await neighbours(actors.metOfficer)).toEqual(metNeighbours);
    expect(await neighbours(actors.kentOfficer)).toEqual([`person:${fixture.people.popescu}`]);
    // Asked again, each scope is answered from its own kept network, not the other's.
    const metGraph = await network().build(actors.metOfficer);
    expect(await network().build(actors.metOfficer)).toBe(metGraph);
    expect(await network().build(actors.kentOfficer)).not.toBe(metGraph);
    expect(await neighbours(actors.kentOfficer)).toEqual([`person:${fixture.people.popescu}`]);
    expect(await neighbours(actors.metOfficer)).toEqual(metNeighbours);

    // A new open report and a new person found: both scopes see what they may, and no more.
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'B', intelligence: '2', handling: '1' },
      [entity('phone', '07700 900123'), entity('vehicle', 'XY34 ZZZ')], [link(2, 'called', 1)]));
    await runtime.services.intelligence.submit(actors.metOfficer, reportInput({ source: 'B', intelligence: '2', handling: '4' },
      [entity('phone', '07700 900123'), entity('vehicle', 'QR56 SSS')], [link(2, 'called', 1)]));
    const newcomer = '01900000-0000-7000-8000-000000000027';
    await runtime.store.repositories.peopleFound.insertMany([suspect(newcomer, fixture.visits.v3, fixture.met, 'Ola Berg', '07700900123')]);
    expect(await network().build(actors.metOfficer)).not.toBe(metGraph);
    expect(await neighbours(actors.metOfficer)).toEqual([...metNeighbours, `person:${newcomer}`, 'vehicle:QR56SSS', 'vehicle:XY34ZZZ'].sort());
    expect(await neighbours(actors.kentOfficer)).toEqual([`person:${fixture.people.popescu}`, 'vehicle:XY34ZZZ'].sort());
  });
});


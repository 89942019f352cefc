import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { seedDemo } from '../support/fixtures.ts';
import { entity, intelligenceActors, link, reportInput, type IntelligenceActors } from '../support/intelligenceFixture.ts';

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof ValidationError)) throw new Error(`Expected a ValidationError, got ${String(error)}`);
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]));
}

describeEachDatabase('intelligence reports', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let actors: IntelligenceActors;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    actors = await intelligenceActors(runtime);
  });
  afterEach(async () => runtime.dispose());

  const intelligence = () => runtime.services.intelligence;

  it('grades under 5x5x5 for the Metropolitan Police, stored with the scheme and described in its own words', async () => {
    const report = await intelligence().submit(actors.metOfficer, reportInput({ source: 'b', intelligence: '2', handling: '1' }, [
      entity('phone', '07700 900123'), entity('vehicle', 'ab12 cde'), entity('premises', '', '', '01900000-0000-7000-8000-000000000001'), entity('person', '', '', fixture.people.popescu),
    ], [link(4, 'drives', 2), link(4, 'called', 1)]));
    expect(report.gradeText).toBe('B21');
    const detail = await intelligence().get(actors.metOfficer, report.id);
    expect(detail.grade).toEqual({ scheme: '5x5x5', source: 'B', intelligence: '2', handling: '1' });
    expect(detail.description).toEqual({
      scheme: '5x5x5 (National Intelligence Model)', source: 'Mostly reliable', intelligence: 'Known personally to the source but not to the officer',
      handling: 'May be disseminated to other law enforcement and prosecuting agencies, including those in the EEA',
    });
    expect(detail.refersToOn).toBe('2007-03-03');
    expect(detail.entities.map((e) => [e.entity_type, e.entity_key, e.written])).toEqual([
      ['phone', 'phone:+447700900123', '07700 900123'], ['vehicle', 'vehicle:AB12CDE', 'ab12 cde'],
      ['premises', 'premises:01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000001'], ['person', `person:${fixture.people.popescu}`, fixture.people.popescu],
    ]);
    expect(detail.links.map((l) => [l.from_key, l.relationship, l.to_key, l.observed_on])).toEqual([
      [`person:${fixture.people.popescu}`, 'drives', 'vehicle:AB12CDE', '2007-03-03'], [`person:${fixture.people.popescu}`, 'called', 'phone:+447700900123', '2007-03-03'],
    ]);
    const stored = await runtime.database.db.selectFrom('intelligence_reports').selectAll().where('id', '=', report.id).executeTakeFirstOrThrow();
    expect(stored.grade).toBe('5x5x5:B21');
    expect(stored.text_sealed).not.toContain('nail bar');
    const audit = await runtime.store.repositories.auditEvents.list({ subjectId: report.id, limit: 10 });
    expect(audit.map((e) => e.action).sort()).toEqual(['intelligence-report.read', 'intelligence-report.submit']);
    expect(JSON.stringify(audit)).not.toContain('nail bar');
  });

  it('grades under 3x5x2 for West Midlands, and refuses codes of the other scheme', async () => {
    const report = await intelligence().submit(actors.wmOfficer, reportInput({ source: '1', intelligence: 'B', handling: 'C' }));
    const detail = await intelligence().get(actors.wmOfficer, report.id);
    expect(detail.grade).toEqual({ scheme: '3x5x2', source: '1', intelligence: 'B', handling: 'C' });
    expect(detail.description.handling).toBe('Lawful sharing permitted with conditions');
    expect(detail.needsAuthorisationToShare).toBe(true);
    expect(await fieldErrors(intelligence().submit(actors.wmOfficer, reportInput({ source: 'B', intelligence: '2', handling: '1' })))).toEqual({ source: '3x5x2 source must be 1–3, not B' });
    expect(await fieldErrors(intelligence().submit(actors.metOfficer, reportInput({ source: '1', intelligence: 'A', handling: 'P' })))).toEqual({ source: '5x5x5 source must be A–E, not 1' });
  });

  it('says which fields are missing or wrong, and refuses a record the officer may not read like a missing one', async () => {
    const errors = await fieldErrors(intelligence().submit(actors.metOfficer, {
      ...reportInput({ source: '', intelligence: '', handling: '' }, [entity('email', 'not-an-email'), entity('person', '', '', fixture.people.wmVictim), entity('phone', '07700 900123')], [link(3, 'owns', 9)]),
      text: ' ', refersTo: { day: '31', month: '2', year: '2007' },
    }));
    expect(Object.keys(errors).sort()).toEqual(['entity-1', 'entity-2', 'handling', 'intelligence', 'link-1', 'refersTo', 'source', 'text']);
    expect(errors['entity-2']).toBe(`Person record ${fixture.people.wmVictim} was not found`);
  });

  it('keeps an "originating agency only" report inside the force: not found for every other organisation', async () => {
    const report = await intelligence().submit(actors.metOfficer, reportInput({ source: 'A', intelligence: '1', handling: '4' }, [entity('vehicle', 'XY07 ZZZ')]));
    await expect(intelligence().get(actors.metSupervisor, report.id)).resolves.toMatchObject({ staysInOriginatingAgency: true });
    for (const outsider of [actors.wmOfficer, actors.kentOfficer, actors.analyst]) {
      await expect(intelligence().get(outsider, report.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await intelligence().list(outsider)).map((r) => r.id)).not.toContain(report.id);
    }
    // Not even a supervisor's authorisation lets it out.
    expect(Object.keys(await fieldErrors(intelligence().authoriseDissemination(actors.metSupervisor, report.id, { recipientOrganisationId: actors.kent, conditions: 'none' })))).toEqual(['recipientOrganisationId']);
    await expect(intelligence().get(actors.kentOfficer, report.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('shares a report under conditions only with an organisation named in a recorded authorisation', async () => {
    const conditional = await intelligence().submit(actors.metOfficer, reportInput({ source: 'B', intelligence: '3', handling: '3' }));
    const open = await intelligence().submit(actors.metOfficer, reportInput({ source: 'C', intelligence: '3', handling: '1' }));
    await expect(intelligence().get(actors.kentOfficer, conditional.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(intelligence().get(actors.kentOfficer, open.id)).resolves.toMatchObject({ gradeText: 'C31' });
    await expect(intelligence().authoriseDissemination(actors.metOfficer, conditional.id, { recipientOrganisationId: actors.kent, conditions: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const authorisation = await intelligence().authoriseDissemination(actors.metSupervisor, conditional.id, { recipientOrganisationId: actors.kent, conditions: 'Not to be used in evidence' });
    expect(authorisation).toMatchObject({ recipient_organisation_id: actors.kent, conditions: 'Not to be used in evidence', authorised_by: actors.metSupervisor.userId });
    const seenByKent = await intelligence().get(actors.kentOfficer, conditional.id);
    expect(seenByKent.disseminations.map((d) => d.conditions)).toEqual(['Not to be used in evidence']);
    await expect(intelligence().get(actors.wmOfficer, conditional.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await intelligence().list(actors.kentOfficer)).map((r) => r.id).sort()).toEqual([conditional.id, open.id].sort());
  });

  it('lets a supervisor re-grade and sanitise, keeping every version; outsiders never see the earlier text', async () => {
    const report = await intelligence().submit(actors.metOfficer, reportInput({ source: 'E', intelligence: '4', handling: '4' }));
    await expect(intelligence().regrade(actors.metOfficer, report.id, { source: 'B', intelligence: '2', handling: '1', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await fieldErrors(intelligence().regrade(actors.metSupervisor, report.id, { source: 'B', intelligence: '2', handling: '1', reason: '' }))).toEqual({ reason: 'Enter why the grade changes' });
    await intelligence().sanitise(actors.metSupervisor, report.id, { text: 'A vehicle is used to move workers.', reason: 'Protect the source' });
    const regraded = await intelligence().regrade(actors.metSupervisor, report.id, { source: 'B', intelligence: '2', handling: '1', reason: 'Corroborated by surveillance' });
    expect(regraded).toMatchObject({ gradeText: 'B21', version: 3, sanitised: true });
    const own = await intelligence().get(actors.metSupervisor, report.id);
    expect(own.text).toBe('A vehicle is used to move workers.');
    expect(own.versions.map((v) => [v.version, v.change, v.gradeText, v.reason])).toEqual([
      [1, 'submitted', 'E44', ''], [2, 'sanitised', 'E44', 'Protect the source'], [3, 'regraded', 'B21', 'Corroborated by surveillance'],
    ]);
    expect(own.versions[0]?.text).toContain('nail bar');
    const outside = await intelligence().get(actors.kentOfficer, report.id);
    expect(outside.text).toBe('A vehicle is used to move workers.');
    expect(outside.versions.every((v) => v.text === null)).toBe(true);
    const actions = (await runtime.store.repositories.auditEvents.list({ subjectId: report.id, limit: 20 })).map((e) => e.action);
    expect(actions).toContain('intelligence-report.regrade');
    expect(actions).toContain('intelligence-report.sanitise');
  });

  it('refuses people who do not work with intelligence, and lets only administrators choose the scheme', async () => {
    const charity = await runtime.services.authentication.loadActor(
      (await runtime.store.repositories.users.findByEmail('charity-case-worker.charity-safe-harbour@demo.lifeline.example'))?.id ?? '', 'session', null);
    if (charity === null) throw new Error('no charity actor');
    await expect(intelligence().list(charity)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(intelligence().setGradingScheme(actors.metOfficer, fixture.met, '3x5x2')).rejects.toBeInstanceOf(ForbiddenError);
    await intelligence().setGradingScheme(systemActor('test'), fixture.met, '3x5x2');
    expect(await intelligence().gradingSchemeOf(fixture.met)).toBe('3x5x2');
  });
});

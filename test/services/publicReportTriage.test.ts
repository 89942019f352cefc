// The triage queue of public reports: who sees which reports, outcomes with reasons, re-routing,
// links to enforcement records, the confidential contact promise, and the audit of all of it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import type { Role } from '../../src/access/roles.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { fileReport } from '../support/publicReports.ts';

describeEachDatabase('triage of public reports', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let metSupervisor: UserActor;
  let analyst: UserActor;

  async function staff(organisationCode: string, role: Role): Promise<UserActor> {
    const admin = await actorFor(runtime, demoAccount('system-administrator'));
    const { user } = await runtime.services.users.add(admin, {
      organisationId: await organisationId(runtime, organisationCode), email: `${role}.${organisationCode}.${Math.random().toString(36).slice(2)}@test.example`, displayName: `${role} of ${organisationCode}`, roles: [role],
    });
    const actor = await runtime.services.authentication.loadActor(user.id, 'session', 'test');
    if (actor === null) throw new Error('cannot act');
    return actor;
  }

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    metSupervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    analyst = await actorFor(runtime, demoAccount('analyst'));
  });
  afterEach(async () => runtime.dispose());

  const triage = () => runtime.services.publicReportTriage;
  const audit = (action: string) => runtime.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('shows a force’s supervisor the reports routed to the force, and the national centre every report', async () => {
    const london = await fileReport(runtime, { postcode: 'W2 1AB' });
    const birmingham = await fileReport(runtime, { postcode: 'B1 1AA', town: 'Birmingham', address: '' });
    const nowhere = await fileReport(runtime, { postcode: '', town: '', address: '', placeDescription: 'A farm somewhere' });

    const metQueue = await triage().queue(metSupervisor);
    expect(metQueue.items.map((i) => i.id)).toEqual([london.id]);
    expect(metQueue.items[0]?.routedOrganisationName).toBe('Metropolitan Police Service');

    const national = await triage().queue(analyst);
    expect(national.items.map((i) => i.id).sort()).toEqual([london.id, birmingham.id, nowhere.id].sort());
    const unplaced = await triage().queue(analyst, { unplaced: true });
    expect(unplaced.items.map((i) => i.id)).toEqual([nowhere.id]);
    const nationalSupervisor = await staff('national-centre', 'supervisor');
    expect((await triage().queue(nationalSupervisor)).total).toBe(3);

    // The Met cannot open another force's report: it answers as if there were none.
    await expect(triage().get(metSupervisor, birmingham.id)).rejects.toBeInstanceOf(NotFoundError);
    for (const outsider of [await actorFor(runtime, demoAccount('officer', 'metropolitan')), await staff('charity-safe-harbour', 'supervisor'), await actorFor(runtime, demoAccount('system-administrator'))]) {
      await expect(triage().queue(outsider)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('opens a report for triage, auditing the read, and keeps a confidential reporter’s details from the force', async () => {
    const report = await fileReport(runtime, { contactPreference: 'confidential', contactName: 'Jo', contactPhone: '07700 900 111', contactEmail: '', safeTimes: 'Evenings' });
    const forForce = await triage().get(metSupervisor, report.id);
    expect(forForce.answers['description']).toBe('Eight men leave the house at 5am');
    expect(forForce.contactWithheld).toBe(true);
    expect(forForce.answers['contactPhone']).toBeUndefined();
    const forCentre = await triage().get(analyst, report.id);
    expect(forCentre.contactWithheld).toBe(false);
    expect(forCentre.answers['contactPhone']).toBe('07700 900 111');
    const reads = await audit('public-report.read');
    expect(reads).toHaveLength(2);
    expect(reads[0]?.details).not.toContain('07700');
  });

  it('records an outcome with its reason, refuses one without, and audits the change of status', async () => {
    const report = await fileReport(runtime);
    await expect(triage().recordOutcome(metSupervisor, report.id, { outcome: 'no-further-action', reason: '  ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(triage().recordOutcome(metSupervisor, report.id, { outcome: 'arrest-everyone', reason: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await triage().recordOutcome(metSupervisor, report.id, { outcome: 'passed-to-intelligence', reason: 'Matches an address already known to the intelligence unit' });
    const detail = await triage().get(metSupervisor, report.id);
    expect(detail.status).toBe('passed-to-intelligence');
    expect(detail.outcomes).toMatchObject([{ outcome: 'passed-to-intelligence', reason: 'Matches an address already known to the intelligence unit', decidedBy: 'Helen Marsh (demo supervisor)' }]);
    // The reason is sealed in the store.
    const stored = await runtime.database.db.selectFrom('public_report_outcomes').selectAll().execute();
    expect(stored[0]?.reason).not.toContain('intelligence unit');
    expect((await triage().queue(metSupervisor)).total).toBe(0);
    expect((await triage().queue(metSupervisor, { show: 'all' })).total).toBe(1);
    const [event] = await audit('public-report.outcome');
    expect(JSON.parse(event?.details ?? '{}')).toEqual({ before: 'new', outcome: 'passed-to-intelligence' });
    expect(event?.actor_user_id).toBe(metSupervisor.userId);
  });

  it('re-routes a report to another force, which then has it as new and the first force no longer sees', async () => {
    const report = await fileReport(runtime);
    await expect(triage().recordOutcome(metSupervisor, report.id, { outcome: 're-routed', reason: 'Not ours', toForceId: fixture.met })).rejects.toBeInstanceOf(ValidationError);
    await triage().recordOutcome(metSupervisor, report.id, { outcome: 're-routed', reason: 'The van is based in Birmingham', toForceId: fixture.westMidlands });
    await expect(triage().get(metSupervisor, report.id)).rejects.toBeInstanceOf(NotFoundError);
    const detail = await triage().get(analyst, report.id);
    expect(detail.routedOrganisationId).toBe(fixture.westMidlands);
    expect(detail.routingBasis).toBe('triage');
    expect(detail.status).toBe('new');
    expect(detail.outcomes[0]).toMatchObject({ outcome: 're-routed', fromOrganisationName: 'Metropolitan Police Service', toOrganisationName: 'West Midlands Police' });
    const [event] = await audit('public-report.outcome');
    expect(JSON.parse(event?.details ?? '{}')).toMatchObject({ fromOrganisationId: fixture.met, toOrganisationId: fixture.westMidlands });
  });

  it('links a report to premises and visits the actor may read, once each, audited', async () => {
    const report = await fileReport(runtime);
    const metPremises = '01900000-0000-7000-8000-000000000001';
    const westMidlandsPremises = '01900000-0000-7000-8000-000000000003';
    await triage().link(metSupervisor, report.id, { recordType: 'premises', recordId: metPremises });
    await triage().link(metSupervisor, report.id, { recordType: 'premises', recordId: metPremises });
    await triage().link(metSupervisor, report.id, { recordType: 'visit', recordId: fixture.visits.v1 });
    await expect(triage().link(metSupervisor, report.id, { recordType: 'premises', recordId: westMidlandsPremises })).rejects.toBeInstanceOf(ValidationError);
    await expect(triage().link(metSupervisor, report.id, { recordType: 'arrest', recordId: fixture.visits.v1 })).rejects.toBeInstanceOf(ValidationError);
    const detail = await triage().get(metSupervisor, report.id);
    expect(detail.links.map((l) => `${l.recordType}:${l.recordId}`)).toEqual([`premises:${metPremises}`, `visit:${fixture.visits.v1}`]);
    expect(await audit('public-report.link')).toHaveLength(2);
    // The national centre links across forces.
    await triage().link(analyst, report.id, { recordType: 'premises', recordId: westMidlandsPremises });
  });

  it('reopens a closed report when the reporter adds information, which the queue flags', async () => {
    const report = await fileReport(runtime);
    await triage().recordOutcome(metSupervisor, report.id, { outcome: 'no-further-action', reason: 'Checked: a family home' });
    const added = await runtime.services.publicReporting.addInformation({ reference: report.reference, secret: report.secret, information: 'I saw them again, locked in' }, 'pl', null);
    expect(added).toBe(true);
    expect(await runtime.services.publicReporting.addInformation({ reference: report.reference, secret: 'WRONG', information: 'x' }, 'en', null)).toBe(false);
    const queue = await triage().queue(metSupervisor);
    expect(queue.items).toMatchObject([{ id: report.id, status: 'new', newInformation: true }]);
    const detail = await triage().get(metSupervisor, report.id);
    expect(detail.additions).toMatchObject([{ language: 'pl', information: 'I saw them again, locked in' }]);
  });
});

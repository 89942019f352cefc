// The information line: who records and reads calls, the rules on outcomes (a possible child is
// never advice only; immediate danger always alerts a force), what each outcome makes, double
// submission, sealing, the audit, and the counts per operation.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import type { Role } from '../../src/access/roles.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import { EMPTY_CALL, type CallInput } from '../../src/services/informationLine.ts';
import { newId } from '../../src/store/ids.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';

const CALL: CallInput = {
  ...EMPTY_CALL,
  callerType: 'immigration-officer', callerOrganisation: 'Border Force, Dover', callerContact: 'Sam Okafor, 07700 900111',
  situation: 'A woman arriving alone says a man met her at the port and kept her passport.', actionTaken: 'Kept her in a private room.',
  indicators: ['documents-passport-held-by-other', 'fear-anxiety'], advice: 'Ask her, away from the man, whether she can leave; call back after.', outcome: 'advice-only', durationMinutes: '18',
};

async function expectFieldError(promise: Promise<unknown>, field: string): Promise<string> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  const found = (error as ValidationError).fieldErrors.find((e) => e.field === field);
  expect(found, `an error on ${field}`).toBeDefined();
  return found?.message ?? '';
}

describeEachDatabase('the information line', (dialect) => {
  let runtime: TestRuntime;
  let adviser: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    adviser = await actorFor(runtime, demoAccount('information-line-adviser', 'national-centre'));
  });
  afterEach(async () => runtime.dispose());

  /** A user of a role the demo roster lacks (a supervisor of West Midlands Police). */
  async function staff(organisationCode: string, role: Role): Promise<UserActor> {
    const admin = await actorFor(runtime, demoAccount('system-administrator'));
    const { user } = await runtime.services.users.add(admin, {
      organisationId: await organisationId(runtime, organisationCode), email: `${role}.${organisationCode}@test.example`, displayName: `${role} of ${organisationCode}`, roles: [role],
    });
    const actor = await runtime.services.authentication.loadActor(user.id, 'session', 'test');
    if (actor === null) throw new Error('cannot act');
    return actor;
  }

  const line = () => runtime.services.informationLine;
  const db = () => runtime.database.db;
  const callRow = (id: string) => db().selectFrom('information_line_calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('records an advice-only call with its guidance, sealing what the caller said, and audits it without personal details', async () => {
    const { id } = await line().record(adviser, CALL, newId());
    const row = await callRow(id);
    expect(row.outcome).toBe('advice-only');
    expect(row.potential_victim_id).toBeNull();
    expect(row.public_report_id).toBeNull();
    const raw = JSON.stringify(row);
    for (const secret of ['Border Force', 'Sam Okafor', 'kept her passport', 'private room', 'away from the man']) expect(raw).not.toContain(secret);
    // The guidance stored is the wording shown for these indicators.
    const guidance = JSON.parse(row.guidance) as string[];
    expect(guidance.some((g) => g.startsWith('Documents and travel:'))).toBe(true);
    expect(guidance.some((g) => g.startsWith('Signs of fear or violence:'))).toBe(true);

    const detail = await line().get(adviser, id);
    expect(detail).toMatchObject({
      callerType: 'immigration-officer', callerOrganisation: 'Border Force, Dover', callerContact: 'Sam Okafor, 07700 900111', situation: CALL.situation,
      actionTaken: 'Kept her in a private room.', advice: CALL.advice, durationMinutes: 18, adviserName: 'Aisling Byrne (demo adviser)', indicatorCount: 2,
    });
    const events = await db().selectFrom('audit_events').selectAll().where('subject_type', '=', 'information-line-call').execute();
    expect(events.map((e) => e.action).sort()).toEqual(['information-line-call.create', 'information-line-call.read']);
    for (const e of events) expect(JSON.stringify(e)).not.toMatch(/Border Force|Okafor|passport/);
  });

  it('refuses advice only for a possible child, whether the box was ticked or a child indicator was', async () => {
    const ticked = await expectFieldError(line().record(adviser, { ...CALL, possibleChild: true }), 'outcome');
    expect(ticked).toContain('may be a child');
    await expectFieldError(line().record(adviser, { ...CALL, indicators: ['child-travels-unaccompanied'] }), 'outcome');
    expect(await db().selectFrom('information_line_calls').selectAll().execute()).toHaveLength(0);
  });

  it('refuses any outcome but a force alert when someone is in immediate danger', async () => {
    for (const outcome of ['advice-only', 'referral', 'charity-referral']) {
      const message = await expectFieldError(line().record(adviser, { ...CALL, immediateDanger: true, outcome, consent: 'given', fullName: 'Ana' }), 'outcome');
      expect(message).toContain('immediate danger');
    }
  });

  it('turns a referral with consent into a potential-victim record referred to the competent authority', async () => {
    const { id } = await line().record(adviser, {
      ...CALL, outcome: 'referral', consent: 'given', fullName: 'Ana Petrescu', sex: 'female', nationality: 'RO', exploitationTypes: ['sexual-exploitation'],
    });
    const row = await callRow(id);
    expect(row.potential_victim_id).not.toBeNull();
    const victim = await db().selectFrom('potential_victims').selectAll().where('id', '=', row.potential_victim_id ?? '').executeTakeFirstOrThrow();
    expect(victim).toMatchObject({ identification_route: 'information-line-screening', child_status: 'adult', consent: 'given', organisation_id: adviser.organisationId });
    expect(runtime.services.context.fieldCipher.open(victim.name_sealed)).toBe('Ana Petrescu');
    const referrals = await db().selectFrom('victim_referrals').selectAll().where('potential_victim_id', '=', victim.id).execute();
    expect(referrals.map((r) => [r.kind, r.to_organisation_id])).toEqual([['competent-authority', await organisationId(runtime, 'competent-authority')]]);
    // The decision maker sees the referral waiting.
    const decisionMaker = await actorFor(runtime, demoAccount('decision-maker', 'competent-authority'));
    const incoming = await runtime.services.victimReferrals.incoming(decisionMaker);
    expect(incoming.map((r) => r.potentialVictimId)).toContain(victim.id);
  });

  it('turns a referral of an adult who refuses consent into an anonymous notification with no name', async () => {
    const { id } = await line().record(adviser, {
      ...CALL, outcome: 'referral', consent: 'refused', fullName: 'Never Kept', sex: 'male', nationality: 'AL', ageBand: '25-34', exploitationTypes: ['forced-labour'],
    });
    const row = await callRow(id);
    expect(row.potential_victim_id).toBeNull();
    const notification = await db().selectFrom('anonymous_notifications').selectAll().where('id', '=', row.anonymous_notification_id ?? '').executeTakeFirstOrThrow();
    expect(notification).toMatchObject({ sex: 'male', nationality: 'AL', age_band: '25-34' });
    expect(JSON.stringify(await db().selectFrom('potential_victims').selectAll().execute())).not.toContain('Never Kept');
  });

  it('refers a possible child with the local authority, without consent, to the competent authority', async () => {
    const localAuthority = await organisationId(runtime, 'la-riverside');
    await expectFieldError(line().record(adviser, { ...CALL, possibleChild: true, outcome: 'referral', consent: 'refused', fullName: 'Minh', sex: 'male' }), 'localAuthorityId');
    const { id } = await line().record(adviser, { ...CALL, possibleChild: true, outcome: 'referral', consent: 'refused', fullName: 'Minh', sex: 'male', localAuthorityId: localAuthority });
    const row = await callRow(id);
    expect(row.possible_child).toBe(1);
    const victim = await db().selectFrom('potential_victims').selectAll().where('id', '=', row.potential_victim_id ?? '').executeTakeFirstOrThrow();
    expect(victim.child_status).toBe('may-be-child');
    const referrals = await db().selectFrom('victim_referrals').select('kind').where('potential_victim_id', '=', victim.id).execute();
    expect(referrals.map((r) => r.kind)).toEqual(['competent-authority']);
  });

  it('refers to a support charity only with consent, and the charity sees the referral', async () => {
    const charity = await organisationId(runtime, 'charity-safe-harbour');
    await expectFieldError(line().record(adviser, { ...CALL, outcome: 'charity-referral', consent: 'refused', charityId: charity, fullName: 'Ana', sex: 'female' }), 'consent');
    await expectFieldError(line().record(adviser, { ...CALL, outcome: 'charity-referral', consent: 'given', charityId: '', fullName: 'Ana', sex: 'female' }), 'charityId');
    const { id } = await line().record(adviser, { ...CALL, outcome: 'charity-referral', consent: 'given', charityId: charity, fullName: 'Ana', sex: 'female' });
    const row = await callRow(id);
    expect(row.charity_organisation_id).toBe(charity);
    const caseWorker = await actorFor(runtime, demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const incoming = await runtime.services.victimReferrals.incoming(caseWorker);
    expect(incoming.map((r) => r.potentialVictimId)).toEqual([row.potential_victim_id]);
    expect((await line().get(adviser, id)).charityName).toBe((await runtime.services.context.store.repositories.organisations.findById(charity))?.name);
  });

  it('alerts the force of the postcode given, and the alert appears in that force’s triage queue only', async () => {
    const { id } = await line().record(adviser, { ...CALL, immediateDanger: true, outcome: 'force-alert', address: '4 Canal Street', postcode: 'B1 1AA' });
    const row = await callRow(id);
    const westMidlands = await organisationId(runtime, 'west-midlands');
    expect(row.alert_organisation_id).toBe(westMidlands);
    const wmSupervisor = await staff('west-midlands', 'supervisor');
    const metSupervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    const queue = await runtime.services.publicReportTriage.queue(wmSupervisor);
    expect(queue.items.map((i) => i.id)).toEqual([row.public_report_id]);
    expect(queue.items[0]).toMatchObject({ danger: 'yes', routingBasis: 'postcode-area', contactPreference: 'confidential', source: 'information-line' });
    expect((await runtime.services.publicReportTriage.queue(metSupervisor)).items).toHaveLength(0);
    // The force reads the situation but not the caller's details, which the national centre holds.
    const report = await runtime.services.publicReportTriage.get(wmSupervisor, row.public_report_id ?? '');
    expect(String(report.answers['description'])).toContain('kept her passport');
    expect(JSON.stringify(report.answers)).not.toContain('Sam Okafor');
    const source = await db().selectFrom('public_reports').select('source').where('id', '=', row.public_report_id ?? '').executeTakeFirstOrThrow();
    expect(source.source).toBe('information-line');
    expect((await line().get(adviser, id)).alert).toMatchObject({ reportId: row.public_report_id, forceName: 'West Midlands Police' });
  });

  it('alerts by town, or the force chosen by hand, and leaves an unplaceable alert to the national centre', async () => {
    const byTown = await callRow((await line().record(adviser, { ...CALL, outcome: 'force-alert', town: 'Leeds' })).id);
    expect(byTown.alert_organisation_id).toBe(await organisationId(runtime, 'west-yorkshire'));
    const met = await organisationId(runtime, 'metropolitan');
    const chosen = await callRow((await line().record(adviser, { ...CALL, outcome: 'force-alert', town: 'Leeds', forceId: met })).id);
    expect(chosen.alert_organisation_id).toBe(met);
    await expectFieldError(line().record(adviser, { ...CALL, outcome: 'force-alert', forceId: await organisationId(runtime, 'charity-safe-harbour') }), 'forceId');
    const nowhere = await callRow((await line().record(adviser, { ...CALL, outcome: 'force-alert', placeDescription: 'A farm' })).id);
    expect(nowhere.alert_organisation_id).toBeNull();
    const report = await db().selectFrom('public_reports').select('routed_organisation_id').where('id', '=', nowhere.public_report_id ?? '').executeTakeFirstOrThrow();
    expect(report.routed_organisation_id).toBeNull();
  });

  it('makes one call and one record for a form posted twice, and refuses a form id that made something else', async () => {
    const submissionId = newId();
    const input = { ...CALL, outcome: 'referral', consent: 'given', fullName: 'Ana', sex: 'female' };
    const first = await line().record(adviser, input, submissionId);
    const second = await line().record(adviser, input, submissionId);
    expect(second.id).toBe(first.id);
    expect(await db().selectFrom('information_line_calls').selectAll().execute()).toHaveLength(1);
    expect(await db().selectFrom('potential_victims').selectAll().execute()).toHaveLength(1);
    await expectFieldError(line().record(adviser, CALL, 'not-a-form-id'), 'submissionId');
  });

  it('lets only the national centre’s advisers record, read and count, and its analysts only count', async () => {
    const analyst = await actorFor(runtime, demoAccount('analyst', 'national-centre'));
    const metSupervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    const socialWorker = await actorFor(runtime, demoAccount('first-responder', 'la-riverside'));
    const { id } = await line().record(adviser, CALL);
    for (const actor of [analyst, metSupervisor, socialWorker]) {
      await expect(line().record(actor, CALL)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(line().get(actor, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(line().list(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(line().countsPerOperation(metSupervisor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await line().countsPerOperation(analyst)).toEqual([]);
    await expect(line().get(adviser, newId())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists calls newest first, filtered by day, outcome and adviser', async () => {
    const first = await line().record(adviser, CALL);
    runtime.testClock.advanceMinutes(24 * 60);
    const second = await line().record(adviser, { ...CALL, outcome: 'force-alert', town: 'Leeds' });
    const all = await line().list(adviser);
    expect(all.items.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(all.total).toBe(2);
    expect((await line().list(adviser, { from: '2026-03-03' })).items.map((c) => c.id)).toEqual([second.id]);
    expect((await line().list(adviser, { to: '2026-03-02' })).items.map((c) => c.id)).toEqual([first.id]);
    expect((await line().list(adviser, { outcome: 'advice-only' })).items.map((c) => c.id)).toEqual([first.id]);
    expect((await line().list(adviser, { adviserId: newId() })).items).toHaveLength(0);
    expect((await line().list(adviser, { adviserId: adviser.userId })).total).toBe(2);
    await expectFieldError(line().list(adviser, { from: '3 March' }), 'from');
    expect(await line().advisers(adviser)).toEqual([{ id: adviser.userId, name: 'Aisling Byrne (demo adviser)' }]);
  });

  it('counts calls per operation period by outcome, the last day included', async () => {
    const repositories = runtime.services.context.store.repositories;
    const at = '2026-01-01T00:00:00.000Z';
    await repositories.operations.insert({ id: newId(), code: 'op-march', name: 'Operation March', starts_on: '2026-03-01', ends_on: '2026-03-02', created_at: at, updated_at: at }, []);
    await repositories.operations.insert({ id: newId(), code: 'op-later', name: 'Operation Later', starts_on: '2026-03-03', ends_on: '2026-03-31', created_at: at, updated_at: at }, []);
    await line().record(adviser, CALL);
    await line().record(adviser, { ...CALL, outcome: 'force-alert', town: 'Leeds' });
    runtime.testClock.advanceMinutes(24 * 60);
    await line().record(adviser, CALL);
    const counts = await line().countsPerOperation(adviser);
    const byCode = Object.fromEntries(counts.map((c) => [c.code, c]));
    expect(byCode['op-march']).toMatchObject({ total: 2, byOutcome: { 'advice-only': 1, 'force-alert': 1, referral: 0, 'charity-referral': 0 } });
    expect(byCode['op-later']).toMatchObject({ total: 1, byOutcome: { 'advice-only': 1, 'force-alert': 0, referral: 0, 'charity-referral': 0 } });
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/access/errors.ts';
import { newId } from '../../../src/store/ids.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

const TODAY = { day: '', month: '', year: '' };
const NOTE = 'Registered with Dr Pemberton-Quill at the Marsh Lane surgery; dental pain';
const PLAN = 'Moving to a council flat in Leeds; Leeds Refugee Support takes over casework';

describeEachDatabase('a charity’s care: support given, consent changes, closure', (dialect) => {
  let runtime: TestRuntime;
  let actors: VictimCareActors;
  let organisations: VictimCareOrganisations;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    actors = await victimCareActors(runtime);
    organisations = await victimCareOrganisations(runtime);
  });
  afterEach(async () => runtime.dispose());

  const victims = () => runtime.services.potentialVictims;
  const referrals = () => runtime.services.victimReferrals;
  const care = () => runtime.services.victimCare;

  /** A named adult the Met referred to Safe Harbour on 2 March 2026, accepted. */
  async function inCare(): Promise<{ id: string; referralId: string }> {
    setToday(runtime, '2026-03-02');
    const created = await victims().create(actors.metOfficer, NAMED_ADULT);
    const referral = await referrals().refer(actors.metOfficer, created.id, { kind: 'support-charity', toOrganisationId: organisations.charity });
    await referrals().accept(actors.caseWorker, referral.id);
    return { id: created.id, referralId: referral.id };
  }

  it('records dated support once per submission, on the timeline, with the note for the charity alone', async () => {
    const { id } = await inCare();
    setToday(runtime, '2026-03-05');
    const submission = newId();
    const first = await care().recordSupport(actors.caseWorker, id, { kind: 'medical', givenOn: { day: '4', month: '3', year: '2026' }, note: NOTE }, submission);
    const again = await care().recordSupport(actors.caseWorker, id, { kind: 'medical', givenOn: { day: '4', month: '3', year: '2026' }, note: NOTE }, submission);
    expect(first.created).toBe(true);
    expect(again).toEqual({ timelineEventId: first.timelineEventId, created: false });
    await care().recordSupport(actors.caseWorker, id, { kind: 'accommodation', givenOn: TODAY, note: '' }, newId());

    const forCharity = await victims().get(actors.caseWorker, id);
    expect(forCharity.timeline?.filter((e) => e.type === 'support-given').map((e) => [e.occurredOn, e.outcome, e.reason])).toEqual([
      ['2026-03-04', 'medical', NOTE], ['2026-03-05', 'accommodation', null],
    ]);
    // The sending force sees that support was given, not what the charity wrote.
    const forPolice = await victims().get(actors.metOfficer, id);
    expect(forPolice.timeline?.filter((e) => e.type === 'support-given').map((e) => [e.outcome, e.reason])).toEqual([['medical', null], ['accommodation', null]]);
    const rows = await runtime.store.repositories.victimCare.timeline(id);
    expect(rows.find((r) => r.id === first.timelineEventId)?.reason_sealed).toMatch(/^v2\./);
  });

  it('refuses support from anyone but the caring charity, in the future, before the referral, or of an unknown kind', async () => {
    const { id } = await inCare();
    const input = { kind: 'counselling', givenOn: TODAY, note: '' };
    await expect(care().recordSupport(actors.metOfficer, id, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(care().recordSupport(actors.decisionMaker, id, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(care().recordSupport(actors.analyst, id, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(care().recordSupport(actors.caseWorker, id, { ...input, kind: 'massage' })).rejects.toMatchObject({ fieldErrors: [{ field: 'kind' }] });
    await expect(care().recordSupport(actors.caseWorker, id, { ...input, givenOn: { day: '3', month: '3', year: '2026' } })).rejects.toMatchObject({ fieldErrors: [{ field: 'givenOn', message: 'The date cannot be in the future' }] });
    await expect(care().recordSupport(actors.caseWorker, id, { ...input, givenOn: { day: '1', month: '3', year: '2026' } })).rejects.toMatchObject({ fieldErrors: [{ field: 'givenOn' }] });
    await expect(care().recordSupport(actors.caseWorker, id, input, 'not-a-submission-id')).rejects.toMatchObject({ fieldErrors: [{ field: 'submissionId' }] });
    expect((await victims().get(actors.caseWorker, id)).timeline?.some((e) => e.type === 'support-given')).toBe(false);
  });

  it('withdrawn consent ends the charity’s referral (and its access) but not the referral for a decision', async () => {
    const { id, referralId } = await inCare();
    const authority = await referrals().refer(actors.metOfficer, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    await expect(care().changeConsent(actors.caseWorker, id, { change: 'withdrawn', reason: '' })).rejects.toMatchObject({ fieldErrors: [{ field: 'reason' }] });
    await expect(care().changeConsent(actors.caseWorker, id, { change: 'given', reason: 'Asked again' })).rejects.toBeInstanceOf(ValidationError);
    await expect(care().changeConsent(actors.decisionMaker, id, { change: 'withdrawn', reason: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    setToday(runtime, '2026-03-09');
    expect(await care().changeConsent(actors.caseWorker, id, { change: 'withdrawn', reason: 'Told her key worker she wants no more contact' })).toEqual({ endedReferralIds: [referralId] });

    await expect(victims().get(actors.caseWorker, id)).rejects.toBeInstanceOf(NotFoundError);
    const detail = await victims().get(actors.metOfficer, id);
    expect(detail.consent).toBe('refused');
    expect(detail.referrals.map((r) => [r.id, r.status])).toEqual([[referralId, 'withdrawn'], [authority.id, 'pending']]);
    expect(detail.timeline?.slice(-2).map((e) => [e.type, e.occurredOn, e.outcome, e.reason])).toEqual([
      ['consent-changed', '2026-03-09', 'withdrawn', 'Told her key worker she wants no more contact'], ['referral-withdrawn', '2026-03-09', null, 'Consent withdrawn'],
    ]);
    // Without consent no new charity referral; given again later, the person can be referred once more.
    await expect(referrals().refer(actors.metOfficer, id, { kind: 'support-charity', toOrganisationId: organisations.otherCharity })).rejects.toBeInstanceOf(ValidationError);
    await care().changeConsent(actors.metOfficer, id, { change: 'given', reason: 'Came back to the station and asked for help' });
    expect((await referrals().refer(actors.metOfficer, id, { kind: 'support-charity', toOrganisationId: organisations.otherCharity })).status).toBe('pending');
  });

  it('closes the case with a move-on plan once; a closed case stays readable and takes no more support', async () => {
    const { id, referralId } = await inCare();
    await expect(care().closeCase(actors.caseWorker, id, { reason: 'moved-on', moveOnPlan: ' ' })).rejects.toMatchObject({ fieldErrors: [{ field: 'moveOnPlan' }] });
    await expect(care().closeCase(actors.caseWorker, id, { reason: 'bored', moveOnPlan: PLAN })).rejects.toMatchObject({ fieldErrors: [{ field: 'reason' }] });
    await expect(care().closeCase(actors.metOfficer, id, { reason: 'moved-on', moveOnPlan: PLAN })).rejects.toBeInstanceOf(ForbiddenError);
    setToday(runtime, '2026-04-20');
    await care().closeCase(actors.caseWorker, id, { reason: 'moved-on', moveOnPlan: PLAN });
    await expect(care().closeCase(actors.caseWorker, id, { reason: 'moved-on', moveOnPlan: PLAN })).rejects.toBeInstanceOf(ConflictError);
    await expect(care().recordSupport(actors.caseWorker, id, { kind: 'medical', givenOn: TODAY, note: '' })).rejects.toBeInstanceOf(ConflictError);

    const detail = await victims().get(actors.caseWorker, id);
    expect(detail.referrals.find((r) => r.id === referralId)).toMatchObject({ status: 'accepted', closedOn: '2026-04-20' });
    expect(detail.timeline?.at(-1)).toMatchObject({ type: 'case-closed', occurredOn: '2026-04-20', outcome: 'moved-on', reason: PLAN });
    const audit = await runtime.store.repositories.auditEvents.list({ subjectId: id, limit: 100 });
    expect(audit.map((e) => e.action)).toContain('victim-case.close');
    expect(JSON.stringify(audit)).not.toContain('Leeds');
  });

  if (dialect === 'sqlite') {
    it('leaves no name, date of birth, contact, account, note or plan readable in the SQLite file itself', async () => {
      const { id } = await inCare();
      await care().recordSupport(actors.caseWorker, id, { kind: 'medical', givenOn: TODAY, note: NOTE });
      await care().closeCase(actors.caseWorker, id, { reason: 'moved-on', moveOnPlan: PLAN });
      const location = runtime.config.database;
      if (location.kind !== 'sqlite') throw new Error('expected SQLite');
      const bytes = [location.file, `${location.file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString('latin1')).join('');
      expect(bytes).toContain('medical');
      // The name, the date of birth as typed (3 7 1995) and as kept, the contact details, the account, the note and the plan.
      const found = [
        NAMED_ADULT.fullName, 'Vasilescu', '1995-07-03', '03/07/1995', '900456', NAMED_ADULT.email, 'elena.vm', 'Quayside', 'hotel work', 'grandmother', 'Pemberton-Quill', 'Marsh Lane', 'Leeds Refugee',
      ].filter((secret) => bytes.includes(secret));
      expect(found).toEqual([]);
    });
  }
});

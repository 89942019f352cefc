import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/access/errors.ts';
import { systemActor } from '../../../src/access/actor.ts';
import type { DecisionInput } from '../../../src/services/victimCare/decisions.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

const POSITIVE: DecisionInput = { outcome: 'positive', decidedOn: { day: '', month: '', year: '' }, reason: '' };
const on = (date: string) => {
  const [year = '', month = '', day = ''] = date.split('-');
  return { day, month, year };
};

describeEachDatabase('referrals, decisions and the reflection period', (dialect) => {
  let runtime: TestRuntime;
  let actors: VictimCareActors;
  let organisations: VictimCareOrganisations;

  const open = async (overrides: Parameters<typeof openTestRuntime>[1] = {}) => {
    runtime = await openTestRuntime(dialect, overrides);
    await seedDemo(runtime);
    actors = await victimCareActors(runtime);
    organisations = await victimCareOrganisations(runtime);
  };
  beforeEach(async () => open());
  afterEach(async () => runtime.dispose());

  const victims = () => runtime.services.potentialVictims;
  const referrals = () => runtime.services.victimReferrals;
  const decisions = () => runtime.services.victimDecisions;
  const deadlines = () => runtime.services.victimDeadlines;

  /** A named adult recorded by the Met and referred to the competent authority on `date`. */
  async function referredOn(date: string, jurisdiction = ''): Promise<{ id: string; referralId: string }> {
    setToday(runtime, date);
    const created = await victims().create(actors.metOfficer, { ...NAMED_ADULT, jurisdiction });
    const referral = await referrals().refer(actors.metOfficer, created.id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    return { id: created.id, referralId: referral.id };
  }

  it('takes a referral to a charity through pending, declined, a second charity, acceptance and withdrawal, each step on the timeline', async () => {
    const { id } = await referredOn('2026-03-02');
    const first = await referrals().refer(actors.metOfficer, id, { kind: 'support-charity', toOrganisationId: organisations.charity });
    await expect(referrals().refer(actors.metOfficer, id, { kind: 'support-charity', toOrganisationId: organisations.charity })).rejects.toBeInstanceOf(ConflictError);
    // Waiting for its answer, the charity sees what it needs to decide, not who the person is.
    const waiting = await victims().get(actors.caseWorker, id);
    expect(waiting).toMatchObject({ access: 'referral-summary', identity: null, timeline: null, supportWanted: ['accommodation', 'medical'] });
    expect((await referrals().incoming(actors.caseWorker)).map((r) => r.id)).toEqual([first.id]);
    await expect(referrals().accept(actors.metOfficer, first.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(referrals().decline(actors.caseWorker, first.id, ' ')).rejects.toBeInstanceOf(ValidationError);
    expect(await referrals().decline(actors.caseWorker, first.id, 'No bed space in the region this month')).toMatchObject({ status: 'declined', answeredOn: '2026-03-02' });
    await expect(victims().get(actors.caseWorker, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(referrals().accept(actors.caseWorker, first.id)).rejects.toBeInstanceOf(NotFoundError);

    // Declined, the charity could be asked again; accepted, it gets the whole record.
    const second = await referrals().refer(actors.metOfficer, id, { kind: 'support-charity', toOrganisationId: organisations.charity });
    await referrals().accept(actors.caseWorker, second.id);
    expect((await victims().get(actors.caseWorker, id)).identity?.fullName).toBe(NAMED_ADULT.fullName);
    expect((await victims().list(actors.caseWorker)).map((s) => s.id)).toEqual([id]);

    await expect(referrals().withdraw(actors.caseWorker, second.id, 'not ours')).rejects.toBeInstanceOf(ForbiddenError);
    await referrals().withdraw(actors.metOfficer, second.id, 'The person moved to Scotland');
    await expect(victims().get(actors.caseWorker, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(referrals().withdraw(actors.metOfficer, second.id, 'again')).rejects.toBeInstanceOf(ConflictError);
    // The sender keeps what it sent.
    const detail = await victims().get(actors.metOfficer, id);
    expect(detail.timeline?.map((e) => [e.type, e.occurredOn])).toEqual([
      ['record-created', '2026-03-02'], ['referral-sent', '2026-03-02'], ['referral-sent', '2026-03-02'], ['referral-declined', '2026-03-02'],
      ['referral-sent', '2026-03-02'], ['referral-accepted', '2026-03-02'], ['referral-withdrawn', '2026-03-02'],
    ]);
    expect(detail.timeline?.find((e) => e.type === 'referral-declined')?.reason).toBe('No bed space in the region this month');
    expect(detail.referrals.map((r) => r.status)).toEqual(['pending', 'declined', 'withdrawn']);
  });

  it('refers to a competent authority only once at a time, and lets the sender withdraw it before any decision', async () => {
    const { id, referralId } = await referredOn('2026-03-02');
    await expect(referrals().refer(actors.metOfficer, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority })).rejects.toBeInstanceOf(ConflictError);
    await expect(referrals().refer(actors.metOfficer, id, { kind: 'competent-authority', toOrganisationId: organisations.charity })).rejects.toBeInstanceOf(ValidationError);
    expect((await victims().get(actors.metOfficer, id)).stage).toBe('awaiting-reasonable-grounds');
    await referrals().withdraw(actors.metOfficer, referralId, 'Referred by the wrong force');
    expect(await victims().get(actors.metOfficer, id)).toMatchObject({ stage: null, reasonableGroundsDueOn: null });
    await expect(victims().get(actors.decisionMaker, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('sets the reasonable-grounds target 5 working days after the referral, skipping Easter in England and Wales but not Easter Monday in Scotland', async () => {
    // Thursday 2 April 2026; Good Friday 3 April; Easter Monday 6 April is a holiday in England and Wales only.
    const england = await referredOn('2026-04-02');
    const scotland = await referredOn('2026-04-02', 'scotland');
    expect((await victims().get(actors.metOfficer, england.id)).reasonableGroundsDueOn).toBe('2026-04-13');
    expect((await victims().get(actors.metOfficer, scotland.id)).reasonableGroundsDueOn).toBe('2026-04-10');

    const onDay = await deadlines().deadlines(actors.decisionMaker, { today: '2026-04-10' });
    expect(onDay.overdue).toEqual([]);
    expect(onDay.decisionsDue.map((d) => [d.potentialVictimId, d.dueOn, d.daysLeft])).toEqual([[scotland.id, '2026-04-10', 0], [england.id, '2026-04-13', 1]]);
    // Saturday: Scotland's is overdue by calendar although no working day has passed.
    const saturday = await deadlines().deadlines(actors.metOfficer, { today: '2026-04-11' });
    expect(saturday.overdue).toMatchObject([{ potentialVictimId: scotland.id, kind: 'reasonable-grounds-overdue', workingDaysOverdue: 0 }]);
    const tuesday = await deadlines().deadlines(systemActor('reminders'), { today: '2026-04-14' });
    expect(tuesday.overdue.map((d) => [d.potentialVictimId, d.workingDaysOverdue])).toEqual([[scotland.id, 2], [england.id, 1]]);
    expect(tuesday.overdue[0]?.organisationIds.sort()).toEqual([organisations.met, organisations.competentAuthority].sort());
    // Only organisations that deal with the person hear of it; nobody reads another's list.
    expect(await deadlines().deadlines(systemActor('reminders'), { organisationId: organisations.charity, today: '2026-04-14' })).toMatchObject({ overdue: [], decisionsDue: [] });
    await expect(deadlines().deadlines(actors.metOfficer, { organisationId: organisations.competentAuthority })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deadlines().deadlines(actors.analyst)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets only the decision maker of the accepting authority decide, never in the future or before the referral', async () => {
    const { id, referralId } = await referredOn('2026-04-02');
    setToday(runtime, '2026-04-08');
    await expect(decisions().recordReasonableGrounds(actors.decisionMaker, id, POSITIVE)).rejects.toBeInstanceOf(ConflictError);
    await referrals().accept(actors.decisionMaker, referralId);
    await expect(decisions().recordReasonableGrounds(actors.metOfficer, id, POSITIVE)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decisions().recordReasonableGrounds(actors.decisionMaker, id, { ...POSITIVE, decidedOn: on('2026-04-09') })).rejects.toBeInstanceOf(ValidationError);
    await expect(decisions().recordReasonableGrounds(actors.decisionMaker, id, { ...POSITIVE, decidedOn: on('2026-04-01') })).rejects.toMatchObject({ fieldErrors: [{ field: 'decidedOn' }] });
    // Nothing refused reached the timeline.
    expect((await victims().get(actors.metOfficer, id)).timeline?.map((e) => e.type)).toEqual(['record-created', 'referral-sent', 'referral-accepted']);
  });

  it('runs the whole path: positive decision, days left, extension, ending soon, conclusive decision after the period', async () => {
    const { id, referralId } = await referredOn('2026-04-02');
    await referrals().accept(actors.decisionMaker, referralId);
    setToday(runtime, '2026-04-08');
    const path = await decisions().recordReasonableGrounds(actors.decisionMaker, id, POSITIVE);
    expect(path).toMatchObject({ stage: 'recovery-period', period: { firstDay: '2026-04-08', lastDay: '2026-05-07', minimumDays: 30 } });
    await expect(referrals().withdraw(actors.metOfficer, referralId, 'changed our mind')).rejects.toBeInstanceOf(ConflictError);
    for (const who of [actors.metOfficer, actors.decisionMaker]) {
      expect(await victims().get(who, id)).toMatchObject({ stage: 'recovery-period', periodLastDay: '2026-05-07', reflectionDaysLeft: 30, protectedFromRemoval: true });
    }
    expect((await victims().list(actors.metOfficer))[0]).toMatchObject({ reflectionDaysLeft: 30 });
    await expect(decisions().recordConclusiveGrounds(actors.decisionMaker, id, POSITIVE)).rejects.toMatchObject({ fieldErrors: [{ field: 'decidedOn', message: 'The conclusive-grounds decision cannot be dated before 2026-05-08' }] });

    setToday(runtime, '2026-05-01');
    await expect(decisions().extendReflectionPeriod(actors.decisionMaker, id, { days: '10', reason: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(decisions().extendReflectionPeriod(actors.metOfficer, id, { days: '10', reason: 'Medical treatment' })).rejects.toBeInstanceOf(ForbiddenError);
    await decisions().extendReflectionPeriod(actors.decisionMaker, id, { days: '10', reason: 'Surgery booked for 12 May' });
    expect(await victims().get(actors.metOfficer, id)).toMatchObject({ periodLastDay: '2026-05-17', reflectionDaysLeft: 17 });

    expect((await deadlines().deadlines(actors.metOfficer, { today: '2026-05-10' })).periodsEndingSoon).toEqual([]);
    expect((await deadlines().deadlines(actors.metOfficer, { today: '2026-05-11' })).periodsEndingSoon).toMatchObject([{ potentialVictimId: id, dueOn: '2026-05-17', daysLeft: 7 }]);
    expect((await deadlines().deadlines(actors.decisionMaker, { today: '2026-05-18' })).decisionsDue).toMatchObject([{ potentialVictimId: id, kind: 'conclusive-grounds-awaited', dueOn: '2026-05-18' }]);

    setToday(runtime, '2026-05-18');
    await decisions().recordConclusiveGrounds(actors.decisionMaker, id, POSITIVE);
    const done = await victims().get(actors.metOfficer, id);
    expect(done).toMatchObject({ stage: 'conclusive-grounds-positive', protectedFromRemoval: false, clock: { kind: 'move-on-support', daysLeft: 45 } });
    expect(done.timeline?.map((e) => e.type).slice(-3)).toEqual(['reasonable-grounds-decided', 'reflection-period-extended', 'conclusive-grounds-decided']);
  });

  it('takes the minimum period from the policy setting in force on the day of the decision', async () => {
    await runtime.dispose();
    await open({ victimPath: { reasonableGroundsTargetWorkingDays: 5, reflectionPeriodMinimumDays: 45, moveOnSupportDays: 45, endingSoonDays: 7 } });
    const { id, referralId } = await referredOn('2026-04-02');
    await referrals().accept(actors.decisionMaker, referralId);
    setToday(runtime, '2026-04-08');
    expect(await decisions().recordReasonableGrounds(actors.decisionMaker, id, POSITIVE)).toMatchObject({ period: { lastDay: '2026-05-22', minimumDays: 45 } });
  });

  it('needs reasons for a negative decision, and reconsiders it on request of the first responder or the support provider', async () => {
    const { id, referralId } = await referredOn('2026-04-02');
    await referrals().accept(actors.decisionMaker, referralId);
    const charity = await referrals().refer(actors.metOfficer, id, { kind: 'support-charity', toOrganisationId: organisations.charity });
    setToday(runtime, '2026-04-07');
    await expect(decisions().recordReasonableGrounds(actors.decisionMaker, id, { ...POSITIVE, outcome: 'negative' })).rejects.toMatchObject({ fieldErrors: [{ field: 'reason' }] });
    await decisions().recordReasonableGrounds(actors.decisionMaker, id, { ...POSITIVE, outcome: 'negative', reason: 'Account inconsistent with the dates given' });
    expect(await victims().get(actors.metOfficer, id)).toMatchObject({ stage: 'reasonable-grounds-negative', protectedFromRemoval: false, reasonableGroundsDueOn: null });
    // A charity that has not accepted is no support provider yet.
    await expect(decisions().requestReconsideration(actors.caseWorker, id, { reason: 'New evidence' })).rejects.toBeInstanceOf(NotFoundError);
    await referrals().accept(actors.caseWorker, charity.id);
    await expect(decisions().requestReconsideration(actors.decisionMaker, id, { reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const path = await decisions().requestReconsideration(actors.caseWorker, id, { reason: 'A medical report confirms the injuries described' });
    expect(path).toMatchObject({ stage: 'reconsideration', requestedBy: 'support-provider' });
    await expect(decisions().requestReconsideration(actors.metOfficer, id, { reason: 'again' })).rejects.toBeInstanceOf(ConflictError);
    // The decision maker is not left without a prompt: the request waits among the decisions due.
    setToday(runtime, '2026-04-08');
    const waiting = await deadlines().deadlines(actors.decisionMaker);
    expect(waiting.decisionsDue.filter((d) => d.potentialVictimId === id)).toMatchObject([{ kind: 'reconsideration-requested', dueOn: '2026-04-07', daysLeft: null }]);
    setToday(runtime, '2026-04-09');
    expect(await decisions().recordReasonableGrounds(actors.decisionMaker, id, POSITIVE)).toMatchObject({ stage: 'recovery-period', period: { firstDay: '2026-04-09' } });
    const timeline = (await victims().get(actors.caseWorker, id)).timeline ?? [];
    expect(timeline.filter((e) => e.type === 'reconsideration-requested')).toMatchObject([{ requestedBy: 'support-provider', reason: 'A medical report confirms the injuries described' }]);
    expect((await deadlines().deadlines(actors.decisionMaker)).decisionsDue.filter((d) => d.potentialVictimId === id && d.kind === 'reconsideration-requested')).toEqual([]);
  });
});

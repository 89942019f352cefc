// The dashboards' decisions due and overdue, against a fixture built by hand through the victim-care
// services themselves (referrals, answers, decisions and reconsiderations on chosen days, in three
// jurisdictions), so the clock columns the services keep are checked along with the counting. Every
// expected number is worked out below from the dates; the organisations' own deadline lists
// (what the reminders and the victim-care page use) must tell the same story.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor, type UserActor } from '../../src/access/actor.ts';
import type { DashboardView } from '../../src/services/dashboard/view.ts';
import type { DecisionInput } from '../../src/services/victimCare/decisions.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../support/victimCareFixture.ts';

const TODAY = { day: '', month: '', year: '' };
const POSITIVE: DecisionInput = { outcome: 'positive', decidedOn: TODAY, reason: '' };
const NEGATIVE: DecisionInput = { outcome: 'negative', decidedOn: TODAY, reason: 'No indicator of exploitation in the account' };

describeEachDatabase('decisions due and overdue on the dashboards, from records made through the services', (dialect) => {
  let runtime: TestRuntime;
  let actors: VictimCareActors;
  let organisations: VictimCareOrganisations;
  let analyst: UserActor;
  let metSupervisor: UserActor;
  let westMidlands: string;
  /** The people of the fixture by letter, as in the comments below. */
  const person: Record<string, string> = {};

  const victims = () => runtime.services.potentialVictims;
  const referrals = () => runtime.services.victimReferrals;
  const decisions = () => runtime.services.victimDecisions;

  async function referred(who: UserActor, jurisdiction: string, overrides: Partial<typeof NAMED_ADULT> = {}): Promise<{ id: string; referralId: string }> {
    const { id } = await victims().create(who, { ...NAMED_ADULT, jurisdiction, ...overrides });
    const referral = await referrals().refer(who, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    return { id, referralId: referral.id };
  }

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    actors = await victimCareActors(runtime);
    organisations = await victimCareOrganisations(runtime);
    analyst = await actorFor(runtime, demoAccount('analyst', 'national-centre'));
    metSupervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    westMidlands = actors.wmOfficer.organisationId;
    const { metOfficer, wmOfficer, decisionMaker } = actors;

    // Monday 2 March. F (Met): referred, accepted, positive on 3 March: the period runs to 1 April.
    setToday(runtime, '2026-03-02');
    const f = await referred(metOfficer, '');
    person['F'] = f.id;
    await referrals().accept(decisionMaker, f.referralId);
    setToday(runtime, '2026-03-03');
    await decisions().recordReasonableGrounds(decisionMaker, f.id, POSITIVE);

    // Thursday 2 April, before Easter (Good Friday 3 April everywhere in the UK, Easter Monday 6 April
    // in England and Wales and in Northern Ireland, not in Scotland).
    setToday(runtime, '2026-04-02');
    // A (Met, England and Wales): the fifth working day is Monday 13 April.
    person['A'] = (await referred(metOfficer, 'england-and-wales')).id;
    // B (Met, Scotland): Easter Monday is worked, so Friday 10 April.
    person['B'] = (await referred(metOfficer, 'scotland')).id;
    // E (West Midlands): positive on 8 April, the period runs to 7 May.
    const e = await referred(wmOfficer, '');
    person['E'] = e.id;
    await referrals().accept(decisionMaker, e.referralId);
    // G (Met): the referral is withdrawn before any decision: no clock.
    const g = await referred(metOfficer, '');
    person['G'] = g.id;
    // H (Met): negative on 7 April: no clock. I (Met): negative, then a reconsideration asked for.
    const h = await referred(metOfficer, '');
    person['H'] = h.id;
    await referrals().accept(decisionMaker, h.referralId);
    const i = await referred(metOfficer, '');
    person['I'] = i.id;
    await referrals().accept(decisionMaker, i.referralId);

    // Tuesday 7 April. C (Met, England and Wales): 8, 9, 10, 13, 14: due Tuesday 14 April.
    setToday(runtime, '2026-04-07');
    person['C'] = (await referred(metOfficer, 'england-and-wales')).id;
    await decisions().recordReasonableGrounds(decisionMaker, h.id, NEGATIVE);
    await decisions().recordReasonableGrounds(decisionMaker, i.id, NEGATIVE);
    await decisions().requestReconsideration(metOfficer, i.id, { reason: 'A medical report supports the account' });

    // Wednesday 8 April. D (Met, Ireland, where Good Friday is worked and Easter Monday is past): 9, 10, 13, 14, 15.
    setToday(runtime, '2026-04-08');
    person['D'] = (await referred(metOfficer, 'ireland')).id;
    await decisions().recordReasonableGrounds(decisionMaker, e.id, POSITIVE);
    await referrals().withdraw(metOfficer, g.referralId, 'Referred by the wrong force');

    // Friday 10 April. J (West Midlands): a child, referred at once without consent: 13, 14, 15, 16, 17.
    // K (Met): referred, then declined by the competent authority on Monday 13 April: no clock.
    setToday(runtime, '2026-04-10');
    const j = await victims().create(wmOfficer, { ...NAMED_ADULT, childStatus: 'child', consent: 'refused', localAuthorityId: organisations.localAuthority, jurisdiction: '' });
    person['J'] = j.id;
    const k = await referred(metOfficer, '');
    person['K'] = k.id;
    setToday(runtime, '2026-04-13');
    await referrals().decline(decisionMaker, k.referralId, 'Referred twice: see the other record');
  });
  afterEach(async () => runtime.dispose());

  const rowOf = (view: DashboardView, organisationId: string) => view.victimCare.organisations.find((o) => o.organisationId === organisationId);

  /** The organisations' own deadline lists, by letter. */
  async function deadlineLists(): Promise<{ due: string[]; overdue: string[]; awaited: string[] }> {
    const letterOf = new Map(Object.entries(person).map(([letter, id]) => [id, letter]));
    const found = await runtime.services.victimDeadlines.deadlines(systemActor('reminders'));
    const letters = (items: readonly { potentialVictimId: string }[]) => items.map((d) => letterOf.get(d.potentialVictimId) ?? '?').sort();
    return {
      due: letters(found.decisionsDue.filter((d) => d.kind === 'reasonable-grounds-due')),
      overdue: letters(found.overdue),
      awaited: letters(found.decisionsDue.filter((d) => d.kind === 'conclusive-grounds-awaited')),
    };
  }

  it('keeps on each record the target date worked out by hand, which is what the dashboards count from', async () => {
    const dueOn: Record<string, string | null> = {};
    for (const [letter, id] of Object.entries(person)) dueOn[letter] = (await runtime.store.repositories.victimCare.findVictim(id))?.reasonable_grounds_due_on ?? null;
    expect(dueOn).toEqual({ F: null, A: '2026-04-13', B: '2026-04-10', E: null, G: null, H: null, I: null, C: '2026-04-14', D: '2026-04-15', J: '2026-04-17', K: null });
  });

  it('counts on Tuesday 14 April: C due today, D and J due, A and B overdue, E running, F awaiting its conclusive decision', async () => {
    setToday(runtime, '2026-04-14');
    const view = await runtime.services.dashboard.national(analyst, {});
    expect(view.today).toBe('2026-04-14');
    expect(view.victimCare.total).toEqual({ decisionsDue: 3, decisionsOverdue: 2, periodsRunning: 1, conclusiveAwaited: 1 });
    expect(rowOf(view, organisations.met)).toMatchObject({ decisionsDue: 2, decisionsOverdue: 2, periodsRunning: 0, conclusiveAwaited: 1 });
    expect(rowOf(view, westMidlands)).toMatchObject({ decisionsDue: 1, decisionsOverdue: 0, periodsRunning: 1, conclusiveAwaited: 0 });
    expect(await deadlineLists()).toEqual({ due: ['C', 'D', 'J'], overdue: ['A', 'B'], awaited: ['F'] });
    // The Met's supervisor sees the Met's figures only.
    expect((await runtime.services.dashboard.force(metSupervisor, {})).victimCare.total).toEqual({ decisionsDue: 2, decisionsOverdue: 2, periodsRunning: 0, conclusiveAwaited: 1 });
  });

  it('moves a decision from due to overdue the day after its target, over a weekend too, and recounts when a decision is made', async () => {
    setToday(runtime, '2026-04-15');
    expect((await runtime.services.dashboard.national(analyst, {})).victimCare.total).toMatchObject({ decisionsDue: 2, decisionsOverdue: 3 });
    expect(await deadlineLists()).toMatchObject({ due: ['D', 'J'], overdue: ['A', 'B', 'C'] });

    // Saturday 18 April: J's target was Friday; nothing is due, five are overdue.
    setToday(runtime, '2026-04-18');
    expect((await runtime.services.dashboard.national(analyst, {})).victimCare.total).toEqual({ decisionsDue: 0, decisionsOverdue: 5, periodsRunning: 1, conclusiveAwaited: 1 });
    expect(await deadlineLists()).toEqual({ due: [], overdue: ['A', 'B', 'C', 'D', 'J'], awaited: ['F'] });

    // Monday 20 April: A is decided (positive), F's conclusive decision is made.
    setToday(runtime, '2026-04-20');
    const aReferral = (await victims().get(actors.metOfficer, person['A'] ?? '')).referrals[0]?.id ?? '';
    await referrals().accept(actors.decisionMaker, aReferral);
    await decisions().recordReasonableGrounds(actors.decisionMaker, person['A'] ?? '', POSITIVE);
    await decisions().recordConclusiveGrounds(actors.decisionMaker, person['F'] ?? '', POSITIVE);
    const dashboard = runtime.services.dashboard;
    dashboard.facts.expireChecks();
    await dashboard.national(analyst, {});
    await dashboard.facts.settled();
    const view = await dashboard.national(analyst, {});
    expect(view.victimCare.total).toEqual({ decisionsDue: 0, decisionsOverdue: 4, periodsRunning: 2, conclusiveAwaited: 0 });
    expect(rowOf(view, organisations.met)).toMatchObject({ decisionsDue: 0, decisionsOverdue: 3, periodsRunning: 1, conclusiveAwaited: 0 });
    expect(await deadlineLists()).toEqual({ due: [], overdue: ['B', 'C', 'D', 'J'], awaited: [] });
  });
});

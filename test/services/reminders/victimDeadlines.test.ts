// Victim-care deadlines as reminders: the decision due, then overdue, told once each to the
// people who act on it, with no personal details in what goes out.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { VictimDeadlineSource } from '../../../src/services/reminders/victimDeadlines.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors } from '../../support/victimCareFixture.ts';

describeEachDatabase('victim-care deadline reminders', (dialect) => {
  let runtime: TestRuntime;
  let actors: VictimCareActors;
  let source: VictimDeadlineSource;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    actors = await victimCareActors(runtime);
    source = new VictimDeadlineSource(runtime.services.context, runtime.services.victimDeadlines);
  });
  afterEach(async () => runtime.dispose());

  it('reminds the decision maker, the referring force and the record’s maker of a reasonable-grounds decision due, then overdue', async () => {
    const organisations = await victimCareOrganisations(runtime);
    setToday(runtime, '2026-04-02');
    const person = await runtime.services.potentialVictims.create(actors.metOfficer, { ...NAMED_ADULT, jurisdiction: '' });
    const referral = await runtime.services.victimReferrals.refer(actors.metOfficer, person.id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });

    setToday(runtime, '2026-04-10');
    const due = await source.dueReminders(runtime.testClock.clock());
    expect(due.map(({ kind, title, link, dedupeKey }) => ({ kind, title, link, dedupeKey }))).toEqual([{
      kind: 'reasonable-grounds-due', title: 'A reasonable-grounds decision is due by 13 April 2026',
      link: `/victims/${person.id}`, dedupeKey: `reasonable-grounds-due:${person.id}:2026-04-13`,
    }]);
    const recipients = due[0]?.recipientUserIds ?? [];
    expect(recipients).toEqual(expect.arrayContaining([actors.decisionMaker.userId, actors.metSupervisor.userId, actors.metOfficer.userId]));
    // Nobody outside the organisations dealing with the person hears of them.
    expect(recipients).not.toContain(actors.caseWorker.userId);
    expect(recipients).not.toContain(actors.wmOfficer.userId);
    expect(recipients).not.toContain(actors.analyst.userId);
    expect(JSON.stringify(due)).not.toContain(NAMED_ADULT.fullName);

    // Sent through the scheduler: in the decision maker's list once, however often it runs.
    await runtime.reminders.runOnce();
    await runtime.reminders.runOnce();
    const listed = await runtime.services.notifications.listOwn(actors.decisionMaker);
    expect(listed.filter((n) => n.link === `/victims/${person.id}`).map((n) => n.title)).toEqual(['A reasonable-grounds decision is due by 13 April 2026']);

    setToday(runtime, '2026-04-14');
    expect((await source.dueReminders(runtime.testClock.clock())).map((r) => r.dedupeKey)).toEqual([`reasonable-grounds-overdue:${person.id}:2026-04-13`]);

    await runtime.services.victimReferrals.accept(actors.decisionMaker, referral.id);
    // Decided: nothing more to remind anyone of until the reflection period nears its end.
    await runtime.services.victimDecisions.recordReasonableGrounds(actors.decisionMaker, person.id, { outcome: 'positive', decidedOn: { day: '14', month: '4', year: '2026' }, reason: 'Indicators of sexual exploitation and debt bondage' });
    expect(await source.dueReminders(runtime.testClock.clock())).toEqual([]);
    setToday(runtime, '2026-05-10');
    expect((await source.dueReminders(runtime.testClock.clock())).map((r) => [r.kind, r.title])).toEqual([
      ['reflection-period-ending', 'A recovery and reflection period ends on 13 May 2026'],
    ]);
  });

  it('reads the deadlines on the UK date: just after midnight in summer, the day has already turned', async () => {
    const organisations = await victimCareOrganisations(runtime);
    setToday(runtime, '2026-04-02');
    const person = await runtime.services.potentialVictims.create(actors.metOfficer, { ...NAMED_ADULT, jurisdiction: '' });
    const referral = await runtime.services.victimReferrals.refer(actors.metOfficer, person.id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    await runtime.services.victimReferrals.accept(actors.decisionMaker, referral.id);
    setToday(runtime, '2026-04-08');
    await runtime.services.victimDecisions.recordReasonableGrounds(actors.decisionMaker, person.id, { outcome: 'positive', decidedOn: { day: '', month: '', year: '' }, reason: '' });
    // The period's last day is 7 May: from Friday 1 May it ends within 7 days. 23:30 UTC on
    // 30 April is 00:30 on 1 May in London (BST), where the people reminded are.
    const halfPastMidnight = new Date('2026-04-30T23:30:00.000Z');
    expect((await source.dueReminders(halfPastMidnight)).map((r) => r.dedupeKey)).toEqual([`reflection-period-ending:${person.id}:2026-05-07`]);
    expect(await source.dueReminders(new Date('2026-04-30T22:30:00.000Z'))).toEqual([]);
  });
});

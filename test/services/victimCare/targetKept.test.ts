// The reasonable-grounds target is set when the referral is made, like the reflection period's
// minimum on the day of the decision: an instance restarted with another target in its
// configuration shows, counts and reminds from the date already given to the organisations, and
// gives the new target only to new referrals.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../../src/access/actor.ts';
import { openRuntime, type Runtime } from '../../../src/runtime.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

describeEachDatabase('a reasonable-grounds target kept through a change of policy', (dialect) => {
  let runtime: TestRuntime;
  let restarted: Runtime | null;
  let actors: VictimCareActors;
  let organisations: VictimCareOrganisations;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    restarted = null;
    await seedDemo(runtime);
    actors = await victimCareActors(runtime);
    organisations = await victimCareOrganisations(runtime);
  });
  afterEach(async () => {
    await restarted?.close();
    await runtime.dispose();
  });

  it('keeps 13 April for a referral of 2 April after the target goes from 5 to 10 working days, and gives the new target to a new referral', async () => {
    setToday(runtime, '2026-04-02');
    const { id } = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    const referral = await runtime.services.victimReferrals.refer(actors.metOfficer, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    expect((await runtime.services.potentialVictims.get(actors.metOfficer, id)).reasonableGroundsDueOn).toBe('2026-04-13');

    // The same database, opened with a 10-working-day target.
    restarted = await openRuntime({ ...runtime.config, victimPath: { ...runtime.config.victimPath, reasonableGroundsTargetWorkingDays: 10 } }, {
      clock: runtime.testClock.clock, migrate: false, ...(runtime.database.schema === undefined ? {} : { searchPath: runtime.database.schema, poolSize: 4 }),
    });
    const services = restarted.services;
    const decisionMaker = await actorFor(runtime, demoAccount('decision-maker', 'competent-authority'));
    setToday(runtime, '2026-04-08');
    await services.victimReferrals.accept(decisionMaker, referral.id);
    const seen = await services.potentialVictims.get(actors.metOfficer, id);
    expect(seen.reasonableGroundsDueOn).toBe('2026-04-13');
    expect(seen.clock).toMatchObject({ kind: 'reasonable-grounds-decision', status: { kind: 'due', dueOn: '2026-04-13', workingDaysLeft: 3 } });
    expect((await services.victimDeadlines.deadlines(systemActor('test'))).decisionsDue.map((d) => [d.potentialVictimId, d.dueOn])).toEqual([[id, '2026-04-13']]);

    setToday(runtime, '2026-04-14');
    expect((await services.victimDeadlines.deadlines(decisionMaker)).overdue.map((d) => d.potentialVictimId)).toEqual([id]);
    expect((await services.dashboard.national(await actorFor(runtime, demoAccount('analyst', 'national-centre')), {})).victimCare.total).toMatchObject({ decisionsDue: 0, decisionsOverdue: 1 });

    // A new referral gets the new target: 10 working days from Tuesday 14 April is 28 April.
    const second = await services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    await services.victimReferrals.refer(actors.metOfficer, second.id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    const fresh = await services.potentialVictims.get(actors.metOfficer, second.id);
    expect(fresh.reasonableGroundsDueOn).toBe('2026-04-28');
    expect(fresh.clock).toMatchObject({ status: { dueOn: '2026-04-28' } });
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DecisionInput } from '../../../src/services/victimCare/decisions.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../../support/enforcementFixture.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

const POSITIVE: DecisionInput = { outcome: 'positive', decidedOn: { day: '', month: '', year: '' }, reason: '' };

describeEachDatabase('protection shown on enforcement records', (dialect) => {
  let runtime: TestRuntime;
  let actors: VictimCareActors;
  let organisations: VictimCareOrganisations;
  let fixture: EnforcementFixture;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    actors = await victimCareActors(runtime);
    organisations = await victimCareOrganisations(runtime);
  });
  afterEach(async () => runtime.dispose());

  const protection = () => runtime.services.victimProtection;
  const lan = () => ({ id: fixture.people.lan, organisation_id: fixture.met });
  const popescu = () => ({ id: fixture.people.popescu, organisation_id: fixture.met });

  it('goes from nothing, to potential victim, to protected until the period’s last day, to awaiting the conclusive decision, to nothing once decided', async () => {
    setToday(runtime, '2026-04-02');
    expect(await protection().forPersonFound(actors.metOfficer, lan())).toEqual({ status: 'none', protectedUntil: null, daysLeft: null, awaitingConclusiveDecision: false });
    const { id } = await runtime.services.potentialVictims.create(actors.metOfficer, { ...NAMED_ADULT, personFoundId: fixture.people.lan });
    expect((await protection().forPersonFound(actors.metOfficer, lan())).status).toBe('potential-victim');
    const referral = await runtime.services.victimReferrals.refer(actors.metOfficer, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    await runtime.services.victimReferrals.accept(actors.decisionMaker, referral.id);
    setToday(runtime, '2026-04-08');
    await runtime.services.victimDecisions.recordReasonableGrounds(actors.decisionMaker, id, POSITIVE);

    const shown = await protection().forPeopleFound(actors.metOfficer, [lan(), popescu()]);
    expect(shown.get(fixture.people.lan)).toEqual({ status: 'protected', protectedUntil: '2026-05-07', daysLeft: 30, awaitingConclusiveDecision: false });
    setToday(runtime, '2026-05-07');
    expect((await protection().forPersonFound(actors.metOfficer, lan())).daysLeft).toBe(1);
    expect(shown.get(fixture.people.popescu)?.status).toBe('none');
    // Analysts read every force's records and see the same flag, though never the victim record.
    expect((await protection().forPersonFound(actors.analyst, lan())).status).toBe('protected');

    setToday(runtime, '2026-05-10');
    expect(await protection().forPersonFound(actors.metOfficer, lan())).toEqual({ status: 'protected', protectedUntil: '2026-05-07', daysLeft: 0, awaitingConclusiveDecision: true });
    await runtime.services.victimDecisions.recordConclusiveGrounds(actors.decisionMaker, id, POSITIVE);
    expect((await protection().forPersonFound(actors.metOfficer, lan())).status).toBe('potential-victim');
  });

  it('answers nothing for a record the actor may not read', async () => {
    const { id } = await runtime.services.potentialVictims.create(actors.metOfficer, { ...NAMED_ADULT, personFoundId: fixture.people.lan });
    expect(id).not.toBe('');
    expect((await protection().forPeopleFound(actors.caseWorker, [lan()])).size).toBe(0);
  });
});

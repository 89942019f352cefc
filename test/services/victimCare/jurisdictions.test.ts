import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

// Reasonable-grounds targets (5 working days) counted with each jurisdiction's bank holidays, as
// stored on the record and shown to every organisation. Dates worked out by hand from the
// published 2026 bank holidays: St Patrick's Day (NI and Ireland, Tuesday 17 March), the Twelfth's
// substitute (NI, Monday 13 July), the August bank holiday (Ireland and Scotland, Monday 3 August).
describeEachDatabase('reasonable-grounds targets in every jurisdiction', (dialect) => {
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

  async function dueDates(referredOn: string): Promise<Record<string, string | null>> {
    setToday(runtime, referredOn);
    const due: Record<string, string | null> = {};
    for (const jurisdiction of ['england-and-wales', 'scotland', 'northern-ireland', 'ireland']) {
      const { id } = await runtime.services.potentialVictims.create(actors.metOfficer, { ...NAMED_ADULT, jurisdiction });
      await runtime.services.victimReferrals.refer(actors.metOfficer, id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
      due[jurisdiction] = (await runtime.services.potentialVictims.get(actors.metOfficer, id)).reasonableGroundsDueOn;
    }
    return due;
  }

  it('skips St Patrick’s Day in Northern Ireland and Ireland only', async () => {
    expect(await dueDates('2026-03-16')).toEqual({ 'england-and-wales': '2026-03-23', scotland: '2026-03-23', 'northern-ireland': '2026-03-24', ireland: '2026-03-24' });
  });

  it('skips the Twelfth’s substitute day in Northern Ireland only, across a weekend', async () => {
    expect(await dueDates('2026-07-10')).toEqual({ 'england-and-wales': '2026-07-17', scotland: '2026-07-17', 'northern-ireland': '2026-07-20', ireland: '2026-07-17' });
  });

  it('skips the early-August bank holiday in Ireland and Scotland, not in England or Northern Ireland', async () => {
    expect(await dueDates('2026-07-31')).toEqual({ 'england-and-wales': '2026-08-07', scotland: '2026-08-10', 'northern-ireland': '2026-08-07', ireland: '2026-08-10' });
  });

  it('skips the UK’s spring bank holiday but not in Ireland, whose June bank holiday comes after the target', async () => {
    // Friday 22 May. UK: [Mon 25 May], 26, 27, 28, 29, Mon 1 June. Ireland: 25, 26, 27, 28, 29.
    expect(await dueDates('2026-05-22')).toEqual({ 'england-and-wales': '2026-06-01', scotland: '2026-06-01', 'northern-ireland': '2026-06-01', ireland: '2026-05-29' });
  });

  it('carries Christmas, the Boxing Day or St Stephen’s Day substitute and New Year across two weekends, and Scotland’s 2 January substitute too', async () => {
    // Thursday 24 December. Everywhere: [Fri 25], weekend, [Mon 28 substitute], 29, 30, 31, [Fri 1 Jan], weekend, Mon 4, Tue 5.
    // Scotland also keeps Monday 4 January (2 January fell on a Saturday): Tue 5, Wed 6.
    expect(await dueDates('2026-12-24')).toEqual({ 'england-and-wales': '2027-01-05', scotland: '2027-01-06', 'northern-ireland': '2027-01-05', ireland: '2027-01-05' });
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../src/access/errors.ts';
import { ageBandOf } from '../../../src/services/victimCare/analysis.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

describeEachDatabase('analysts’ pseudonymised view of victim care, and access grants', (dialect) => {
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

  const analysis = () => runtime.services.victimAnalysis;

  it('shows every record under a stable pseudonym with an age band and no name, contact or account', async () => {
    setToday(runtime, '2026-03-02');
    const met = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    const la = await runtime.services.potentialVictims.create(actors.socialWorker, { ...NAMED_ADULT, fullName: 'Dritan Berisha', dateOfBirth: { day: '', month: '', year: '' }, sex: 'male' });
    const first = await analysis().list(actors.analyst);
    expect(first).toHaveLength(2);
    const second = await analysis().list(actors.analyst);
    expect(second.map((r) => r.pseudonym)).toEqual(first.map((r) => r.pseudonym));
    expect(new Set(first.map((r) => r.pseudonym)).size).toBe(2);
    for (const r of first) expect(r.pseudonym).toMatch(/^PV-[0-9A-Z]{10}$/);

    const byOrganisation = new Map(first.map((r) => [r.organisationId, r]));
    // Born 3 July 1995, identified 2 March 2026: 30 years old.
    expect(byOrganisation.get(organisations.met)).toMatchObject({ ageBand: '25-34', identifiedMonth: '2026-03', sex: 'female', nationality: 'RO', exploitationTypes: ['sexual-exploitation'], grant: null });
    expect(byOrganisation.get(organisations.localAuthority)).toMatchObject({ ageBand: null, sex: 'male' });
    const text = JSON.stringify(first);
    for (const secret of [NAMED_ADULT.fullName, 'Berisha', NAMED_ADULT.phone, NAMED_ADULT.email, 'Quayside', 'hotel work', '1995', met.id, la.id]) expect(text).not.toContain(secret);

    await expect(analysis().list(actors.metOfficer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(analysis().list(actors.caseWorker)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runtime.services.potentialVictims.get(actors.analyst, met.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets a supervisor of the owning organisation grant one analyst the identity for a purpose, until it expires or is revoked', async () => {
    setToday(runtime, '2026-03-02');
    const { id } = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    const analysts = await analysis().analysts(actors.metSupervisor, id);
    expect(analysts.map((a) => a.id)).toContain(actors.analyst.userId);
    const input = { analystId: actors.analyst.userId, purpose: 'Match against the Operation Harbour network chart', days: '7' };

    await expect(analysis().grant(actors.metOfficer, id, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(analysis().grant(actors.socialWorker, id, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(analysis().grant(actors.metSupervisor, id, { ...input, days: '31' })).rejects.toMatchObject({ fieldErrors: [{ field: 'days' }] });
    await expect(analysis().grant(actors.metSupervisor, id, { ...input, purpose: ' ', analystId: actors.metOfficer.userId })).rejects.toBeInstanceOf(ValidationError);

    const grant = await analysis().grant(actors.metSupervisor, id, input);
    expect(grant.expiresAt).toBe('2026-03-09T23:59:59.999Z');
    await expect(analysis().grant(actors.metSupervisor, id, input)).rejects.toBeInstanceOf(ConflictError);
    expect((await analysis().list(actors.analyst))[0]?.grant).toEqual({ id: grant.id, expiresAt: grant.expiresAt });
    expect(await analysis().granted(actors.analyst, grant.id)).toMatchObject({ fullName: NAMED_ADULT.fullName, dateOfBirth: '1995-07-03', purpose: input.purpose });
    expect((await analysis().grants(actors.metSupervisor, id)).map((g) => [g.grantedTo, g.purpose])).toEqual([[actors.analyst.userId, input.purpose]]);

    const audit = await runtime.store.repositories.auditEvents.list({ subjectId: id, limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['victim-access.grant', 'potential-victim.read']));
    expect(JSON.stringify(audit)).not.toContain('Harbour');

    setToday(runtime, '2026-03-10');
    await expect(analysis().granted(actors.analyst, grant.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await analysis().list(actors.analyst))[0]?.grant).toBeNull();

    const again = await analysis().grant(actors.metSupervisor, id, input);
    await expect(analysis().revoke(actors.metOfficer, again.id)).rejects.toBeInstanceOf(NotFoundError);
    await analysis().revoke(actors.metSupervisor, again.id);
    await expect(analysis().revoke(actors.metSupervisor, again.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(analysis().granted(actors.analyst, again.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('bands ages so that none singles a person out', () => {
    expect([17, 18, 24, 25, 34, 35, 44, 45, 54, 55, 80].map(ageBandOf)).toEqual([
      'under-18', '18-24', '18-24', '25-34', '25-34', '35-44', '35-44', '45-54', '45-54', '55-plus', '55-plus',
    ]);
  });
});

import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/access/errors.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedEnforcementFixture } from '../../support/enforcementFixture.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, victimCareActors, victimCareOrganisations, type VictimCareActors, type VictimCareOrganisations } from '../../support/victimCareFixture.ts';

/** Every row of every table, as text: what a copy of the database would show. */
async function wholeDatabaseText(runtime: TestRuntime): Promise<string> {
  const db = runtime.database.db;
  const tables = runtime.dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)).rows.map((r) => r.name);
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(db)).rows));
  return parts.join('\n');
}

/** The name, date of birth (3 July 1995, as kept), contact details, account and dependants note of NAMED_ADULT. */
const IDENTIFYING = [NAMED_ADULT.fullName, 'Vasilescu', '1995-07-03', NAMED_ADULT.phone, '900456', NAMED_ADULT.email, 'Quayside', 'hotel work', 'grandmother'];

describeEachDatabase('potential-victim records', (dialect) => {
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

  const service = () => runtime.services.potentialVictims;

  it('keeps an adult who consents as a named record whose name, contact details and account are sealed at rest', async () => {
    const created = await service().create(actors.metOfficer, NAMED_ADULT);
    expect(created.kind).toBe('potential-victim');
    const detail = await service().get(actors.metOfficer, created.id);
    expect(detail).toMatchObject({
      access: 'full', organisationId: organisations.met, consent: 'given', childStatus: 'adult', jurisdiction: 'england-and-wales', dependants: 1, safeToWrite: 'no',
      exploitationTypes: ['sexual-exploitation'], methodsOfControl: ['debt-bondage', 'withholds-documents'], supportWanted: ['accommodation', 'medical'], interpreterLanguage: 'Romanian',
      identity: { fullName: NAMED_ADULT.fullName, dateOfBirth: '1995-07-03', phone: NAMED_ADULT.phone, email: NAMED_ADULT.email, address: NAMED_ADULT.address, account: NAMED_ADULT.account },
      stage: null, clock: null, protectedFromRemoval: false,
    });
    expect(detail.timeline?.map((e) => e.type)).toEqual(['record-created']);
    const text = await wholeDatabaseText(runtime);
    for (const value of IDENTIFYING) expect(text).not.toContain(value);
    const row = await runtime.store.repositories.victimCare.findVictim(created.id);
    expect(row?.name_sealed).toMatch(/^v2\./);
  });

  it('records an adult who refuses consent as an anonymous notification with no identifying data anywhere in the database', async () => {
    const created = await service().create(actors.metOfficer, { ...NAMED_ADULT, consent: 'refused', ageBand: '25-34' });
    expect(created.kind).toBe('anonymous-notification');
    const rows = await sql<Record<string, unknown>>`select * from anonymous_notifications`.execute(runtime.database.db);
    expect(rows.rows).toHaveLength(1);
    expect(Object.keys(rows.rows[0] ?? {}).sort()).toEqual(['age_band', 'created_at', 'exploitation_types', 'id', 'nationality', 'notified_on', 'organisation_id', 'sex']);
    expect(rows.rows[0]).toMatchObject({ sex: 'female', nationality: 'RO', age_band: '25-34', exploitation_types: '["sexual-exploitation"]', organisation_id: organisations.met });
    const count = await sql<{ n: number }>`select count(*) as n from potential_victims`.execute(runtime.database.db);
    expect(Number(count.rows[0]?.n)).toBe(0);
    const text = await wholeDatabaseText(runtime);
    for (const value of [...IDENTIFYING, 'Romanian', 'debt-bondage']) expect(text).not.toContain(value);
    expect(await service().getAnonymousNotification(actors.metOfficer, created.id)).toMatchObject({ ageBand: '25-34', exploitationTypes: ['sexual-exploitation'] });
    await expect(service().getAnonymousNotification(actors.wmOfficer, created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('treats consent that cannot be given as a duty to notify too, and needs an age band for it', async () => {
    await expect(service().create(actors.socialWorker, { ...NAMED_ADULT, consent: 'not-possible', ageBand: '' })).rejects.toBeInstanceOf(ValidationError);
    const created = await service().create(actors.socialWorker, { ...NAMED_ADULT, consent: 'not-possible', ageBand: 'not-known' });
    expect(created.kind).toBe('anonymous-notification');
    expect(await service().listAnonymousNotifications(actors.socialWorker)).toHaveLength(1);
    expect(await service().listAnonymousNotifications(actors.metOfficer)).toHaveLength(0);
  });

  it('refers a child who refuses consent by name to the competent authority at once, with the local authority recorded and able to see them', async () => {
    await expect(service().create(actors.metOfficer, { ...NAMED_ADULT, childStatus: 'may-be-child', consent: 'refused' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'localAuthorityId', message: 'Select the local authority told about this child' }],
    });
    const created = await service().create(actors.metOfficer, { ...NAMED_ADULT, childStatus: 'child', consent: 'refused', localAuthorityId: organisations.localAuthority });
    expect(created.kind).toBe('potential-victim');
    const detail = await service().get(actors.metOfficer, created.id);
    expect(detail).toMatchObject({ consent: 'refused', localAuthorityId: organisations.localAuthority, stage: 'awaiting-reasonable-grounds' });
    expect(detail.referrals).toMatchObject([{ kind: 'competent-authority', toOrganisationId: organisations.competentAuthority, status: 'pending' }]);
    expect(detail.timeline?.map((e) => e.type)).toEqual(['record-created', 'referral-sent']);
    expect((await service().get(actors.socialWorker, created.id)).identity?.fullName).toBe(NAMED_ADULT.fullName);
    // A support charity still needs consent, whatever the age.
    await expect(runtime.services.victimReferrals.refer(actors.metOfficer, created.id, { kind: 'support-charity', toOrganisationId: organisations.charity })).rejects.toBeInstanceOf(ValidationError);
  });

  it('starts from a person found on a visit of the officer’s own force only', async () => {
    const fixture = await seedEnforcementFixture(runtime);
    const start = await service().startFromPersonFound(actors.metOfficer, fixture.people.child);
    expect(start).toMatchObject({ fullName: 'Trần Mai', childStatus: 'may-be-child', consent: 'given', exploitationTypes: ['sexual-exploitation'], nationality: 'VN' });
    await expect(service().startFromPersonFound(actors.wmOfficer, fixture.people.child)).rejects.toBeInstanceOf(NotFoundError);
    const created = await service().create(actors.metOfficer, { ...NAMED_ADULT, personFoundId: fixture.people.lan });
    expect((await service().get(actors.metOfficer, created.id)).personFoundId).toBe(fixture.people.lan);
    await expect(service().create(actors.wmOfficer, { ...NAMED_ADULT, personFoundId: fixture.people.lan })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses bad input field by field', async () => {
    const error = await service().create(actors.metOfficer, { ...NAMED_ADULT, fullName: ' ', exploitationTypes: ['smuggling'], dependants: 'two', email: 'nope', identificationRoute: '' })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((e) => e.field).sort()).toEqual(['exploitationTypes']);
    const second = await service().create(actors.metOfficer, { ...NAMED_ADULT, fullName: ' ', dependants: 'two', email: 'nope', identificationRoute: '' }).then(() => undefined, (e: unknown) => e);
    expect((second as ValidationError).fieldErrors.map((e) => e.field).sort()).toEqual(['dependants', 'email', 'fullName', 'identificationRoute']);
  });

  it('shows victim care to no analyst, administrator or unconnected organisation, and audits every read', async () => {
    const created = await service().create(actors.metOfficer, NAMED_ADULT);
    for (const outsider of [actors.analyst, actors.systemAdministrator, actors.organisationAdministrator]) {
      await expect(service().get(outsider, created.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(service().list(outsider)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(service().create(outsider, NAMED_ADULT)).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const unconnected of [actors.wmOfficer, actors.caseWorker, actors.decisionMaker, actors.immigrationOfficer]) {
      await expect(service().get(unconnected, created.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await service().list(unconnected)).toEqual([]);
    }
    await expect(service().create(actors.caseWorker, NAMED_ADULT)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service().create(actors.decisionMaker, NAMED_ADULT)).rejects.toBeInstanceOf(ForbiddenError);
    // The supervisor of the same force deals with the force's people.
    expect((await service().list(actors.metSupervisor)).map((s) => s.id)).toEqual([created.id]);
    await service().get(actors.metSupervisor, created.id);
    const reads = await runtime.store.repositories.auditEvents.list({ action: 'potential-victim.read', subjectId: created.id, limit: 10 });
    expect(reads.map((r) => r.actor_user_id)).toEqual([actors.metSupervisor.userId]);
    expect(reads[0]?.details).not.toContain('Elena');
  });
});

// A first responder's own screenings, and a referral that also alerts the force: the same
// screening as the information line's, run by the first responder; what it makes; the list of
// what became of each (referral status, the alert's triage); and who may read whose.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import { EMPTY_CALL, type CallInput } from '../../src/services/informationLine.ts';
import { newId } from '../../src/store/ids.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';

const SCREENING: CallInput = {
  ...EMPTY_CALL,
  situation: 'A man at the reporting centre says his employer keeps his passport and he sleeps at the warehouse.',
  indicators: ['documents-passport-held-by-other', 'fear-anxiety'], advice: 'Referred him; the place should be looked at by the police.',
  outcome: 'referral', consent: 'given', fullName: 'Dritan Hoxha', sex: 'male', nationality: 'AL', exploitationTypes: ['forced-labour'],
  address: '2 Wharf Road', postcode: 'B1 1AA',
};

async function fieldErrorOf(promise: Promise<unknown>, field: string): Promise<string | undefined> {
  const error: unknown = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.find((e) => e.field === field)?.message;
}

describeEachDatabase('screening by a first responder', (dialect) => {
  let runtime: TestRuntime;
  let immigration: UserActor;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    immigration = await actorFor(runtime, demoAccount('first-responder', 'immigration-heathrow'));
  });
  afterEach(async () => runtime.dispose());

  const line = () => runtime.services.informationLine;
  const callRow = (id: string) => runtime.database.db.selectFrom('information_line_calls').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('makes a record referred to the competent authority and a force alert from one screening, both listed with what became of them', async () => {
    const { id } = await line().screen(immigration, { ...SCREENING, alsoAlertForce: true, callerType: 'police', callerOrganisation: 'typed in' }, newId());
    const row = await callRow(id);
    // The screener is the caller: their own organisation, whatever the form said.
    expect(row).toMatchObject({ organisation_id: immigration.organisationId, adviser_id: immigration.userId, caller_type: 'immigration-officer', outcome: 'referral' });
    expect(row.potential_victim_id).not.toBeNull();
    expect(row.public_report_id).not.toBeNull();
    const westMidlands = await organisationId(runtime, 'west-midlands');
    expect(row.alert_organisation_id).toBe(westMidlands);
    const victim = await runtime.database.db.selectFrom('potential_victims').selectAll().where('id', '=', row.potential_victim_id ?? '').executeTakeFirstOrThrow();
    expect(victim).toMatchObject({ organisation_id: immigration.organisationId, identification_route: 'information-line-screening' });

    let [screening] = await line().ownScreenings(immigration);
    expect(screening?.victim?.referrals).toEqual([expect.objectContaining({ kind: 'competent-authority', status: 'pending', to: expect.any(String) as string })]);
    expect(screening?.alert).toMatchObject({ forceName: 'West Midlands Police', status: 'new' });

    // The force triages the alert; the screener sees the outcome.
    const admin = await actorFor(runtime, demoAccount('system-administrator'));
    const { user } = await runtime.services.users.add(admin, { organisationId: westMidlands, email: 'sup.wm@test.example', displayName: 'WM supervisor', roles: ['supervisor'] });
    const supervisor = await runtime.services.authentication.loadActor(user.id, 'session', 'test');
    if (supervisor === null) throw new Error('cannot act');
    expect((await runtime.services.publicReportTriage.queue(supervisor)).items.map((i) => i.id)).toEqual([row.public_report_id]);
    await runtime.services.publicReportTriage.recordOutcome(supervisor, row.public_report_id ?? '', { outcome: 'visit-planned', reason: 'Known warehouse' });
    [screening] = await line().ownScreenings(immigration);
    expect(screening?.alert?.status).toBe('visit-planned');
  });

  it('keeps the information line’s rules: a possible child is never advice only, immediate danger needs an alert', async () => {
    const child = { ...SCREENING, outcome: 'advice-only', indicators: ['child-work-unsuited-to-children'] };
    expect(await fieldErrorOf(line().screen(immigration, child), 'outcome')).toContain('cannot end as advice only');
    expect(await fieldErrorOf(line().screen(immigration, { ...SCREENING, immediateDanger: true }), 'outcome')).toContain('immediate danger');
    expect(await fieldErrorOf(line().screen(immigration, { ...SCREENING, outcome: 'advice-only', alsoAlertForce: true }), 'alsoAlertForce')).toContain('Advice only');
    // A referral that also alerts the force answers immediate danger.
    const { id } = await line().screen(immigration, { ...SCREENING, immediateDanger: true, alsoAlertForce: true });
    expect((await callRow(id)).public_report_id).not.toBeNull();
    expect(await runtime.database.db.selectFrom('information_line_calls').select('id').execute()).toHaveLength(1);
  });

  it('shows each first responder only their own screenings, and keeps them out of the national centre’s calls', async () => {
    const social = await actorFor(runtime, demoAccount('first-responder', 'la-riverside'));
    const adviser = await actorFor(runtime, demoAccount('information-line-adviser', 'national-centre'));
    const { id } = await line().screen(immigration, { ...SCREENING, outcome: 'advice-only', consent: '' });
    expect((await line().ownScreenings(immigration)).map((s) => s.id)).toEqual([id]);
    expect(await line().ownScreenings(social)).toEqual([]);
    expect((await line().list(adviser)).items).toEqual([]);
    await expect(line().get(adviser, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(line().screen(adviser, SCREENING)).rejects.toBeInstanceOf(ForbiddenError);
    const officer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    await expect(line().ownScreenings(officer)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

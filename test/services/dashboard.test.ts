// Every dashboard figure against the hand-built fixture (test/support/enforcementFixture.ts) and
// the records added below, whose counts are known by construction; then the access rules, the
// kept facts and their recount after a change, and the audited CSV.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UserActor } from '../../src/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/access/errors.ts';
import type { DashboardView } from '../../src/services/dashboard/view.ts';
import type { InformationLineCallRow, PotentialVictimRow } from '../../src/store/schema.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture, type EnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { fileReport } from '../support/publicReports.ts';

const AT = '2026-01-01T00:00:00.000Z';
const id = (n: number) => `01900000-0000-7000-8000-0000000d${String(n).padStart(4, '0')}`;

function victim(n: number, organisation: string, clock: Pick<PotentialVictimRow, 'stage' | 'reasonable_grounds_due_on' | 'period_last_day'>): PotentialVictimRow {
  return {
    id: id(n), organisation_id: organisation, person_found_id: null, identification_route: 'came-forward', identified_on: '2026-01-10', jurisdiction: 'england-and-wales',
    exploitation_types: '[]', methods_of_control: '[]', child_status: 'adult', consent: 'given', local_authority_id: null, support_wanted: '[]', interpreter_language: null,
    dependants: 0, safe_to_write: 'not-known', sex: 'female', nationality: null, name_sealed: 'sealed', date_of_birth_sealed: null, address_sealed: null, phone_sealed: null,
    email_sealed: null, account_sealed: null, dependants_note_sealed: null, referred_on: clock.stage === null ? null : '2026-01-12', pseudonym: null, created_by: null, created_at: AT, updated_at: AT, ...clock,
  };
}

/** A call as the information line stores it; only when it was received matters to the dashboards. */
function call(n: number, adviser: UserActor, receivedAt: string): InformationLineCallRow {
  return {
    id: id(n), organisation_id: adviser.organisationId, adviser_id: adviser.userId, received_at: receivedAt, duration_minutes: null, caller_type: 'social-worker',
    caller_sealed: 'sealed', situation_sealed: 'sealed', action_taken_sealed: null, indicators: '[]', possible_child: 0, immediate_danger: 0, guidance: '[]',
    advice_sealed: 'sealed', outcome: 'advice-only', potential_victim_id: null, anonymous_notification_id: null, charity_organisation_id: null, public_report_id: null,
    alert_organisation_id: null, created_at: receivedAt,
  };
}

describeEachDatabase('the dashboards', (dialect) => {
  let runtime: TestRuntime;
  let fixture: EnforcementFixture;
  let analyst: UserActor;
  let metSupervisor: UserActor;
  let forceCount: number;
  let routedTo: string | null;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    fixture = await seedEnforcementFixture(runtime);
    analyst = await actorFor(runtime, demoAccount('analyst'));
    metSupervisor = await actorFor(runtime, demoAccount('supervisor', 'metropolitan'));
    forceCount = (await runtime.store.repositories.organisations.list()).filter((o) => o.kind === 'police-force').length;
    const metOfficer = await actorFor(runtime, demoAccount('officer', 'metropolitan'));
    // Two intelligence reports about the fixture operation's period and one about a later date.
    for (const month of ['2', '3', '9']) {
      await runtime.services.intelligence.submit(metOfficer, { text: `Report ${month}`, source: '1', intelligence: 'A', handling: 'P', refersTo: { day: '1', month, year: '2007' }, entities: [], links: [] });
    }
    // A public report, received on the test clock's date (2026): outside the fixture operation.
    const report = await fileReport(runtime);
    routedTo = (await runtime.store.repositories.publicReports.findByReference(report.reference))?.routed_organisation_id ?? null;
    const db = runtime.database.db;
    // A second operation with one Metropolitan visit in 2008, nobody found.
    await db.insertInto('operations').values({ id: id(1), code: 'later', name: 'Later Operation', starts_on: '2008-01-01', ends_on: '2008-03-31', created_at: AT, updated_at: AT }).execute();
    await db.insertInto('visits').values({
      id: id(2), operation_id: id(1), premises_id: '01900000-0000-7000-8000-000000000001', organisation_id: fixture.met, visited_at: '2008-02-01T10:00:00.000Z',
      warrant: 0, outcome: 'nothing-found', notes: '', created_by: null, created_at: AT, updated_at: AT,
    }).execute();
    // The victim path's clocks on the test clock's date, 2026-03-02.
    const care = runtime.store.repositories.victimCare;
    await care.insertVictim(victim(11, fixture.met, { stage: 'awaiting-reasonable-grounds', reasonable_grounds_due_on: '2026-03-05', period_last_day: null }));
    await care.insertVictim(victim(12, fixture.met, { stage: 'awaiting-reasonable-grounds', reasonable_grounds_due_on: '2026-03-02', period_last_day: null }));
    await care.insertVictim(victim(13, fixture.met, { stage: 'awaiting-reasonable-grounds', reasonable_grounds_due_on: '2026-02-20', period_last_day: null }));
    await care.insertVictim(victim(14, fixture.met, { stage: 'recovery-period', reasonable_grounds_due_on: '2026-01-19', period_last_day: '2026-03-20' }));
    await care.insertVictim(victim(15, fixture.met, { stage: 'recovery-period', reasonable_grounds_due_on: '2026-01-19', period_last_day: '2026-02-01' }));
    await care.insertVictim(victim(16, fixture.met, { stage: 'conclusive-grounds-positive', reasonable_grounds_due_on: '2026-01-19', period_last_day: '2026-02-01' }));
    await care.insertVictim(victim(17, fixture.westMidlands, { stage: 'recovery-period', reasonable_grounds_due_on: '2026-01-19', period_last_day: '2026-04-01' }));
    await care.insertVictim(victim(18, fixture.westMidlands, { stage: null, reasonable_grounds_due_on: null, period_last_day: null }));
    // Saved estimates: an older one, the latest (unbounded above), and a later failure that is not an estimate.
    const estimate = (n: number, finishedAt: string, status: string, value: number | null, outcome: string | null) => ({
      id: id(n), status, stage: status, progress_done: 1, progress_total: 1, method: 'stepwise', linkage_threshold: 0.9,
      request: JSON.stringify({ from: '2007-01-01', to: '2007-06-30' }), outcome, observed: value === null ? null : 100, estimate: value, error: null,
      created_by: analyst.userId, created_by_organisation_id: analyst.organisationId, created_at: finishedAt, updated_at: finishedAt, finished_at: finishedAt,
    });
    await db.insertInto('population_estimates').values([
      estimate(21, '2026-02-01T10:00:00.000Z', 'done', 150, JSON.stringify({ estimate: { method: 'main', interval: { lower: 120, upper: 190, level: 0.95 } } })),
      estimate(22, '2026-02-10T10:00:00.000Z', 'done', 240.4, JSON.stringify({ estimate: { method: 'stepwise', interval: { lower: 180.6, upper: { $number: 'Infinity' }, level: 0.95 } } })),
      estimate(23, '2026-02-20T10:00:00.000Z', 'failed', null, null),
    ]).execute();
  });
  afterEach(async () => runtime.dispose());

  const force = (view: DashboardView, forceId: string) => view.forces.find((f) => f.organisationId === forceId)?.figures;

  it('counts every figure for every force, with one definition each', async () => {
    const view = await runtime.services.dashboard.national(analyst, {});
    expect(force(view, fixture.met)).toEqual({
      visits: 4, premisesVisited: 2, potentialVictims: 2, possibleChildren: 1, adults: 1, rescues: 1,
      // Popescu was arrested twice: two arrests, one person arrested.
      arrests: 2, peopleArrested: 1, charges: 1, convictions: 1, cashSeizedMinor: { GBP: 50_000 }, assetsSeized: 1, assetsValueMinor: { GBP: 900_000 },
      intelligenceReports: 3, publicReports: routedTo === fixture.met ? 1 : 0,
    });
    expect(force(view, fixture.westMidlands)).toMatchObject({ visits: 1, premisesVisited: 1, potentialVictims: 1, possibleChildren: 0, adults: 1, rescues: 1, arrests: 1, peopleArrested: 1, charges: 0, convictions: 0 });
    expect(view.forces).toHaveLength(forceCount);
    expect(view.headline).toMatchObject({ visits: 5, premisesVisited: 3, potentialVictims: 3, possibleChildren: 1, adults: 2, rescues: 2, arrests: 3, peopleArrested: 2, charges: 1, convictions: 1, intelligenceReports: 3, publicReports: 1 });
    expect(view.headline.cashSeizedMinor).toEqual({ GBP: 50_000 });
    const englandAndWales = view.jurisdictions.find((j) => j.jurisdiction === 'england-and-wales');
    expect(englandAndWales?.figures.visits).toBe(5);
    expect(view.jurisdictions.reduce((n, j) => n + j.forces.length, 0)).toBe(forceCount);
  });

  it('keeps to the operation and the period chosen', async () => {
    const operation = await runtime.services.dashboard.national(analyst, { operationId: fixture.operationId });
    // The fixture operation runs 2007-01-01 to 2007-06-30: the later visit, the September intelligence and the 2026 public report are outside it.
    expect(force(operation, fixture.met)).toMatchObject({ visits: 3, premisesVisited: 2, arrests: 2, intelligenceReports: 2, publicReports: 0 });
    const february = await runtime.services.dashboard.national(analyst, { from: '2007-02-01', to: '2007-02-28' });
    expect(force(february, fixture.met)).toMatchObject({ visits: 1, premisesVisited: 1, potentialVictims: 0, rescues: 0, arrests: 1, peopleArrested: 1, charges: 0, intelligenceReports: 1 });
    expect(february.headline.visits).toBe(1);
    await expect(runtime.services.dashboard.national(analyst, { from: '2007-03-01', to: '2007-02-01' })).rejects.toBeInstanceOf(ValidationError);
    await expect(runtime.services.dashboard.national(analyst, { operationId: id(99) })).rejects.toBeInstanceOf(ValidationError);
  });

  it('counts by week, month, nationality, exploitation type and premises type', async () => {
    const view = await runtime.services.dashboard.national(analyst, { operationId: fixture.operationId });
    expect(view.monthly.map((m) => [m.period, m.visits, m.potentialVictims, m.arrests])).toEqual([['2007-01', 2, 3, 2], ['2007-02', 1, 0, 1], ['2007-03', 1, 0, 0]]);
    // 2007-01-10 is a Wednesday: its week begins on Monday 8 January; every week to the last is listed.
    expect(view.weekly.map((w) => w.period)).toEqual(['2007-01-08', '2007-01-15', '2007-01-22', '2007-01-29', '2007-02-05', '2007-02-12', '2007-02-19', '2007-02-26']);
    expect(view.weekly.map((w) => w.visits)).toEqual([1, 1, 0, 0, 1, 0, 0, 1]);
    expect(view.nationality).toEqual([{ key: 'VN', label: 'Vietnam', count: 3 }]);
    expect(view.exploitationType).toEqual([{ key: 'sexual-exploitation', label: expect.any(String) as string, count: 3 }]);
    expect(view.premisesType.map((p) => [p.key, p.visits, p.potentialVictims])).toEqual([['brothel', 2, 2], ['car-wash', 1, 1], ['nail-bar', 1, 0]]);
  });

  it('counts decisions due and overdue and reflection periods running today, and shows the latest saved estimate', async () => {
    const view = await runtime.services.dashboard.national(analyst, {});
    expect(view.today).toBe('2026-03-02');
    expect(view.victimCare.total).toEqual({ decisionsDue: 2, decisionsOverdue: 1, periodsRunning: 2, conclusiveAwaited: 1 });
    expect(view.victimCare.organisations.find((o) => o.organisationId === fixture.met)).toMatchObject({ decisionsDue: 2, decisionsOverdue: 1, periodsRunning: 1, conclusiveAwaited: 1 });
    expect(view.estimate).toMatchObject({ id: id(22), estimate: 240.4, observed: 100, lower: 180.6, upper: null, level: 0.95, method: 'stepwise', from: '2007-01-01', to: '2007-06-30' });
  });

  it('gives a force its own figures and its rank among forces', async () => {
    const view = await runtime.services.dashboard.force(metSupervisor, {});
    expect(view.kind).toBe('force');
    expect(view.forces.map((f) => f.organisationId)).toEqual([fixture.met]);
    expect(view.headline.visits).toBe(4);
    expect(view.estimate).toBeNull();
    expect(view.victimCare.total).toEqual({ decisionsDue: 2, decisionsOverdue: 1, periodsRunning: 1, conclusiveAwaited: 1 });
    expect(view.ranks?.find((r) => r.figure === 'visits')).toEqual({ figure: 'visits', value: 4, rank: 1, of: forceCount });
    // West Midlands and the Met both have one person arrested: they share first place.
    expect(view.ranks?.find((r) => r.figure === 'peopleArrested')).toEqual({ figure: 'peopleArrested', value: 1, rank: 1, of: forceCount });
    const westMidlands = await runtime.services.dashboard.force(analyst, { forceId: fixture.westMidlands });
    expect(westMidlands.ranks?.find((r) => r.figure === 'visits')).toEqual({ figure: 'visits', value: 1, rank: 2, of: forceCount });
    expect(westMidlands.ranks?.find((r) => r.figure === 'charges')).toEqual({ figure: 'charges', value: 0, rank: 2, of: forceCount });
    expect(westMidlands.monthly.map((m) => [m.period, m.visits])).toEqual([['2007-01', 1]]);
  });

  it('lets only the national centre see the national dashboard, and a supervisor only their own force', async () => {
    const dashboard = runtime.services.dashboard;
    await expect(dashboard.national(metSupervisor, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(dashboard.force(metSupervisor, { forceId: fixture.westMidlands })).rejects.toBeInstanceOf(NotFoundError);
    for (const role of ['officer', 'information-line-adviser', 'charity-case-worker', 'decision-maker', 'system-administrator', 'organisation-administrator'] as const) {
      const actor = await actorFor(runtime, demoAccount(role));
      await expect(dashboard.national(actor, {}), role).rejects.toBeInstanceOf(ForbiddenError);
      await expect(dashboard.force(actor, {}), role).rejects.toBeInstanceOf(ForbiddenError);
    }
    // The view for charts and downloads: a supervisor always gets their own force.
    expect((await dashboard.view(metSupervisor, {})).force?.organisationId).toBe(fixture.met);
    expect((await dashboard.view(analyst, {})).kind).toBe('national');
    await expect(dashboard.force(analyst, { forceId: await organisationId(runtime, 'charity-safe-harbour') })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('serves kept facts, and recounts in the background once the records change', async () => {
    const dashboard = runtime.services.dashboard;
    const before = await dashboard.national(analyst, {});
    expect(before.headline.visits).toBe(5);
    await runtime.database.db.insertInto('visits').values({
      id: id(3), operation_id: fixture.operationId, premises_id: '01900000-0000-7000-8000-000000000003', organisation_id: fixture.westMidlands,
      visited_at: '2007-04-01T10:00:00.000Z', warrant: 0, outcome: 'nothing-found', notes: '', created_by: null, created_at: AT, updated_at: AT,
    }).execute();
    // Within the check interval the kept facts are served as they are.
    expect((await dashboard.national(analyst, {})).countedAt).toBe(before.countedAt);
    dashboard.facts.expireChecks();
    const during = await dashboard.national(analyst, {});
    expect(during.refreshing).toBe(true);
    await dashboard.facts.settled();
    const after = await dashboard.national(analyst, {});
    expect(after.headline.visits).toBe(6);
    expect(force(after, fixture.westMidlands)?.visits).toBe(2);
    // Nothing changed: the check finds the same signature and keeps the facts.
    dashboard.facts.expireChecks();
    await dashboard.national(analyst, {});
    await dashboard.facts.settled();
    expect((await dashboard.national(analyst, {})).headline.visits).toBe(6);
  });

  it('counts calls to the information line in the period, nationally only, and recounts when one is added', async () => {
    const adviser = await actorFor(runtime, demoAccount('information-line-adviser'));
    const calls = runtime.store.repositories.informationLine;
    // Two calls inside the fixture operation (2007-01-01 to 2007-06-30), one in February; one the next year.
    for (const [n, at] of [[31, '2007-02-10T10:00:00.000Z'], [32, '2007-05-01T23:30:00.000Z'], [33, '2008-01-01T09:00:00.000Z']] as const) await calls.insert(call(n, adviser, at));
    const dashboard = runtime.services.dashboard;
    expect((await dashboard.national(analyst, {})).informationLineCalls).toBe(3);
    expect((await dashboard.national(analyst, { operationId: fixture.operationId })).informationLineCalls).toBe(2);
    expect((await dashboard.national(analyst, { from: '2007-02-01', to: '2007-02-28' })).informationLineCalls).toBe(1);
    expect((await dashboard.force(metSupervisor, {})).informationLineCalls).toBeNull();
    const headline = (await dashboard.exportCsv(analyst, {}, 'headline')).csv;
    expect(headline).toMatch(/Information-line calls,3,/);

    await calls.insert(call(34, adviser, '2007-03-03T12:00:00.000Z'));
    dashboard.facts.expireChecks();
    await dashboard.national(analyst, {});
    await dashboard.facts.settled();
    expect((await dashboard.national(analyst, {})).informationLineCalls).toBe(4);
  });

  it('downloads each table as CSV, audited', async () => {
    const csv = await runtime.services.dashboard.exportCsv(analyst, { operationId: fixture.operationId }, 'by-force');
    const lines = csv.csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Force,Jurisdiction,Visits,Premises visited,Potential victims,Adults,Possible children,Rescues,Arrests,People arrested,Charges,Convictions,/);
    expect(lines).toContain('Metropolitan Police Service,England and Wales,3,2,2,1,1,1,2,1,1,1,1,2,0,500,9000');
    expect(csv.rows).toBe(forceCount + 2);
    const own = await runtime.services.dashboard.exportCsv(metSupervisor, {}, 'ranks');
    expect(own.csv).toContain(`Visits,4,1,${forceCount}`);
    await expect(runtime.services.dashboard.exportCsv(metSupervisor, {}, 'by-force')).rejects.toBeInstanceOf(NotFoundError);
    const audit = await runtime.database.db.selectFrom('audit_events').select(['actor_user_id', 'details']).where('action', '=', 'dashboard.export-csv').orderBy('seq').execute();
    expect(audit.map((a) => a.actor_user_id)).toEqual([analyst.userId, metSupervisor.userId]);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ table: 'by-force', dashboard: 'national', operationId: fixture.operationId, rows: forceCount + 2 });
  });
});

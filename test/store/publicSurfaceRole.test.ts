// The public surface's PostgreSQL role runs the whole public journey — draft, send, a double
// post, the confirmation, adding information — and still cannot read case data or the audit
// trail's details. PostgreSQL only (roles do not exist in SQLite); CI sets the server's URL.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PublicReportingService } from '../../src/services/publicReporting.ts';
import { createPublicSurfaceRole } from '../../src/store/roles.ts';
import type { DatabaseSchema } from '../../src/store/schema.ts';
import { Store } from '../../src/store/store.ts';
import { openTestRuntime, testDialects, type TestRuntime } from '../support/databases.ts';
import { COMPLETE_ANSWERS } from '../support/publicReports.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';

const onPostgres = testDialects.includes('postgres');
if (!onPostgres) console.warn('test/store/publicSurfaceRole.test.ts NOT RUN: set LIFELINE_TEST_DATABASE_URL to test the lifeline_public role on PostgreSQL.');

describe.runIf(onPostgres)('the lifeline_public role [postgres]', () => {
  let runtime: TestRuntime;
  let publicDb: Kysely<DatabaseSchema>;

  beforeEach(async () => {
    runtime = await openTestRuntime('postgres');
    await seedDemo(runtime);
    await createPublicSurfaceRole(runtime.database);
    // Connections that act as lifeline_public in the test's own schema, as a public instance would.
    const pool = new pg.Pool({ connectionString: process.env['LIFELINE_TEST_DATABASE_URL'], max: 2, options: `-c search_path=${runtime.database.schema ?? 'public'} -c role=lifeline_public` });
    publicDb = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  });
  afterEach(async () => {
    await publicDb.destroy();
    await runtime.dispose();
  });

  it('runs the public journey from draft to added information', async () => {
    const store = new Store({ db: publicDb, dialect: 'postgres', description: 'lifeline_public', close: () => publicDb.destroy() });
    const reporting = new PublicReportingService({ ...runtime.services.context, store });
    const current = await sql<{ role: string }>`select current_user as role`.execute(publicDb);
    expect(current.rows[0]?.role).toBe('lifeline_public');

    const first = await reporting.saveAnswers(undefined, { danger: 'no' }, 'en');
    const token = await reporting.saveAnswers(first, COMPLETE_ANSWERS, 'en');
    expect(token).toBe(first);
    const sent = await reporting.submit(token, 'en', null);
    expect(sent.kind).toBe('sent');
    expect(await reporting.submit(token, 'en', null)).toEqual(sent);
    const confirmation = await reporting.takeConfirmation(token);
    if (confirmation === null) throw new Error('no confirmation');
    expect(await reporting.addInformation({ ...confirmation, information: 'The van came back on Sunday' }, 'en', null)).toBe(true);
    expect(await reporting.addInformation({ ...confirmation, secret: 'wrong', information: 'x' }, 'en', null)).toBe(false);

    // What the role wrote is there for the staff side, routed and audited, the chain unbroken.
    const report = await runtime.store.repositories.publicReports.findByReference(confirmation.reference);
    expect(report?.routed_organisation_id).not.toBeNull();
    expect(await runtime.store.repositories.publicReports.additions(report?.id ?? '')).toHaveLength(1);
    const actions = await runtime.database.db.selectFrom('audit_events').select('action').where('subject_id', '=', report?.id ?? '').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['public-report.create', 'public-report.add-information']);
    expect((await runtime.services.audit.verifyChain(await actorFor(runtime, demoAccount('system-administrator')))).intact).toBe(true);
  });

  it('cannot read case data, users or the audit trail’s details', async () => {
    for (const query of [
      sql`select * from users`, sql`select * from potential_victims`, sql`select * from visits`, sql`select * from information_line_calls`,
      sql`select details from audit_events`, sql`select * from public_report_outcomes`, sql`delete from public_reports`,
    ]) {
      await expect(query.execute(publicDb)).rejects.toThrow(/permission denied/);
    }
  });
});

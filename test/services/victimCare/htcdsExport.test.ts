import { afterEach, beforeEach, expect, it } from 'vitest';
import { ForbiddenError } from '../../../src/access/errors.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors } from '../../support/victimCareFixture.ts';

/** Splits the export into rows of cells; the fixture holds no quoted commas, so a plain split is enough. */
function parse(csv: string): Array<Record<string, string>> {
  const [header = '', ...lines] = csv.split('\r\n').filter((l) => l !== '');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i] ?? `?${i}`, cell])));
}

describeEachDatabase('HTCDS export of potential-victim cases', (dialect) => {
  let runtime: TestRuntime;
  let actors: VictimCareActors;

  beforeEach(async () => {
    runtime = await openTestRuntime(dialect);
    await seedDemo(runtime);
    actors = await victimCareActors(runtime);
    setToday(runtime, '2026-03-02');
  });
  afterEach(async () => runtime.dispose());

  const exporter = () => runtime.services.htcdsExport;

  it('gives analysts every case under its pseudonym, in HTCDS columns, with no name, contact or date of birth', async () => {
    const met = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    await runtime.services.potentialVictims.create(actors.socialWorker, {
      ...NAMED_ADULT, fullName: 'Dritan Berisha', dateOfBirth: { day: '', month: '', year: '' }, sex: 'male', childStatus: 'may-be-child', localAuthorityId: (await victimCareOrganisations(runtime)).localAuthority,
      exploitationTypes: ['forced-labour', 'forced-criminality'], methodsOfControl: ['physical-threats', 'threats-to-family'], nationality: 'AL',
    });
    const result = await exporter().exportCsv(actors.analyst);
    expect(result.rows).toBe(2);
    const rows = parse(result.csv);
    const pseudonyms = (await runtime.services.victimAnalysis.list(actors.analyst)).map((r) => r.pseudonym);
    expect(rows.map((r) => r['caseId']).sort()).toEqual([...pseudonyms].sort());

    const elena = rows.find((r) => r['citizenship'] === 'RO');
    // Born 3 July 1995, registered 2 March 2026: 30 years old.
    expect(elena).toMatchObject({
      Datasource: 'Case Management', yearOfRegistration: '2026', monthOfRegistration: '3', gender: 'Female', ageBroad: '25-34', majorityStatus: 'Adult',
      meansOfControlDebtBondage: '1', meansOfControlWithholdsDocuments: '1', meansOfControlThreats: '0', meansOfControlConcatenated: 'DebtBondage;WithholdsDocuments',
      isSexualExploit: '1', isForcedLabour: '0', typeOfExploitConcatenated: 'Sexual exploitation', identificationRoute: 'found-on-visit',
    });
    const dritan = rows.find((r) => r['citizenship'] === 'AL');
    // Threats to the person and to their family are one HTCDS value.
    expect(dritan).toMatchObject({ gender: 'Male', ageBroad: '', majorityStatus: 'Unknown', meansOfControlThreats: '1', meansOfControlConcatenated: 'Threats', isForcedLabour: '1', isSexualExploit: '0' });
    expect(dritan?.['typeOfExploitConcatenated']).toContain('Forced labour;Forced criminality');

    for (const secret of [NAMED_ADULT.fullName, 'Vasilescu', 'Berisha', NAMED_ADULT.phone, NAMED_ADULT.email, 'Quayside', 'hotel work', 'daughter', '1995', '2026-03-02', met.id]) {
      expect(result.csv).not.toContain(secret);
    }
  });

  it('gives an organisation’s victim-care staff only the cases it recorded, and refuses everyone else', async () => {
    await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    await runtime.services.potentialVictims.create(actors.socialWorker, { ...NAMED_ADULT, fullName: 'Dritan Berisha', nationality: 'AL' });

    const met = parse((await exporter().exportCsv(actors.metSupervisor)).csv);
    expect(met.map((r) => r['citizenship'])).toEqual(['RO']);
    expect(parse((await exporter().exportCsv(actors.socialWorker)).csv).map((r) => r['citizenship'])).toEqual(['AL']);
    expect((await exporter().exportCsv(actors.caseWorker)).rows).toBe(0);

    for (const refused of [actors.systemAdministrator, actors.organisationAdministrator]) {
      await expect(exporter().exportCsv(refused)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });

  it('audits each export with its row count and scope, and nothing personal', async () => {
    await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    await exporter().exportCsv(actors.analyst);
    await exporter().exportCsv(actors.metOfficer);
    const events = await runtime.store.repositories.auditEvents.list({ limit: 10, action: 'potential-victim.export-htcds' });
    expect(events.map((e) => [e.actor_user_id, JSON.parse(e.details) as unknown]).sort()).toEqual([
      [actors.analyst.userId, { rows: 1, scope: 'all', pseudonymised: true }], [actors.metOfficer.userId, { rows: 1, scope: 'organisation', pseudonymised: true }],
    ].sort());
    expect(JSON.stringify(events)).not.toContain('Vasilescu');
  });
});

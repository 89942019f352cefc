import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../src/access/errors.ts';
import { DECIDING_ORGANISATION_TYPE_OF_KIND } from '../../../src/domain/organisationKinds.ts';
import { sexTerms } from '../../../src/domain/vocabularies/enforcementRecording.ts';
import { exploitationTypeTerms } from '../../../src/domain/vocabularies/exploitationTypes.ts';
import { methodOfControlTerms } from '../../../src/domain/vocabularies/methodsOfControl.ts';
import { recruitmentTypeTerms } from '../../../src/domain/vocabularies/recruitmentTypes.ts';
import { decidingOrganisationTypeTerms, victimStatusTerms } from '../../../src/domain/vocabularies/victimStatus.ts';
import { HTCDS_COLUMNS } from '../../../src/services/victimCare/htcdsExport.ts';
import { describeEachDatabase, openTestRuntime, type TestRuntime } from '../../support/databases.ts';
import { seedDemo } from '../../support/fixtures.ts';
import { HTCDS_DEPRECATED_FIELDS, HTCDS_IDENTIFYING_FIELDS, HTCDS_PICKLISTS, HTCDS_STANDARD_FIELD_NAMES, htcdsCellProblems } from '../../support/htcdsStandard.ts';
import { NAMED_ADULT, setToday, victimCareActors, victimCareOrganisations, type VictimCareActors } from '../../support/victimCareFixture.ts';

/** Splits the export into rows of cells; the fixture holds no quoted commas, so a plain split is enough. */
function parse(csv: string): { header: string[]; rows: Array<Record<string, string>> } {
  const [first = '', ...lines] = csv.split('\r\n').filter((l) => l !== '');
  const header = first.split(',');
  return { header, rows: lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [header[i] ?? `?${i}`, cell]))) };
}

/** Every header after the unnamed row key is a live, non-identifying field of the standard, and every cell a value it allows. */
function expectValidHtcds(csv: string): Array<Record<string, string>> {
  const { header, rows } = parse(csv);
  // The standard's spreadsheet template names no field for its first column, the row identifier.
  expect(header[0]).toBe('');
  const fields = header.slice(1);
  expect(fields.filter((f) => !HTCDS_STANDARD_FIELD_NAMES.includes(f))).toEqual([]);
  expect(fields.filter((f) => HTCDS_DEPRECATED_FIELDS.includes(f) || HTCDS_IDENTIFYING_FIELDS.includes(f))).toEqual([]);
  expect(new Set(fields).size).toBe(fields.length);
  expect(rows.flatMap((row) => fields.flatMap((f) => htcdsCellProblems(f, row[f] ?? '')))).toEqual([]);
  return rows;
}

describe('the HTCDS mapping of our vocabularies', () => {
  it('names only the standard’s fields as columns', () => {
    expect(HTCDS_COLUMNS.slice(1).filter((c) => !HTCDS_STANDARD_FIELD_NAMES.includes(c))).toEqual([]);
  });

  it('maps every term to a value name of the standard’s picklist', () => {
    const outside = (field: string, values: readonly string[]) => values.filter((v) => !(HTCDS_PICKLISTS[field] ?? []).includes(v));
    expect(outside('vic_TypeOfExploitation', exploitationTypeTerms.map((t) => t.htcds))).toEqual([]);
    expect(outside('vic_MethodsOfControl', methodOfControlTerms.map((t) => t.htcds))).toEqual([]);
    expect(outside('vic_MethodOfRecruitment', recruitmentTypeTerms.map((t) => t.htcds))).toEqual([]);
    expect(outside('vic_TraffickingStatus', victimStatusTerms.map((t) => t.htcds))).toEqual([]);
    expect(outside('prs_Gender', sexTerms.map((t) => t.htcds))).toEqual([]);
    expect(outside('org_Type', decidingOrganisationTypeTerms.map((t) => t.htcdsOrgType))).toEqual([]);
    expect(outside('vic_TraffickingStatusDecisionMakingOrg', decidingOrganisationTypeTerms.map((t) => t.htcdsDecisionMakingOrg))).toEqual([]);
  });

  it('keeps apart the threats the standard tells apart', () => {
    const htcds = new Map<string, string>(methodOfControlTerms.map((t) => [t.id, t.htcds]));
    expect([htcds.get('physical-threats'), htcds.get('threats-to-family'), htcds.get('threats-of-law-enforcement')]).toEqual(['PhysicalThreats', 'ThreatensChildrenFamily', 'ThreatsLawEnforcement']);
    expect(DECIDING_ORGANISATION_TYPE_OF_KIND['police-force']).toBe('law-enforcement');
  });
});

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
  const analystRows = async () => expectValidHtcds((await exporter().exportCsv(actors.analyst)).csv);

  it('gives analysts every case under its pseudonym, in the standard’s fields and values, with no name, contact or date of birth', async () => {
    const met = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    await runtime.services.potentialVictims.create(actors.socialWorker, {
      ...NAMED_ADULT, fullName: 'Dritan Berisha', dateOfBirth: { day: '', month: '', year: '' }, sex: 'male', childStatus: 'may-be-child', localAuthorityId: (await victimCareOrganisations(runtime)).localAuthority,
      exploitationTypes: ['forced-criminality', 'domestic-servitude', 'forced-labour'], methodsOfControl: ['threats-to-family', 'restricts-movement', 'physical-threats'], nationality: 'AL',
    });
    await runtime.services.potentialVictims.create(actors.immigrationOfficer, { ...NAMED_ADULT, fullName: 'Mai Nguyen', sex: 'unknown', nationality: '', methodsOfControl: [], exploitationTypes: ['servitude'] });
    const result = await exporter().exportCsv(actors.analyst);
    expect(result.rows).toBe(3);
    const rows = expectValidHtcds(result.csv);
    const pseudonyms = (await runtime.services.victimAnalysis.list(actors.analyst)).map((r) => r.pseudonym);
    expect(rows.map((r) => r['']).sort()).toEqual([...pseudonyms].sort());

    // Recorded by the Met, not yet referred: a possible victim in the police's judgement.
    expect(rows.find((r) => r['prs_Citizenship'] === 'RO')).toMatchObject({
      org_Type: 'LawEnforcement', prs_Gender: 'Feminine', vic_TraffickingStatus: 'PossibleVictimOfTrafficking', vic_TraffickingStatusDecisionMakingOrg: 'Police',
      vic_MethodsOfControl: 'DebtBondage;WithholdsDocuments', vic_TypeOfExploitation: 'SexualExploitation', cas_OutgoingReferralDate: '',
    });
    // Each value once, in the standard's order: restricted movement has no value of its own, so Other;
    // forced criminality is Other and domestic servitude is Servitude.
    expect(rows.find((r) => r['prs_Citizenship'] === 'AL')).toMatchObject({
      org_Type: 'LocalGovernmentOrganisation', prs_Gender: 'Masculine', vic_TraffickingStatusDecisionMakingOrg: 'NonPoliceGovernmentalOrganization',
      vic_MethodsOfControl: 'PhysicalThreats;ThreatensChildrenFamily;Other', vic_TypeOfExploitation: 'ForcedLabour;Servitude;Other',
    });
    expect(rows.find((r) => r['prs_Citizenship'] === '')).toMatchObject({
      org_Type: 'ImmigrationService', prs_Gender: 'NonSpecifiedUnknown', vic_MethodsOfControl: '', vic_TypeOfExploitation: 'Servitude',
    });

    for (const secret of [NAMED_ADULT.fullName, 'Vasilescu', 'Berisha', 'Nguyen', NAMED_ADULT.phone, NAMED_ADULT.email, 'Quayside', 'hotel work', 'daughter', 'Romanian', '1995', met.id]) {
      expect(result.csv).not.toContain(secret);
    }
    // The day of identification is not exported; a child is referred the day they are found, so
    // that day shows only as the referral's, a date the analysts' own view shows too.
    const dated = rows.flatMap((row) => Object.entries(row).filter(([, cell]) => cell.includes('2026-03-02')));
    expect(dated).toEqual([['cas_OutgoingReferralDate', '2026-03-02']]);
  });

  it('follows the status along the path: the competent authority’s decisions replace the identifying force’s judgement', async () => {
    const organisations = await victimCareOrganisations(runtime);
    const person = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    setToday(runtime, '2026-04-02');
    const referral = await runtime.services.victimReferrals.refer(actors.metOfficer, person.id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    const decision = { outcome: 'positive', decidedOn: { day: '', month: '', year: '' }, reason: '' };
    const status = async () => {
      const [row] = await analystRows();
      return [row?.['vic_TraffickingStatus'], row?.['vic_TraffickingStatusDecisionMakingOrg'], row?.['cas_OutgoingReferralDate']];
    };

    expect(await status()).toEqual(['PossibleVictimOfTrafficking', 'Police', '2026-04-02']);
    await runtime.services.victimReferrals.accept(actors.decisionMaker, referral.id);
    setToday(runtime, '2026-04-08');
    await runtime.services.victimDecisions.recordReasonableGrounds(actors.decisionMaker, person.id, decision);
    // Reasonable grounds say "may be": still possible, now by the competent authority's decision.
    expect(await status()).toEqual(['PossibleVictimOfTrafficking', 'NonPoliceGovernmentalOrganization', '2026-04-02']);
    setToday(runtime, '2026-05-08');
    await runtime.services.victimDecisions.recordConclusiveGrounds(actors.decisionMaker, person.id, decision);
    expect(await status()).toEqual(['ActualVictimOfTrafficking', 'NonPoliceGovernmentalOrganization', '2026-04-02']);
  });

  it('exports a negative reasonable-grounds decision as not a victim', async () => {
    const organisations = await victimCareOrganisations(runtime);
    const person = await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    const referral = await runtime.services.victimReferrals.refer(actors.metOfficer, person.id, { kind: 'competent-authority', toOrganisationId: organisations.competentAuthority });
    await runtime.services.victimReferrals.accept(actors.decisionMaker, referral.id);
    await runtime.services.victimDecisions.recordReasonableGrounds(actors.decisionMaker, person.id, { outcome: 'negative', decidedOn: { day: '', month: '', year: '' }, reason: 'No indicators' });
    expect(await analystRows()).toMatchObject([{ vic_TraffickingStatus: 'NotAVictimOfTrafficking', vic_TraffickingStatusDecisionMakingOrg: 'NonPoliceGovernmentalOrganization' }]);
  });

  it('gives an organisation’s victim-care staff only the cases it recorded, and refuses everyone else', async () => {
    await runtime.services.potentialVictims.create(actors.metOfficer, NAMED_ADULT);
    await runtime.services.potentialVictims.create(actors.socialWorker, { ...NAMED_ADULT, fullName: 'Dritan Berisha', nationality: 'AL' });

    const met = expectValidHtcds((await exporter().exportCsv(actors.metSupervisor)).csv);
    expect(met.map((r) => r['prs_Citizenship'])).toEqual(['RO']);
    expect(expectValidHtcds((await exporter().exportCsv(actors.socialWorker)).csv).map((r) => r['prs_Citizenship'])).toEqual(['AL']);
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

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../src/demo/signInAccounts.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { actorFor, demoAccount, seedDemo } from '../support/fixtures.ts';
import { NAMED_ADULT, setToday } from '../support/victimCareFixture.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

describe('the HTCDS case-data download', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;

  const signedIn = async (account: DemoAccount): Promise<WebClient> => {
    const client = new WebClient(app);
    await client.signIn(account.email, account.password);
    return client;
  };

  beforeEach(async () => {
    runtime = await openTestRuntime('sqlite');
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
    setToday(runtime, '2026-03-02');
    await runtime.services.potentialVictims.create(await actorFor(runtime, demoAccount('officer', 'metropolitan')), NAMED_ADULT);
  });
  afterEach(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('downloads pseudonymised cases as an uncached CSV attachment, linked from the analysts’ page', async () => {
    const analyst = await signedIn(demoAccount('analyst', 'national-centre'));
    expect((await analyst.get('/victim-analysis')).body).toContain('href="/victims/export/htcds.csv"');
    const response = await analyst.get('/victims/export/htcds.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="lifeline-htcds-2026-03-02.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    const [header, row, end] = response.body.split('\r\n');
    // The standard's field names; the first column, the pseudonym, is unnamed as in its spreadsheet template.
    expect(header).toBe(',org_Type,prs_Gender,prs_Citizenship,vic_TraffickingStatus,vic_TraffickingStatusDecisionMakingOrg,vic_MethodsOfControl,vic_TypeOfExploitation,cas_OutgoingReferralDate');
    expect(row).toMatch(/^PV-[0-9A-Z]{10},LawEnforcement,Feminine,RO,PossibleVictimOfTrafficking,Police,DebtBondage;WithholdsDocuments,SexualExploitation,$/);
    expect(end).toBe('');
    for (const secret of [NAMED_ADULT.fullName, 'Quayside', NAMED_ADULT.phone]) expect(response.body).not.toContain(secret);
  });

  it('gives an organisation that recorded no case a header only, and refuses a role outside victim care', async () => {
    const caseWorker = await signedIn(demoAccount('charity-case-worker', 'charity-safe-harbour'));
    const own = await caseWorker.get('/victims/export/htcds.csv');
    expect(own.statusCode).toBe(200);
    expect(own.body.split('\r\n').filter((l) => l !== '')).toHaveLength(1);
    const administrator = await signedIn(demoAccount('system-administrator', 'national-centre'));
    expect((await administrator.get('/victims/export/htcds.csv')).statusCode).toBe(403);
  });

  it('serves the same file through the API to a token holder', async () => {
    const { secret } = await runtime.services.apiTokens.create(await actorFor(runtime, demoAccount('supervisor', 'metropolitan')), 'htcds', null);
    const response = await new WebClient(app, secret).get('/api/v1/potential-victims/export/htcds.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^PV-[0-9A-Z]{10},LawEnforcement,Feminine,RO,PossibleVictimOfTrafficking,/);
    expect(response.body).not.toContain(NAMED_ADULT.fullName);
  });
});

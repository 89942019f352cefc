// Walks every registered route for every role and for no one. The table below is the access
// policy in one place: a route added without an entry here fails this test, and so does a route
// whose behaviour does not match its entry.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/access/roles.ts';
import type { RouteAccess } from '../../src/access/policies/routes.ts';
import { openTestRuntime, type TestRuntime } from '../support/databases.ts';
import { seedEnforcementFixture } from '../support/enforcementFixture.ts';
import { actorFor, demoAccount, organisationId, seedDemo } from '../support/fixtures.ts';
import { fileReport } from '../support/publicReports.ts';
import { buildTestApp } from '../support/webApp.ts';
import { WebClient } from '../support/webClient.ts';

type Expected = 'public' | 'signed-in' | readonly Role[];
const ADMINS = ['organisation-administrator', 'system-administrator'] as const;
const SYSTEM_ADMIN = ['system-administrator'] as const;
const AUDIT_READERS = ['supervisor', 'system-administrator'] as const;
const ENFORCEMENT_READERS = ['officer', 'supervisor', 'analyst'] as const;
const RECORDERS = ['officer', 'supervisor'] as const;
const RECORD_READERS = ['officer', 'supervisor', 'analyst'] as const;
const RECORD_MAKERS = ['officer', 'supervisor'] as const;
const RESULT_READERS = ['supervisor', 'analyst'] as const;
const LINKAGE_USERS = ['analyst'] as const;
const VICTIM_CARE = ['officer', 'supervisor', 'first-responder', 'charity-case-worker', 'decision-maker'] as const;
const IDENTIFIERS = ['officer', 'supervisor', 'first-responder'] as const;
const RECEIVERS = ['charity-case-worker', 'decision-maker', 'supervisor'] as const;
const DECIDERS = ['decision-maker'] as const;
const RECONSIDERERS = ['officer', 'supervisor', 'first-responder', 'charity-case-worker'] as const;
const CARERS = ['charity-case-worker', 'supervisor'] as const;
const VICTIM_ANALYSTS = ['analyst'] as const;
// Analysts export every case pseudonymised; victim-care staff their own organisation's cases.
const HTCDS_EXPORTERS = ['analyst', ...VICTIM_CARE] as const;
const CONSENT_CHANGERS = ['officer', 'supervisor', 'first-responder', 'charity-case-worker'] as const;
const INTELLIGENCE_USERS = ['officer', 'supervisor', 'analyst'] as const;
const INTELLIGENCE_REVIEWERS = ['supervisor'] as const;
// National-centre analysts only: a national estimate links every force's records (see access/policies/hiddenScale.ts).
const ESTIMATORS = ['analyst'] as const;
// Supervisors (of a force: its own reports) and the national centre's analysts triage public reports.
const TRIAGERS = ['supervisor', 'analyst'] as const;
const SUPERVISORS = ['supervisor'] as const;
// The national centre's information-line advisers take and read calls; its analysts see only the counts.
const ADVISERS = ['information-line-adviser'] as const;
const CALL_COUNTERS = ['information-line-adviser', 'analyst'] as const;
// First responders run the same screening themselves and read only their own screenings.
const SCREENERS = ['first-responder'] as const;
// The national centre's analysts prepare and approve statistics releases (access/policies/statisticsReleases.ts).
const RELEASE_ANALYSTS = ['analyst'] as const;

const EXPECTED_ACCESS: Record<string, Expected> = {
  'GET /ping': 'public', 'GET /info': 'public', 'GET /health': 'public',
  'GET /assets/*': 'public', 'GET /static/*': 'public', 'GET /static/govuk-frontend.min.js': 'public', 'GET /static/lifeline-*.css': 'public',
  'GET /static/cytoscape-*.min.js': 'public', 'GET /static/network-*.js': 'public',
  'GET /report': 'public',
  ...Object.fromEntries(['immediate-danger', 'what-you-saw', 'what-happened', 'where', 'when', 'who', 'how-you-know', 'contact-preference', 'contact-details', 'check-your-answers', 'tell-us-more']
    .flatMap((page) => [[`GET /report/${page}`, 'public'], [`POST /report/${page}`, 'public']])) as Record<string, Expected>,
  'GET /report/call-999-now': 'public', 'GET /report/report-sent': 'public', 'GET /report/tell-us-more/sent': 'public',
  'GET /sign-in': 'public', 'POST /sign-in': 'public', 'POST /sign-out': 'public',
  'GET /sign-in/second-factor': 'public', 'POST /sign-in/second-factor': 'public', 'GET /sign-in/enrol': 'public', 'POST /sign-in/enrol': 'public',
  'GET /': 'signed-in',
  'GET /organisations': 'signed-in', 'GET /organisations/new': SYSTEM_ADMIN, 'POST /organisations': SYSTEM_ADMIN,
  'GET /organisations/:organisationId': SYSTEM_ADMIN, 'POST /organisations/:organisationId': SYSTEM_ADMIN,
  'GET /users': ADMINS, 'GET /users/new': ADMINS, 'POST /users': ADMINS, 'GET /users/:userId': ADMINS,
  'POST /users/:userId/roles': ADMINS, 'POST /users/:userId/disable': ADMINS, 'POST /users/:userId/enable': ADMINS,
  'POST /users/:userId/reset-password': ADMINS, 'POST /users/:userId/reset-second-factor': ADMINS,
  'GET /audit': AUDIT_READERS, 'POST /audit/verify': SYSTEM_ADMIN,
  'GET /account': 'signed-in', 'POST /account/password': 'signed-in', 'GET /account/second-factor': 'signed-in', 'POST /account/second-factor': 'signed-in',
  'POST /account/tokens': 'signed-in', 'POST /account/tokens/:tokenId/revoke': 'signed-in', 'GET /account/revealed': 'signed-in',
  'GET /api/v1/openapi.json': 'public', 'GET /api/v1/docs': 'public',
  'GET /api/v1/me': 'signed-in', 'GET /api/v1/organisations': 'signed-in', 'GET /api/v1/organisations/:id': 'signed-in',
  'POST /api/v1/organisations': SYSTEM_ADMIN, 'PUT /api/v1/organisations/:id': SYSTEM_ADMIN,
  'GET /api/v1/users': ADMINS, 'GET /api/v1/users/:id': ADMINS, 'POST /api/v1/users': ADMINS, 'PUT /api/v1/users/:id/roles': ADMINS,
  'POST /api/v1/users/:id/disable': ADMINS, 'POST /api/v1/users/:id/enable': ADMINS,
  'GET /api/v1/audit-events': AUDIT_READERS,
  'GET /visits': ENFORCEMENT_READERS, 'GET /people': ENFORCEMENT_READERS, 'GET /arrests': ENFORCEMENT_READERS, 'GET /premises': ENFORCEMENT_READERS,
  'GET /visits/:visitId': ENFORCEMENT_READERS, 'GET /people/:personId': ENFORCEMENT_READERS, 'GET /arrests/:arrestId': ENFORCEMENT_READERS,
  'GET /premises/:premisesId': ENFORCEMENT_READERS,
  'GET /results': ['supervisor', 'analyst'],
  // A force's supervisor opening the national dashboard is taken to their force's (see web/staff/dashboard/pages.ts).
  'GET /dashboard': RESULT_READERS, 'GET /dashboard/force': RESULT_READERS, 'GET /dashboard/chart/:chart': RESULT_READERS, 'GET /dashboard/table/:table': RESULT_READERS,
  'GET /premises/new': RECORDERS, 'POST /premises/new': RECORDERS,
  'GET /premises/:premisesId/visits/new': RECORDERS, 'POST /premises/:premisesId/visits/new': RECORDERS,
  'GET /visits/:visitId/people/new': RECORDERS, 'POST /visits/:visitId/people/new': RECORDERS,
  'GET /people/:personId/arrests/new': RECORDERS, 'POST /people/:personId/arrests/new': RECORDERS,
  'GET /arrests/:arrestId/charges/new': RECORDERS, 'POST /arrests/:arrestId/charges/new': RECORDERS,
  'POST /charges/:chargeId/outcome': RECORDERS,
  'GET /visits/:visitId/assets/new': RECORDERS, 'POST /visits/:visitId/assets/new': RECORDERS,
  'GET /premises/:premisesId/edit': RECORDERS, 'POST /premises/:premisesId/edit': RECORDERS,
  'GET /visits/:visitId/edit': RECORDERS, 'POST /visits/:visitId/edit': RECORDERS,
  'GET /people/:personId/edit': RECORDERS, 'POST /people/:personId/edit': RECORDERS,
  'GET /arrests/:arrestId/edit': RECORDERS, 'POST /arrests/:arrestId/edit': RECORDERS,
  'GET /charges/:chargeId/edit': RECORDERS, 'POST /charges/:chargeId/edit': RECORDERS,
  'GET /seized-assets/:assetId/edit': RECORDERS, 'POST /seized-assets/:assetId/edit': RECORDERS,
  'GET /follow-ups': RECORDERS, 'GET /follow-ups/force': SUPERVISORS,
  'GET /follow-ups/:subjectType/:subjectId/new': SUPERVISORS, 'POST /follow-ups/:subjectType/:subjectId/new': SUPERVISORS,
  'GET /follow-ups/:followUpId': RECORDERS, 'POST /follow-ups/:followUpId/complete': RECORDERS,
  'GET /visits.csv': RECORD_READERS, 'GET /people.csv': RECORD_READERS, 'GET /arrests.csv': RECORD_READERS, 'GET /premises.csv': RECORD_READERS,
  'GET /api/v1/operations': RECORD_READERS, 'GET /api/v1/results': RESULT_READERS,
  'GET /api/v1/visits': RECORD_READERS, 'GET /api/v1/visits/:id': RECORD_READERS, 'GET /api/v1/people': RECORD_READERS, 'GET /api/v1/people/:id': RECORD_READERS,
  'GET /api/v1/arrests': RECORD_READERS, 'GET /api/v1/arrests/:id': RECORD_READERS, 'GET /api/v1/premises': RECORD_READERS, 'GET /api/v1/premises/:id': RECORD_READERS,
  'POST /api/v1/imports/:kind': RECORD_MAKERS,
  'GET /linkage': LINKAGE_USERS, 'POST /linkage/runs': LINKAGE_USERS, 'GET /linkage/runs/:runId': LINKAGE_USERS, 'GET /linkage/review': LINKAGE_USERS,
  'GET /linkage/pairs/:pairId': LINKAGE_USERS, 'POST /linkage/pairs/:pairId': LINKAGE_USERS, 'GET /linkage/clusters/:clusterId': LINKAGE_USERS,
  'POST /linkage/clusters/:clusterId/split': LINKAGE_USERS, 'POST /linkage/changes/:changeId/undo': LINKAGE_USERS,
  'GET /api/v1/linkage/runs': LINKAGE_USERS, 'POST /api/v1/linkage/runs': LINKAGE_USERS, 'GET /api/v1/linkage/runs/:runId': LINKAGE_USERS,
  'GET /api/v1/linkage/review': LINKAGE_USERS, 'GET /api/v1/linkage/pairs/:pairId': LINKAGE_USERS, 'POST /api/v1/linkage/pairs/:pairId/decision': LINKAGE_USERS,
  'GET /api/v1/linkage/clusters/:clusterId': LINKAGE_USERS, 'POST /api/v1/linkage/clusters/:clusterId/split': LINKAGE_USERS,
  'POST /api/v1/linkage/changes/:changeId/undo': LINKAGE_USERS,
  'GET /notifications': 'signed-in', 'POST /notifications/:notificationId/read': 'signed-in', 'POST /notifications/read-all': 'signed-in',
  'GET /api/v1/notifications': 'signed-in', 'POST /api/v1/notifications/:id/read': 'signed-in', 'POST /api/v1/notifications/read-all': 'signed-in',
  'GET /victims': VICTIM_CARE, 'GET /victims/new': IDENTIFIERS, 'POST /victims/new': IDENTIFIERS, 'GET /victims/:victimId': VICTIM_CARE,
  'POST /victims/:victimId/referrals': IDENTIFIERS, 'POST /victims/:victimId/reasonable-grounds': DECIDERS, 'POST /victims/:victimId/conclusive-grounds': DECIDERS,
  'POST /victims/:victimId/extensions': DECIDERS, 'POST /victims/:victimId/reconsideration': RECONSIDERERS,
  'GET /victims/:victimId/support/new': CARERS, 'POST /victims/:victimId/support': CARERS, 'GET /victims/:victimId/close': CARERS, 'POST /victims/:victimId/close': CARERS,
  'GET /victims/export/htcds.csv': HTCDS_EXPORTERS, 'GET /victim-analysis': VICTIM_ANALYSTS, 'GET /victim-access-grants/:grantId': VICTIM_ANALYSTS,
  'GET /victims/:victimId/access-grants': SUPERVISORS, 'POST /victims/:victimId/access-grants': SUPERVISORS, 'POST /victim-access-grants/:grantId/revoke': SUPERVISORS,
  'GET /victims/:victimId/consent': CONSENT_CHANGERS, 'POST /victims/:victimId/consent': CONSENT_CHANGERS,
  'POST /victim-referrals/:referralId/accept': RECEIVERS, 'POST /victim-referrals/:referralId/decline': RECEIVERS, 'POST /victim-referrals/:referralId/withdraw': IDENTIFIERS,
  'GET /anonymous-notifications/:notificationId': IDENTIFIERS,
  'GET /api/v1/potential-victims': VICTIM_CARE, 'GET /api/v1/potential-victims/export/htcds.csv': HTCDS_EXPORTERS, 'POST /api/v1/potential-victims': IDENTIFIERS, 'GET /api/v1/potential-victims/:id': VICTIM_CARE,
  'POST /api/v1/potential-victims/:id/referrals': IDENTIFIERS, 'GET /api/v1/victim-referrals/incoming': RECEIVERS,
  'POST /api/v1/victim-referrals/:id/accept': RECEIVERS, 'POST /api/v1/victim-referrals/:id/decline': RECEIVERS, 'POST /api/v1/victim-referrals/:id/withdraw': IDENTIFIERS,
  'POST /api/v1/potential-victims/:id/reasonable-grounds': DECIDERS, 'POST /api/v1/potential-victims/:id/conclusive-grounds': DECIDERS,
  'POST /api/v1/potential-victims/:id/extensions': DECIDERS, 'POST /api/v1/potential-victims/:id/reconsideration': RECONSIDERERS,
  'POST /api/v1/potential-victims/:id/support': CARERS, 'POST /api/v1/potential-victims/:id/consent': CONSENT_CHANGERS, 'POST /api/v1/potential-victims/:id/closure': CARERS,
  'GET /api/v1/victim-deadlines': VICTIM_CARE, 'GET /api/v1/anonymous-notifications/:id': IDENTIFIERS,
  'GET /intelligence': INTELLIGENCE_USERS, 'GET /intelligence/new': INTELLIGENCE_USERS, 'POST /intelligence/new': INTELLIGENCE_USERS,
  'GET /intelligence/:reportId': INTELLIGENCE_USERS, 'POST /intelligence/:reportId/regrade': INTELLIGENCE_REVIEWERS,
  'POST /intelligence/:reportId/sanitise': INTELLIGENCE_REVIEWERS, 'POST /intelligence/:reportId/disseminations': INTELLIGENCE_REVIEWERS,
  'GET /network': INTELLIGENCE_USERS, 'GET /network/entity': INTELLIGENCE_USERS, 'GET /network/path': INTELLIGENCE_USERS, 'GET /network/groups': INTELLIGENCE_USERS, 'GET /network/export.graphml': INTELLIGENCE_USERS,
  'GET /network/export.ftm.jsonl': INTELLIGENCE_USERS, 'GET /network/export.i2-entities.csv': INTELLIGENCE_USERS, 'GET /network/export.i2-links.csv': INTELLIGENCE_USERS,
  'GET /network/picture.svg': INTELLIGENCE_USERS, 'GET /network/charts': INTELLIGENCE_USERS, 'GET /network/charts/new': INTELLIGENCE_USERS, 'POST /network/charts/new': INTELLIGENCE_USERS,
  'GET /network/charts/:chartId': INTELLIGENCE_USERS, 'GET /network/charts/:chartId/picture.svg': INTELLIGENCE_USERS, 'POST /network/charts/:chartId': INTELLIGENCE_USERS,
  'POST /network/charts/:chartId/shares': INTELLIGENCE_USERS,
  'GET /api/v1/intelligence': INTELLIGENCE_USERS, 'GET /api/v1/intelligence/:id': INTELLIGENCE_USERS, 'POST /api/v1/intelligence': INTELLIGENCE_USERS,
  'GET /api/v1/network/search': INTELLIGENCE_USERS, 'GET /api/v1/network/entity': INTELLIGENCE_USERS, 'GET /api/v1/network/path': INTELLIGENCE_USERS,
  'GET /api/v1/network/metrics': INTELLIGENCE_USERS,
  'GET /hidden-scale': ESTIMATORS, 'POST /hidden-scale': ESTIMATORS, 'GET /hidden-scale/estimates': ESTIMATORS, 'GET /hidden-scale/estimates/:estimateId': ESTIMATORS,
  'GET /hidden-scale/estimates/:estimateId/chart.svg': ESTIMATORS,
  'GET /api/v1/hidden-scale/lists': ESTIMATORS, 'POST /api/v1/hidden-scale/estimates': ESTIMATORS,
  'GET /api/v1/hidden-scale/estimates': ESTIMATORS, 'GET /api/v1/hidden-scale/estimates/:id': ESTIMATORS,
  'GET /triage': TRIAGERS, 'GET /triage/:reportId': TRIAGERS, 'POST /triage/:reportId/outcome': TRIAGERS, 'POST /triage/:reportId/links': TRIAGERS,
  'GET /api/v1/public-reports': TRIAGERS, 'GET /api/v1/public-reports/:reportId': TRIAGERS,
  'POST /api/v1/public-reports/:reportId/outcomes': TRIAGERS, 'POST /api/v1/public-reports/:reportId/links': TRIAGERS,
  'PUT /api/v1/premises/:id': RECORD_MAKERS, 'PUT /api/v1/visits/:id': RECORD_MAKERS, 'PUT /api/v1/people/:id': RECORD_MAKERS,
  'PUT /api/v1/arrests/:id': RECORD_MAKERS, 'PUT /api/v1/charges/:id': RECORD_MAKERS, 'PUT /api/v1/seized-assets/:id': RECORD_MAKERS,
  'GET /api/v1/follow-ups/mine': RECORD_MAKERS, 'GET /api/v1/follow-ups': SUPERVISORS, 'POST /api/v1/follow-ups': SUPERVISORS,
  'GET /api/v1/follow-ups/:id': RECORD_MAKERS, 'POST /api/v1/follow-ups/:id/complete': RECORD_MAKERS,
  'GET /information-line': ADVISERS, 'GET /information-line/new': ADVISERS, 'POST /information-line/new': ADVISERS, 'GET /information-line/:callId': ADVISERS,
  'GET /api/v1/information-line/calls': ADVISERS, 'POST /api/v1/information-line/calls': ADVISERS, 'GET /api/v1/information-line/calls/:callId': ADVISERS,
  'GET /api/v1/information-line/counts': CALL_COUNTERS,
  'GET /screenings': SCREENERS, 'GET /screenings/new': SCREENERS, 'POST /screenings/new': SCREENERS,
  'GET /statistics': 'public', 'GET /statistics/:releaseId': 'public', 'GET /statistics/:releaseId/report': 'public', 'GET /statistics/:releaseId/report.pdf': 'public',
  'GET /api/v1/statistics-releases': 'public', 'GET /api/v1/statistics-releases/:id': 'public',
  'GET /statistics-releases': RELEASE_ANALYSTS, 'POST /statistics-releases': RELEASE_ANALYSTS, 'GET /statistics-releases/:releaseId': RELEASE_ANALYSTS,
  'POST /statistics-releases/:releaseId/approve': RELEASE_ANALYSTS, 'POST /statistics-releases/:releaseId/corrections': RELEASE_ANALYSTS,
};

function routeKey(method: string, url: string): string {
  return `${method} ${url.replace(/^\/static\/lifeline-[0-9a-f]+\.css$/, '/static/lifeline-*.css')
    .replace(/^\/static\/cytoscape-[0-9.]+\.min\.js$/, '/static/cytoscape-*.min.js').replace(/^\/static\/network-[0-9a-f]+\.js$/, '/static/network-*.js')}`;
}

function declaredMatches(expected: Expected, declared: RouteAccess | undefined): boolean {
  if (declared === undefined) return false;
  if (expected === 'public') return declared.kind === 'public';
  if (expected === 'signed-in') return declared.kind === 'signed-in';
  return declared.kind === 'roles' && [...declared.roles].sort().join() === [...expected].sort().join();
}

function allowedFor(expected: Expected, role: Role | null): boolean {
  if (expected === 'public') return true;
  if (role === null) return false;
  return expected === 'signed-in' || expected.includes(role);
}

describe('access matrix: every route, every role', () => {
  let runtime: TestRuntime;
  let app: FastifyInstance;
  const pages = new Map<Role, WebClient>();
  const apiClients = new Map<Role, WebClient>();
  const parameters: Record<string, string> = {};

  beforeAll(async () => {
    runtime = await openTestRuntime('sqlite', { signInRateLimitPerMinute: 10_000, publicRateLimitPerMinute: 10_000 });
    await seedDemo(runtime);
    app = await buildTestApp(runtime);
    // Actions on users land on a throwaway account, so the roles under test keep working.
    const systemAdmin = await actorFor(runtime, demoAccount('system-administrator'));
    const target = await runtime.services.users.add(systemAdmin, { organisationId: await organisationId(runtime, 'metropolitan'), email: 'target@met.example', displayName: 'Target', roles: ['officer'] });
    parameters['userId'] = target.user.id;
    parameters['organisationId'] = await organisationId(runtime, 'charity-open-door');
    parameters['tokenId'] = '01900000-0000-7000-8000-000000000000';
    // Recording routes land on Metropolitan records, the force of the demo officer and supervisor.
    const enforcement = await seedEnforcementFixture(runtime);
    parameters['premisesId'] = '01900000-0000-7000-8000-000000000001';
    parameters['visitId'] = enforcement.visits.v1;
    parameters['personId'] = enforcement.people.popescu;
    parameters['arrestId'] = '01900000-0000-7000-8000-000000000031';
    parameters['chargeId'] = '01900000-0000-7000-8000-000000000041';
    parameters['kind'] = 'premises';
    // Linkage routes answer a missing run, pair, cluster or change with 404 to those allowed.
    for (const name of ['runId', 'pairId', 'clusterId', 'changeId']) parameters[name] = '01900000-0000-7000-8000-0000000000f1';
    parameters['notificationId'] = '01900000-0000-7000-8000-000000000051';
    // Victim-care routes land on ids that do not exist: an allowed role gets "not found", never a refusal.
    parameters['victimId'] = '01900000-0000-7000-8000-0000000000f1';
    parameters['referralId'] = '01900000-0000-7000-8000-0000000000f2';
    parameters['notificationId'] = '01900000-0000-7000-8000-0000000000f3';
    parameters['grantId'] = '01900000-0000-7000-8000-0000000000f4';
    // Intelligence routes land on a Metropolitan report, which its supervisor may review.
    const report = await runtime.services.intelligence.submit(await actorFor(runtime, demoAccount('officer', 'metropolitan')), {
      text: 'Access matrix report', source: '1', intelligence: 'A', handling: 'P', refersTo: { day: '1', month: '3', year: '2007' }, entities: [], links: [],
    });
    parameters['reportId'] = report.id;
    parameters['estimateId'] = '01900000-0000-7000-8000-0000000000e1';
    // Network chart routes land on a chart that does not exist: an allowed role gets "not found".
    parameters['chartId'] = '01900000-0000-7000-8000-0000000000c1';
    parameters['releaseId'] = '01900000-0000-7000-8000-0000000000e2';
    parameters['reportId'] = (await fileReport(runtime)).id;
    parameters['assetId'] = '01900000-0000-7000-8000-000000000051';
    parameters['subjectType'] = 'visit';
    parameters['subjectId'] = enforcement.visits.v1;
    // A follow-up given to the demo officer by the demo supervisor, both of the Metropolitan force.
    const followUp = await runtime.services.followUps.assign(await actorFor(runtime, demoAccount('supervisor')), {
      subjectType: 'visit', subjectId: enforcement.visits.v1, assigneeId: (await actorFor(runtime, demoAccount('officer'))).userId,
      dueOn: { day: '1', month: '1', year: '2030' }, note: 'Check the premises again',
    });
    parameters['followUpId'] = followUp.id;
    // Information-line routes land on a call id that does not exist: an adviser gets "not found".
    parameters['callId'] = '01900000-0000-7000-8000-0000000000c1';
    parameters['chart'] = 'monthly.svg';
    parameters['table'] = 'headline.csv';
    for (const role of ROLES) {
      const account = demoAccount(role);
      const client = new WebClient(app);
      await client.signIn(account.email, account.password);
      pages.set(role, client);
      const { secret } = await runtime.services.apiTokens.create(await actorFor(runtime, account), 'access matrix', null);
      apiClients.set(role, new WebClient(app, secret));
    }
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it('has an entry in the access table for every registered route, matching what the route declares', () => {
    const declared = app.declaredRoutes().filter((route) => route.method !== 'HEAD');
    const problems: string[] = [];
    for (const route of declared) {
      const key = routeKey(route.method, route.url);
      const expected = EXPECTED_ACCESS[key];
      if (expected === undefined) problems.push(`${key} has no entry in the access table`);
      else if (!declaredMatches(expected, route.access)) problems.push(`${key} declares ${JSON.stringify(route.access)}, the table says ${JSON.stringify(expected)}`);
    }
    const registered = new Set(declared.map((route) => routeKey(route.method, route.url)));
    for (const key of Object.keys(EXPECTED_ACCESS)) if (!registered.has(key)) problems.push(`${key} is in the table but not registered`);
    expect(problems).toEqual([]);
  });

  const walkable = Object.entries(EXPECTED_ACCESS).filter(([key]) => !key.includes('*') && key !== 'POST /sign-out');

  for (const who of [null, ...ROLES] as const) {
    it(`answers ${who ?? 'someone not signed in'} on every route as the table says`, async () => {
      const mismatches: string[] = [];
      for (const [key, expected] of walkable) {
        const [method = 'GET', pattern = '/'] = key.split(' ');
        const url = pattern.replace(/:(\w+)/g, (_match, name: string) => {
          if (name === 'id') return pattern.includes('/users/') ? parameters['userId'] ?? '' : pattern.includes('/intelligence/') ? parameters['reportId'] ?? '' : parameters['organisationId'] ?? '';
          return parameters[name] ?? '';
        });
        const api = url.startsWith('/api/');
        const client = who === null ? new WebClient(app) : (api ? apiClients : pages).get(who);
        if (client === undefined) throw new Error('no client');
        if (!api && who === null && method !== 'GET') await client.get('/sign-in');
        const response = api
          ? await client.request(method as 'GET', url, method === 'GET' ? undefined : {})
          : method === 'GET' ? await client.get(url) : await client.post(url, {});
        const toSignIn = response.statusCode === 303 && String(response.headers.location ?? '').startsWith('/sign-in?');
        const refused = response.statusCode === 401 || response.statusCode === 403 || toSignIn;
        const allowed = allowedFor(expected, who);
        if (allowed && refused) mismatches.push(`${key}: expected access, got ${response.statusCode}`);
        if (!allowed) {
          const expectedRefusal = api ? (who === null ? 401 : 403) : who === null ? 'redirect to sign-in' : 403;
          const actual = toSignIn ? 'redirect to sign-in' : response.statusCode;
          if (actual !== expectedRefusal) mismatches.push(`${key}: expected ${expectedRefusal}, got ${actual}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

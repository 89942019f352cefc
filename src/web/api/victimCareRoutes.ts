// Victim care through the API: thin handlers over the services the pages use, so the same
// organisations see the same people and the same steps are refused.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CARE_ROLES, CONSENT_ROLES, IDENTIFIER_ROLES, RECEIVER_ROLES, RECONSIDERATION_ROLES, VICTIM_CARE_ROLES } from '../../access/policies/victimCare.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { DateParts } from '../../domain/recording/enteredValues.ts';
import type { VictimPath } from '../../domain/victimPath/path.ts';
import type { Services } from '../../services/index.ts';
import { actorOf } from '../routeGuard.ts';
import { IdParams, Problem } from './schemas.ts';
import {
  AnonymousNotification, CreatedVictimRecord, Deadlines, DeadlinesQuery, IncomingReferral, NewDecision, NewExtension, NewPotentialVictim, NewReferral, PathResult,
  PotentialVictim, PotentialVictimSummary, Reason, Referral, NewSupport, SupportRecorded, NewConsentChange, ConsentChanged, NewCaseClosure,
} from './victimCareSchemas.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const security = [{ bearerToken: [] }];
const tags = ['victim care'];
const READERS = rolesOnly(...VICTIM_CARE_ROLES);
const IDENTIFIERS = rolesOnly(...IDENTIFIER_ROLES);
const RECEIVERS = rolesOnly(...RECEIVER_ROLES);
const DECIDERS = rolesOnly('decision-maker');

/** An ISO date (or a year, or year and month) as the three boxes the services read. */
function dateParts(text: string | undefined): DateParts {
  const [year = '', month = '', day = ''] = (text ?? '').split('-');
  return { day, month, year };
}

const pathResult = (path: VictimPath) => ({ stage: path.stage, path });

export async function registerVictimCareApiRoutes(parent: FastifyInstance, services: Services): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/potential-victims', {
    config: { access: READERS },
    schema: { summary: 'The people the caller’s organisation deals with, newest first, with their clocks', tags, security, response: { 200: Type.Array(PotentialVictimSummary), ...problems } },
  }, async (request) => services.potentialVictims.list(actorOf(request)));

  app.get('/potential-victims/export/htcds.csv', {
    config: { access: rolesOnly('analyst', ...VICTIM_CARE_ROLES) },
    schema: {
      summary: 'Pseudonymised HTCDS case data as CSV: every case for the national centre’s analysts, the organisation’s own for its victim-care staff',
      tags, security, produces: ['text/csv'], response: { 200: Type.String(), ...problems },
    },
  }, async (request, reply) => {
    const result = await services.htcdsExport.exportCsv(actorOf(request));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${result.fileName}"`).header('cache-control', 'no-store').send(result.csv);
  });

  app.post('/potential-victims', {
    config: { access: IDENTIFIERS },
    schema: { summary: 'Record a potential victim, or an anonymous notification for an adult who does not consent', tags, security, body: NewPotentialVictim, response: { 201: CreatedVictimRecord, ...problems } },
  }, async (request, reply) => {
    const b = request.body;
    const created = await services.potentialVictims.create(actorOf(request), {
      personFoundId: b.personFoundId ?? '', identificationRoute: b.identificationRoute ?? '', exploitationTypes: b.exploitationTypes ?? [], methodsOfControl: b.methodsOfControl ?? [],
      childStatus: b.childStatus, consent: b.consent, localAuthorityId: b.localAuthorityId ?? '', supportWanted: b.supportWanted ?? [], interpreterLanguage: b.interpreterLanguage ?? '',
      dependants: String(b.dependants ?? 0), dependantsNote: b.dependantsNote ?? '', fullName: b.fullName ?? '', dateOfBirth: dateParts(b.dateOfBirth), sex: b.sex,
      nationality: b.nationality ?? '', ageBand: b.ageBand ?? '', address: b.address ?? '', safeToWrite: b.safeToWrite ?? '', phone: b.phone ?? '', email: b.email ?? '',
      account: b.account ?? '', jurisdiction: b.jurisdiction ?? '',
    });
    return reply.code(201).send(created);
  });

  app.get('/potential-victims/:id', {
    config: { access: READERS },
    schema: { summary: 'One person’s record, as much as the caller’s organisation may see (each read is audited)', tags, security, params: IdParams, response: { 200: PotentialVictim, ...problems } },
  }, async (request) => services.potentialVictims.get(actorOf(request), request.params.id));

  app.post('/potential-victims/:id/referrals', {
    config: { access: IDENTIFIERS },
    schema: { summary: 'Refer the person to the competent authority or (with consent) a support charity', tags, security, params: IdParams, body: NewReferral, response: { 201: Referral, ...problems } },
  }, async (request, reply) => reply.code(201).send(await services.victimReferrals.refer(actorOf(request), request.params.id, request.body)));

  app.get('/victim-referrals/incoming', {
    config: { access: RECEIVERS },
    schema: { summary: 'Referrals waiting for the caller’s organisation to answer', tags, security, response: { 200: Type.Array(IncomingReferral), ...problems } },
  }, async (request) => services.victimReferrals.incoming(actorOf(request)));

  app.post('/victim-referrals/:id/accept', {
    config: { access: RECEIVERS },
    schema: { summary: 'Accept a referral made to the caller’s organisation', tags, security, params: IdParams, response: { 200: Referral, ...problems } },
  }, async (request) => services.victimReferrals.accept(actorOf(request), request.params.id));

  app.post('/victim-referrals/:id/decline', {
    config: { access: RECEIVERS },
    schema: { summary: 'Decline a referral, with the reason', tags, security, params: IdParams, body: Reason, response: { 200: Referral, ...problems } },
  }, async (request) => services.victimReferrals.decline(actorOf(request), request.params.id, request.body.reason));

  app.post('/victim-referrals/:id/withdraw', {
    config: { access: IDENTIFIERS },
    schema: { summary: 'Withdraw a referral the caller’s organisation sent, with the reason', tags, security, params: IdParams, body: Reason, response: { 200: Referral, ...problems } },
  }, async (request) => services.victimReferrals.withdraw(actorOf(request), request.params.id, request.body.reason));

  for (const stage of ['reasonable-grounds', 'conclusive-grounds'] as const) {
    app.post(`/potential-victims/:id/${stage}`, {
      config: { access: DECIDERS },
      schema: {
        summary: stage === 'reasonable-grounds' ? 'Record the reasonable-grounds decision (target: 5 working days after the referral)' : 'Record the conclusive-grounds decision (not before the reflection period has ended)',
        tags, security, params: IdParams, body: NewDecision, response: { 200: PathResult, ...problems },
      },
    }, async (request) => {
      const input = { outcome: request.body.outcome, decidedOn: dateParts(request.body.decidedOn), reason: request.body.reason ?? '' };
      const path = stage === 'reasonable-grounds'
        ? await services.victimDecisions.recordReasonableGrounds(actorOf(request), request.params.id, input)
        : await services.victimDecisions.recordConclusiveGrounds(actorOf(request), request.params.id, input);
      return pathResult(path);
    });
  }

  app.post('/potential-victims/:id/extensions', {
    config: { access: DECIDERS },
    schema: { summary: 'Extend the recovery and reflection period, with the reason', tags, security, params: IdParams, body: NewExtension, response: { 200: PathResult, ...problems } },
  }, async (request) => pathResult(await services.victimDecisions.extendReflectionPeriod(actorOf(request), request.params.id, { days: String(request.body.days), reason: request.body.reason })));

  app.post('/potential-victims/:id/reconsideration', {
    config: { access: rolesOnly(...RECONSIDERATION_ROLES) },
    schema: { summary: 'Ask for a negative decision to be reconsidered (first responder or support provider)', tags, security, params: IdParams, body: Reason, response: { 200: PathResult, ...problems } },
  }, async (request) => pathResult(await services.victimDecisions.requestReconsideration(actorOf(request), request.params.id, request.body)));

  app.get('/victim-deadlines', {
    config: { access: READERS },
    schema: { summary: 'Decisions due, overdue, and reflection periods ending within 7 days, for the caller’s organisation', tags, security, querystring: DeadlinesQuery, response: { 200: Deadlines, ...problems } },
  }, async (request) => services.victimDeadlines.deadlines(actorOf(request), request.query.today === undefined ? {} : { today: request.query.today }));

  app.post('/potential-victims/:id/support', {
    config: { access: rolesOnly(...CARE_ROLES) },
    schema: { summary: 'Record support the caller’s charity gave the person (once per submissionId)', tags, security, params: IdParams, body: NewSupport, response: { 200: SupportRecorded, 201: SupportRecorded, ...problems } },
  }, async (request, reply) => {
    const b = request.body;
    const recorded = await services.victimCare.recordSupport(actorOf(request), request.params.id, { kind: b.kind, givenOn: dateParts(b.givenOn), note: b.note ?? '' }, b.submissionId);
    return reply.code(recorded.created ? 201 : 200).send(recorded);
  });

  app.post('/potential-victims/:id/consent', {
    config: { access: rolesOnly(...CONSENT_ROLES) },
    schema: { summary: 'Record consent given later, or withdrawn (which ends the care referral)', tags, security, params: IdParams, body: NewConsentChange, response: { 200: ConsentChanged, ...problems } },
  }, async (request) => services.victimCare.changeConsent(actorOf(request), request.params.id, request.body));

  app.post('/potential-victims/:id/closure', {
    config: { access: rolesOnly(...CARE_ROLES) },
    schema: { summary: 'Close the caller’s charity’s case with a move-on plan', tags, security, params: IdParams, body: NewCaseClosure, response: { 204: Type.Null(), ...problems } },
  }, async (request, reply) => {
    await services.victimCare.closeCase(actorOf(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });

  app.get('/anonymous-notifications/:id', {
    config: { access: IDENTIFIERS },
    schema: { summary: 'One anonymous notification the caller’s organisation made', tags, security, params: IdParams, response: { 200: AnonymousNotification, ...problems } },
  }, async (request) => services.potentialVictims.getAnonymousNotification(actorOf(request), request.params.id));
}

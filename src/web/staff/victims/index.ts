// Victim care pages: the organisation's people with their clocks, a new record (named or an
// anonymous notification), one person's record with the actions open to the viewer, and the
// referral answers. Every form works without JavaScript and comes back with a GOV.UK error summary.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../access/actor.ts';
import { ConflictError, ValidationError, type FieldError } from '../../../access/errors.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import {
  canAnswerReferral, canChangeConsent, canDecide, canGrantVictimAccess, canIdentifyVictims, canRecordCare, canRequestReconsiderationAs, canWithdrawReferral, IDENTIFIER_ROLES, RECEIVER_ROLES,
  RECONSIDERATION_ROLES, VICTIM_CARE_ROLES,
} from '../../../access/policies/victimCare.ts';
import type { Services } from '../../../services/index.ts';
import type { PotentialVictimDetail } from '../../../services/victimCare/potentialVictims.ts';
import { errorView, formBody, NO_ERRORS, textField, type ErrorView, type FormBody } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { dateField, EMPTY_DATE } from '../recording/forms.ts';
import { clockText, VICTIM_LABELS } from './labels.ts';
import { registerNewVictimRoutes } from './newRecord.ts';
import { registerVictimCarePages } from './care.ts';
import { registerVictimAnalysisPages } from './analysis.ts';

const READERS = { config: { access: rolesOnly(...VICTIM_CARE_ROLES) } };
const IDENTIFIERS = { config: { access: rolesOnly(...IDENTIFIER_ROLES) } };
const RECEIVERS = { config: { access: rolesOnly(...RECEIVER_ROLES) } };
const DECIDERS = { config: { access: rolesOnly('decision-maker') } };
const RECONSIDERERS = { config: { access: rolesOnly(...RECONSIDERATION_ROLES) } };

/** Which action form on the detail page was posted, so its errors land beside its own fields. */
type ActionForm = 'refer' | 'reasonable-grounds' | 'conclusive-grounds' | 'extend' | 'reconsider' | 'decline' | 'withdraw';

interface ActionState { form: ActionForm; errors: ErrorView; values: FormBody; referralId?: string }

function actionErrors(form: ActionForm, errors: readonly FieldError[]): ErrorView {
  const view = errorView(errors.map((e) => ({ field: `${form}-${e.field}`, message: e.message })));
  // A date's error links to its day box, as the GOV.UK date input pattern asks.
  return { ...view, errorList: view.errorList.map((e) => (e.href.endsWith('-decidedOn') ? { ...e, href: `${e.href}-day` } : e)) };
}

export async function registerVictimCareRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const organisationNames = async (actor: Actor) => Object.fromEntries((await services.organisations.list(actor, { includeRetired: true })).map((o) => [o.id, o.name]));

  app.get('/victims', READERS, async (request, reply) => {
    const actor = actorOf(request);
    const [people, deadlines, incoming] = await Promise.all([
      services.potentialVictims.list(actor), services.victimDeadlines.deadlines(actor), services.victimReferrals.incoming(actor),
    ]);
    return reply.page('staff/victims/list.njk', {
      people: people.map((p) => ({ ...p, clockText: clockText(p) })), deadlines, incoming, names: await organisationNames(actor), labels: VICTIM_LABELS,
      canCreate: canIdentifyVictims(actor),
    });
  });

  registerNewVictimRoutes(app, services, IDENTIFIERS);
  registerVictimCarePages(app, services);
  registerVictimAnalysisPages(app, services);

  const detailPage = async (reply: FastifyReply, actor: Actor, victimId: string, state?: ActionState): Promise<FastifyReply> => {
    const person = await services.potentialVictims.get(actor, victimId);
    const organisations = await services.organisations.list(actor);
    return reply.code(state === undefined ? 200 : 400).page('staff/victims/detail.njk', {
      person, clockText: clockText(person), names: await organisationNames(actor), labels: VICTIM_LABELS,
      actions: actionsFor(actor, person), active: state?.form, referralInError: state?.referralId, values: state?.values ?? {},
      decidedOn: state === undefined ? EMPTY_DATE : dateField(state.values, 'decidedOn'),
      ...(state?.errors ?? NO_ERRORS),
      competentAuthorityItems: organisations.filter((o) => o.kind === 'competent-authority').map((o) => ({ value: o.id, text: o.name })),
      charityItems: [{ value: '', text: 'Select a charity' }, ...organisations.filter((o) => o.kind === 'support-charity').map((o) => ({ value: o.id, text: o.name }))],
    });
  };

  app.get('/victims/:victimId', READERS, async (request, reply) => detailPage(reply, actorOf(request), victimIdOf(request)));

  /** Runs an action; refused input (or a step the path does not allow now) comes back as the page with its errors. */
  const act = async (
    request: FastifyRequest, reply: FastifyReply, form: ActionForm, victimId: string, save: (body: FormBody) => Promise<string>,
    options: { referralId?: string; redirectTo?: string } = {},
  ) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    try {
      const title = await save(body);
      request.session.flash = { kind: 'success', title };
      return await reply.redirect(options.redirectTo ?? `/victims/${victimId}`, 303);
    } catch (error) {
      const fieldErrors = error instanceof ValidationError ? error.fieldErrors : error instanceof ConflictError ? [{ field: 'form', message: error.message }] : undefined;
      if (fieldErrors === undefined) throw error;
      return detailPage(reply, actor, victimId, { form, errors: actionErrors(form, fieldErrors), values: body, ...(options.referralId === undefined ? {} : { referralId: options.referralId }) });
    }
  };

  app.post('/victims/:victimId/referrals', IDENTIFIERS, async (request, reply) => act(request, reply, 'refer', victimIdOf(request), async (body) => {
    const referral = await services.victimReferrals.refer(actorOf(request), victimIdOf(request), { kind: textField(body, 'kind'), toOrganisationId: textField(body, 'toOrganisationId') });
    return referral.kind === 'competent-authority' ? 'Referred to the competent authority' : 'Referred to the support charity';
  }));

  for (const [stage, form] of [['reasonable-grounds', 'reasonable-grounds'], ['conclusive-grounds', 'conclusive-grounds']] as const) {
    app.post(`/victims/:victimId/${stage}`, DECIDERS, async (request, reply) => act(request, reply, form, victimIdOf(request), async (body) => {
      const input = { outcome: textField(body, 'outcome'), decidedOn: dateField(body, 'decidedOn'), reason: textField(body, 'reason') };
      if (stage === 'reasonable-grounds') await services.victimDecisions.recordReasonableGrounds(actorOf(request), victimIdOf(request), input);
      else await services.victimDecisions.recordConclusiveGrounds(actorOf(request), victimIdOf(request), input);
      return stage === 'reasonable-grounds' ? 'Reasonable-grounds decision recorded' : 'Conclusive-grounds decision recorded';
    }));
  }

  app.post('/victims/:victimId/extensions', DECIDERS, async (request, reply) => act(request, reply, 'extend', victimIdOf(request), async (body) => {
    await services.victimDecisions.extendReflectionPeriod(actorOf(request), victimIdOf(request), { days: textField(body, 'days'), reason: textField(body, 'reason') });
    return 'Reflection period extended';
  }));

  app.post('/victims/:victimId/reconsideration', RECONSIDERERS, async (request, reply) => act(request, reply, 'reconsider', victimIdOf(request), async (body) => {
    await services.victimDecisions.requestReconsideration(actorOf(request), victimIdOf(request), { reason: textField(body, 'reason') });
    return 'Reconsideration requested';
  }));

  app.post('/victim-referrals/:referralId/accept', RECEIVERS, async (request, reply) => {
    const referral = await services.victimReferrals.accept(actorOf(request), referralIdOf(request));
    request.session.flash = { kind: 'success', title: 'Referral accepted' };
    return reply.redirect(`/victims/${referral.potentialVictimId}`, 303);
  });

  // Declining and withdrawing need a reason; the person's id comes with the form so a missing reason can be shown on their page.
  app.post('/victim-referrals/:referralId/decline', RECEIVERS, async (request, reply) => {
    const victimId = textField(formBody(request.body), 'victimId');
    return act(request, reply, 'decline', victimId, async (body) => {
      await services.victimReferrals.decline(actorOf(request), referralIdOf(request), textField(body, 'reason'));
      return 'Referral declined';
    }, { referralId: referralIdOf(request), redirectTo: '/victims' });
  });

  app.post('/victim-referrals/:referralId/withdraw', IDENTIFIERS, async (request, reply) => {
    const victimId = textField(formBody(request.body), 'victimId');
    return act(request, reply, 'withdraw', victimId, async (body) => {
      const referral = await services.victimReferrals.withdraw(actorOf(request), referralIdOf(request), textField(body, 'reason'));
      return referral.kind === 'competent-authority' ? 'Referral to the competent authority withdrawn' : 'Referral to the support charity withdrawn';
    }, { referralId: referralIdOf(request) });
  });
}

function victimIdOf(request: FastifyRequest): string {
  return (request.params as { victimId: string }).victimId;
}

function referralIdOf(request: FastifyRequest): string {
  return (request.params as { referralId: string }).referralId;
}

/** Which forms the viewer sees: decided by the same policies the services apply. */
function actionsFor(actor: Actor, person: PotentialVictimDetail) {
  const full = person.access === 'full';
  const relations = {
    organisationId: person.organisationId, localAuthorityId: person.localAuthorityId,
    referrals: person.referrals.map((r) => ({ fromOrganisationId: r.fromOrganisationId, toOrganisationId: r.toOrganisationId, status: r.status })),
  };
  const liveAuthority = person.referrals.find((r) => r.kind === 'competent-authority' && (r.status === 'pending' || r.status === 'accepted'));
  const decides = canDecide(actor) && liveAuthority?.status === 'accepted' && liveAuthority.toOrganisationId === actor.organisationId;
  const reconsidering = person.clock?.kind === 'reconsideration' ? person.clock.of : undefined;
  const careReferrals = person.referrals.map((r) => ({ kind: r.kind, fromOrganisationId: r.fromOrganisationId, toOrganisationId: r.toOrganisationId, status: r.status, closedOn: r.closedOn }));
  const parties = (r: PotentialVictimDetail['referrals'][number]) => ({ fromOrganisationId: r.fromOrganisationId, toOrganisationId: r.toOrganisationId, status: r.status });
  return {
    refer: full && canIdentifyVictims(actor),
    referToAuthority: liveAuthority === undefined,
    referToCharity: person.consent === 'given',
    answer: person.referrals.filter((r) => r.status === 'pending' && canAnswerReferral(actor, parties(r))).map((r) => r.id),
    withdraw: person.referrals.filter((r) => (r.status === 'pending' || r.status === 'accepted') && canWithdrawReferral(actor, parties(r))).map((r) => r.id),
    reasonableGrounds: decides && (person.stage === 'awaiting-reasonable-grounds' || reconsidering === 'reasonable-grounds'),
    conclusiveGrounds: decides && (person.stage === 'recovery-period' || reconsidering === 'conclusive-grounds'),
    extend: decides && person.stage === 'recovery-period' && person.reflectionDaysLeft !== null,
    grantAccess: full && canGrantVictimAccess(actor, person.organisationId),
    recordCare: full && careReferrals.some((r) => canRecordCare(actor, r)),
    changeConsent: full && canChangeConsent(actor, relations, careReferrals),
    reconsider: full && (person.stage === 'reasonable-grounds-negative' || person.stage === 'conclusive-grounds-negative') && canRequestReconsiderationAs(actor, relations) !== undefined,
  };
}

// The charity's pages for a person in its care: support given, a change of consent, and closing
// the case with a move-on plan. Each is a page of its own so its error summary is its own; each
// works without JavaScript. The consent page may be shown to the person, so it has "Exit this page".
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../access/actor.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import { CARE_ROLES, CONSENT_ROLES } from '../../../access/policies/victimCare.ts';
import { caseClosureReasonTerms, consentChangeTerms, supportKindTerms } from '../../../domain/vocabularies/victimCare.ts';
import type { Services } from '../../../services/index.ts';
import { formBody, NO_ERRORS, textField, withFormErrors, type ErrorView } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { choices, dateField, EMPTY_DATE, recordingErrors, submissionIdOf } from '../recording/forms.ts';
import type { DateParts } from '../../../domain/recording/enteredValues.ts';

const CARERS = { config: { access: rolesOnly(...CARE_ROLES) } };
const CONSENT = { config: { access: rolesOnly(...CONSENT_ROLES) } };

interface SupportValues { kind: string; givenOn: DateParts; note: string; submissionId: string }
interface ConsentValues { change: string; reason: string }
interface ClosureValues { reason: string; moveOnPlan: string }

function victimIdOf(request: FastifyRequest): string {
  return (request.params as { victimId: string }).victimId;
}

export function registerVictimCarePages(app: FastifyInstance, services: Services): void {
  /** The person as the page heading needs them: only someone with the whole record gets this far. */
  const personOf = async (actor: Actor, victimId: string) => {
    const person = await services.potentialVictims.get(actor, victimId);
    return { id: person.id, name: person.identity?.fullName ?? 'Potential victim', consent: person.consent };
  };

  const supportPage = async (reply: FastifyReply, actor: Actor, victimId: string, values: SupportValues, errors: ErrorView = NO_ERRORS) => reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/victims/support.njk', {
    person: await personOf(actor, victimId), values, ...errors, kindItems: choices(supportKindTerms, values.kind, 'checked'),
  });

  app.get('/victims/:victimId/support/new', CARERS, async (request, reply) =>
    supportPage(reply, actorOf(request), victimIdOf(request), { kind: '', givenOn: EMPTY_DATE, note: '', submissionId: submissionIdOf(null) }));

  app.post('/victims/:victimId/support', CARERS, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values: SupportValues = { kind: textField(body, 'kind'), givenOn: dateField(body, 'givenOn'), note: textField(body, 'note'), submissionId: submissionIdOf(body) };
    return withFormErrors(async () => {
      await services.victimCare.recordSupport(actor, victimIdOf(request), values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Support recorded' };
      return reply.redirect(`/victims/${victimIdOf(request)}`, 303);
    }, (errors) => {
      const refused = recordingErrors(errors, ['givenOn']);
      // A refused submission id is replaced, so the corrected form can be saved.
      return supportPage(reply, actor, victimIdOf(request), errors.some((e) => e.field === 'submissionId') ? { ...values, submissionId: submissionIdOf(null) } : values, refused);
    });
  });

  const consentPage = async (reply: FastifyReply, actor: Actor, victimId: string, values: ConsentValues, errors: ErrorView = NO_ERRORS) => reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/victims/consent.njk', {
    person: await personOf(actor, victimId), values, ...errors, changeItems: choices(consentChangeTerms, values.change, 'checked'),
  });

  app.get('/victims/:victimId/consent', CONSENT, async (request, reply) => consentPage(reply, actorOf(request), victimIdOf(request), { change: '', reason: '' }));

  app.post('/victims/:victimId/consent', CONSENT, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values: ConsentValues = { change: textField(body, 'change'), reason: textField(body, 'reason') };
    return withFormErrors(async () => {
      const { endedReferralIds } = await services.victimCare.changeConsent(actor, victimIdOf(request), values);
      request.session.flash = values.change === 'given'
        ? { kind: 'success', title: 'Consent recorded as given', text: 'The person can now be referred to a support charity.' }
        : { kind: 'success', title: 'Consent recorded as withdrawn', text: endedReferralIds.length > 0 ? 'The referral to the support charity has ended.' : 'There was no referral to a support charity to end.' };
      // A charity whose referral just ended no longer sees the person.
      const stillSees = await services.potentialVictims.get(actor, victimIdOf(request)).then(() => true, () => false);
      return reply.redirect(stillSees ? `/victims/${victimIdOf(request)}` : '/victims', 303);
    }, (errors) => consentPage(reply, actor, victimIdOf(request), values, recordingErrors(errors, [])));
  });

  const closurePage = async (reply: FastifyReply, actor: Actor, victimId: string, values: ClosureValues, errors: ErrorView = NO_ERRORS) => reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/victims/close.njk', {
    person: await personOf(actor, victimId), values, ...errors, reasonItems: choices(caseClosureReasonTerms, values.reason, 'checked'),
  });

  app.get('/victims/:victimId/close', CARERS, async (request, reply) => closurePage(reply, actorOf(request), victimIdOf(request), { reason: '', moveOnPlan: '' }));

  app.post('/victims/:victimId/close', CARERS, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values: ClosureValues = { reason: textField(body, 'reason'), moveOnPlan: textField(body, 'moveOnPlan') };
    return withFormErrors(async () => {
      await services.victimCare.closeCase(actor, victimIdOf(request), values);
      request.session.flash = { kind: 'success', title: 'Case closed', text: 'The move-on plan is on the timeline.' };
      return reply.redirect(`/victims/${victimIdOf(request)}`, 303);
    }, (errors) => closurePage(reply, actor, victimIdOf(request), values, recordingErrors(errors, [])));
  });
}

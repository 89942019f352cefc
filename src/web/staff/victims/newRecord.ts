// A new potential-victim record. One form serves both outcomes: a named record, or — for an
// adult who does not consent — an anonymous notification, for which only the four facts it
// keeps are read from the form (the rest of what was typed is dropped, never stored).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteAccess } from '../../../access/policies/routes.ts';
import { jurisdictions } from '../../../domain/calendar/jurisdiction.ts';
import type { DateParts } from '../../../domain/recording/enteredValues.ts';
import { consentTerms } from '../../../domain/vocabularies/consent.ts';
import { sexTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypeTerms } from '../../../domain/vocabularies/exploitationTypes.ts';
import { methodOfControlTerms } from '../../../domain/vocabularies/methodsOfControl.ts';
import { nationalityTerms } from '../../../domain/vocabularies/nationalities.ts';
import { ageBandTerms, childStatusTerms, identificationRouteTerms, safeToWriteTerms, supportKindTerms } from '../../../domain/vocabularies/victimCare.ts';
import type { Services } from '../../../services/index.ts';
import type { PotentialVictimInput } from '../../../services/victimCare/validation.ts';
import { formBody, listField, NO_ERRORS, textField, withFormErrors, type ErrorView, type FormBody } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { choices, dateField, EMPTY_DATE, recordingErrors } from '../recording/forms.ts';
import { VICTIM_LABELS } from './labels.ts';

const TEXT_FIELDS = [
  'personFoundId', 'identificationRoute', 'childStatus', 'consent', 'localAuthorityId', 'interpreterLanguage', 'dependants', 'dependantsNote', 'fullName',
  'sex', 'nationality', 'ageBand', 'address', 'safeToWrite', 'phone', 'email', 'account', 'jurisdiction',
] as const;

type Values = Record<(typeof TEXT_FIELDS)[number], string> & Record<'exploitationTypes' | 'methodsOfControl' | 'supportWanted', string[]> & { dateOfBirth: DateParts };

const countries = [...nationalityTerms].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

function emptyValues(): Values {
  return { ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<(typeof TEXT_FIELDS)[number], string>), exploitationTypes: [], methodsOfControl: [], supportWanted: [], dateOfBirth: EMPTY_DATE };
}

function valuesOf(body: FormBody): Values {
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((f) => [f, textField(body, f)])) as Record<(typeof TEXT_FIELDS)[number], string>),
    exploitationTypes: listField(body, 'exploitationTypes'), methodsOfControl: listField(body, 'methodsOfControl'), supportWanted: listField(body, 'supportWanted'),
    dateOfBirth: dateField(body, 'dateOfBirth'),
  };
}

const checked = (terms: readonly { id: string; label: string }[], chosen: readonly string[]) => terms.map((t) => ({ value: t.id, text: t.label, checked: chosen.includes(t.id) }));

export function registerNewVictimRoutes(app: FastifyInstance, services: Services, route: { config: { access: RouteAccess } }): void {
  const page = async (reply: FastifyReply, actor: ReturnType<typeof actorOf>, values: Values, errors: ErrorView = NO_ERRORS) => {
    const localAuthorities = (await services.organisations.list(actor)).filter((o) => o.kind === 'local-authority');
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/victims/new.njk', {
      values, ...errors,
      routeItems: choices(identificationRouteTerms, values.identificationRoute, 'checked'),
      exploitationItems: checked(exploitationTypeTerms, values.exploitationTypes),
      controlItems: checked(methodOfControlTerms, values.methodsOfControl),
      supportItems: checked(supportKindTerms, values.supportWanted),
      childItems: choices(childStatusTerms, values.childStatus, 'checked'),
      consentItems: choices(consentTerms, values.consent, 'checked'),
      sexItems: choices(sexTerms, values.sex, 'checked'),
      nationalityItems: choices(countries, values.nationality, 'selected', 'Not known'),
      ageBandItems: choices(ageBandTerms, values.ageBand, 'selected', 'Select an age band'),
      safeItems: choices(safeToWriteTerms, values.safeToWrite, 'checked'),
      jurisdictionItems: choices(jurisdictions, values.jurisdiction, 'selected', 'Where my organisation is'),
      localAuthorityItems: [{ value: '', text: 'Select a local authority' }, ...localAuthorities.map((o) => ({ value: o.id, text: o.name, selected: o.id === values.localAuthorityId }))],
    });
  };

  app.get('/victims/new', route, async (request, reply) => {
    const actor = actorOf(request);
    const personFoundId = (request.query as { personFoundId?: string }).personFoundId ?? '';
    if (personFoundId === '') return page(reply, actor, emptyValues());
    const start = await services.potentialVictims.startFromPersonFound(actor, personFoundId);
    return page(reply, actor, {
      ...emptyValues(), personFoundId: start.personFoundId, identificationRoute: 'found-on-visit', fullName: start.fullName, dateOfBirth: start.dateOfBirth, sex: start.sex,
      nationality: start.nationality, exploitationTypes: start.exploitationTypes, childStatus: start.childStatus, consent: start.consent,
      interpreterLanguage: start.interpreterLanguage, account: start.account,
    });
  });

  app.post('/victims/new', route, async (request, reply) => {
    const actor = actorOf(request);
    const values = valuesOf(formBody(request.body));
    return withFormErrors(async () => {
      const input: PotentialVictimInput = { ...values };
      const created = await services.potentialVictims.create(actor, input);
      if (created.kind === 'anonymous-notification') {
        request.session.flash = { kind: 'success', title: 'Anonymous notification made', text: 'The person did not consent, so nothing that could identify them was kept.' };
        return reply.redirect(`/anonymous-notifications/${created.id}`, 303);
      }
      request.session.flash = { kind: 'success', title: 'Potential-victim record made' };
      return reply.redirect(`/victims/${created.id}`, 303);
    }, (errors) => page(reply, actor, values, recordingErrors(errors, ['dateOfBirth'])));
  });

  app.get('/anonymous-notifications/:notificationId', route, async (request, reply) => {
    const notification = await services.potentialVictims.getAnonymousNotification(actorOf(request), (request.params as { notificationId: string }).notificationId);
    return reply.page('staff/victims/anonymous-notification.njk', { notification, labels: VICTIM_LABELS });
  });
}

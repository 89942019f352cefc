import type { FastifyInstance, FastifyReply } from 'fastify';
import { lines, type DateParts } from '../../../domain/recording/enteredValues.ts';
import { consentTerms } from '../../../domain/vocabularies/consent.ts';
import { identityDocumentKindTerms, personRoleTerms, sexTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypeTerms } from '../../../domain/vocabularies/exploitationTypes.ts';
import { nationalityTerms } from '../../../domain/vocabularies/nationalities.ts';
import type { Services } from '../../../services/index.ts';
import type { VisitRow } from '../../../store/schema.ts';
import { NO_ERRORS, formBody, textField, type ErrorView, type FormBody, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, choices, dateField, recordingErrors, renderForm, submissionIdOf } from './forms.ts';

const TEXT_FIELDS = [
  'role', 'fullName', 'givenNames', 'familyName', 'aliases', 'estimatedAge', 'sex', 'nationality', 'languages', 'document1Kind', 'document1Number',
  'document1Country', 'phoneNumbers', 'account', 'exploitationType', 'possibleChild', 'consent', 'interpreterLanguage',
] as const;
type PersonValues = Record<(typeof TEXT_FIELDS)[number] | 'submissionId', string> & { dateOfBirth: DateParts };

const countries = [...nationalityTerms].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

function valuesOf(body: FormBody | null): PersonValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, body === null ? '' : textField(body, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...text, dateOfBirth: body === null ? EMPTY_DATE : dateField(body, 'dateOfBirth'), submissionId: submissionIdOf(body) };
}

export function registerPersonRecording(app: FastifyInstance, services: Services): void {
  const page = (reply: FastifyReply, visit: VisitRow, values: PersonValues, errors: ErrorView = NO_ERRORS) =>
    renderForm(reply, 'staff/recording/person.njk', {
      values, visit,
      roleItems: personRoleTerms.map((t) => ({ value: t.id, text: t.label, checked: t.id === values.role, hint: { text: ROLE_HINTS[t.id] } })),
      sexItems: choices(sexTerms, values.sex, 'checked'),
      nationalityItems: choices(countries, values.nationality, 'selected', 'Not known'),
      documentKindItems: choices(identityDocumentKindTerms, values.document1Kind, 'selected', 'No document'),
      documentCountryItems: choices(countries, values.document1Country, 'selected', 'Not known'),
      exploitationItems: choices(exploitationTypeTerms, values.exploitationType, 'selected', 'Not known yet'),
      consentItems: choices(consentTerms, values.consent, 'checked'),
    }, errors);

  app.get('/visits/:visitId/people/new', RECORDING_ROUTE, async (request, reply) => {
    const visit = await services.enforcementRecording.visitForRecording(actorOf(request), (request.params as { visitId: string }).visitId);
    return page(reply, visit, valuesOf(null));
  });

  app.post('/visits/:visitId/people/new', RECORDING_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const visit = await services.enforcementRecording.visitForRecording(actor, (request.params as { visitId: string }).visitId);
    const values = valuesOf(formBody(request.body));
    return withFormErrors(async () => {
      const person = await services.enforcementRecording.addPersonFound(actor, visit.id, {
        ...values, aliases: lines(values.aliases), phoneNumbers: lines(values.phoneNumbers),
        languages: values.languages.split(/[,\n]/).map((l) => l.trim()).filter((l) => l !== ''),
        identityDocuments: [{ kind: values.document1Kind, number: values.document1Number, issuingCountry: values.document1Country }],
      }, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Person recorded' };
      return reply.redirect(`/people/${person.id}`, 303);
    }, (errors) => page(reply, visit, values, recordingErrors(errors, ['dateOfBirth'])));
  });
}

const ROLE_HINTS: Record<(typeof personRoleTerms)[number]['id'], string> = {
  'potential-victim': 'Someone who may have been trafficked or exploited',
  suspect: 'Someone suspected of an offence',
  'other-present': 'Anyone else found there, such as a customer or a neighbour',
};

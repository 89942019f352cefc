import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dateParts, lines, type DateParts } from '../../../domain/recording/enteredValues.ts';
import { consentTerms } from '../../../domain/vocabularies/consent.ts';
import { identityDocumentKindTerms, personRoleTerms, sexTerms } from '../../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypeTerms } from '../../../domain/vocabularies/exploitationTypes.ts';
import { nationalityTerms } from '../../../domain/vocabularies/nationalities.ts';
import type { IdentityDocumentInput, PersonFoundInput } from '../../../services/enforcementRecording.ts';
import { versionOf as recordVersion } from '../../../services/enforcementEditing.ts';
import type { Services } from '../../../services/index.ts';
import type { PersonFoundRow, VisitRow } from '../../../store/schema.ts';
import { NO_ERRORS, formBody, textField, type ErrorView, type FormBody, withFormErrors } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { EMPTY_DATE, RECORDING_ROUTE, choices, dateField, editView, recordingErrors, refusingStale, renderForm, submissionIdOf, versionOf, type EditView } from './forms.ts';

const TEXT_FIELDS = [
  'role', 'fullName', 'givenNames', 'familyName', 'aliases', 'estimatedAge', 'sex', 'nationality', 'languages', 'document1Kind', 'document1Number',
  'document1Country', 'phoneNumbers', 'account', 'exploitationType', 'possibleChild', 'consent', 'interpreterLanguage',
] as const;
type PersonValues = Record<(typeof TEXT_FIELDS)[number] | 'submissionId', string> & { dateOfBirth: DateParts; version?: string };

const countries = [...nationalityTerms].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

function valuesOf(body: FormBody | null): PersonValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, body === null ? '' : textField(body, name)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return { ...text, dateOfBirth: body === null ? EMPTY_DATE : dateField(body, 'dateOfBirth'), submissionId: submissionIdOf(body) };
}

function parsed<T>(json: string): T[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as T[]) : [];
}

/** What the form shows for a stored record: lists one per line, the first identity document in its boxes. */
function storedValues(person: PersonFoundRow): PersonValues {
  const [document] = parsed<{ kind?: string; number?: string; issuingCountry?: string | null }>(person.identity_documents);
  return {
    role: person.role, fullName: person.full_name, givenNames: person.given_names, familyName: person.family_name, aliases: parsed<string>(person.aliases).join('\n'),
    estimatedAge: person.estimated_age === null ? '' : String(person.estimated_age), sex: person.sex, nationality: person.nationality ?? '',
    languages: parsed<string>(person.languages).join(', '), document1Kind: document?.kind ?? '', document1Number: document?.number ?? '',
    document1Country: document?.issuingCountry ?? '', phoneNumbers: parsed<string>(person.phone_numbers).join('\n'), account: person.account,
    exploitationType: person.exploitation_type ?? '', possibleChild: Number(person.possible_child) === 1 ? 'yes' : '', consent: person.consent ?? '',
    interpreterLanguage: person.interpreter_language ?? '', dateOfBirth: dateParts(person.date_of_birth), submissionId: submissionIdOf(null), version: recordVersion(person),
  };
}

/** The form's values as the service takes them; an edit keeps any further documents the form has no boxes for. */
function personInput(values: PersonValues, furtherDocuments: IdentityDocumentInput[] = []): PersonFoundInput {
  return {
    ...values, aliases: lines(values.aliases), phoneNumbers: lines(values.phoneNumbers),
    languages: values.languages.split(/[,\n]/).map((l) => l.trim()).filter((l) => l !== ''),
    identityDocuments: [{ kind: values.document1Kind, number: values.document1Number, issuingCountry: values.document1Country }, ...furtherDocuments],
  };
}

export function registerPersonRecording(app: FastifyInstance, services: Services): void {
  const page = (reply: FastifyReply, visit: VisitRow, values: PersonValues, errors: ErrorView = NO_ERRORS, edit?: EditView) =>
    renderForm(reply, 'staff/recording/person.njk', {
      values, visit, edit,
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
      const person = await services.enforcementRecording.addPersonFound(actor, visit.id, personInput(values), values.submissionId);
      request.session.flash = { kind: 'success', title: 'Person recorded' };
      return reply.redirect(`/people/${person.id}`, 303);
    }, (errors) => page(reply, visit, values, recordingErrors(errors, ['dateOfBirth'])));
  });

  const personAndVisit = async (request: FastifyRequest) => {
    const actor = actorOf(request);
    const person = await services.enforcementRecording.personForRecording(actor, (request.params as { personId: string }).personId, 'edit');
    return { person, visit: await services.enforcementRecording.visitForRecording(actor, person.visit_id) };
  };
  const edit = (personId: string) => editView(`/people/${personId}`, 'Change the person’s record');

  app.get('/people/:personId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { person, visit } = await personAndVisit(request);
    return page(reply, visit, storedValues(person), NO_ERRORS, edit(person.id));
  });

  app.post('/people/:personId/edit', RECORDING_ROUTE, async (request, reply) => {
    const { person, visit } = await personAndVisit(request);
    const body = formBody(request.body);
    const values = { ...valuesOf(body), version: versionOf(body) };
    const furtherDocuments = parsed<IdentityDocumentInput>(person.identity_documents).slice(1).map((d) => ({ kind: d.kind, number: d.number, issuingCountry: d.issuingCountry ?? '' }));
    return withFormErrors(async () => {
      await refusingStale(() => services.enforcementEditing.editPersonFound(actorOf(request), person.id, personInput(values, furtherDocuments), values));
      request.session.flash = { kind: 'success', title: 'Person’s record changed' };
      return reply.redirect(`/people/${person.id}`, 303);
    }, (errors) => page(reply, visit, values, recordingErrors(errors, ['dateOfBirth']), edit(person.id)));
  });
}

const ROLE_HINTS: Record<(typeof personRoleTerms)[number]['id'], string> = {
  'potential-victim': 'Someone who may have been trafficked or exploited',
  suspect: 'Someone suspected of an offence',
  'other-present': 'Anyone else found there, such as a customer or a neighbour',
};

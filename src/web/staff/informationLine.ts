// The information line's pages: the list of calls with its filters, the call form (with the
// guidance for the indicators ticked, shown without JavaScript by a "Show guidance" button that
// keeps everything typed), and one call in full. The route lets advisers in; the service narrows
// to the national centre's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import { ValidationError } from '../../access/errors.ts';
import { canRecordCalls } from '../../access/policies/informationLine.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import { indicatorById, indicatorGroups, indicatorsInGroup } from '../../domain/indicators/index.ts';
import { consentTerms } from '../../domain/vocabularies/consent.ts';
import { sexTerms } from '../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypeTerms } from '../../domain/vocabularies/exploitationTypes.ts';
import { callerTypes, callerTypeTerms, callOutcomes, callOutcomeTerms } from '../../domain/vocabularies/informationLine.ts';
import { nationalityTerms } from '../../domain/vocabularies/nationalities.ts';
import { ageBandTerms } from '../../domain/vocabularies/victimCare.ts';
import { EMPTY_CALL, type CallInput, type CallSummary } from '../../services/informationLine.ts';
import type { Services } from '../../services/index.ts';
import { errorView, formBody, listField, NO_ERRORS, textField, withFormErrors, type ErrorView, type FormBody } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { choices, renderForm, submissionIdOf } from './recording/forms.ts';

export const CALL_TAKERS = { config: { access: rolesOnly('information-line-adviser') } };

const TEXT_FIELDS = [
  'callerType', 'callerOrganisation', 'callerContact', 'situation', 'actionTaken', 'advice', 'outcome', 'durationMinutes', 'consent', 'fullName', 'sex',
  'nationality', 'ageBand', 'localAuthorityId', 'charityId', 'address', 'town', 'postcode', 'placeDescription', 'forceId',
] as const;

export type ScreeningValues = CallInput & { submissionId: string };
type Values = ScreeningValues;

const countries = [...nationalityTerms].sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
const checked = (terms: readonly { id: string; label: string }[], chosen: readonly string[]) => terms.map((t) => ({ value: t.id, text: t.label, checked: chosen.includes(t.id) }));
const organisationItems = (organisations: ReadonlyArray<{ id: string; name: string }>, chosen: string, placeholder: string) =>
  [{ value: '', text: placeholder }, ...organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === chosen }))];

/** The screening form as posted, kept as typed for re-display. */
export function screeningValuesOf(body: FormBody): Values {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, textField(body, f)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  return {
    ...EMPTY_CALL, ...text, indicators: listField(body, 'indicators'), exploitationTypes: listField(body, 'exploitationTypes'),
    possibleChild: textField(body, 'possibleChild') === 'yes', immediateDanger: textField(body, 'immediateDanger') === 'yes',
    alsoAlertForce: textField(body, 'alsoAlertForce') === 'yes', submissionId: submissionIdOf(body),
  };
}

export const CALL_LABELS = {
  callerType: Object.fromEntries(callerTypeTerms.map((t) => [t.id, t.label])) as Record<string, string>,
  outcome: Object.fromEntries(callOutcomeTerms.map((t) => [t.id, t.label])) as Record<string, string>,
};

export async function registerInformationLineRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const line = services.informationLine;

  const listPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = actorOf(request);
    const raw = request.query as Record<string, unknown>;
    const text = (name: string): string => (typeof raw[name] === 'string' ? raw[name] : '');
    const filters = { from: text('from'), to: text('to'), outcome: text('outcome'), adviserId: text('adviserId') };
    const page = Math.max(Number.parseInt(text('page'), 10) || 1, 1);
    let errors: ErrorView = NO_ERRORS;
    let listing: { total: number; items: CallSummary[] } = { total: 0, items: [] };
    try {
      listing = await line.list(actor, { ...filters, limit: 50, offset: (page - 1) * 50 });
    } catch (error) {
      // A filter that is not a date comes back as the page with the error summary, nothing listed.
      if (!(error instanceof ValidationError)) throw error;
      errors = errorView(error.fieldErrors);
    }
    const advisers = await line.advisers(actor);
    const next = new URLSearchParams({ ...filters, page: String(page + 1) }).toString();
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/information-line/list.njk', {
      ...errors, filters, calls: listing.items, total: listing.total, labels: CALL_LABELS, canRecord: canRecordCalls(actor),
      nextHref: page * 50 < listing.total ? `/information-line?${next}` : null,
      outcomeItems: choices(callOutcomeTerms, filters.outcome, 'selected', 'Any outcome'),
      adviserItems: [{ value: '', text: 'Any adviser' }, ...advisers.map((a) => ({ value: a.id, text: a.name, selected: a.id === filters.adviserId }))],
    });
  };

  app.get('/information-line', CALL_TAKERS, listPage);

  const formPage = (reply: FastifyReply, actor: Actor, values: Values, errors: ErrorView = NO_ERRORS, showGuidance = false) =>
    screeningFormPage(line, reply, actor, values, { errors, showGuidance, selfScreening: false });

  app.get('/information-line/new', CALL_TAKERS, async (request, reply) => formPage(reply, actorOf(request), { ...EMPTY_CALL, submissionId: submissionIdOf(null) }));

  app.post('/information-line/new', CALL_TAKERS, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values = screeningValuesOf(body);
    // "Show guidance" saves nothing: it shows the profile for the boxes ticked so far.
    if (textField(body, 'intent') === 'guidance') return formPage(reply, actor, values, NO_ERRORS, true);
    return withFormErrors(async () => {
      const { id } = await line.record(actor, values, values.submissionId);
      request.session.flash = { kind: 'success', title: 'Call recorded' };
      return reply.redirect(`/information-line/${id}`, 303);
    }, (errors) => formPage(reply, actor, values, errorView(errors), true));
  });

  app.get('/information-line/:callId', CALL_TAKERS, async (request, reply) => {
    const call = await line.get(actorOf(request), (request.params as { callId: string }).callId);
    const indicators = call.indicators.map((id) => {
      const indicator = indicatorById(id);
      return { label: indicator?.label ?? id, group: indicatorGroups.find((g) => g.id === indicator?.group)?.label ?? 'Other' };
    });
    return reply.page('staff/information-line/show.njk', {
      call, indicators, labels: CALL_LABELS,
      callerTypeLabel: callerTypes.has(call.callerType) ? callerTypes.label(call.callerType) : call.callerType,
      outcomeLabel: callOutcomes.has(call.outcome) ? callOutcomes.label(call.outcome) : call.outcome,
    });
  });
}

/**
 * The screening form: an adviser's call record, or (selfScreening) a first responder's own
 * screening. Shows the profile and its guidance for what is ticked; never a score.
 */
export async function screeningFormPage(
  line: Services['informationLine'], reply: FastifyReply, actor: Actor, values: Values,
  options: { errors?: ErrorView; showGuidance?: boolean; selfScreening: boolean },
) {
  const { errors = NO_ERRORS, showGuidance = false, selfScreening } = options;
  const destinations = await line.destinations(actor);
  const profile = line.profile(values);
  return renderForm(reply, 'staff/information-line/new.njk', {
    values, showGuidance, profile, selfScreening,
    callerItems: choices(callerTypeTerms, values.callerType, 'checked'),
    indicatorGroups: indicatorGroups.map((g) => ({
      id: g.id, label: g.label, source: g.source, items: checked(indicatorsInGroup(g.id), values.indicators),
    })),
    outcomeItems: choices(callOutcomeTerms, values.outcome, 'checked'),
    consentItems: choices(consentTerms, values.consent, 'checked'),
    sexItems: choices(sexTerms, values.sex, 'checked'),
    nationalityItems: choices(countries, values.nationality, 'selected', 'Not known'),
    ageBandItems: choices(ageBandTerms, values.ageBand, 'selected', 'Select an age band'),
    exploitationItems: checked(exploitationTypeTerms, values.exploitationTypes),
    localAuthorityItems: organisationItems(destinations.localAuthorities, values.localAuthorityId, 'Select a local authority'),
    charityItems: organisationItems(destinations.charities, values.charityId, 'Select a support charity'),
    forceItems: organisationItems(destinations.forces, values.forceId, 'Route by the place given'),
  }, errors);
}

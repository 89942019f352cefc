// Intelligence report pages: the list of reports the actor may read, the submission form under
// the organisation's grading scheme, and a report with its grade in the scheme's own words,
// its history, and (for a supervisor of the originating organisation) re-grade, sanitise and
// authorise-sharing forms. A report the actor may not read is "not found".
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FieldError } from '../../access/errors.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import { fiveByFiveByFive, threeByFiveByTwo, type GradingScheme } from '../../domain/intelligence/schemes.ts';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, RELATIONSHIP_LABELS, RELATIONSHIP_TYPES } from '../../domain/network/entities.ts';
import type { EntityMentionInput, LinkInput, ReportInput } from '../../services/intelligence.ts';
import type { Services } from '../../services/index.ts';
import { NO_ERRORS, errorView, formBody, textField, withFormErrors, type ErrorView, type FormBody } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { EMPTY_DATE, dateField, recordingErrors } from './recording/forms.ts';

export const INTELLIGENCE_USERS = rolesOnly('officer', 'supervisor', 'analyst');
export const INTELLIGENCE_REVIEWERS = rolesOnly('supervisor');
const ENTITY_ROWS = 6;
const LINK_ROWS = 4;

function schemeOf(id: GradingScheme) {
  return id === '5x5x5' ? fiveByFiveByFive : threeByFiveByTwo;
}

function codeItems(codes: readonly { code: string; label: string }[], chosen: string) {
  return [{ value: '', text: 'Select' }, ...codes.map((c) => ({ value: c.code, text: `${c.code}: ${c.label}`, selected: c.code === chosen }))];
}

function gradeItems(scheme: GradingScheme, values: { source: string; intelligence: string; handling: string }) {
  const s = schemeOf(scheme);
  return { schemeLabel: s.label, sourceItems: codeItems(s.source, values.source), intelligenceItems: codeItems(s.intelligence, values.intelligence), handlingItems: codeItems(s.handling, values.handling) };
}

function entityRowsOf(body: FormBody | null): EntityMentionInput[] {
  return Array.from({ length: ENTITY_ROWS }, (_, i) => ({
    type: body === null ? '' : textField(body, `entity-${i + 1}-type`), value: body === null ? '' : textField(body, `entity-${i + 1}-value`),
    detail: body === null ? '' : textField(body, `entity-${i + 1}-detail`), recordId: body === null ? '' : textField(body, `entity-${i + 1}-record`),
  }));
}

function linkRowsOf(body: FormBody | null): LinkInput[] {
  return Array.from({ length: LINK_ROWS }, (_, i) => ({
    from: body === null ? '' : textField(body, `link-${i + 1}-from`), relationship: body === null ? '' : textField(body, `link-${i + 1}-relationship`),
    to: body === null ? '' : textField(body, `link-${i + 1}-to`),
  }));
}

export async function registerIntelligenceRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const intelligence = services.intelligence;
  const organisationName = async (id: string) => (await services.context.store.repositories.organisations.findById(id))?.name ?? '';

  const form = async (reply: FastifyReply, values: ReportInput, errors: ErrorView = NO_ERRORS) => {
    const actor = actorOf(reply.request);
    const scheme = await intelligence.gradingSchemeOf(actor.kind === 'user' ? actor.organisationId : '');
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/intelligence/new.njk', {
      ...errors, values, ...gradeItems(scheme, values),
      entityRows: values.entities.map((row, i) => ({ ...row, number: i + 1, typeItems: [{ value: '', text: 'Not used' }, ...ENTITY_TYPES.map((t) => ({ value: t, text: ENTITY_TYPE_LABELS[t], selected: t === row.type }))] })),
      linkRows: values.links.map((row, i) => ({
        ...row, number: i + 1,
        fromItems: [{ value: '', text: '–' }, ...values.entities.map((_e, n) => ({ value: String(n + 1), text: `Entity ${n + 1}`, selected: String(n + 1) === row.from }))],
        toItems: [{ value: '', text: '–' }, ...values.entities.map((_e, n) => ({ value: String(n + 1), text: `Entity ${n + 1}`, selected: String(n + 1) === row.to }))],
        relationshipItems: [{ value: '', text: 'Select' }, ...RELATIONSHIP_TYPES.map((r) => ({ value: r, text: RELATIONSHIP_LABELS[r], selected: r === row.relationship }))],
      })),
    });
  };

  app.get('/intelligence', { config: { access: INTELLIGENCE_USERS } }, async (request, reply) => {
    const reports = await intelligence.list(actorOf(request));
    const names = new Map<string, string>();
    for (const report of reports) if (!names.has(report.organisationId)) names.set(report.organisationId, await organisationName(report.organisationId));
    return reply.page('staff/intelligence/list.njk', { reports: reports.map((r) => ({ ...r, organisation: names.get(r.organisationId) ?? '' })) });
  });

  app.get('/intelligence/new', { config: { access: INTELLIGENCE_USERS } }, async (_request, reply) =>
    form(reply, { text: '', source: '', intelligence: '', handling: '', refersTo: EMPTY_DATE, entities: entityRowsOf(null), links: linkRowsOf(null) }));

  app.post('/intelligence/new', { config: { access: INTELLIGENCE_USERS } }, async (request, reply) => {
    const body = formBody(request.body);
    const values: ReportInput = {
      text: textField(body, 'text'), source: textField(body, 'source'), intelligence: textField(body, 'intelligence'), handling: textField(body, 'handling'),
      refersTo: dateField(body, 'refersTo'), entities: entityRowsOf(body), links: linkRowsOf(body),
    };
    return withFormErrors(async () => {
      const report = await intelligence.submit(actorOf(request), values);
      request.session.flash = { kind: 'success', title: `Intelligence report submitted, graded ${report.gradeText}` };
      return reply.redirect(`/intelligence/${report.id}`, 303);
    }, (errors) => form(reply, values, recordingErrors(errors, ['refersTo'])));
  });

  const detail = async (reply: FastifyReply, id: string, errors: FieldError[] = [], posted: Record<string, string> = {}) => {
    const actor = actorOf(reply.request);
    const report = await intelligence.get(actor, id);
    const organisations = report.canReview && report.needsAuthorisationToShare
      ? (await services.organisations.list(actor, { includeRetired: false })).filter((o) => o.id !== report.organisationId).map((o) => ({ value: o.id, text: o.name, selected: o.id === posted['recipientOrganisationId'] }))
      : [];
    return reply.code(errors.length > 0 ? 400 : 200).page('staff/intelligence/detail.njk', {
      ...errorView(errors), report, posted, organisation: await organisationName(report.organisationId),
      ...gradeItems(report.grade.scheme, { source: posted['source'] ?? report.grade.source, intelligence: posted['intelligence'] ?? report.grade.intelligence, handling: posted['handling'] ?? report.grade.handling }),
      recipientItems: [{ value: '', text: 'Select an organisation' }, ...organisations],
      entityTypeLabels: ENTITY_TYPE_LABELS, relationshipLabels: RELATIONSHIP_LABELS,
    });
  };

  app.get('/intelligence/:reportId', { config: { access: INTELLIGENCE_USERS } }, async (request, reply) =>
    detail(reply, (request.params as { reportId: string }).reportId));

  type Actor = ReturnType<typeof actorOf>;
  const review = (path: string, fields: readonly string[], save: (actor: Actor, id: string, v: Record<string, string>) => Promise<unknown>, done: string) => {
    app.post(`/intelligence/:reportId/${path}`, { config: { access: INTELLIGENCE_REVIEWERS } }, async (request, reply) => {
      const id = (request.params as { reportId: string }).reportId;
      const body = formBody(request.body);
      const values = Object.fromEntries(fields.map((f) => [f, textField(body, f)]));
      return withFormErrors(async () => {
        await save(actorOf(request), id, values);
        request.session.flash = { kind: 'success', title: done };
        return reply.redirect(`/intelligence/${id}`, 303);
      }, (errors) => detail(reply, id, errors, values));
    });
  };
  const v = (values: Record<string, string>, name: string): string => values[name] ?? '';
  review('regrade', ['source', 'intelligence', 'handling', 'reason'], (actor, id, values) =>
    intelligence.regrade(actor, id, { source: v(values, 'source'), intelligence: v(values, 'intelligence'), handling: v(values, 'handling'), reason: v(values, 'reason') }), 'Report re-graded');
  review('sanitise', ['sanitisedText', 'sanitiseReason'], (actor, id, values) =>
    intelligence.sanitise(actor, id, { text: v(values, 'sanitisedText'), reason: v(values, 'sanitiseReason') }), 'Report sanitised');
  review('disseminations', ['recipientOrganisationId', 'conditions'], (actor, id, values) =>
    intelligence.authoriseDissemination(actor, id, { recipientOrganisationId: v(values, 'recipientOrganisationId'), conditions: v(values, 'conditions') }), 'Sharing authorised and recorded');
}

// The triage queue of public reports on the staff surface: the queue, one report, and the forms
// that record an outcome or link the report to an enforcement record. Access is decided twice:
// the route lets supervisors and analysts in, the service narrows to the reports they may triage.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { canReadConfidentialContact, triageableForces } from '../../access/policies/publicReports.ts';
import { rolesOnly } from '../../access/policies/routes.ts';
import type { Actor } from '../../access/actor.ts';
import { translator } from '../../public/i18n/translate.ts';
import { checkAnswersSummary } from '../../public/report/validation.ts';
import type { Services } from '../../services/index.ts';
import { TRIAGE_OUTCOMES, type ReportDetail } from '../../services/publicReportTriage.ts';
import { NO_ERRORS, errorView, formBody, textField, withFormErrors, type ErrorView } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { escapeHtml } from '../views.ts';

export const TRIAGE_ROUTE = { config: { access: rolesOnly('supervisor', 'analyst') } };

export const TRIAGE_LABELS = {
  status: { new: 'New', 'passed-to-intelligence': 'Passed to intelligence', 'visit-planned': 'Visit planned', 'no-further-action': 'No further action' } as Record<string, string>,
  outcome: {
    'passed-to-intelligence': 'Passed to intelligence', 'visit-planned': 'Visit planned', 'no-further-action': 'No further action', 're-routed': 'Sent to another force',
  } as Record<string, string>,
  danger: { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' } as Record<string, string>,
  routingBasis: { 'postcode-district': 'postcode district', 'postcode-area': 'postcode area', town: 'town', eircode: 'Eircode', triage: 'sent on at triage' } as Record<string, string>,
  contactPreference: { share: 'Details may be shared with the police', confidential: 'Confidential', anonymous: 'Anonymous' } as Record<string, string>,
};

const CONTACT_FIELDS = new Set(['contactName', 'contactPhone', 'contactEmail', 'safeTimes']);

/** The public form's own English labels, so staff read the questions the reporter answered. */
function signLabels(signs: readonly string[]): string[] {
  const t = translator('en');
  return signs.map((sign) => t(`field.signs.option.${sign}`));
}

interface OutcomeValues { outcome: string; reason: string; toForceId: string }
interface LinkValues { recordType: string; recordId: string }

export async function registerTriageRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const triage = services.publicReportTriage;

  app.get('/triage', TRIAGE_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const query = request.query as Record<string, unknown>;
    const show = query['show'] === 'all' ? 'all' : 'open';
    const national = triageableForces(actor) === undefined;
    const unplaced = national && query['unplaced'] === '1';
    const queue = await triage.queue(actor, { show, unplaced, limit: 100 });
    return reply.page('staff/triage/queue.njk', {
      items: queue.items.map((item) => ({ ...item, signLabels: signLabels(item.signs) })), total: queue.total, show, unplaced, national, labels: TRIAGE_LABELS,
    });
  });

  const showReport = async (reply: FastifyReply, actor: Actor, detail: ReportDetail, outcomeForm: { values: OutcomeValues; errors: ErrorView }, linkForm: { values: LinkValues; errors: ErrorView }) => {
    const rows = checkAnswersSummary(detail.answers, 'en')
      .filter((row) => !(detail.contactWithheld && CONTACT_FIELDS.has(row.field)))
      .map((row) => ({ key: { text: row.label }, value: { html: row.value.map((line) => escapeHtml(line).replace(/\r?\n/g, '<br>')).join('<br>') } }));
    const forces = await triage.forces(actor);
    const failed = outcomeForm.errors !== NO_ERRORS || linkForm.errors !== NO_ERRORS;
    return reply.code(failed ? 400 : 200).page('staff/triage/report.njk', {
      report: detail, rows, labels: TRIAGE_LABELS,
      errorList: [...outcomeForm.errors.errorList, ...linkForm.errors.errorList],
      outcome: outcomeForm, link: linkForm,
      outcomeItems: TRIAGE_OUTCOMES.map((value) => ({
        value, text: TRIAGE_LABELS.outcome[value] ?? value, checked: outcomeForm.values.outcome === value,
      })),
      forceItems: [{ value: '', text: 'Select a force' }, ...forces.filter((f) => f.id !== detail.routedOrganisationId).map((f) => ({ value: f.id, text: f.name, selected: f.id === outcomeForm.values.toForceId }))],
      canReadConfidential: canReadConfidentialContact(actor),
    });
  };

  const emptyOutcome = { values: { outcome: '', reason: '', toForceId: '' }, errors: NO_ERRORS };
  const emptyLink = { values: { recordType: 'premises', recordId: '' }, errors: NO_ERRORS };

  app.get('/triage/:reportId', TRIAGE_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const detail = await triage.get(actor, (request.params as { reportId: string }).reportId);
    return showReport(reply, actor, detail, emptyOutcome, emptyLink);
  });

  app.post('/triage/:reportId/outcome', TRIAGE_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const reportId = (request.params as { reportId: string }).reportId;
    const body = formBody(request.body);
    const values: OutcomeValues = { outcome: textField(body, 'outcome'), reason: textField(body, 'reason'), toForceId: textField(body, 'toForceId') };
    return withFormErrors(async () => {
      await triage.recordOutcome(actor, reportId, values);
      request.session.flash = { kind: 'success', title: `Outcome recorded: ${TRIAGE_LABELS.outcome[values.outcome] ?? values.outcome}` };
      return reply.redirect(values.outcome === 're-routed' ? '/triage' : `/triage/${reportId}`, 303);
    }, async (errors) => showReport(reply, actor, await triage.get(actor, reportId), { values, errors: errorView(errors) }, emptyLink));
  });

  app.post('/triage/:reportId/links', TRIAGE_ROUTE, async (request, reply) => {
    const actor = actorOf(request);
    const reportId = (request.params as { reportId: string }).reportId;
    const body = formBody(request.body);
    const values: LinkValues = { recordType: textField(body, 'recordType'), recordId: textField(body, 'recordId') };
    return withFormErrors(async () => {
      await triage.link(actor, reportId, values);
      request.session.flash = { kind: 'success', title: 'Record linked to the report' };
      return reply.redirect(`/triage/${reportId}`, 303);
    }, async (errors) => showReport(reply, actor, await triage.get(actor, reportId), emptyOutcome, { values, errors: errorView(errors) }));
  });
}

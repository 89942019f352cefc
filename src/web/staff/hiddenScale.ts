// The hidden scale pages: the form (period, lists, method, threshold), the estimate's page (its
// progress while the background job runs, refreshed by the browser without JavaScript; then the
// result), and the saved estimates.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { rolesOnly } from '../../access/policies/routes.ts';
import { ESTIMATE_METHODS } from '../../analysis/hiddenScale/hiddenScale.ts';
import type { Actor } from '../../access/actor.ts';
import { DEFAULT_SEED, DEFAULT_THRESHOLD, periodErrors, type HiddenScaleForm, type ListChoice } from '../../services/hiddenScale.ts';
import type { Services } from '../../services/index.ts';
import { NO_ERRORS, errorView, formBody, textField, withFormErrors, type ErrorView, type FormBody } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { METHOD_LABELS, detailView, summaryView } from './hiddenScaleView.ts';

const ANALYSTS = rolesOnly('analyst');
const LIST_FIELD = 'list-';

const METHOD_HINTS: Record<string, string> = {
  main: 'Assumes being on one list says nothing about being on another. Often too low when lists share sources.',
  stepwise: 'Adds two-list interactions while they are significant. The default.',
  aic: 'Adds interactions by AIC while each is significant; the interval is by profile likelihood.',
  bic: 'Searches every hierarchical model. Only for up to 5 lists.',
  lcmcr: 'A Bayesian model of hidden groups of people who are met alike. Takes longer.',
};

interface FormValues {
  from: string;
  to: string;
  method: string;
  threshold: string;
  seed: string;
  bootstrapReplicates: string;
  listOf: Record<string, string>;
}

function listsFromBody(body: FormBody): Record<string, string> {
  const listOf: Record<string, string> = {};
  for (const key of Object.keys(body)) if (key.startsWith(LIST_FIELD)) listOf[key.slice(LIST_FIELD.length)] = textField(body, key);
  return listOf;
}

export async function registerHiddenScaleRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const hiddenScale = services.hiddenScale;

  const formPage = async (reply: FastifyReply, actor: Actor, values: FormValues, errors: ErrorView = NO_ERRORS) => {
    const period = { ...(values.from === '' ? {} : { from: values.from }), ...(values.to === '' ? {} : { to: values.to }) };
    const choices: ListChoice[] = await hiddenScale.listChoices(actor, period);
    const saved = await hiddenScale.list(actor, 20);
    const basis = await hiddenScale.linkageBasis(actor);
    return reply.code(errors === NO_ERRORS ? 200 : 400).page('staff/hidden-scale/form.njk', {
      ...errors, values, basis, basisFinished: basis === null ? '' : basis.finishedAt.slice(0, 16).replace('T', ' '),
      organisations: choices.map((c) => ({ ...c, list: values.listOf[c.organisationId] ?? c.defaultList })),
      methodItems: ESTIMATE_METHODS.map((m) => ({ value: m, text: METHOD_LABELS[m], hint: { text: METHOD_HINTS[m] ?? '' }, checked: values.method === m })),
      saved: saved.map(summaryView),
    });
  };

  // The default threshold is the run's upper one: its clusters as they stand, no pair awaiting review joined.
  const defaults = (threshold: number, query: { from?: string; to?: string }): FormValues => ({
    from: query.from ?? '', to: query.to ?? '', method: 'stepwise', threshold: String(threshold), seed: String(DEFAULT_SEED), bootstrapReplicates: '0', listOf: {},
  });

  app.get('/hidden-scale', { config: { access: ANALYSTS } }, async (request, reply) => {
    const query = request.query as { from?: unknown; to?: unknown };
    const basis = await hiddenScale.linkageBasis(actorOf(request));
    const values = defaults(basis?.upperThreshold ?? DEFAULT_THRESHOLD, { from: typeof query.from === 'string' ? query.from.trim() : '', to: typeof query.to === 'string' ? query.to.trim() : '' });
    const errors = periodErrors(values.from, values.to);
    return formPage(reply, actorOf(request), values, errors.length === 0 ? NO_ERRORS : errorView(errors));
  });

  app.post('/hidden-scale', { config: { access: ANALYSTS } }, async (request, reply) => {
    const actor = actorOf(request);
    const body = formBody(request.body);
    const values: FormValues = {
      from: textField(body, 'from'), to: textField(body, 'to'), method: textField(body, 'method'), threshold: textField(body, 'threshold'),
      seed: textField(body, 'seed'), bootstrapReplicates: textField(body, 'bootstrapReplicates'), listOf: listsFromBody(body),
    };
    return withFormErrors(async () => {
      const form: HiddenScaleForm = values;
      const id = await hiddenScale.start(actor, await hiddenScale.parseForm(actor, form));
      return reply.redirect(`/hidden-scale/estimates/${id}`, 303);
    }, (errors) => formPage(reply, actor, values, errorView(errors)));
  });

  app.get('/hidden-scale/estimates', { config: { access: ANALYSTS } }, async (request, reply) => {
    const saved = await hiddenScale.list(actorOf(request));
    return reply.page('staff/hidden-scale/list.njk', { saved: saved.map(summaryView) });
  });

  app.get('/hidden-scale/estimates/:estimateId', { config: { access: ANALYSTS } }, async (request, reply) => {
    const saved = await hiddenScale.get(actorOf(request), (request.params as { estimateId: string }).estimateId);
    return reply.page('staff/hidden-scale/estimate.njk', detailView(saved, saved.createdByName));
  });
}

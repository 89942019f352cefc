// Saved charts and pictures of the network, without JavaScript: a chart is saved from the entities
// an analyst is looking at, reopened as a server-drawn picture with tables of its entities and
// relationships, renamed, annotated and shared. The picture of a neighbourhood is an SVG image.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { drawingOf, jsonForScriptElement } from '../../domain/network/drawing.ts';
import { ENTITY_TYPE_LABELS, RELATIONSHIP_LABELS } from '../../domain/network/entities.ts';
import { gradeLabel, type NetworkGraph } from '../../domain/network/graph.ts';
import { ringLayout } from '../../domain/network/layout.ts';
import { networkSvg } from '../../domain/network/picture.ts';
import type { Services } from '../../services/index.ts';
import { errorView, formBody, listField, textField, withFormErrors, type ErrorView } from '../forms.ts';
import { actorOf } from '../routeGuard.ts';
import { renderForm, submissionIdOf } from './recording/forms.ts';
import { networkFilterOf, networkSelectionOf, queryText } from './networkQuery.ts';
import { NETWORK_READERS } from './networkAccess.ts';

type Query = Record<string, string | string[] | undefined>;
const SVG_TYPE = 'image/svg+xml; charset=utf-8';
const RECORD_PATHS: Record<string, string> = { 'person-found': '/people/', arrest: '/arrests/', visit: '/visits/', 'intelligence-report': '/intelligence/' };

interface ChartFormValues { name: string; notes: string; entities: string[]; submissionId: string }

export async function registerNetworkChartRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const charts = services.networkCharts;
  const forceNames = async () => Object.fromEntries((await services.context.store.repositories.organisations.list()).map((o) => [o.id, o.name]));
  const svg = (reply: FastifyReply, body: string) => reply.type(SVG_TYPE).header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(body);

  app.get('/network/picture.svg', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const query = request.query as Query;
    const key = queryText(query, 'id');
    const depth = networkSelectionOf({ ...query, id: key })?.depth ?? 1;
    const graph = await services.network.neighbourhood(actorOf(request), key, depth, networkFilterOf(query));
    const centre = graph.entities.get(key);
    return svg(reply, networkSvg(graph, ringLayout(graph, [key]), { title: `The network around ${centre?.label ?? 'the entity'}`, highlighted: [key] }));
  });

  app.get('/network/charts', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const actor = actorOf(request);
    const rows = await charts.list(actor);
    const userId = actor.kind === 'user' ? actor.userId : '';
    return reply.page('staff/network/charts.njk', { rows: rows.map((r) => ({ ...r, mine: r.owner_id === userId })) });
  });

  // The form lists the entities of the selection the analyst came from; each is sent back as
  // `offered`, so a form returned with errors lists them all again, ticked as they were.
  const chartForm = async (request: Parameters<typeof actorOf>[0], reply: FastifyReply, values: ChartFormValues, keys: readonly string[], errors?: ErrorView) => {
    const graph = (await services.network.build(actorOf(request))).selection(keys, 0);
    const items = [...graph.entities.values()].map((e) => ({ value: e.key, text: e.label, hint: { text: ENTITY_TYPE_LABELS[e.type] }, checked: values.entities.includes(e.key) }));
    return renderForm(reply, 'staff/network/chart-new.njk', { values, items }, errors);
  };

  app.get('/network/charts/new', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const selection = networkSelectionOf(request.query as Query);
    const keys = selection === undefined ? [] : [...(await services.network.build(actorOf(request))).selection(selection.keys, selection.depth).entities.keys()];
    return chartForm(request, reply, { name: '', notes: '', entities: keys, submissionId: submissionIdOf(null) }, keys);
  });

  app.post('/network/charts/new', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const body = formBody(request.body);
    const values: ChartFormValues = { name: textField(body, 'name'), notes: textField(body, 'notes'), entities: listField(body, 'entities'), submissionId: submissionIdOf(body) };
    const offered = listField(body, 'offered');
    return withFormErrors(async () => {
      const id = await charts.create(actorOf(request), { name: values.name, notes: values.notes, keys: values.entities }, values.submissionId);
      return reply.redirect(`/network/charts/${id}`, 303);
    }, (errors) => chartForm(request, reply, values, offered, errorView(errors)));
  });

  const showChart = async (request: Parameters<typeof actorOf>[0], reply: FastifyReply, chartId: string, errors?: ErrorView, typed?: { name?: string; notes?: string; email?: string }) => {
    const chart = await charts.open(actorOf(request), chartId);
    const picture = networkSvg(chart.graph, chart.layout, { title: chart.name });
    const selection = new URLSearchParams([...chart.keys.map((k): [string, string] => ['id', k]), ['depth', '0']]).toString();
    // Drawn where the analyst left each entity: the same positions as the server's picture.
    const drawing = drawingOf(chart.graph, { layout: chart.layout, entityHref: '/network/entity?id=' });
    return reply.code(errors === undefined ? 200 : 400).page('staff/network/chart.njk', {
      ...(errors ?? {}), chart, picture, selection, drawingJson: drawing === null ? null : jsonForScriptElement(drawing), forceNames: await forceNames(), recordPaths: RECORD_PATHS,
      entityTypeLabels: ENTITY_TYPE_LABELS, relationshipLabels: RELATIONSHIP_LABELS,
      entities: [...chart.graph.entities.values()].sort((a, b) => a.type.localeCompare(b.type) || a.label.localeCompare(b.label)),
      relationships: relationshipRows(chart.graph),
      values: { name: typed?.name ?? chart.name, notes: typed?.notes ?? chart.notes, email: typed?.email ?? '' },
    });
  };

  app.get('/network/charts/:chartId', { config: { access: NETWORK_READERS } }, async (request, reply) =>
    showChart(request, reply, (request.params as { chartId: string }).chartId));

  app.get('/network/charts/:chartId/picture.svg', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const chart = await charts.open(actorOf(request), (request.params as { chartId: string }).chartId);
    return svg(reply, networkSvg(chart.graph, chart.layout, { title: chart.name }));
  });

  app.post('/network/charts/:chartId', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const chartId = (request.params as { chartId: string }).chartId;
    const body = formBody(request.body);
    const typed = { name: textField(body, 'name'), notes: textField(body, 'notes') };
    return withFormErrors(async () => {
      await charts.update(actorOf(request), chartId, typed);
      return reply.redirect(`/network/charts/${chartId}`, 303);
    }, (errors) => showChart(request, reply, chartId, errorView(errors), typed));
  });

  app.post('/network/charts/:chartId/shares', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const chartId = (request.params as { chartId: string }).chartId;
    const email = textField(formBody(request.body), 'email');
    return withFormErrors(async () => {
      await charts.share(actorOf(request), chartId, email);
      return reply.redirect(`/network/charts/${chartId}`, 303);
    }, (errors) => showChart(request, reply, chartId, errorView(errors), { email }));
  });
}

function relationshipRows(graph: NetworkGraph) {
  return graph.relationships.map((r) => ({
    ...r, fromLabel: graph.entities.get(r.from)?.label ?? '', toLabel: graph.entities.get(r.to)?.label ?? '', grade: gradeLabel(r.provenance),
  })).sort((a, b) => a.provenance.date.localeCompare(b.provenance.date) || a.id.localeCompare(b.id));
}

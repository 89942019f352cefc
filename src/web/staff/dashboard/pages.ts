// The dashboards' pages, their charts (SVG images) and their tables as CSV. The national centre
// opens /dashboard; a force's supervisor opening it is taken to their force's dashboard. Charts
// and downloads take the page's own query (operation, period, force), so each shows what the
// page shows.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../access/actor.ts';
import { ValidationError } from '../../../access/errors.ts';
import { canReadNationalDashboard } from '../../../access/policies/dashboard.ts';
import { canEstimateHiddenScale } from '../../../access/policies/hiddenScale.ts';
import { rolesOnly } from '../../../access/policies/routes.ts';
import type { DashboardQuery } from '../../../services/dashboard/dashboard.ts';
import { DASHBOARD_DEFINITIONS } from '../../../services/dashboard/definitions.ts';
import { dashboardTables, isTableId, moneyText, type DashboardTable } from '../../../services/dashboard/tables.ts';
import type { DashboardView } from '../../../services/dashboard/view.ts';
import type { Services } from '../../../services/index.ts';
import { errorView, NO_ERRORS, type ErrorView } from '../../forms.ts';
import { actorOf } from '../../routeGuard.ts';
import { selectItems } from '../enforcement/labels.ts';
import { chartSpecs, renderChart } from './charts.ts';

const READERS = rolesOnly('supervisor', 'analyst');
const QUERY_KEYS = ['operationId', 'from', 'to', 'forceId'] as const;
const NUMBER = new Intl.NumberFormat('en-GB');

function queryOf(raw: unknown): DashboardQuery {
  const given = (raw ?? {}) as Record<string, unknown>;
  const query: DashboardQuery = {};
  for (const key of QUERY_KEYS) {
    const value = given[key];
    if (typeof value === 'string' && value.trim() !== '' && value.length <= 100) query[key] = value.trim();
  }
  return query;
}

/** The page's query again, for its chart and download addresses. */
function queryString(view: DashboardView, includeForce: boolean): string {
  const params = new URLSearchParams();
  if (view.scope.operationId !== undefined) params.set('operationId', view.scope.operationId);
  if (view.scope.from !== undefined) params.set('from', view.scope.from);
  if (view.scope.to !== undefined) params.set('to', view.scope.to);
  if (includeForce && view.force !== null) params.set('forceId', view.force.organisationId);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function displayTable(table: DashboardTable): DashboardTable & { cells: Array<Array<{ text: string; numeric: boolean }>> } {
  return { ...table, cells: table.rows.map((row) => row.map((cell, i) => ({ text: typeof cell === 'number' ? NUMBER.format(cell) : cell, numeric: table.columns[i]?.numeric ?? false }))) };
}

interface FigureBox { label: string; value: string; detail?: string; definition: string; warning?: boolean }

function figureBoxes(view: DashboardView): FigureBox[] {
  const h = view.headline;
  const d = DASHBOARD_DEFINITIONS;
  const n = (v: number) => NUMBER.format(v);
  return [
    { label: 'Premises visited', value: n(h.premisesVisited), detail: `${n(h.visits)} visits`, definition: `${d.premisesVisited} Visits: ${d.visits}` },
    { label: 'Potential victims', value: n(h.potentialVictims), detail: `${n(h.adults)} adults, ${n(h.possibleChildren)} possibly children`, definition: `${d.potentialVictims} Adults: ${d.adults} Children: ${d.possibleChildren}` },
    { label: 'Rescues', value: n(h.rescues), definition: d.rescues },
    { label: 'People arrested', value: n(h.peopleArrested), definition: d.peopleArrested },
    { label: 'Arrests', value: n(h.arrests), definition: d.arrests },
    { label: 'Charges', value: n(h.charges), definition: d.charges },
    { label: 'Convictions', value: n(h.convictions), definition: d.convictions },
    { label: 'Cash seized', value: moneyText(h.cashSeizedMinor), definition: d.cashSeized },
    { label: 'Assets seized', value: n(h.assetsSeized), detail: `worth ${moneyText(h.assetsValueMinor)}`, definition: d.assetsSeized },
    { label: 'Intelligence reports', value: n(h.intelligenceReports), definition: d.intelligenceReports },
    { label: 'Public reports', value: n(h.publicReports), definition: d.publicReports },
    { label: 'Information-line calls', value: view.informationLineCalls === null ? 'National only' : n(view.informationLineCalls), definition: d.informationLineCalls },
  ];
}

function careBoxes(view: DashboardView): FigureBox[] {
  const t = view.victimCare.total;
  const d = DASHBOARD_DEFINITIONS;
  return [
    { label: 'Decisions due', value: NUMBER.format(t.decisionsDue), definition: d.decisionsDue },
    { label: 'Decisions overdue', value: NUMBER.format(t.decisionsOverdue), definition: d.decisionsOverdue, warning: t.decisionsOverdue > 0 },
    { label: 'Reflection periods running', value: NUMBER.format(t.periodsRunning), definition: d.periodsRunning },
    { label: 'Conclusive decisions awaited', value: NUMBER.format(t.conclusiveAwaited), definition: d.conclusiveAwaited },
  ];
}

function estimateView(view: DashboardView, actor: Actor) {
  const e = view.estimate;
  if (e === null) return null;
  const round = (v: number) => NUMBER.format(Math.round(v));
  return {
    value: round(e.estimate),
    interval: e.lower === null ? null : `${e.level === null ? '' : `${Math.round(e.level * 100)}% interval: `}${round(e.lower)} to ${e.upper === null ? 'no upper bound' : round(e.upper)}`,
    observed: e.observed === null ? null : round(e.observed), period: `${e.from ?? 'the first record'} to ${e.to ?? 'the last record'}`, finishedAt: e.finishedAt,
    href: canEstimateHiddenScale(actor) ? `/hidden-scale/estimates/${e.id}` : null,
  };
}

// Charts are drawn once per view of the facts: the key holds the time the facts were counted.
const chartCache = new Map<string, string>();
const CHART_CACHE_SIZE = 300;

function cachedChart(key: string, draw: () => string): string {
  const hit = chartCache.get(key);
  if (hit !== undefined) return hit;
  const svg = draw();
  chartCache.set(key, svg);
  if (chartCache.size > CHART_CACHE_SIZE) {
    const oldest = chartCache.keys().next().value;
    if (oldest !== undefined) chartCache.delete(oldest);
  }
  return svg;
}

export async function registerDashboardPages(app: FastifyInstance, services: Services): Promise<void> {
  const dashboard = services.dashboard;

  const page = async (reply: FastifyReply, actor: Actor, query: DashboardQuery, kind: 'national' | 'force') => {
    const operations = await dashboard.operations(actor);
    const forceChoices = kind === 'force' ? await dashboard.forceChoices(actor) : [];
    let view: DashboardView | null = null;
    let errors: ErrorView = NO_ERRORS;
    try {
      view = kind === 'national' ? await dashboard.national(actor, query) : await dashboard.force(actor, query);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors = errorView(error.fieldErrors);
    }
    const chosenForce = view?.force?.organisationId ?? query.forceId;
    const suffix = view === null ? '' : queryString(view, kind === 'force' && forceChoices.length > 0);
    const tables = view === null ? {} : Object.fromEntries(dashboardTables(view).map((t) => [t.id, displayTable(t)]));
    return reply.code(view === null ? 400 : 200).page(kind === 'national' ? 'staff/dashboard/national.njk' : 'staff/dashboard/force.njk', {
      ...errors, values: { from: query.from ?? '', to: query.to ?? '' }, view, tables, suffix, nationalSuffix: view === null ? '' : queryString(view, false),
      operationItems: selectItems(Object.fromEntries(operations.map((o) => [o.id, o.name])), query.operationId, 'All operations'),
      forceItems: forceChoices.length === 0 ? null : forceChoices.map((f) => ({ value: f.organisationId, text: f.name, selected: f.organisationId === chosenForce })),
      figures: view === null ? [] : figureBoxes(view), care: view === null ? [] : careBoxes(view), estimate: view === null ? null : estimateView(view, actor),
      charts: view === null ? [] : [...chartSpecs(view).entries()].map(([name, spec]) => ({ name, title: spec.title, src: `/dashboard/chart/${name}.svg${suffix}` })),
      national: canReadNationalDashboard(actor),
    });
  };

  app.get('/dashboard', { config: { access: READERS } }, async (request, reply) => {
    const actor = actorOf(request);
    if (!canReadNationalDashboard(actor)) {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`/dashboard/force${search}`, 303);
    }
    return page(reply, actor, queryOf(request.query), 'national');
  });

  app.get('/dashboard/force', { config: { access: READERS } }, async (request, reply) => page(reply, actorOf(request), queryOf(request.query), 'force'));

  app.get<{ Params: { chart: string } }>('/dashboard/chart/:chart', { config: { access: READERS } }, async (request, reply) => {
    const name = request.params.chart.replace(/\.svg$/, '');
    const view = await dashboard.view(actorOf(request), queryOf(request.query));
    const spec = chartSpecs(view).get(name);
    if (spec === undefined || !request.params.chart.endsWith('.svg')) return reply.callNotFound();
    const key = JSON.stringify([view.kind, view.force?.organisationId ?? null, view.scope, view.countedAt, name]);
    return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'private, no-cache').send(cachedChart(key, () => renderChart(spec)));
  });

  app.get<{ Params: { table: string } }>('/dashboard/table/:table', { config: { access: READERS } }, async (request, reply) => {
    const id = request.params.table.replace(/\.csv$/, '');
    if (!isTableId(id) || !request.params.table.endsWith('.csv')) return reply.callNotFound();
    const result = await dashboard.exportCsv(actorOf(request), queryOf(request.query), id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${result.fileName}"`).header('cache-control', 'no-store').send(result.csv);
  });
}

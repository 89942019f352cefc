// The analyst's pages, usable without JavaScript: find an entity, its neighbours by type and its
// timeline under filters, the shortest path between two entities with its evidence, and the
// connected groups and most central entities as tables.
import type { FastifyInstance } from 'fastify';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, RELATIONSHIP_LABELS, RELATIONSHIP_TYPES, isEntityType } from '../../domain/network/entities.ts';
import { gradeLabel, type NetworkFilter, type NetworkGraph } from '../../domain/network/graph.ts';
import { toFollowTheMoneyLines } from '../../domain/network/followTheMoney.ts';
import { drawingOf, jsonForScriptElement } from '../../domain/network/drawing.ts';
import { toGraphML } from '../../domain/network/graphml.ts';
import { RELIABILITY_LABELS, RELIABILITY_LEVELS } from '../../domain/network/reliability.ts';
import { i2EntityTable, i2LinkTable } from '../../services/export/i2Network.ts';
import type { Services } from '../../services/index.ts';
import { MAX_EXPANSION } from '../../services/network.ts';
import { actorOf } from '../routeGuard.ts';
import { NETWORK_READERS } from './networkAccess.ts';
import { registerNetworkChartRoutes } from './networkCharts.ts';
import { networkFilterOf, networkSelectionOf, queryText } from './networkQuery.ts';

export { NETWORK_READERS };
const TABLE_ROWS = 25;

const RECORD_PATHS: Record<string, string> = { 'person-found': '/people/', arrest: '/arrests/', visit: '/visits/', 'intelligence-report': '/intelligence/' };

export async function registerNetworkRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const network = services.network;
  await registerNetworkChartRoutes(app, services);
  const organisations = () => services.context.store.repositories.organisations.list();

  const filterLocals = async (query: Record<string, string | string[] | undefined>, filter: NetworkFilter) => {
    const rows = await organisations();
    const names = new Map(rows.map((o) => [o.id, o.name]));
    const forces = rows.filter((o) => o.kind === 'police-force' || o.kind === 'national-centre')
      .map((o) => ({ value: o.id, text: o.name, selected: filter.organisationIds?.includes(o.id) ?? false }));
    return {
      filter, forceNames: Object.fromEntries(names), recordPaths: RECORD_PATHS, relationshipLabels: RELATIONSHIP_LABELS, entityTypeLabels: ENTITY_TYPE_LABELS,
      from: queryText(query, 'from'), to: queryText(query, 'to'),
      forceItems: [{ value: '', text: 'All forces' }, ...forces],
      relationshipItems: RELATIONSHIP_TYPES.map((r) => ({ value: r, text: RELATIONSHIP_LABELS[r], checked: filter.relationshipTypes?.includes(r) ?? false })),
      gradeItems: RELIABILITY_LEVELS.map((l) => ({ value: l, text: RELIABILITY_LABELS[l], selected: l === filter.minimumReliability })),
    };
  };

  app.get('/network', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const text = queryText(query, 'q');
    const type = queryText(query, 'type');
    const results = text === '' ? [] : await network.search(actorOf(request), text, isEntityType(type) ? type : undefined);
    return reply.page('staff/network/search.njk', {
      q: text, results, searched: text !== '', entityTypeLabels: ENTITY_TYPE_LABELS,
      typeItems: [{ value: '', text: 'Any kind' }, ...ENTITY_TYPES.map((t) => ({ value: t, text: ENTITY_TYPE_LABELS[t], selected: t === type }))],
    });
  });

  app.get('/network/entity', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const query = request.query as Record<string, string | string[] | undefined>;
    const filter = networkFilterOf(query);
    const steps = queryText(query, 'steps') === String(MAX_EXPANSION) ? MAX_EXPANSION : 1;
    const view = await network.entity(actorOf(request), queryText(query, 'id'), filter, steps);
    const filterQuery = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (k === 'id' || k === 'steps' || v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])))).toString();
    const drawing = drawingOf(view.reach, { centre: [view.entity.key], entityHref: `/network/entity?${filterQuery === '' ? '' : `${filterQuery}&`}id=` });
    const groups = ENTITY_TYPES.map((type) => ({ type, label: ENTITY_TYPE_LABELS[type], neighbours: view.neighbours.filter((n) => n.entity.type === type) })).filter((g) => g.neighbours.length > 0);
    const grade = (r: { provenance: Parameters<typeof gradeLabel>[0] }) => gradeLabel(r.provenance);
    return reply.page('staff/network/entity.njk', {
      ...(await filterLocals(query, filter)), view, groups,
      timeline: view.timeline.map((t) => ({ ...t, grade: gradeLabel(t.provenance) })),
      gradeOf: grade, filterQuery, steps, further: view.further, drawingJson: drawing === null ? null : jsonForScriptElement(drawing),
    });
  });

  app.get('/network/path', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const query = request.query as Record<string, string | string[] | undefined>;
    const filter = networkFilterOf(query);
    const from = queryText(query, 'from-entity');
    const to = queryText(query, 'to-entity');
    const result = from === '' || to === '' ? null : await network.path(actorOf(request), from, to, filter);
    return reply.page('staff/network/path.njk', {
      ...(await filterLocals(query, filter)), fromEntity: from, toEntity: to, result,
      steps: result?.steps?.map((s) => ({ ...s, evidence: s.relationships.map((r) => ({ ...r, grade: gradeLabel(r.provenance) })) })) ?? null,
    });
  });

  // Connected groups are quick and shown at once; the measures are computed in the background
  // and cached until the network changes, so this page never waits for betweenness or Louvain.
  app.get('/network/groups', { config: { access: NETWORK_READERS } }, async (request, reply) => {
    const query = request.query as Record<string, string | string[] | undefined>;
    const filter = networkFilterOf(query);
    const { graph, state } = await services.networkMeasures.measures(actorOf(request), filter);
    const groups = graph.groups();
    const measures = state.status === 'ready' ? state.measures : undefined;
    const rows = (measures?.byNode ?? []).map((m) => ({ ...m, entity: graph.entities.get(m.key) ?? { key: m.key, type: 'person' as const, label: m.key } }));
    const top = (key: 'degree' | 'betweenness' | 'pageRank') => [...rows].sort((a, b) => b[key] - a[key] || a.key.localeCompare(b.key)).slice(0, TABLE_ROWS);
    const communities = (measures?.communities ?? []).slice(0, TABLE_ROWS).map((c) => {
      const members = rows.filter((r) => r.community === c.number).sort((a, b) => b.degree - a.degree || a.key.localeCompare(b.key));
      return { ...c, members: members.slice(0, 12).map((m) => m.entity), more: Math.max(members.length - 12, 0) };
    });
    return reply.page('staff/network/groups.njk', {
      ...(await filterLocals(query, filter)), metrics: { entities: graph.entities.size, relationships: graph.relationships.length, groups },
      groups: groups.slice(0, TABLE_ROWS).map((g, i) => ({ number: i + 1, size: g.length, members: g.slice(0, 12), more: Math.max(g.length - 12, 0) })),
      status: state.status, measures, communities, computedAt: state.status === 'ready' ? state.computedAt : '',
      byDegree: top('degree'), byBetweenness: top('betweenness'), byPageRank: top('pageRank'),
    });
  });

  // Every export takes the same filters and an optional selection (`id`, repeated, and `depth`).
  const exportRoute = (path: string, format: string, type: string, filename: string, render: (graph: NetworkGraph, names: ReadonlyMap<string, string>) => string) => {
    app.get(path, { config: { access: NETWORK_READERS } }, async (request, reply) => {
      const query = request.query as Record<string, string | string[] | undefined>;
      const graph = await network.exportGraph(actorOf(request), format, networkFilterOf(query), networkSelectionOf(query));
      const names = new Map((await organisations()).map((o) => [o.id, o.name]));
      return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(render(graph, names));
    });
  };
  exportRoute('/network/export.graphml', 'graphml', 'application/graphml+xml; charset=utf-8', 'lifeline-network.graphml', toGraphML);
  exportRoute('/network/export.ftm.jsonl', 'followthemoney', 'application/x-ndjson; charset=utf-8', 'lifeline-network.ftm.jsonl', toFollowTheMoneyLines);
  exportRoute('/network/export.i2-entities.csv', 'i2-entities', 'text/csv; charset=utf-8', 'lifeline-network-i2-entities.csv', (graph) => i2EntityTable(graph));
  exportRoute('/network/export.i2-links.csv', 'i2-links', 'text/csv; charset=utf-8', 'lifeline-network-i2-links.csv', i2LinkTable);
}

// Whole-network measures, computed away from requests (a worker thread, see
// services/networkMeasures.ts): connected components, degree, betweenness on the largest
// component (the costly one: Brandes is O(n·m)), PageRank, and Louvain communities through
// graphology. Input and output are plain data so they cross to and from a worker thread.
import { createRequire } from 'node:module';
import type { UndirectedGraph as UndirectedGraphType } from 'graphology';
import { seededRandom } from '../seededRandom.ts';
import { Adjacency, BETWEENNESS_SOURCES, betweenness, connectedComponents, degree, pageRank } from './algorithms.ts';

// Both packages are CommonJS whose typings declare an ES default export; requiring them gives the
// value the typings describe, under tsx, vitest and a worker thread alike.
type GraphClass = typeof UndirectedGraphType;
/** The part of graphology-communities-louvain used here (its own typings resolve to the module under NodeNext). */
interface Louvain {
  detailed(graph: InstanceType<GraphClass>, options: { rng: () => number }): { communities: Record<string, number>; modularity: number };
}
const require = createRequire(import.meta.url);
const { UndirectedGraph } = require('graphology') as { UndirectedGraph: GraphClass };
const louvain = require('graphology-communities-louvain') as Louvain;

export interface MeasuresInput {
  readonly nodes: readonly string[];
  readonly edges: ReadonlyArray<readonly [string, string]>;
}

export interface NodeMeasure {
  readonly key: string;
  readonly degree: number;
  /** Normalised within the largest component; 0 for entities outside it. */
  readonly betweenness: number;
  readonly pageRank: number;
  readonly community: number;
}

export interface NetworkMeasures {
  readonly nodes: number;
  readonly links: number;
  /** Sizes of the connected groups of more than one entity, largest first. */
  readonly componentSizes: readonly number[];
  readonly largestComponent: number;
  /** The entities betweenness searched from: all of the largest component, or a random sample of it. */
  readonly betweennessSources: number;
  /** Communities of more than one entity, largest first; their number is the `community` of each node. */
  readonly communities: ReadonlyArray<{ readonly number: number; readonly size: number }>;
  readonly modularity: number;
  readonly byNode: readonly NodeMeasure[];
  readonly milliseconds: number;
}

export function computeMeasures(input: MeasuresInput): NetworkMeasures {
  const started = performance.now();
  const edges = input.edges.map(([from, to], index) => ({ id: String(index), from, to }));
  const adjacency = new Adjacency(input.nodes, edges);
  const components = connectedComponents(adjacency);
  const largest = components[0] ?? [];
  const largestAdjacency = new Adjacency(largest, edges);
  const betweennessSources = Math.min(largest.length, BETWEENNESS_SOURCES);
  const between = betweenness(largestAdjacency, { normalised: true, sources: betweennessSources });
  const degrees = degree(adjacency);
  const ranks = pageRank(adjacency);

  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of input.nodes) graph.mergeNode(node);
  for (const edge of edges) if (edge.from !== edge.to && graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.mergeEdge(edge.from, edge.to);
  const detailed = graph.size === 0 ? { communities: {} as Record<string, number>, modularity: 0 } : louvain.detailed(graph, { rng: seededRandom(20260101) });

  // Renumber communities by size, largest first, so numbers mean the same across runs.
  const members = new Map<number, string[]>();
  for (const node of input.nodes) {
    const community = detailed.communities[node] ?? -1;
    members.set(community, [...(members.get(community) ?? []), node]);
  }
  const ordered = [...members.entries()].filter(([, nodes]) => nodes.length > 1)
    .sort((a, b) => b[1].length - a[1].length || [...a[1]].sort()[0]!.localeCompare([...b[1]].sort()[0]!));
  const numberOf = new Map<number, number>(ordered.map(([community], index) => [community, index + 1]));

  return {
    nodes: input.nodes.length,
    links: graph.size,
    componentSizes: components.filter((c) => c.length > 1).map((c) => c.length),
    largestComponent: largest.length,
    betweennessSources,
    communities: ordered.map(([community, nodes]) => ({ number: numberOf.get(community) ?? 0, size: nodes.length })),
    modularity: detailed.modularity,
    byNode: input.nodes.map((key) => ({
      key, degree: degrees.get(key) ?? 0, betweenness: between.get(key) ?? 0, pageRank: ranks.get(key) ?? 0, community: numberOf.get(detailed.communities[key] ?? -1) ?? 0,
    })),
    milliseconds: Math.round(performance.now() - started),
  };
}

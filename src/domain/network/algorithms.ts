// Network measures over an undirected multigraph of entity keys, written out here because
// graphology-metrics is not a dependency. Each is the textbook algorithm, tested against small
// graphs computed by hand (test/domain/network/algorithms.test.ts).
import { seededRandom } from '../seededRandom.ts';

export interface Edge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/** Neighbours of each node; parallel edges collapse, self-loops are ignored for the measures. */
export class Adjacency {
  readonly neighbours = new Map<string, Set<string>>();
  readonly edgesBetween = new Map<string, string[]>();

  constructor(nodes: Iterable<string>, edges: Iterable<Edge>) {
    for (const node of nodes) this.neighbours.set(node, new Set());
    for (const edge of edges) {
      if (!this.neighbours.has(edge.from) || !this.neighbours.has(edge.to)) continue;
      const pair = pairKey(edge.from, edge.to);
      const list = this.edgesBetween.get(pair);
      if (list === undefined) this.edgesBetween.set(pair, [edge.id]);
      else list.push(edge.id);
      if (edge.from === edge.to) continue;
      this.neighbours.get(edge.from)?.add(edge.to);
      this.neighbours.get(edge.to)?.add(edge.from);
    }
  }

  of(node: string): ReadonlySet<string> {
    return this.neighbours.get(node) ?? new Set();
  }

  edgeIds(a: string, b: string): readonly string[] {
    return this.edgesBetween.get(pairKey(a, b)) ?? [];
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The fewest steps from `from` to `to` (breadth first), as the nodes along the way; null when unconnected. */
export function shortestPath(graph: Adjacency, from: string, to: string): string[] | null {
  if (!graph.neighbours.has(from) || !graph.neighbours.has(to)) return null;
  if (from === to) return [from];
  const previous = new Map<string, string>([[from, from]]);
  let frontier = [from];
  while (frontier.length > 0) {
    const next: string[] = [];
    // Sorted so that among equally short paths the same one is always chosen.
    for (const node of frontier) {
      for (const neighbour of [...graph.of(node)].sort()) {
        if (previous.has(neighbour)) continue;
        previous.set(neighbour, node);
        if (neighbour === to) {
          const path = [to];
          let at = to;
          while (at !== from) {
            at = previous.get(at) ?? from;
            path.push(at);
          }
          return path.reverse();
        }
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return null;
}

/** Connected components, largest first (ties by their smallest node). */
export function connectedComponents(graph: Adjacency): string[][] {
  const seen = new Set<string>();
  const components: string[][] = [];
  for (const start of [...graph.neighbours.keys()].sort()) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const node = stack.pop() ?? start;
      component.push(node);
      for (const neighbour of graph.of(node)) {
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          stack.push(neighbour);
        }
      }
    }
    components.push(component.sort());
  }
  return components.sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** Number of distinct neighbours. */
export function degree(graph: Adjacency): Map<string, number> {
  return new Map([...graph.neighbours].map(([node, neighbours]) => [node, neighbours.size]));
}

/**
 * Above this many entities, betweenness is estimated from shortest paths out of this many of them,
 * drawn at random (Brandes and Pich 2007): exact betweenness costs one search per entity, hours
 * for a national network, while the sample ranks the central entities alike in seconds
 * (bench/network.ts).
 */
export const BETWEENNESS_SOURCES = 1000;
const SOURCES_SEED = 20260101;

export interface BetweennessOptions {
  /** Divide by (n-1)(n-2)/2, the number of pairs that exclude the node. */
  readonly normalised?: boolean;
  /**
   * Start the searches from this many sources, drawn at random, and scale up by n / sources
   * (Brandes and Pich 2007): an unbiased estimate whose cost grows with the sources, not with n.
   * Omitted, or at least n: every node is a source and the answer is exact.
   */
  readonly sources?: number;
  /** Seed of the draw of sources (default SOURCES_SEED), so the same network always gives the same estimate. */
  readonly seed?: number;
}

/**
 * Betweenness centrality (Brandes 2001) for an undirected graph: for each node, the number of
 * shortest paths between other pairs that pass through it, each pair counted once. Runs over
 * integer indices and typed arrays: the national network has hundreds of thousands of entities.
 * The backward pass finds each node's predecessors again as its neighbours one step nearer the
 * source, so no predecessor lists are kept.
 */
export function betweenness(graph: Adjacency, options: BetweennessOptions = {}): Map<string, number> {
  const { nodes, offsets, targets } = compactAdjacency(graph);
  const n = nodes.length;
  const score = new Float64Array(n);
  const distance = new Int32Array(n);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  const order = new Int32Array(n);
  const sources = chooseSources(n, options.sources, options.seed ?? SOURCES_SEED);
  for (const source of sources) {
    distance.fill(-1);
    paths.fill(0);
    dependency.fill(0);
    distance[source] = 0;
    paths[source] = 1;
    order[0] = source;
    let reached = 1;
    for (let head = 0; head < reached; head += 1) {
      const node = order[head]!;
      const next = distance[node]! + 1;
      for (let e = offsets[node]!; e < offsets[node + 1]!; e += 1) {
        const neighbour = targets[e]!;
        if (distance[neighbour] === -1) {
          distance[neighbour] = next;
          order[reached] = neighbour;
          reached += 1;
        }
        if (distance[neighbour] === next) paths[neighbour] = paths[neighbour]! + paths[node]!;
      }
    }
    for (let at = reached - 1; at > 0; at -= 1) {
      const node = order[at]!;
      const nearer = distance[node]! - 1;
      const carried = (1 + dependency[node]!) / paths[node]!;
      for (let e = offsets[node]!; e < offsets[node + 1]!; e += 1) {
        const predecessor = targets[e]!;
        if (distance[predecessor] === nearer) dependency[predecessor] = dependency[predecessor]! + paths[predecessor]! * carried;
      }
      score[node] = score[node]! + dependency[node]!;
    }
  }
  // Every undirected path was counted from both of its ends; a sample stands for n / k sources.
  const sampled = n / Math.max(1, sources.length);
  const scale = (options.normalised === true && n > 2 ? 1 / (((n - 1) * (n - 2)) / 2) : 1) * sampled / 2;
  return new Map(nodes.map((node, index) => [node, score[index]! * scale]));
}

/**
 * The adjacency as compressed rows of integer indices (node i's neighbours are
 * targets[offsets[i]..offsets[i+1])), numbered in breadth-first order so that neighbours sit near
 * each other in memory: on a large network the searches are bound by cache misses, not arithmetic.
 */
function compactAdjacency(graph: Adjacency): { nodes: string[]; offsets: Int32Array; targets: Int32Array } {
  const nodes: string[] = [];
  const index = new Map<string, number>();
  for (const start of graph.neighbours.keys()) {
    if (index.has(start)) continue;
    index.set(start, nodes.length);
    nodes.push(start);
    for (let head = nodes.length - 1; head < nodes.length; head += 1) {
      for (const neighbour of graph.of(nodes[head]!)) {
        if (index.has(neighbour)) continue;
        index.set(neighbour, nodes.length);
        nodes.push(neighbour);
      }
    }
  }
  const offsets = new Int32Array(nodes.length + 1);
  nodes.forEach((node, i) => { offsets[i + 1] = offsets[i]! + graph.of(node).size; });
  const targets = new Int32Array(offsets[nodes.length]!);
  nodes.forEach((node, i) => {
    let at = offsets[i]!;
    for (const neighbour of graph.of(node)) targets[at++] = index.get(neighbour)!;
  });
  return { nodes, offsets, targets };
}

/** Every index, or `wanted` distinct ones by a seeded partial Fisher–Yates shuffle. */
function chooseSources(n: number, wanted: number | undefined, seed: number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (wanted === undefined || wanted >= n) return all;
  const random = seededRandom(seed);
  for (let i = 0; i < wanted; i += 1) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.subarray(0, Math.max(0, wanted));
}

/**
 * PageRank by power iteration, each undirected edge followed both ways. A node without
 * neighbours spreads its rank evenly over every node, so the ranks always sum to 1.
 */
export function pageRank(graph: Adjacency, options: { damping?: number; tolerance?: number; maxIterations?: number } = {}): Map<string, number> {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-10;
  // Typed arrays over integer indices: on the national network a Map per iteration took minutes.
  const { nodes, offsets, targets } = compactAdjacency(graph);
  const n = nodes.length;
  if (n === 0) return new Map();
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < (options.maxIterations ?? 200); iteration += 1) {
    let dangling = 0;
    for (let node = 0; node < n; node += 1) if (offsets[node] === offsets[node + 1]) dangling += rank[node]!;
    next.fill((1 - damping) / n + (damping * dangling) / n);
    for (let node = 0; node < n; node += 1) {
      const links = offsets[node + 1]! - offsets[node]!;
      if (links === 0) continue;
      const share = (damping * rank[node]!) / links;
      for (let e = offsets[node]!; e < offsets[node + 1]!; e += 1) next[targets[e]!] = next[targets[e]!]! + share;
    }
    let change = 0;
    for (let node = 0; node < n; node += 1) change += Math.abs(next[node]! - rank[node]!);
    [rank, next] = [next, rank];
    if (change < tolerance) break;
  }
  return new Map(nodes.map((node, index) => [node, rank[index]!]));
}

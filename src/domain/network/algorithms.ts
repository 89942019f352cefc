// Network measures over an undirected multigraph of entity keys, written out here because the
// graphology packages are not installed. Each is the textbook algorithm, tested against small
// graphs computed by hand (test/domain/network/algorithms.test.ts).

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
 * Betweenness centrality (Brandes 2001) for an undirected graph: for each node, the number of
 * shortest paths between other pairs that pass through it, each pair counted once. With
 * `normalised`, divided by (n-1)(n-2)/2, the number of pairs that exclude the node.
 */
export function betweenness(graph: Adjacency, options: { normalised?: boolean } = {}): Map<string, number> {
  const nodes = [...graph.neighbours.keys()];
  const score = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const source of nodes) {
    const stack: string[] = [];
    const predecessors = new Map<string, string[]>();
    const paths = new Map<string, number>([[source, 1]]);
    const distance = new Map<string, number>([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head] ?? source;
      stack.push(node);
      const d = distance.get(node) ?? 0;
      for (const neighbour of graph.of(node)) {
        if (!distance.has(neighbour)) {
          distance.set(neighbour, d + 1);
          queue.push(neighbour);
        }
        if (distance.get(neighbour) === d + 1) {
          paths.set(neighbour, (paths.get(neighbour) ?? 0) + (paths.get(node) ?? 0));
          const list = predecessors.get(neighbour);
          if (list === undefined) predecessors.set(neighbour, [node]);
          else list.push(node);
        }
      }
    }
    const dependency = new Map<string, number>();
    while (stack.length > 0) {
      const node = stack.pop() ?? source;
      for (const predecessor of predecessors.get(node) ?? []) {
        const share = ((paths.get(predecessor) ?? 0) / (paths.get(node) ?? 1)) * (1 + (dependency.get(node) ?? 0));
        dependency.set(predecessor, (dependency.get(predecessor) ?? 0) + share);
      }
      if (node !== source) score.set(node, (score.get(node) ?? 0) + (dependency.get(node) ?? 0));
    }
  }
  // Every undirected path was counted from both of its ends.
  const n = nodes.length;
  const scale = options.normalised === true && n > 2 ? 1 / (((n - 1) * (n - 2)) / 2) : 1;
  for (const [node, value] of score) score.set(node, (value / 2) * scale);
  return score;
}

/**
 * PageRank by power iteration, each undirected edge followed both ways. A node without
 * neighbours spreads its rank evenly over every node, so the ranks always sum to 1.
 */
export function pageRank(graph: Adjacency, options: { damping?: number; tolerance?: number; maxIterations?: number } = {}): Map<string, number> {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-10;
  const nodes = [...graph.neighbours.keys()];
  const n = nodes.length;
  if (n === 0) return new Map();
  let rank = new Map<string, number>(nodes.map((node) => [node, 1 / n]));
  for (let iteration = 0; iteration < (options.maxIterations ?? 200); iteration += 1) {
    let dangling = 0;
    for (const node of nodes) if (graph.of(node).size === 0) dangling += rank.get(node) ?? 0;
    const next = new Map<string, number>(nodes.map((node) => [node, (1 - damping) / n + (damping * dangling) / n]));
    for (const node of nodes) {
      const neighbours = graph.of(node);
      if (neighbours.size === 0) continue;
      const share = (damping * (rank.get(node) ?? 0)) / neighbours.size;
      for (const neighbour of neighbours) next.set(neighbour, (next.get(neighbour) ?? 0) + share);
    }
    let change = 0;
    for (const node of nodes) change += Math.abs((next.get(node) ?? 0) - (rank.get(node) ?? 0));
    rank = next;
    if (change < tolerance) break;
  }
  return rank;
}

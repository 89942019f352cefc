import { describe, expect, it } from 'vitest';
import { Adjacency, betweenness, connectedComponents, degree, pageRank, shortestPath, type Edge } from '../../../src/domain/network/algorithms.ts';

function graphOf(pairs: ReadonlyArray<readonly [string, string]>, extraNodes: readonly string[] = []): Adjacency {
  const nodes = new Set<string>(extraNodes);
  const edges: Edge[] = pairs.map(([from, to], i) => {
    nodes.add(from);
    nodes.add(to);
    return { id: `e${i}`, from, to };
  });
  return new Adjacency(nodes, edges);
}

const rounded = (scores: Map<string, number>, digits = 6): Record<string, number> =>
  Object.fromEntries([...scores].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, Number(v.toFixed(digits))]));

describe('network measures against graphs computed by hand', () => {
  const path = graphOf([['a', 'b'], ['b', 'c'], ['c', 'd']]);
  const star = graphOf([['s', 'x'], ['s', 'y'], ['s', 'z']]);
  const square = graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'a']]);

  it('counts distinct neighbours for degree, parallel edges once', () => {
    const doubled = graphOf([['a', 'b'], ['a', 'b'], ['b', 'c']]);
    expect(rounded(degree(doubled))).toEqual({ a: 1, b: 2, c: 1 });
    expect(doubled.edgeIds('b', 'a')).toEqual(['e0', 'e1']);
  });

  it('betweenness: a path a-b-c-d puts b and c on two shortest paths each', () => {
    expect(rounded(betweenness(path))).toEqual({ a: 0, b: 2, c: 2, d: 0 });
  });

  it('betweenness: the centre of a three-leaf star lies on all three leaf pairs (normalised 1)', () => {
    expect(rounded(betweenness(star))).toEqual({ s: 3, x: 0, y: 0, z: 0 });
    expect(rounded(betweenness(star, { normalised: true }))).toEqual({ s: 1, x: 0, y: 0, z: 0 });
  });

  it('betweenness: in a square each opposite pair has two shortest paths, so each node gets a half', () => {
    expect(rounded(betweenness(square))).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
  });

  it('PageRank: equal on a cycle, and on a star solves l = 0.15/4 + 0.85c/3 with c + 3l = 1', () => {
    expect(rounded(pageRank(square))).toEqual({ a: 0.25, b: 0.25, c: 0.25, d: 0.25 });
    const ranks = pageRank(star);
    expect(ranks.get('s')).toBeCloseTo(0.479730, 5);
    expect(ranks.get('x')).toBeCloseTo(0.173423, 5);
    expect([...ranks.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('PageRank spreads an isolated node’s rank over every node', () => {
    const ranks = pageRank(graphOf([['a', 'b']], ['z']));
    expect([...ranks.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(ranks.get('a')).toBeCloseTo(ranks.get('b') ?? 0, 10);
  });

  it('connected components, largest first, isolated nodes on their own', () => {
    const g = graphOf([['a', 'b'], ['b', 'c'], ['c', 'd'], ['x', 'y']], ['z']);
    expect(connectedComponents(g)).toEqual([['a', 'b', 'c', 'd'], ['x', 'y'], ['z']]);
  });

  it('shortest path: fewest steps, the same choice every time, null when unconnected', () => {
    expect(shortestPath(square, 'a', 'c')).toEqual(['a', 'b', 'c']);
    expect(shortestPath(path, 'a', 'd')).toEqual(['a', 'b', 'c', 'd']);
    expect(shortestPath(path, 'a', 'a')).toEqual(['a']);
    expect(shortestPath(graphOf([['a', 'b'], ['x', 'y']]), 'a', 'y')).toBeNull();
    expect(shortestPath(path, 'a', 'nowhere')).toBeNull();
  });
});

// Betweenness by definition, independently of Brandes: all-pairs distances and shortest-path
// counts (Floyd–Warshall), then for every pair s < t and node v outside it, the share
// σ(s,v)·σ(v,t)/σ(s,t) of the pair's shortest paths that pass through v.
function betweennessByDefinition(nodes: readonly string[], pairs: ReadonlyArray<readonly [string, string]>): Map<string, number> {
  const n = nodes.length;
  const at = new Map(nodes.map((node, i) => [node, i]));
  const distance = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : Infinity)));
  const count = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (const [a, b] of pairs) {
    const i = at.get(a) ?? 0;
    const j = at.get(b) ?? 0;
    distance[i]![j] = 1;
    distance[j]![i] = 1;
    count[i]![j] = 1;
    count[j]![i] = 1;
  }
  for (let k = 0; k < n; k += 1) {
    for (let i = 0; i < n; i += 1) {
      for (let j = 0; j < n; j += 1) {
        if (i === k || j === k || i === j) continue;
        const through = distance[i]![k]! + distance[k]![j]!;
        if (through < distance[i]![j]!) {
          distance[i]![j] = through;
          count[i]![j] = count[i]![k]! * count[k]![j]!;
        } else if (through === distance[i]![j]! && Number.isFinite(through)) {
          count[i]![j] = count[i]![j]! + count[i]![k]! * count[k]![j]!;
        }
      }
    }
  }
  return new Map(nodes.map((node, v) => {
    let sum = 0;
    for (let s = 0; s < n; s += 1) {
      for (let t = s + 1; t < n; t += 1) {
        if (s === v || t === v || !Number.isFinite(distance[s]![t]!)) continue;
        if (distance[s]![v]! + distance[v]![t]! === distance[s]![t]!) sum += (count[s]![v]! * count[v]![t]!) / count[s]![t]!;
      }
    }
    return [node, sum];
  }));
}

describe('betweenness on a larger graph', () => {
  // A fixed random sparse graph of 40 nodes, some of them unconnected, with parallel edges.
  const nodes = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647) % 40;
  const pairs: Array<readonly [string, string]> = Array.from({ length: 70 }, () => [nodes[next()]!, nodes[next()]!] as const).filter(([a, b]) => a !== b);
  const graph = graphOf(pairs, nodes);
  const expected = betweennessByDefinition(nodes, pairs);

  it('matches the definition exactly when every node is a source', () => {
    expect(rounded(betweenness(graph), 9)).toEqual(rounded(expected, 9));
    expect(rounded(betweenness(graph, { sources: 100 }), 9)).toEqual(rounded(expected, 9));
  });

  it('estimates it without bias from sampled sources, and repeats the same estimate for the same seed', () => {
    expect(betweenness(graph, { sources: 10, seed: 3 })).toEqual(betweenness(graph, { sources: 10, seed: 3 }));
    expect(betweenness(graph, { sources: 10, seed: 3 })).not.toEqual(betweenness(graph, { sources: 10, seed: 4 }));
    // The mean of many sampled estimates approaches the exact value (each source's share is scaled by n / k).
    const draws = 400;
    const mean = new Map(nodes.map((node) => [node, 0]));
    for (let seed = 1; seed <= draws; seed += 1) {
      for (const [node, value] of betweenness(graph, { sources: 10, seed })) mean.set(node, (mean.get(node) ?? 0) + value / draws);
    }
    const total = [...expected.values()].reduce((sum, value) => sum + value, 0);
    const error = nodes.reduce((sum, node) => sum + Math.abs((mean.get(node) ?? 0) - (expected.get(node) ?? 0)), 0);
    expect(total).toBeGreaterThan(50);
    expect(error / total).toBeLessThan(0.05);
  });
});

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

// Whole-network measures against a graph worked out by hand: two triangles A-B-C and D-E-F joined
// by the bridge C-D, a separate pair G-H, and I alone.
import { describe, expect, it } from 'vitest';
import { computeMeasures } from '../../../src/domain/network/measures.ts';

const input = {
  nodes: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'],
  edges: [['A', 'B'], ['B', 'C'], ['A', 'C'], ['C', 'D'], ['D', 'E'], ['E', 'F'], ['D', 'F'], ['G', 'H'], ['G', 'H']] as Array<[string, string]>,
};

describe('whole-network measures', () => {
  const measures = computeMeasures(input);
  const of = (key: string) => measures.byNode.find((n) => n.key === key);

  it('finds the connected groups and counts distinct links', () => {
    expect(measures.componentSizes).toEqual([6, 2]);
    expect(measures.largestComponent).toBe(6);
    expect(measures.betweennessSources).toBe(6);
    expect(measures.links).toBe(8);
  });

  it('gives degree, and betweenness within the largest component', () => {
    expect(['A', 'C', 'D', 'G', 'I'].map((k) => of(k)?.degree)).toEqual([2, 3, 3, 1, 0]);
    // C lies on the shortest paths of the 2 x 3 pairs across the bridge, of the 5 x 4 / 2 = 10 pairs without C.
    expect(of('C')?.betweenness).toBeCloseTo(0.6, 10);
    expect(of('D')?.betweenness).toBeCloseTo(0.6, 10);
    expect(of('A')?.betweenness).toBe(0);
    expect(of('G')?.betweenness).toBe(0);
  });

  it('finds the two triangles and the pair as Louvain communities, with their modularity', () => {
    expect(measures.communities).toEqual([{ number: 1, size: 3 }, { number: 2, size: 3 }, { number: 3, size: 2 }]);
    expect(new Set(['A', 'B', 'C'].map((k) => of(k)?.community)).size).toBe(1);
    expect(of('A')?.community).not.toBe(of('D')?.community);
    expect(of('I')?.community).toBe(0);
    // Q = sum over communities of (internal links / m) - (degree sum / 2m)^2, with m = 8: 3/8 - (7/16)^2 twice, 1/8 - (2/16)^2.
    expect(measures.modularity).toBeCloseTo(2 * (3 / 8 - (7 / 16) ** 2) + (1 / 8 - (2 / 16) ** 2), 10);
  });

  it('gives PageRank that sums to one and the same answer every time', () => {
    expect(measures.byNode.reduce((sum, n) => sum + n.pageRank, 0)).toBeCloseTo(1, 8);
    expect(of('C')?.pageRank).toBeGreaterThan(of('A')?.pageRank ?? 1);
    expect({ ...computeMeasures(input), milliseconds: 0 }).toEqual({ ...measures, milliseconds: 0 });
  });
});

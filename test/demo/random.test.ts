import { describe, expect, it } from 'vitest';
import { Random, WeightedTable } from '../../src/demo/random.ts';

describe('Random', () => {
  it('repeats its sequence for the same seed and stream, and differs across seeds and streams', () => {
    const draw = (seed: number, stream: number) => {
      const r = new Random(seed, stream);
      return Array.from({ length: 5 }, () => r.nextUint32());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
  });

  it('draws integers inside the inclusive range and reaches both ends', () => {
    const r = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.integer(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('gives Poisson and normal draws the requested mean', () => {
    const r = new Random(11);
    const n = 20_000;
    let poisson = 0;
    let normal = 0;
    for (let i = 0; i < n; i++) {
      poisson += r.poisson(1.7);
      normal += r.normal(25, 6);
    }
    expect(poisson / n).toBeCloseTo(1.7, 1);
    expect(normal / n).toBeGreaterThan(24.8);
    expect(normal / n).toBeLessThan(25.2);
  });

  it('draws from a weighted table in proportion to the weights', () => {
    const table = new WeightedTable([{ value: 'Nguyễn', weight: 38 }, { value: 'Trần', weight: 11 }, { value: 'Lý', weight: 1 }]);
    const r = new Random(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const v = table.draw(r);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect((counts.get('Nguyễn') ?? 0) / 50_000).toBeCloseTo(0.76, 1);
    expect((counts.get('Lý') ?? 0) / 50_000).toBeCloseTo(0.02, 1);
  });

  it('rejects an empty or weightless table', () => {
    expect(() => new WeightedTable([])).toThrow();
    expect(() => new WeightedTable([{ value: 'x', weight: 0 }])).toThrow();
  });

  it('makes UUID-shaped ids (version 8, RFC variant) without repeats', () => {
    const r = new Random(5);
    const ids = Array.from({ length: 10_000 }, () => r.uuid());
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

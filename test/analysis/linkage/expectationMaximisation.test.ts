import { describe, expect, it } from 'vitest';
import { encodePattern } from '../../../src/analysis/linkage/pairComparison.ts';
import { seededRandom } from '../../../src/domain/seededRandom.ts';
import { expectationMaximisation, initialM } from '../../../src/analysis/linkage/training/expectationMaximisation.ts';

/** A synthetic Fellegi–Sunter model: three comparisons, known m, u and share of matches. */
const radix = [4, 3, 5];
const trueM = [
  [0, 0.85, 0.1, 0.05],
  [0, 0.9, 0.1],
  [0, 0.6, 0.2, 0.15, 0.05],
];
const trueU = [
  [0, 0.02, 0.08, 0.9],
  [0, 0.3, 0.7],
  [0, 0.01, 0.04, 0.15, 0.8],
];
const trueLambda = 0.15;

function draw(probabilities: readonly number[], random: () => number): number {
  let x = random();
  for (let l = 1; l < probabilities.length; l++) {
    x -= probabilities[l] ?? 0;
    if (x < 0) return l;
  }
  return probabilities.length - 1;
}

/** Pattern counts of pairs drawn from the model, with some missing values (null level). */
function simulate(pairs: number, seed: number): Map<number, number> {
  const random = seededRandom(seed);
  const patterns = new Map<number, number>();
  const levels = new Uint8Array(radix.length);
  for (let p = 0; p < pairs; p++) {
    const isMatch = random() < trueLambda;
    for (let k = 0; k < radix.length; k++) levels[k] = random() < 0.05 ? 0 : draw((isMatch ? trueM : trueU)[k] ?? [], random);
    const code = encodePattern(levels, radix);
    patterns.set(code, (patterns.get(code) ?? 0) + 1);
  }
  return patterns;
}

describe('expectation maximisation', () => {
  const patterns = simulate(200_000, 7);

  it('recovers known m, u and the share of matches from a poor start', () => {
    const result = expectationMaximisation({
      patterns,
      radix,
      active: [true, true, true],
      m: radix.map((r) => initialM(r)),
      u: radix.map((r) => Array.from({ length: r }, (_, l) => (l === 0 ? 0 : 1 / (r - 1)))),
      lambda: 0.5,
      estimateU: true,
      maxIterations: 500,
      tolerance: 1e-7,
    });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(trueLambda, 2);
    for (let k = 0; k < radix.length; k++)
      for (let l = 1; l < (radix[k] ?? 0); l++) {
        expect(Math.abs((result.m[k]?.[l] ?? 0) - (trueM[k]?.[l] ?? 0))).toBeLessThan(0.02);
        expect(Math.abs((result.u[k]?.[l] ?? 0) - (trueU[k]?.[l] ?? 0))).toBeLessThan(0.02);
      }
  });

  it('with u fixed (as after random sampling), estimates m only', () => {
    const result = expectationMaximisation({ patterns, radix, active: [true, true, true], m: radix.map((r) => initialM(r)), u: trueU, lambda: 0.01 });
    expect(result.u).toEqual(trueU);
    for (let k = 0; k < radix.length; k++)
      for (let l = 1; l < (radix[k] ?? 0); l++) expect(Math.abs((result.m[k]?.[l] ?? 0) - (trueM[k]?.[l] ?? 0))).toBeLessThan(0.02);
  });

  it('leaves a comparison fixed by the blocking rule untouched', () => {
    const start = radix.map((r) => initialM(r));
    const result = expectationMaximisation({ patterns, radix, active: [false, true, true], m: start, u: trueU, lambda: 0.1 });
    expect(result.m[0]).toEqual(start[0]);
    expect(Math.abs((result.m[1]?.[1] ?? 0) - 0.9)).toBeLessThan(0.03);
  });
});

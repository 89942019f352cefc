import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from '../../../src/analysis/linkage/jaroWinkler.ts';
import { normaliseNameText } from '../../../src/analysis/linkage/normalise.ts';

describe('Jaro–Winkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['JONES', 'JOHNSON', 0.832],
  ])('%s / %s is the textbook %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('gives the textbook Jaro similarities before the prefix boost', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaro('DWAYNE', 'DUANE')).toBeCloseTo(0.822, 3);
    expect(jaro('DIXON', 'DICKSONX')).toBeCloseTo(0.767, 3);
  });

  it('handles identical, empty and disjoint strings', () => {
    expect(jaroWinkler('LAN', 'LAN')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('ABC', '')).toBe(0);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('applies the prefix boost only when Jaro is at least 0.7 (the Splink/DuckDB convention)', () => {
    // Jaro of these is below 0.7 although they share a four-letter prefix.
    const a = 'ABCDEFGHIJ';
    const b = 'ABCDWXYZQR';
    expect(jaro(a, b)).toBeLessThan(0.7);
    expect(jaroWinkler(a, b)).toBe(jaro(a, b));
  });

  it('scores JOSÉ/JOSE 0.883 on characters and 1 after accent normalisation', () => {
    expect(jaroWinkler('JOSÉ', 'JOSE')).toBeCloseTo(0.883, 3);
    expect(jaroWinkler(normaliseNameText('JOSÉ'), normaliseNameText('JOSE'))).toBe(1);
  });
});

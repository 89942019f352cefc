import { describe, expect, it } from 'vitest';
import {
  CaptureTableError,
  observedTotal,
  overlapCount,
  parseCaptureTable,
} from '../../../src/analysis/estimate/captureTable.ts';
import { parseTerms } from '../../../src/analysis/estimate/design.ts';
import { keyOf, loadTable, numberAt, tableNames } from './referenceData.ts';

describe('parseCaptureTable', () => {
  it.each(tableNames)('reads %s with the published number of lists and observed total', (name) => {
    const table = loadTable(name);
    const key = keyOf(name);
    if (key !== undefined) {
      expect(table.listNames.length).toBe(numberAt(key, 'n_lists'));
      expect(observedTotal(table)).toBe(numberAt(key, 'total_observed'));
    }
    expect(table.counts.length).toBe(2 ** table.listNames.length);
    expect(table.counts[0]).toBe(0);
  });

  it('fills unlisted patterns with zero and adds up repeated ones', () => {
    const table = parseCaptureTable('A,B,C,count\n1,0,0,5\n1,1,0,2\n1,1,0,3\n');
    expect(table.listNames).toEqual(['A', 'B', 'C']);
    expect(table.counts[0b001]).toBe(5);
    expect(table.counts[0b011]).toBe(5);
    expect(table.counts[0b100]).toBe(0);
    expect(overlapCount(table, 0b011)).toBe(5);
  });

  it('accepts the count column anywhere', () => {
    const table = parseCaptureTable('count,X,Y\n4,1,0\n6,0,1\n1,1,1\n');
    expect(table.listNames).toEqual(['X', 'Y']);
    expect(table.counts[0b11]).toBe(1);
  });

  it.each([
    ['a non-binary column', 'A,B,count\n2,0,5\n', /column "A" must be 0 or 1/],
    ['a negative count', 'A,B,count\n1,0,-5\n', /negative/],
    ['a fractional count', 'A,B,count\n1,0,2.5\n', /whole number/],
    ['an all-zero row', 'A,B,count\n0,0,5\n1,0,1\n', /no list at all/],
    ['a single list', 'A,count\n1,5\n', /at least 2 lists/],
    ['a missing count column', 'A,B\n1,0\n', /no "count" column/],
    ['duplicate list names', 'A,A,count\n1,0,1\n', /appears twice/],
    ['only zero counts', 'A,B,count\n1,0,0\n', /all counts are zero/],
    ['a ragged row', 'A,B,count\n1,0\n', /could not be read/],
    ['thirteen lists', `${'ABCDEFGHIJKLM'.split('').join(',')},count\n${'1'.repeat(13).split('').join(',')},1\n`, /at most 12/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseCaptureTable(text)).toThrow(CaptureTableError);
    expect(() => parseCaptureTable(text)).toThrow(message);
  });
});

describe('parseTerms', () => {
  it('reads list names joined by ":"', () => {
    expect(parseTerms('A:B, B:C', ['A', 'B', 'C'])).toEqual([0b011, 0b110]);
  });
  it('refuses unknown lists and single-list terms', () => {
    expect(() => parseTerms('A:Z', ['A', 'B'])).toThrow(/unknown list "Z"/);
    expect(() => parseTerms('A', ['A', 'B'])).toThrow(/names one list/);
  });
});

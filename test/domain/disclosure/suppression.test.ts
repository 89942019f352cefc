import { describe, expect, it } from 'vitest';
import { gridTable, primarySuppression, protectBreakdowns, protectGrid, protectTable, type CellStatus, type LinearTable } from '../../../src/domain/disclosure/index.ts';
import { derive, integerRange, type AttackTable } from './recoveryAttack.ts';
import { seededRandom } from '../../../src/domain/seededRandom.ts';

function asSeen(table: LinearTable, status: readonly CellStatus[]): AttackTable {
  return {
    values: [...table.values],
    sums: table.relations.map((r) => [r.total, ...r.parts]),
    shown: status.map((s, i) => (s === 'shown' ? (table.values[i] ?? 0) : s === 'fewer-than-5' ? '<5' : 'c')),
  };
}

/** Every rule a published table must keep, checked by the independent attacker. */
async function expectSafe(table: LinearTable, status: readonly CellStatus[]): Promise<void> {
  table.values.forEach((value, i) => {
    if (value >= 1 && value <= 4) expect(status[i], `cell ${i} (${value})`).toBe('fewer-than-5');
    if (status[i] === 'fewer-than-5') expect(value >= 1 && value <= 4).toBe(true);
  });
  const seen = asSeen(table, status);
  const derived = derive(seen);
  for (const [cell] of derived) expect(status[cell], `cell ${cell} derived from the totals`).not.toBe('fewer-than-5');
  for (const [i, s] of status.entries()) {
    if (s !== 'fewer-than-5') continue;
    const [lower, upper] = await integerRange(seen, i);
    expect(lower, `cell ${i}`).toBeLessThanOrEqual(table.values[i] ?? 0);
    expect(upper, `cell ${i}`).toBeGreaterThanOrEqual(table.values[i] ?? 0);
    expect(upper - lower, `cell ${i} narrowed to ${lower}–${upper}`).toBeGreaterThanOrEqual(2);
  }
}

describe('primary suppression', () => {
  it('marks exactly the counts from 1 to 4, and publishes zero', () => {
    const { table } = gridTable([[0, 1, 4, 5, 12]], { rowTotals: false, columnTotals: false });
    expect(primarySuppression(table)).toEqual(['shown', 'fewer-than-5', 'fewer-than-5', 'shown', 'shown']);
  });
});

describe('the recovery attack itself', () => {
  it('recovers a small count that only primary suppression hid', async () => {
    // One column: 1, 20 and the total 21. With only the 1 hidden, 21 − 20 gives it away.
    const { table } = gridTable([[1], [20]], { rowTotals: false, columnTotals: true });
    const seen = asSeen(table, primarySuppression(table));
    expect(derive(seen).get(0)).toBe(1);
    expect(await integerRange(seen, 0)).toEqual([1, 1]);
  });

  it('pins a small count whose partner, withheld, is known to be 5 or more', async () => {
    // 1 + 5 = 6: the partner is 0 or at least 5, so it is 5 and the small count is 1.
    const seen: AttackTable = { values: [1, 5, 6], sums: [[2, 0, 1]], shown: ['<5', 'c', 6] };
    expect(derive(seen).size).toBe(0);
    expect(await integerRange(seen, 0)).toEqual([1, 1]);
  });
});

describe('secondary suppression (hand-made tables)', () => {
  it('withholds a partner big enough to leave the small count its whole range', async () => {
    // 1, 5, 20, total 26. Withholding 5 would not help (1 + 5 = 6 forces 1); withholding 20 does.
    const { table } = gridTable([[1], [5], [20]], { rowTotals: false, columnTotals: true });
    const status = await protectTable(table);
    expect(status).toEqual(['fewer-than-5', 'shown', 'withheld', 'shown']);
    await expectSafe(table, status);
  });

  it('protects two small counts in one column from each other', async () => {
    // 1 and 1 hidden together still add to a known 2; a third cell must go.
    const { table } = gridTable([[1], [1], [30], [40]], { rowTotals: false, columnTotals: true });
    const status = await protectTable(table);
    expect(status.filter((s) => s === 'withheld')).toHaveLength(1);
    expect(status[2]).toBe('withheld');
    await expectSafe(table, status);
  });

  it('protects a two-way table with row and column totals', async () => {
    const counts = [[3, 12, 25], [8, 2, 17], [14, 9, 1]];
    const { table } = gridTable(counts, { rowTotals: true, columnTotals: true });
    const status = await protectTable(table);
    await expectSafe(table, status);
    // Each small count needs at least one partner in its row and one in its column.
    expect(status.filter((s) => s === 'withheld').length).toBeGreaterThanOrEqual(3);
  });

  it('suppresses a small total with its only part, and keeps them safe', async () => {
    const counts = [[3, 0], [0, 7]];
    const { table } = gridTable(counts, { rowTotals: true, columnTotals: true });
    const status = await protectTable(table);
    await expectSafe(table, status);
  });

  it('leaves a table without small counts alone', async () => {
    const { table } = gridTable([[10, 0], [7, 25]], { rowTotals: true, columnTotals: true });
    expect((await protectTable(table)).every((s) => s === 'shown')).toBe(true);
  });

  it('drops the values of the cells it does not show', async () => {
    const grid = await protectGrid([[2], [30], [40]], { rowTotals: false, columnTotals: true });
    expect(grid.rows.map((r) => r[0])).toEqual([
      { value: null, status: 'fewer-than-5' }, { value: null, status: 'withheld' }, { value: 40, status: 'shown' },
    ]);
    expect(grid.totals).toEqual([{ value: 72, status: 'shown' }]);
  });
});

describe('secondary suppression (randomised recovery attack)', () => {
  it('leaves no small count recoverable in 40 random tables', async () => {
    const next = seededRandom(20_261_205);
    for (let n = 0; n < 40; n += 1) {
      const rows = 2 + Math.floor(next() * 4);
      const columns = 1 + Math.floor(next() * 4);
      // Many small counts and zeros, as in a force's month.
      const counts = [...Array(rows).keys()].map(() => [...Array(columns).keys()].map(() => {
        const u = next();
        return u < 0.2 ? 0 : u < 0.55 ? 1 + Math.floor(next() * 4) : 5 + Math.floor(next() * 40);
      }));
      const both = columns > 1 && next() < 0.6;
      const { table } = gridTable(counts, { rowTotals: both, columnTotals: true });
      const status = await protectTable(table);
      await expectSafe(table, status);
    }
  }, 60_000);
});

describe('a figure broken down two ways', () => {
  it('protects the force and month breakdowns together through their shared total', async () => {
    // 40 potential victims: by force 2 + 18 + 20, by month 3 + 37.
    const { total, breakdowns } = await protectBreakdowns(40, [[2, 18, 20], [3, 37]]);
    expect(total).toEqual({ value: 40, status: 'shown' });
    expect(breakdowns[0]?.[0]?.status).toBe('fewer-than-5');
    expect(breakdowns[1]?.[0]?.status).toBe('fewer-than-5');
    // Both months are withheld (37 = 40 − 3 would give the 3 away), and one more force.
    expect(breakdowns[1]?.[1]?.status).toBe('withheld');
    expect(breakdowns[0]?.filter((c) => c.status === 'withheld')).toHaveLength(1);
    const seen: AttackTable = {
      values: [40, 2, 18, 20, 3, 37], sums: [[0, 1, 2, 3], [0, 4, 5]],
      shown: [total, ...(breakdowns[0] ?? []), ...(breakdowns[1] ?? [])].map((c) => (c.status === 'shown' ? (c.value ?? 0) : c.status === 'fewer-than-5' ? '<5' : 'c')),
    };
    expect(derive(seen).size).toBe(0);
    for (const cell of [1, 4]) {
      const [lower, upper] = await integerRange(seen, cell);
      expect(upper - lower).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses a breakdown that does not add up', async () => {
    await expect(protectBreakdowns(10, [[4, 5]])).rejects.toThrow(/add up/);
  });
});

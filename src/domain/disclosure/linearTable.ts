// A table of counts as the attacker sees it: cells, and the sums that tie them together (a total
// is the sum of its parts). Two-way tables with row and column totals, and tables whose columns
// are separate figures each with its own total, are both this shape, as are several tables that
// share their totals.

/** One additive relation: cells[total] = sum of cells[parts]. */
export interface SumRelation {
  readonly total: number;
  readonly parts: readonly number[];
}

export interface LinearTable {
  readonly values: readonly number[];
  readonly relations: readonly SumRelation[];
}

/** How a cell is published. */
export type CellStatus = 'shown' | 'fewer-than-5' | 'withheld';

/** Counts from 1 to 4 are never published (primary suppression). Zero is published. */
export const SMALLEST_SHOWN = 5;

export function isSmallCount(value: number): boolean {
  return value >= 1 && value < SMALLEST_SHOWN;
}

/** The cells that appear in a relation with the given cell (its row and column, in a two-way table). */
export function neighbours(table: LinearTable, cell: number): number[] {
  const found = new Set<number>();
  for (const relation of table.relations) {
    const members = [relation.total, ...relation.parts];
    if (members.includes(cell)) for (const m of members) if (m !== cell) found.add(m);
  }
  return [...found];
}

export function isTotalCell(table: LinearTable, cell: number): boolean {
  return table.relations.some((r) => r.total === cell);
}

/**
 * A grid of counts with totals computed here (so they always add up): `columnTotals` adds a total
 * row (each column summed), `rowTotals` a total column (each row summed); with both, the grand total.
 * Cells are numbered row by row, the total row last and the total column at the end of each row.
 */
export interface GridLayout {
  readonly rows: number;
  readonly columns: number;
  readonly rowTotals: boolean;
  readonly columnTotals: boolean;
}

export function gridWidth(layout: GridLayout): number {
  return layout.columns + (layout.rowTotals ? 1 : 0);
}

export function gridCell(layout: GridLayout, row: number, column: number): number {
  return row * gridWidth(layout) + column;
}

export function gridTable(counts: readonly (readonly number[])[], options: { rowTotals: boolean; columnTotals: boolean }): { table: LinearTable; layout: GridLayout } {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  const layout: GridLayout = { rows, columns, ...options };
  const width = gridWidth(layout);
  const height = rows + (options.columnTotals ? 1 : 0);
  const values: number[] = new Array<number>(width * height).fill(0);
  const relations: SumRelation[] = [];
  counts.forEach((row, r) => {
    if (row.length !== columns) throw new Error('Every row of a table needs the same number of columns');
    row.forEach((value, c) => {
      if (!Number.isInteger(value) || value < 0) throw new Error('Counts are whole numbers, 0 or more');
      values[gridCell(layout, r, c)] = value;
    });
  });
  const sum = (cells: number[]) => cells.reduce((s, cell) => s + (values[cell] ?? 0), 0);
  const rowRange = [...Array(height).keys()];
  const columnRange = [...Array(columns).keys()];
  if (options.rowTotals) {
    for (const r of rowRange.slice(0, rows)) {
      const parts = columnRange.map((c) => gridCell(layout, r, c));
      values[gridCell(layout, r, columns)] = sum(parts);
      relations.push({ total: gridCell(layout, r, columns), parts });
    }
  }
  if (options.columnTotals) {
    const lastColumn = options.rowTotals ? columns + 1 : columns;
    for (const c of [...Array(lastColumn).keys()]) {
      const parts = rowRange.slice(0, rows).map((r) => gridCell(layout, r, c));
      values[gridCell(layout, rows, c)] = sum(parts);
      relations.push({ total: gridCell(layout, rows, c), parts });
    }
    if (options.rowTotals) {
      const parts = columnRange.map((c) => gridCell(layout, rows, c));
      relations.push({ total: gridCell(layout, rows, columns), parts });
    }
  }
  return { table: { values, relations }, layout };
}

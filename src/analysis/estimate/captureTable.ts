import { parse } from 'csv-parse/sync';

/**
 * Counts by capture pattern over k lists. `counts[pattern]` is the number of people whose set of
 * lists is `pattern`, a bitmask where bit i means "on list i". `counts[0]` (on no list) is always 0:
 * it is the dark figure the estimators are after.
 */
export interface CaptureTable {
  readonly listNames: readonly string[];
  readonly counts: readonly number[];
}

export const MIN_LISTS = 2;
export const MAX_LISTS = 12;

export class CaptureTableError extends Error {
  override readonly name = 'CaptureTableError';
}

export function observedTotal(table: CaptureTable): number {
  let total = 0;
  for (const count of table.counts) total += count;
  return total;
}

/** Number of people on every list of `lists` (a bitmask): the overlap the two-list terms rest on. */
export function overlapCount(table: CaptureTable, lists: number): number {
  let total = 0;
  table.counts.forEach((count, pattern) => {
    if ((pattern & lists) === lists) total += count;
  });
  return total;
}

/** Builds and validates a table from list names and (pattern, count) rows. Repeated patterns add up. */
export function captureTableFromPatterns(
  listNames: readonly string[],
  rows: readonly { readonly pattern: number; readonly count: number }[],
): CaptureTable {
  validateListNames(listNames);
  const counts = new Array<number>(2 ** listNames.length).fill(0);
  for (const { pattern, count } of rows) {
    if (!Number.isInteger(pattern) || pattern <= 0 || pattern >= counts.length) {
      throw new CaptureTableError(`capture pattern ${pattern} is not a non-empty set of the ${listNames.length} lists`);
    }
    if (!Number.isFinite(count) || count < 0 || !Number.isInteger(count)) {
      throw new CaptureTableError(`count ${count} for a capture pattern is not a non-negative whole number`);
    }
    counts[pattern] = (counts[pattern] ?? 0) + count;
  }
  const table: CaptureTable = { listNames: [...listNames], counts };
  if (observedTotal(table) === 0) throw new CaptureTableError('the table has no one on any list (all counts are zero)');
  return table;
}

function validateListNames(listNames: readonly string[]): void {
  if (listNames.length < MIN_LISTS) {
    throw new CaptureTableError(
      `a capture table needs at least ${MIN_LISTS} lists to estimate anything; found ${listNames.length}`,
    );
  }
  if (listNames.length > MAX_LISTS) {
    throw new CaptureTableError(`at most ${MAX_LISTS} lists are supported; found ${listNames.length}`);
  }
  const seen = new Set<string>();
  for (const name of listNames) {
    if (name.length === 0) throw new CaptureTableError('a list column has an empty header');
    if (name.includes(':') || name.includes(',')) {
      throw new CaptureTableError(`list name "${name}" may not contain ":" or "," (they separate terms)`);
    }
    if (seen.has(name)) throw new CaptureTableError(`list name "${name}" appears twice`);
    seen.add(name);
  }
}

/**
 * Reads a capture table from CSV text: one 0/1 column per list and a `count` column, one row per
 * observed pattern. Unlisted patterns count as zero.
 */
export function parseCaptureTable(csvText: string): CaptureTable {
  let records: string[][];
  try {
    const parsed: unknown = parse(csvText, { skip_empty_lines: true, trim: true, relax_column_count: false });
    records = parsed as string[][];
  } catch (error) {
    throw new CaptureTableError(`the CSV could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = records[0];
  if (header === undefined) throw new CaptureTableError('the CSV is empty');
  const countColumn = header.findIndex((name) => name.toLowerCase() === 'count');
  if (countColumn < 0) throw new CaptureTableError('the CSV has no "count" column');
  const listColumns = header.map((_, index) => index).filter((index) => index !== countColumn);
  const listNames = listColumns.map((index) => header[index] ?? '');
  validateListNames(listNames);

  const rows: { pattern: number; count: number }[] = [];
  records.slice(1).forEach((record, rowIndex) => {
    const line = rowIndex + 2;
    let pattern = 0;
    listColumns.forEach((column, bit) => {
      const cell = record[column] ?? '';
      if (cell === '1') pattern |= 1 << bit;
      else if (cell !== '0') {
        throw new CaptureTableError(`line ${line}: column "${header[column] ?? ''}" must be 0 or 1, found "${cell}"`);
      }
    });
    const countText = record[countColumn] ?? '';
    const count = Number(countText);
    if (countText === '' || !Number.isFinite(count)) {
      throw new CaptureTableError(`line ${line}: count "${countText}" is not a number`);
    }
    if (count < 0) throw new CaptureTableError(`line ${line}: count ${count} is negative`);
    if (!Number.isInteger(count)) throw new CaptureTableError(`line ${line}: count ${count} is not a whole number`);
    if (pattern === 0) {
      throw new CaptureTableError(
        `line ${line}: a row on no list at all cannot be observed (that is the dark figure being estimated)`,
      );
    }
    rows.push({ pattern, count });
  });
  if (rows.length === 0) throw new CaptureTableError('the CSV has a header but no rows');
  return captureTableFromPatterns(listNames, rows);
}

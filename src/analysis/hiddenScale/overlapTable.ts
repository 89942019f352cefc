// The capture (overlap) table of linked people: one person per cluster of linked records, on a
// list when any of the cluster's records came from an organisation of that list. Counting
// clusters, not records, is what multiple systems estimation needs: a person recorded twice by
// London and once by Scotland is one person on both lists, not three people.
import { captureTableFromPatterns, type CaptureTable } from '../estimate/index.ts';

export interface ClusteredRecord {
  /** The cluster (linked person) the record belongs to. */
  readonly clusterId: string;
  /** Index into the list names; null when the record's organisation is on no list (left out). */
  readonly list: number | null;
}

/** Counts linked people by the set of lists they appear on. */
export function overlapTable(listNames: readonly string[], records: readonly ClusteredRecord[]): CaptureTable {
  const patterns = new Map<string, number>();
  for (const record of records) {
    if (record.list === null) continue;
    if (!Number.isInteger(record.list) || record.list < 0 || record.list >= listNames.length) {
      throw new RangeError(`list ${record.list} is not one of the ${listNames.length} lists`);
    }
    patterns.set(record.clusterId, (patterns.get(record.clusterId) ?? 0) | (1 << record.list));
  }
  return captureTableFromPatterns(listNames, [...patterns.values()].map((pattern) => ({ pattern, count: 1 })));
}

/** How many people (clusters) are on each list, for the page's list summary. */
export function peoplePerList(table: CaptureTable): number[] {
  return table.listNames.map((_, list) => table.counts.reduce((sum, count, pattern) => sum + ((pattern & (1 << list)) !== 0 ? count : 0), 0));
}

import type { ComparisonKind } from './comparisons/comparison.ts';
import type { FeatureTable, MultiColumn } from './featureTable.ts';
import { NumberInterner } from './numberInterner.ts';
import type { LinkType } from './record.ts';

export type BlockingKey =
  | 'givenName'
  | 'familyName'
  | 'givenFirst'
  | 'givenInitial'
  | 'familyInitial'
  | 'givenMetaphone'
  | 'familyMetaphone'
  /** Given and family names as an unordered pair, so swapped names still meet. */
  | 'sortedNames'
  | 'dateOfBirth'
  | 'birthYear'
  | 'postcode'
  | 'postcodeSector'
  | 'phone'
  | 'documentNumber'
  | 'email'
  /** Any alias or name form, so an alias meets the record bearing that name. */
  | 'aliasName'
  | 'sex'
  | 'nationality';

/** A blocking rule: records meet when all of its keys are equal (multi-valued keys: any value). */
export interface BlockingRuleSpec {
  readonly keys: readonly BlockingKey[];
  /**
   * Tighter rules used instead when this one would generate more comparisons than the budget
   * (a rule fine for 10,000 records can explode at a million).
   */
  readonly ifTooMany?: readonly BlockingRuleSpec[];
}

/**
 * Replaces every rule over the comparison budget by its tighter alternatives (recursively);
 * a rule without alternatives is kept, as dropping it silently would lose matches.
 */
export function resolveBlockingRules(
  table: FeatureTable,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  budget: number,
): { rules: BlockingRuleSpec[]; replaced: string[] } {
  const resolved: BlockingRuleSpec[] = [];
  const replaced: string[] = [];
  const visit = (rule: BlockingRuleSpec): void => {
    const alternatives = rule.ifTooMany ?? [];
    if (alternatives.length > 0) {
      const count = rawCount(table, ruleKeys(table, rule), linkType);
      if (count > budget) {
        replaced.push(`${describeRule(rule)} (${count} comparisons) → ${alternatives.map(describeRule).join(', ')}`);
        alternatives.forEach(visit);
        return;
      }
    }
    resolved.push({ keys: rule.keys });
  };
  rules.forEach(visit);
  return { rules: resolved, replaced };
}

export const comparisonsUsedByKey: Readonly<Record<BlockingKey, readonly ComparisonKind[]>> = {
  givenName: ['givenName'],
  familyName: ['familyName'],
  givenFirst: ['givenName'],
  givenInitial: ['givenName'],
  familyInitial: ['familyName'],
  givenMetaphone: ['givenName'],
  familyMetaphone: ['familyName'],
  sortedNames: ['givenName', 'familyName'],
  dateOfBirth: ['dateOfBirth'],
  birthYear: ['dateOfBirth'],
  postcode: ['postcode'],
  postcodeSector: ['postcode'],
  phone: ['phone'],
  documentNumber: ['documentNumber'],
  email: ['email'],
  aliasName: ['alias'],
  sex: ['sex'],
  nationality: ['nationality'],
};

export function describeRule(rule: BlockingRuleSpec): string {
  return rule.keys.length === 0 ? 'all pairs' : rule.keys.join(' + ');
}

export function comparisonsUsedByRule(rule: BlockingRuleSpec): Set<ComparisonKind> {
  return new Set(rule.keys.flatMap((k) => comparisonsUsedByKey[k]));
}

const PART_LIMIT = 2 ** 31;

/**
 * A key's values for one record, as non-negative integers (string ids, dates as YYYYMMDD,
 * character codes, phone digits). Numbers, not strings: building a million string keys per
 * rule costs more than the blocking itself.
 */
function pushOne(out: number[], value: number | undefined): void {
  if (value !== undefined && value >= 0) out.push(value);
}

function pushMany(out: number[], column: MultiColumn, row: number): void {
  for (let k = column.offsets[row] ?? 0; k < (column.offsets[row + 1] ?? 0); k++) pushOne(out, column.values[k]);
}

function pushInitial(out: number[], table: FeatureTable, id: number): void {
  if (id >= 0) out.push(table.pool.codes[table.pool.offsets[id] ?? 0] ?? 0);
}

/** An unordered pair of string ids as one number. */
function pushPair(out: number[], table: FeatureTable, g: number, f: number): void {
  if (g < 0 && f < 0) return;
  const stringCount = table.pool.offsets.length;
  out.push((Math.min(g, f) + 1) * (stringCount + 1) + Math.max(g, f) + 1);
}

function keyParts(table: FeatureTable, key: BlockingKey, row: number, out: number[]): void {
  out.length = 0;
  switch (key) {
    case 'givenName':
      return pushOne(out, table.given[row]);
    case 'familyName':
      return pushOne(out, table.family[row]);
    case 'givenFirst':
      return pushOne(out, table.givenFirst[row]);
    case 'givenInitial':
      return pushInitial(out, table, table.givenFirst[row] ?? -1);
    case 'familyInitial':
      return pushInitial(out, table, table.family[row] ?? -1);
    case 'givenMetaphone':
      return pushOne(out, table.givenMetaphone[2 * row]);
    case 'familyMetaphone':
      return pushOne(out, table.familyMetaphone[2 * row]);
    case 'sortedNames': {
      const g = table.given[row] ?? -1;
      const f = table.family[row] ?? -1;
      if (g >= 0 && f >= 0) pushPair(out, table, g, f);
      return;
    }
    case 'dateOfBirth': {
      const y = table.dobYear[row] ?? 0;
      const m = table.dobMonth[row] ?? 0;
      const d = table.dobDay[row] ?? 0;
      if (y !== 0 && m !== 0 && d !== 0) out.push(y * 10_000 + m * 100 + d);
      return;
    }
    case 'birthYear': {
      const y = table.dobYear[row] ?? 0;
      if (y !== 0) out.push(y);
      return;
    }
    case 'postcode':
      return pushOne(out, table.postcodeFull[row]);
    case 'postcodeSector':
      return pushOne(out, table.postcodeSector[row]);
    case 'phone':
      return pushMany(out, table.phoneLastNine, row);
    case 'email':
      return pushMany(out, table.emails, row);
    case 'documentNumber':
      return pushMany(out, table.documents, row);
    case 'aliasName': {
      // Unordered (given, family) pairs of the name and every alias, so an alias meets the name.
      pushPair(out, table, table.given[row] ?? -1, table.family[row] ?? -1);
      for (let k = table.aliases.offsets[row] ?? 0; k < (table.aliases.offsets[row + 1] ?? 0); k++)
        pushPair(out, table, table.aliases.values[k] ?? -1, table.aliasFamily[k] ?? -1);
      return;
    }
    case 'sex': {
      const v = table.sex[row] ?? 0;
      if (v !== 0) out.push(v);
      return;
    }
    case 'nationality':
      return pushOne(out, table.nationality[row]);
  }
}

/** Each record's key values for one rule, interned to integers, in compressed-row form. */
export interface RuleKeys {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
  readonly distinctKeys: number;
}

/**
 * Combines a rule's key parts into one integer per distinct combination: the state so far
 * (a small integer) times 2^31 plus the next part stays exact in a double.
 */
export function ruleKeys(table: FeatureTable, rule: BlockingRuleSpec): RuleKeys {
  const combined = rule.keys.map(() => new NumberInterner());
  const wide = new NumberInterner();
  const finalIds = new NumberInterner();
  const offsets = new Int32Array(table.size + 1);
  const values: number[] = [];
  const parts: number[] = [];
  for (let row = 0; row < table.size; row++) {
    let states: number[] = [0];
    for (let k = 0; k < rule.keys.length && states.length > 0; k++) {
      keyParts(table, rule.keys[k] as BlockingKey, row, parts);
      const interner = combined[k] as NumberInterner;
      const next: number[] = [];
      for (const state of states)
        for (const part of parts) next.push(interner.id(state * PART_LIMIT + (part >= PART_LIMIT ? wide.id(part) : part)));
      states = next;
    }
    const start = values.length;
    for (const state of states) {
      const id = finalIds.id(state);
      let seen = false;
      for (let v = start; v < values.length && !seen; v++) seen = values[v] === id;
      if (!seen) values.push(id);
    }
    offsets[row + 1] = values.length;
  }
  return { offsets, values: Int32Array.from(values), distinctKeys: finalIds.size };
}

/** Records grouped by key value: members[start[k] .. start[k + 1]] hold key k's records, ascending. */
interface KeyGroups {
  readonly start: Int32Array;
  readonly members: Int32Array;
}

function groupByKey(keys: RuleKeys): KeyGroups {
  const start = new Int32Array(keys.distinctKeys + 1);
  for (const v of keys.values) start[v + 1] = (start[v + 1] ?? 0) + 1;
  for (let k = 0; k < keys.distinctKeys; k++) start[k + 1] = (start[k + 1] ?? 0) + (start[k] ?? 0);
  const fill = start.slice(0, keys.distinctKeys);
  const members = new Int32Array(keys.values.length);
  const rows = keys.offsets.length - 1;
  for (let row = 0; row < rows; row++)
    for (let k = keys.offsets[row] ?? 0; k < (keys.offsets[row + 1] ?? 0); k++) {
      const v = keys.values[k] ?? 0;
      members[fill[v] ?? 0] = row;
      fill[v] = (fill[v] ?? 0) + 1;
    }
  return { start, members };
}

function shareKeyBelow(keys: RuleKeys, a: number, b: number, below: number): boolean {
  for (let x = keys.offsets[a] ?? 0; x < (keys.offsets[a + 1] ?? 0); x++) {
    const v = keys.values[x] ?? 0;
    if (v >= below) continue;
    for (let y = keys.offsets[b] ?? 0; y < (keys.offsets[b + 1] ?? 0); y++) if (keys.values[y] === v) return true;
  }
  return false;
}

export function pairAllowed(linkType: LinkType, source: Int32Array, a: number, b: number): boolean {
  return linkType !== 'link' || source[a] !== source[b];
}

/** Growable pair list in two typed arrays (records by row index, left < right). */
export class PairBuffer {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  length = 0;
  push(a: number, b: number): void {
    if (this.length === this.left.length) {
      const size = this.left.length * 2;
      const left = new Int32Array(size);
      left.set(this.left);
      const right = new Int32Array(size);
      right.set(this.right);
      this.left = left;
      this.right = right;
    }
    this.left[this.length] = a;
    this.right[this.length] = b;
    this.length++;
  }
}

/**
 * Streams the pairs of several rules in chunks. A pair met by an earlier rule (or by a lower key
 * value of the same multi-valued rule) is skipped, so every pair is produced exactly once.
 */
export function* blockedPairs(
  table: FeatureTable,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  chunkSize = 50_000,
  precomputedKeys?: readonly RuleKeys[],
): Generator<{ ruleIndex: number; left: Int32Array; right: Int32Array }> {
  const keys = precomputedKeys ?? rules.map((r) => ruleKeys(table, r));
  for (let r = 0; r < rules.length; r++) {
    const own = keys[r] as RuleKeys;
    const groups = groupByKey(own);
    let buffer = new PairBuffer();
    for (let k = 0; k < own.distinctKeys; k++) {
      const from = groups.start[k] ?? 0;
      const to = groups.start[k + 1] ?? 0;
      for (let x = from; x < to; x++) {
        const a = groups.members[x] ?? 0;
        for (let y = x + 1; y < to; y++) {
          const b = groups.members[y] ?? 0;
          if (!pairAllowed(linkType, table.source, a, b)) continue;
          if (shareKeyBelow(own, a, b, k)) continue;
          let earlier = false;
          for (let e = 0; e < r && !earlier; e++) earlier = shareKeyBelow(keys[e] as RuleKeys, a, b, Number.MAX_SAFE_INTEGER);
          if (earlier) continue;
          buffer.push(a, b);
          if (buffer.length >= chunkSize) {
            yield { ruleIndex: r, left: buffer.left.slice(0, buffer.length), right: buffer.right.slice(0, buffer.length) };
            buffer = new PairBuffer();
          }
        }
      }
    }
    if (buffer.length > 0) yield { ruleIndex: r, left: buffer.left.slice(0, buffer.length), right: buffer.right.slice(0, buffer.length) };
  }
}

export interface RuleComparisonCount {
  readonly rule: string;
  /** Pairs the rule generates on its own (known before any pair is compared). */
  readonly comparisons: number;
  /** Pairs it adds beyond the rules before it: what is actually scored (null until counted). */
  readonly newComparisons: number | null;
}

function rawCount(table: FeatureTable, keys: RuleKeys, linkType: LinkType): number {
  const groups = groupByKey(keys);
  let total = 0;
  for (let k = 0; k < keys.distinctKeys; k++) {
    const from = groups.start[k] ?? 0;
    const to = groups.start[k + 1] ?? 0;
    const size = to - from;
    if (linkType !== 'link') total += (size * (size - 1)) / 2;
    else {
      const perSource = new Map<number, number>();
      for (let x = from; x < to; x++) {
        const s = table.source[groups.members[x] ?? 0] ?? 0;
        perSource.set(s, (perSource.get(s) ?? 0) + 1);
      }
      let within = 0;
      for (const c of perSource.values()) within += (c * (c - 1)) / 2;
      total += (size * (size - 1)) / 2 - within;
    }
  }
  return total;
}

/**
 * Counts comparisons per rule before any string is compared, from block sizes alone, so a rule
 * that would explode can be caught early. With `exact`, also enumerates the pairs to count what
 * each rule adds beyond the earlier ones (slower: it walks every pair).
 */
export function countComparisons(
  table: FeatureTable,
  rules: readonly BlockingRuleSpec[],
  linkType: LinkType,
  options: { readonly exact?: boolean; readonly keys?: readonly RuleKeys[] } = {},
): RuleComparisonCount[] {
  const keys = options.keys ?? rules.map((r) => ruleKeys(table, r));
  const counts = rules.map((rule, r) => ({ rule: describeRule(rule), comparisons: rawCount(table, keys[r] as RuleKeys, linkType) }));
  if (options.exact !== true) return counts.map((c) => ({ ...c, newComparisons: null }));
  const added = new Array<number>(rules.length).fill(0);
  for (const chunk of blockedPairs(table, rules, linkType, 1_000_000, keys)) added[chunk.ruleIndex] = (added[chunk.ruleIndex] ?? 0) + chunk.left.length;
  return counts.map((c, r) => ({ ...c, newComparisons: added[r] ?? 0 }));
}

/** All possible pairs for the link type: the denominator of the prior. */
export function totalPossiblePairs(table: FeatureTable, linkType: LinkType): number {
  const n = table.size;
  const all = (n * (n - 1)) / 2;
  if (linkType !== 'link') return all;
  const perSource = new Map<number, number>();
  for (const s of table.source) perSource.set(s, (perSource.get(s) ?? 0) + 1);
  let within = 0;
  for (const c of perSource.values()) within += (c * (c - 1)) / 2;
  return all - within;
}

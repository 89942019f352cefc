import { stringLength, type FeatureTable, type StringPool } from '../featureTable.ts';
import { jaroWinklerCodes } from '../jaroWinkler.ts';
import type { PersonRecord } from '../record.ts';
import { sameStringId, type Comparator, type ComparisonKindDefinition, type ComparisonSpec } from './comparison.ts';

export const DEFAULT_NAME_THRESHOLDS = [0.92, 0.88, 0.7] as const;

export function jaroWinklerIds(pool: StringPool, a: number, b: number): number {
  const aStart = pool.offsets[a] ?? 0;
  const bStart = pool.offsets[b] ?? 0;
  return jaroWinklerCodes(pool.codes, aStart, (pool.offsets[a + 1] ?? 0) - aStart, bStart, (pool.offsets[b + 1] ?? 0) - bStart);
}

function firstCode(pool: StringPool, id: number): number {
  return pool.codes[pool.offsets[id] ?? 0] ?? -1;
}

function isInitialOf(pool: StringPool, initial: number, name: number): boolean {
  const start = pool.offsets[initial] ?? 0;
  return (pool.offsets[initial + 1] ?? 0) - start === 1 && firstCode(pool, initial) === firstCode(pool, name);
}

function givenTokensContain(table: FeatureTable, row: number, id: number): boolean {
  if (id < 0) return false;
  const { offsets, values } = table.givenTokens;
  const end = offsets[row + 1] ?? 0;
  for (let k = offsets[row] ?? 0; k < end; k++) if (values[k] === id) return true;
  return false;
}

/**
 * The second given names when both records have several and the first ones are equal; else -1.
 * A shared leading name such as Vietnamese "Văn" or "Thị" (or any common first name) says little
 * about the rest, yet over the whole string it earns the Winkler prefix bonus: "Văn Cường" and
 * "Văn Long" score 0.9 as strings, though they are different names.
 */
function secondGivenNames(table: FeatureTable, left: number, right: number): readonly [number, number] | null {
  const { offsets, values } = table.givenTokens;
  const startL = offsets[left] ?? 0;
  const startR = offsets[right] ?? 0;
  if ((offsets[left + 1] ?? 0) - startL < 2 || (offsets[right + 1] ?? 0) - startR < 2) return null;
  if (values[startL] !== values[startR]) return null;
  return [values[startL + 1] ?? -1, values[startR + 1] ?? -1];
}

/**
 * Whether one record's given names are the other's with one or more left out, in order ("Adrian"
 * against "Adrian Alexandru", "Thi Lan" against "Nguyen Thi Lan"): a middle name dropped. As a
 * string "Adrian" is far from "Adrian Alexandru" (Jaro–Winkler 0.87), so without a level of
 * its own this common omission counted as a different name.
 */
function givenNamesLeftOut(table: FeatureTable, left: number, right: number): boolean {
  const { offsets, values } = table.givenTokens;
  let shortStart = offsets[left] ?? 0;
  let shortEnd = offsets[left + 1] ?? 0;
  let longStart = offsets[right] ?? 0;
  let longEnd = offsets[right + 1] ?? 0;
  if (shortEnd - shortStart > longEnd - longStart) [shortStart, shortEnd, longStart, longEnd] = [longStart, longEnd, shortStart, shortEnd];
  if (shortEnd - shortStart === 0 || shortEnd - shortStart === longEnd - longStart) return false;
  let at = longStart;
  for (let k = shortStart; k < shortEnd; k++) {
    const token = values[k] ?? -1;
    // An initial alone says too little: "A." is "Adrian Alexandru"'s initial level.
    if (stringLength(table.pool, token) < 2) return false;
    while (at < longEnd && values[at] !== token) at++;
    if (at === longEnd) return false;
    at++;
  }
  return true;
}

const SWAP_SIMILARITY = 0.9;
/** A crossing this close counts as weakly as an initial: enough only beside a strong crossing. */
const LOOSE_SWAP_SIMILARITY = 0.8;

/** Crossed names that are nearly equal; the first-letter check spares most Jaro–Winkler calls. */
function similarCrossed(pool: StringPool, a: number, b: number): boolean {
  if (a < 0 || b < 0) return false;
  if (a === b) return true;
  return firstCode(pool, a) === firstCode(pool, b) && jaroWinklerIds(pool, a, b) >= SWAP_SIMILARITY;
}

/** How the family name of one record stands against the given-name tokens of the other. */
const CROSS_NONE = 0;
const CROSS_WEAK = 1;
const CROSS_NAME = 2;

function crossedAgainstTokens(table: FeatureTable, family: number, row: number): number {
  if (family < 0) return CROSS_NONE;
  const { offsets, values } = table.givenTokens;
  const pool = table.pool;
  let best = CROSS_NONE;
  for (let k = offsets[row] ?? 0; k < (offsets[row + 1] ?? 0); k++) {
    const token = values[k] ?? -1;
    if (similarCrossed(pool, family, token)) return CROSS_NAME;
    if (isInitialOf(pool, family, token) || isInitialOf(pool, token, family)) best = CROSS_WEAK;
    else if (token >= 0 && firstCode(pool, family) === firstCode(pool, token) && jaroWinklerIds(pool, family, token) >= LOOSE_SWAP_SIMILARITY)
      best = CROSS_WEAK;
  }
  return best;
}

const SWAP_NONE = 0;
const SWAP_EXACT = 1;
const SWAP_LOOSE = 2;

/**
 * SWAP_EXACT when each record's family name is among the other's given names (also when the
 * given names carry a middle name: "Nguyen Thi" / "Thao" against "Thi Thao" / "Nguyen").
 * SWAP_LOOSE when they cross only nearly, or one crossing is close and the other weak: an
 * initial or a name with a heavier typo ("Nguyen Thi" / "Thao" against "Thi Thao" / "Nguyeen",
 * "Rusu A." / "Andreea Rusu", "Walker Stevrn" / "Stephen Walker"). Two weak crossings are not a
 * swap: too many pairs share two initials or two loosely similar names. The two are separate
 * levels because an exact swap is nearly as strong as two exact names, while "A. Munteanu"
 * against "Munteaun Alexandra" is one exact family name and an initial.
 */
function swapped(table: FeatureTable, left: number, right: number): number {
  const familyLeft = table.family[left] ?? -1;
  const familyRight = table.family[right] ?? -1;
  if (givenTokensContain(table, right, familyLeft) && givenTokensContain(table, left, familyRight)) return SWAP_EXACT;
  if (similarCrossed(table.pool, familyLeft, table.given[right] ?? -1) && similarCrossed(table.pool, familyRight, table.given[left] ?? -1)) return SWAP_LOOSE;
  const one = crossedAgainstTokens(table, familyLeft, right);
  if (one === CROSS_NONE) return SWAP_NONE;
  const other = crossedAgainstTokens(table, familyRight, left);
  return other !== CROSS_NONE && one + other >= CROSS_WEAK + CROSS_NAME ? SWAP_LOOSE : SWAP_NONE;
}

/**
 * One record's family name written as the other's given name (or among its given names), while
 * the remaining names differ outright: a swap where the other name is a nickname, another name
 * or misheard ("Ionescu Gigi" / "Costel Ionescu", "Khan Li" / "Lee Khhan"). Without it such
 * pairs counted as two different given and two different family names.
 */
function crossedOnce(table: FeatureTable, left: number, right: number): boolean {
  // An initial ("Wood L." against "L. N. Wolson") is no name to cross.
  const crosses = (family: number, other: number): boolean => stringLength(table.pool, family) > 1 && crossedAgainstTokens(table, family, other) === CROSS_NAME;
  const crossed = crosses(table.family[left] ?? -1, right) || crosses(table.family[right] ?? -1, left);
  return crossed && partDiffers(table, left, right, 'givenName') && partDiffers(table, left, right, 'familyName');
}

/**
 * Whether given (or family) names differ outright: not equal, no initial, no sound code in
 * common and less alike than the loosest default level. "Stefan Radu" / "Stefan Stan" share a
 * given name, so "Stan" being close to "Stefan" is no crossing.
 */
function partDiffers(table: FeatureTable, left: number, right: number, kind: 'givenName' | 'familyName'): boolean {
  const column = kind === 'givenName' ? table.given : table.family;
  const first = kind === 'givenName' ? table.givenFirst : table.family;
  const metaphone = kind === 'givenName' ? table.givenMetaphone : table.familyMetaphone;
  const a = column[left] ?? -1;
  const b = column[right] ?? -1;
  const pool = table.pool;
  if (a === b || isInitialOf(pool, first[left] ?? -1, first[right] ?? -1) || isInitialOf(pool, first[right] ?? -1, first[left] ?? -1)) return false;
  for (let x = 0; x < 2; x++) for (let y = 0; y < 2; y++) if (sameStringId(metaphone[2 * left + x] ?? -1, metaphone[2 * right + y] ?? -1)) return false;
  return a < 0 || b < 0 || jaroWinklerIds(pool, a, b) < (DEFAULT_NAME_THRESHOLDS.at(-1) ?? 0.7);
}

/**
 * Swapped names are evidence about the whole name, so only the family-name comparison has a
 * swapped level; the given-name comparison returns null for such pairs. Giving both a level
 * counted the same evidence twice (two +12 weights for one swap).
 */
function nameDefinition(kind: 'givenName' | 'familyName'): ComparisonKindDefinition {
  const thresholdsOf = (spec: ComparisonSpec): readonly number[] => spec.thresholds ?? DEFAULT_NAME_THRESHOLDS;
  // Levels taken by the swapped names (family comparison only): exact and loose.
  const swapLevel = kind === 'familyName' ? 2 : 1;
  return {
    kind,
    levelLabels(spec) {
      const [strictest = 0.92, ...looser] = thresholdsOf(spec);
      const loosest = looser.length > 0 ? looser.at(-1) : undefined;
      const middle = looser.slice(0, -1);
      return [
        'exact',
        ...(kind === 'familyName' ? ['given and family names swapped', 'given and family names swapped, with a typo or an initial'] : ['a given name left out']),
        'initial',
        `Jaro–Winkler ≥ ${strictest}`,
        ...middle.map((t) => `Jaro–Winkler ≥ ${t}`),
        'Double Metaphone equal',
        ...(loosest !== undefined ? [`Jaro–Winkler ≥ ${loosest}`] : []),
        ...(kind === 'familyName' ? ['one name in the other field, the other names differ'] : []),
        'else, one record has a single name',
        'else',
      ];
    },
    // Swapped names are the same names, crossed: "Lisa Johnson" as "Johnson Lisa" is as common
    // a name as it is the right way round, and namesakes are as likely.
    // A name crossed once is adjusted too: "Mohamed" as one's family name and the other's given
    // name is common among Sudanese names, where a father's name becomes the family name.
    termFrequencyLevels: (spec) => (kind === 'familyName' ? [1, 2, 3, 4 + swapLevel + thresholdsOf(spec).length] : [1]),
    comparator(spec): Comparator {
      const thresholds = thresholdsOf(spec);
      const beforeMetaphone = thresholds.length > 1 ? thresholds.slice(0, -1) : thresholds;
      const afterMetaphone = thresholds.length > 1 ? thresholds.slice(-1) : [];
      const crossedOnceLevel = 4 + swapLevel + thresholds.length;
      const singleNameLevel = crossedOnceLevel + (kind === 'familyName' ? 1 : 0);
      const elseLevel = singleNameLevel + 1;
      // A record with one name only is often a nickname ("Gigi", "Becky") the officer heard: its
      // disagreeing with a full name is much weaker evidence, which EM weighs on its own. A name
      // crossed once is, like a swap, evidence about the whole name: the family comparison
      // weighs it and the given-name comparison stays out.
      const differs = (table: FeatureTable, left: number, right: number): number => {
        if (kind === 'familyName' && crossedOnce(table, left, right)) return crossedOnceLevel;
        return onlyName(table, left) >= 0 || onlyName(table, right) >= 0 ? singleNameLevel : elseLevel;
      };
      return (table, left, right) => {
        const column = kind === 'givenName' ? table.given : table.family;
        const first = kind === 'givenName' ? table.givenFirst : table.family;
        const metaphone = kind === 'givenName' ? table.givenMetaphone : table.familyMetaphone;
        const a = column[left] ?? -1;
        const b = column[right] ?? -1;
        if (a < 0 || b < 0) {
          // A record with the names swapped may have only one part filled on one side.
          return 0;
        }
        if (a === b) return 1;
        // A record known only by a nickname the other lists: the alias comparison weighs that,
        // and the given names differing is what a nickname is, not evidence against.
        if (kind === 'givenName' && (knownByAlias(table, left, right) || knownByAlias(table, right, left))) return 0;
        const swap = swapped(table, left, right);
        if (swap !== SWAP_NONE) return kind === 'familyName' ? 1 + swap : 0;
        if (kind === 'givenName' && givenNamesLeftOut(table, left, right)) return 2;
        const pool = table.pool;
        const fa = first[left] ?? -1;
        const fb = first[right] ?? -1;
        if (isInitialOf(pool, fa, fb) || isInitialOf(pool, fb, fa)) return 2 + swapLevel;
        const seconds = kind === 'givenName' ? secondGivenNames(table, left, right) : null;
        const similarity = seconds === null ? jaroWinklerIds(pool, a, b) : jaroWinklerIds(pool, seconds[0], seconds[1]);
        let level = 3 + swapLevel;
        // Slips seldom hit a name's first letter (the observation behind Winkler's prefix bonus),
        // yet Jaro alone puts short names a letter apart at the front high: "Emma" and "Gemma" are
        // 0.93, two names. Such a pair takes the next level down, never the strictest.
        const firstLettersDiffer = seconds === null && firstCode(pool, a) !== firstCode(pool, b);
        for (const [i, t] of beforeMetaphone.entries()) {
          if (similarity >= t && !(i === 0 && firstLettersDiffer)) return level;
          level++;
        }
        // The sound code is of the first given name, which is here already known to be equal.
        if (seconds !== null) return differs(table, left, right);
        const ma1 = metaphone[2 * left] ?? -1;
        const ma2 = metaphone[2 * left + 1] ?? -1;
        const mb1 = metaphone[2 * right] ?? -1;
        const mb2 = metaphone[2 * right + 1] ?? -1;
        if (sameStringId(ma1, mb1) || sameStringId(ma1, mb2) || sameStringId(ma2, mb1) || sameStringId(ma2, mb2)) return level;
        level++;
        for (const t of afterMetaphone) {
          if (similarity >= t) return level;
          level++;
        }
        return differs(table, left, right);
      };
    },
    rawValue(record: PersonRecord) {
      const value = kind === 'givenName' ? record.givenNames : record.familyName;
      if (value != null && value !== '') return value;
      return record.fullName != null && record.fullName !== '' ? `(from full name) ${record.fullName}` : null;
    },
  };
}

export const givenNameComparison = nameDefinition('givenName');
export const familyNameComparison = nameDefinition('familyName');

/** The level of one alias (given, family) against a name, in either order: equal, similar, else. */
function aliasAgainstName(pool: StringPool, aliasGiven: number, aliasFamily: number, given: number, family: number, threshold: number): number {
  const same = (a: number, b: number): boolean => a === b;
  if ((same(aliasGiven, given) && same(aliasFamily, family)) || (same(aliasGiven, family) && same(aliasFamily, given))) return ALIAS_EQUALS_NAME;
  const similar = (a: number, b: number): boolean => a === b || (a >= 0 && b >= 0 && jaroWinklerIds(pool, a, b) >= threshold);
  if ((similar(aliasGiven, given) && similar(aliasFamily, family)) || (similar(aliasGiven, family) && similar(aliasFamily, given))) return ALIAS_SIMILAR;
  return ALIAS_ELSE;
}

const ALIAS_EQUALS_NAME = 1;
const ALIAS_SIMILAR = 2;
const ALIAS_EQUALS_ONE_NAME = 3;
const ALIAS_SHARED = 4;
const ALIAS_ELSE = 5;

/**
 * The only name of a record that has one (given or family: officers put a lone nickname in
 * either field), else -1.
 */
function onlyName(table: FeatureTable, row: number): number {
  const given = table.given[row] ?? -1;
  const family = table.family[row] ?? -1;
  if (given >= 0 && family >= 0) return -1;
  return given >= 0 ? given : family;
}

/** Whether the only name of `row` is the given part of one of `other`'s aliases ("Lela" against "Hyaa, Lela"). */
function knownByAlias(table: FeatureTable, row: number, other: number): boolean {
  const lone = onlyName(table, row);
  if (lone < 0) return false;
  const { offsets, values } = table.aliases;
  for (let k = offsets[other] ?? 0; k < (offsets[other + 1] ?? 0); k++) if (values[k] === lone) return true;
  return false;
}

/**
 * Best level of any alias of `row` against the name (and aliases) of `other`. Two records listing
 * the same alias share its given part, the nickname: a nickname is written with the family name
 * ("Tudor, Didi"), which the family-name comparison has already weighed, and nicknames come from
 * short lists, so two relatives or namesakes called "Didi Tudor" are common. That is a level of
 * its own, not the level of a record known by the other's name.
 */
function aliasLevel(table: FeatureTable, row: number, other: number, threshold: number): number {
  const { aliases, aliasFamily, pool } = table;
  const lone = onlyName(table, other);
  let best = ALIAS_ELSE;
  for (let k = aliases.offsets[row] ?? 0; k < (aliases.offsets[row + 1] ?? 0) && best > 1; k++) {
    const g = aliases.values[k] ?? -1;
    const f = aliasFamily[k] ?? -1;
    best = Math.min(best, aliasAgainstName(pool, g, f, table.given[other] ?? -1, table.family[other] ?? -1, threshold));
    // A person recorded by the nickname alone ("Lela") against "Artan Hyaa, also Lela Hyaa".
    if (lone >= 0 && g === lone) best = Math.min(best, ALIAS_EQUALS_ONE_NAME);
    for (let j = aliases.offsets[other] ?? 0; j < (aliases.offsets[other + 1] ?? 0) && best > 1; j++) {
      if (g < 0 || g !== aliases.values[j]) continue;
      // An alias that is a name of its own ("Ah Wei"), not a nickname with the family name, is as
      // strong as it always was.
      const ownFamily = f === (table.family[row] ?? -1) || aliasFamily[j] === (table.family[other] ?? -1);
      best = Math.min(best, !ownFamily && f === aliasFamily[j] ? ALIAS_EQUALS_NAME : ALIAS_SHARED);
    }
  }
  return best;
}

/** Any alias of one record equals (or nearly equals) the name or an alias of the other. */
export const aliasComparison: ComparisonKindDefinition = {
  kind: 'alias',
  levelLabels(spec) {
    const t = spec.thresholds?.[0] ?? 0.92;
    return ['an alias equals a name', `an alias Jaro–Winkler ≥ ${t}`, 'an alias equals the only name recorded', 'the same alias on both', 'else, one record has aliases', 'else'];
  },
  comparator(spec): Comparator {
    const threshold = spec.thresholds?.[0] ?? 0.92;
    return (table, left, right) => {
      const { offsets } = table.aliases;
      const aliasesLeft = (offsets[left + 1] ?? 0) - (offsets[left] ?? 0);
      const aliasesRight = (offsets[right + 1] ?? 0) - (offsets[right] ?? 0);
      if (aliasesLeft === 0 && aliasesRight === 0) return 0;
      const best = Math.min(aliasLevel(table, left, right, threshold), aliasLevel(table, right, left, threshold));
      // An alias that matches nothing of a record with none of its own says little: most records
      // list no alias whoever they are.
      return best === ALIAS_ELSE && (aliasesLeft === 0 || aliasesRight === 0) ? ALIAS_ELSE : best === ALIAS_ELSE ? ALIAS_ELSE + 1 : best;
    };
  },
  rawValue(record) {
    return record.aliases == null || record.aliases.length === 0 ? null : record.aliases.join('; ');
  },
};

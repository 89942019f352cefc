import type { CountryCode } from 'libphonenumber-js';
import { doubleMetaphone } from 'double-metaphone';
import { borderCountryIndex } from './landBorders.ts';
import type { PersonRecord } from './record.ts';
import {
  addressTokens,
  birthYearFromAge,
  nameTokens,
  normaliseDocumentNumber,
  normaliseEmail,
  normaliseNationality,
  normalisePhone,
  normalisePostcode,
  normaliseSex,
  parseDateOfBirth,
  splitFullName,
} from './normalise.ts';

/**
 * Records prepared for comparison, column by column. Every string is interned once into a
 * dictionary whose characters sit in one shared typed array, so exact equality is an integer
 * comparison and worker threads read the same memory without copying. -1 means missing.
 */
export interface StringPool {
  readonly codes: Uint16Array;
  /** offsets[id] .. offsets[id + 1] are the code units of string id. */
  readonly offsets: Int32Array;
}

/** Multi-valued column in compressed-row form: values[offsets[r] .. offsets[r + 1]]. */
export interface MultiColumn {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

/** The same for numbers too large for 32 bits (E.164 phone numbers as integers). */
export interface WideMultiColumn {
  readonly offsets: Int32Array;
  readonly values: Float64Array;
}

export interface FeatureTable {
  readonly size: number;
  readonly pool: StringPool;
  readonly source: Int32Array;
  readonly given: Int32Array;
  readonly givenFirst: Int32Array;
  readonly family: Int32Array;
  /** Double Metaphone primary and alternate codes of the first given name: two per record. */
  readonly givenMetaphone: Int32Array;
  readonly familyMetaphone: Int32Array;
  readonly givenTokens: MultiColumn;
  readonly familyTokens: MultiColumn;
  /** Aliases as (given, family) string ids: the given parts here, the family parts in aliasFamily. */
  readonly aliases: MultiColumn;
  readonly aliasFamily: Int32Array;
  readonly dobYear: Int16Array;
  readonly dobMonth: Int8Array;
  readonly dobDay: Int8Array;
  /** From an estimated age; NaN when none. */
  readonly birthYearEstimate: Float32Array;
  readonly sex: Int8Array;
  readonly nationality: Int32Array;
  /** The nationality's country among those with land borders (landBorders.ts); -1 when none or unknown. */
  readonly nationalityBorderCountry: Int16Array;
  /** Where the person was found (record.area), lower-cased. */
  readonly area: Int32Array;
  /** Phone numbers held as integers, not strings: a million records carry a million numbers. */
  readonly phoneE164: WideMultiColumn;
  readonly phoneLastNine: MultiColumn;
  readonly postcodeFull: Int32Array;
  readonly postcodeSector: Int32Array;
  readonly postcodeDistrict: Int32Array;
  readonly postcodeArea: Int32Array;
  readonly addressTokens: MultiColumn;
  readonly documents: MultiColumn;
  readonly emails: MultiColumn;
}

/** The table plus what only the main thread needs (ids and readable strings). */
export interface PreparedRecords {
  readonly table: FeatureTable;
  readonly strings: readonly string[];
  readonly recordIds: readonly string[];
  readonly sourceIds: readonly string[];
  readonly records: readonly PersonRecord[];
}

export interface PrepareOptions {
  /** For phone numbers written without a country code. */
  readonly defaultCountry?: CountryCode;
  /** Reference date for estimated ages without their own date. */
  readonly runDate?: Date;
}

class Interner {
  readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  id(value: string | null | undefined): number {
    if (value == null || value === '') return -1;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(value, id);
      this.strings.push(value);
    }
    return id;
  }
}

class MultiBuilder {
  readonly offsets: number[] = [0];
  readonly values: number[] = [];
  push(ids: readonly number[]): void {
    const start = this.values.length;
    for (const id of ids) {
      if (id < 0) continue;
      let seen = false;
      for (let k = start; k < this.values.length && !seen; k++) seen = this.values[k] === id;
      if (!seen) this.values.push(id);
    }
    this.offsets.push(this.values.length);
  }
  build(): MultiColumn {
    return { offsets: sharedInt32(this.offsets), values: sharedInt32(this.values) };
  }
  buildWide(): WideMultiColumn {
    const values = new Float64Array(new SharedArrayBuffer(Math.max(this.values.length, 1) * 8));
    values.set(this.values);
    return { offsets: sharedInt32(this.offsets), values };
  }
}

function sharedInt32(values: readonly number[] | Int32Array): Int32Array {
  const array = new Int32Array(new SharedArrayBuffer(Math.max(values.length, 1) * 4));
  array.set(values);
  return array;
}

function sharedArray<T extends Int8Array | Int16Array | Float32Array | Int32Array>(
  Kind: { new (buffer: SharedArrayBuffer): T; readonly BYTES_PER_ELEMENT: number },
  length: number,
): T {
  return new Kind(new SharedArrayBuffer(Math.max(length, 1) * Kind.BYTES_PER_ELEMENT));
}

function metaphoneCodes(name: string | undefined): [string, string] | null {
  if (name === undefined || name === '') return null;
  const [primary, alternate] = doubleMetaphone(name);
  return [primary, alternate];
}

export function prepareRecords(records: readonly PersonRecord[], options: PrepareOptions = {}): PreparedRecords {
  const n = records.length;
  const runDate = options.runDate ?? new Date();
  const country = options.defaultCountry ?? 'GB';
  const interner = new Interner();
  const sources = new Interner();
  const source = sharedArray(Int32Array, n);
  const given = sharedArray(Int32Array, n);
  const givenFirst = sharedArray(Int32Array, n);
  const family = sharedArray(Int32Array, n);
  const givenMetaphone = sharedArray(Int32Array, n * 2);
  const familyMetaphone = sharedArray(Int32Array, n * 2);
  const dobYear = sharedArray(Int16Array, n);
  const dobMonth = sharedArray(Int8Array, n);
  const dobDay = sharedArray(Int8Array, n);
  const birthYearEstimate = sharedArray(Float32Array, n);
  const sex = sharedArray(Int8Array, n);
  const nationality = sharedArray(Int32Array, n);
  const nationalityBorderCountry = sharedArray(Int16Array, n);
  const area = sharedArray(Int32Array, n);
  const postcodeFull = sharedArray(Int32Array, n);
  const postcodeSector = sharedArray(Int32Array, n);
  const postcodeDistrict = sharedArray(Int32Array, n);
  const postcodeArea = sharedArray(Int32Array, n);
  const givenTokens = new MultiBuilder();
  const familyTokens = new MultiBuilder();
  const aliases = new MultiBuilder();
  const aliasFamily: number[] = [];
  const phoneE164 = new MultiBuilder();
  const phoneLastNine = new MultiBuilder();
  const address = new MultiBuilder();
  const documents = new MultiBuilder();
  const emails = new MultiBuilder();
  const recordIds: string[] = [];
  const seen = new Set<string>();

  for (let r = 0; r < n; r++) {
    const record = records[r] as PersonRecord;
    if (seen.has(record.recordId)) throw new Error(`duplicate record id "${record.recordId}"`);
    seen.add(record.recordId);
    recordIds.push(record.recordId);
    source[r] = sources.id(record.sourceId === '' ? '(none)' : record.sourceId);

    let givenList = nameTokens(record.givenNames);
    let familyList = nameTokens(record.familyName);
    let dobText = record.dateOfBirth ?? null;
    if (givenList.length === 0 && familyList.length === 0 && record.fullName != null) {
      const split = splitFullName(record.fullName);
      givenList = split.given;
      familyList = split.family;
      dobText ??= split.dateOfBirthHint;
    }
    const givenText = givenList.join(' ');
    const familyText = familyList.join(' ');
    given[r] = interner.id(givenText);
    givenFirst[r] = interner.id(givenList[0]);
    family[r] = interner.id(familyText);
    const gm = metaphoneCodes(givenList[0]);
    givenMetaphone[2 * r] = interner.id(gm?.[0]);
    givenMetaphone[2 * r + 1] = interner.id(gm?.[1]);
    // Compound family names are coded as one word: "de la Cruz" and "Delacruz" sound alike.
    const fm = metaphoneCodes(familyList.join(''));
    familyMetaphone[2 * r] = interner.id(fm?.[0]);
    familyMetaphone[2 * r + 1] = interner.id(fm?.[1]);
    givenTokens.push(givenList.map((t) => interner.id(t)));
    familyTokens.push(familyList.map((t) => interner.id(t)));
    for (const alias of record.aliases ?? []) {
      const split = splitFullName(alias);
      if (split.given.length === 0 && split.family.length === 0) continue;
      aliases.values.push(interner.id(split.given.join(' ')));
      aliasFamily.push(interner.id(split.family.join(' ')));
    }
    aliases.offsets.push(aliases.values.length);

    const dob = parseDateOfBirth(dobText);
    dobYear[r] = dob?.year ?? 0;
    dobMonth[r] = dob?.month ?? 0;
    dobDay[r] = dob?.day ?? 0;
    const age = record.estimatedAge;
    birthYearEstimate[r] = age != null && Number.isFinite(age.years) ? birthYearFromAge(age.years, age.asOf, runDate) : Number.NaN;
    sex[r] = normaliseSex(record.sex);
    const nationalityText = normaliseNationality(record.nationality);
    nationality[r] = interner.id(nationalityText);
    nationalityBorderCountry[r] = borderCountryIndex(nationalityText);
    area[r] = interner.id(record.area?.trim().toLowerCase());

    const phones = (record.phones ?? []).map((p) => normalisePhone(p, country));
    phoneE164.push(phones.map((p) => (p?.e164 != null ? Number(p.e164.slice(1)) : -1)));
    phoneLastNine.push(phones.map((p) => (p?.lastNine != null ? Number(p.lastNine) : -1)));

    const postcode = normalisePostcode(record.postcode);
    postcodeFull[r] = interner.id(postcode?.full);
    postcodeSector[r] = interner.id(postcode?.sector);
    postcodeDistrict[r] = interner.id(postcode?.district);
    postcodeArea[r] = interner.id(postcode?.area);
    address.push(addressTokens(record.address).map((t) => interner.id(t)));
    documents.push((record.documentNumbers ?? []).map((d) => interner.id(normaliseDocumentNumber(d))));
    emails.push((record.emails ?? []).map((e) => interner.id(normaliseEmail(e))));
  }

  const strings = interner.strings;
  let totalLength = 0;
  for (const s of strings) totalLength += s.length;
  const codes = new Uint16Array(new SharedArrayBuffer(Math.max(totalLength, 1) * 2));
  const offsets = sharedArray(Int32Array, strings.length + 1);
  let at = 0;
  for (let id = 0; id < strings.length; id++) {
    offsets[id] = at;
    const s = strings[id] as string;
    for (let c = 0; c < s.length; c++) codes[at + c] = s.charCodeAt(c);
    at += s.length;
  }
  offsets[strings.length] = at;

  return {
    table: {
      size: n,
      pool: { codes, offsets },
      source,
      given,
      givenFirst,
      family,
      givenMetaphone,
      familyMetaphone,
      givenTokens: givenTokens.build(),
      familyTokens: familyTokens.build(),
      aliases: aliases.build(),
      aliasFamily: sharedInt32(aliasFamily),
      dobYear,
      dobMonth,
      dobDay,
      birthYearEstimate,
      sex,
      nationality,
      nationalityBorderCountry,
      area,
      phoneE164: phoneE164.buildWide(),
      phoneLastNine: phoneLastNine.build(),
      postcodeFull,
      postcodeSector,
      postcodeDistrict,
      postcodeArea,
      addressTokens: address.build(),
      documents: documents.build(),
      emails: emails.build(),
    },
    strings,
    recordIds,
    sourceIds: sources.strings,
    records,
  };
}

export function stringLength(pool: StringPool, id: number): number {
  return (pool.offsets[id + 1] ?? 0) - (pool.offsets[id] ?? 0);
}

// Routes a reported place to the police force whose triage queue should receive it. `null` means
// "cannot place it": the caller sends the report to the national centre's triage, where a person
// reads the description of the place. A wrong force is worse than none, so anything doubtful
// returns null rather than a guess.
import type { ForceCode } from './forceCodes.ts';
import { forceByPostcodeArea } from './postcodeAreas.ts';
import { forceByPostcodeDistrict } from './postcodeDistricts.ts';
import { forceByTown } from './towns.ts';

export type RoutingBasis = 'postcode-district' | 'postcode-area' | 'town' | 'eircode';

export interface ForceRoute {
  readonly forceCode: ForceCode;
  readonly basis: RoutingBasis;
}

export interface ReportedPlace {
  readonly postcode?: string | undefined;
  readonly town?: string | undefined;
  /** The free-text address: people often type the postcode or town there instead. */
  readonly address?: string | undefined;
}

/**
 * A postcode (or Eircode) decides when it can be placed; then the town; then a postcode or a
 * town found inside the address ("12 High Street, Leeds LS1 4AP").
 */
export function routeToForce(place: ReportedPlace): ForceRoute | null {
  if (place.postcode !== undefined) {
    const byPostcode = routeByPostcode(place.postcode);
    if (byPostcode !== null) return byPostcode;
  }
  if (place.town !== undefined) {
    const byTown = routeByTown(place.town);
    if (byTown !== null) return byTown;
  }
  return place.address === undefined ? null : routeByAddress(place.address);
}

// A full postcode or Eircode standing as a word of its own inside longer text.
const postcodeInText = /(?:^|[^A-Z0-9])([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[ACDEFHKNPRTVWXY](?:\d{2}|6W) ?[0-9ACDEFHKNPRTVWXY]{4})(?![A-Z0-9])/g;

/** Looks for a full postcode, then for a town, in the parts of a typed address, last first. */
export function routeByAddress(address: string): ForceRoute | null {
  const upper = address.normalize('NFKC').toUpperCase();
  const postcodes = [...upper.matchAll(postcodeInText)].map((match) => match[1] ?? '').reverse();
  for (const postcode of postcodes) {
    const route = routeByPostcode(postcode);
    if (route !== null) return route;
  }
  const parts = address.split(/[,\n;]/).map((part) => part.trim()).filter((part) => part !== '').reverse();
  for (const part of parts) {
    const route = routeByTown(part);
    if (route !== null) return route;
  }
  return null;
}

/** Upper case, letters and digits only: "ec2v 7hh", "EC2V7HH" and " Ec2V-7hh " are one postcode. */
export function compactPostcode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// Eircode routing keys are a letter and two digits (or the one exception, D6W), followed in a
// full Eircode by four characters; a GB postcode never has a digit second and a length of seven.
const eircodeFull = /^([ACDEFHKNPRTVWXY](?:\d{2}|6W))[0-9ACDEFHKNPRTVWXY]{4}$/;
const eircodeRoutingKey = /^[ACDEFHKNPRTVWXY](?:\d{2}|6W)$/;
// The London areas E, N and W also start with a letter Eircodes use. Their districts stop at
// E20, N22 and W14, so a higher number there is Irish (E21 Cahir, N37 Athlone, W91 Naas); W12
// is both Shepherd's Bush and Newbridge, and without more it is read as London.
const londonDistrictLimit: Readonly<Record<string, number>> = { E: 20, N: 22, W: 14 };

const gbFull = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
const gbOutward = /^([A-Z]{1,2})(\d[A-Z\d]?)$/;

function isEircode(compact: string): boolean {
  if (eircodeFull.test(compact)) return true;
  if (!eircodeRoutingKey.test(compact)) return false;
  const letter = compact.charAt(0);
  const limit = londonDistrictLimit[letter];
  if (limit === undefined) return true;
  const district = Number(compact.slice(1));
  return Number.isInteger(district) && district > limit;
}

export function routeByPostcode(input: string): ForceRoute | null {
  const compact = compactPostcode(input);
  if (compact === '') return null;
  if (isEircode(compact)) return { forceCode: 'garda', basis: 'eircode' };
  const outward = gbFull.exec(compact)?.[1] ?? (gbOutward.test(compact) ? compact : undefined);
  if (outward === undefined) return null;
  const area = /^[A-Z]+/.exec(outward)?.[0] ?? '';
  // EC2V and SW1A are sub-districts: try the full outward code, then without its final letter.
  const district = forceByPostcodeDistrict[outward] ?? forceByPostcodeDistrict[outward.replace(/(\d)[A-Z]$/, '$1')];
  if (district !== undefined) return { forceCode: district, basis: 'postcode-district' };
  const byArea = forceByPostcodeArea[area];
  return byArea === undefined ? null : { forceCode: byArea, basis: 'postcode-area' };
}

/**
 * Lower case, accents and punctuation gone, "saint" as "st", single spaces: so "Saint Albans",
 * "ST. ALBANS" and "St Albans" meet, as do "Baile Átha Cliath" and "baile atha cliath".
 */
export function normaliseTownName(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^saint /, 'st ')
    .replace(/ saint /g, ' st ');
}

export function routeByTown(input: string): ForceRoute | null {
  const name = normaliseTownName(input);
  if (name === '') return null;
  const force = forceByTown[name] ?? forceByTown[name.replace(/^(the|city of) /, '')];
  return force === undefined ? null : { forceCode: force, basis: 'town' };
}

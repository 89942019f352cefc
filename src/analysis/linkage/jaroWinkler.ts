/**
 * Jaro–Winkler over UTF-16 code units held in one typed array, so that workers can compare names
 * stored in shared memory without building strings. Conventions (they differ between libraries):
 * half-transpositions are floored as in Winkler's strcmp95, and the prefix boost applies only when
 * the Jaro similarity is at least 0.7, as in Splink/DuckDB. Callers normalise accents first.
 */

/*
 * Match flags are stamped with a call number instead of being cleared, so a comparison costs
 * nothing for the parts of the buffers it does not touch.
 */
let flagsA = new Uint32Array(64);
let flagsB = new Uint32Array(64);
let stamp = 0;

const BOOST_THRESHOLD = 0.7;
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

export function jaroCodes(codes: Uint16Array, aStart: number, aLength: number, bStart: number, bLength: number): number {
  if (aLength === 0 || bLength === 0) return aLength === bLength ? 1 : 0;
  if (aLength > flagsA.length) flagsA = new Uint32Array(aLength * 2);
  if (bLength > flagsB.length) flagsB = new Uint32Array(bLength * 2);
  if (++stamp === 0xffffffff) {
    flagsA.fill(0);
    flagsB.fill(0);
    stamp = 1;
  }
  const mark = stamp;
  const a = flagsA;
  const b = flagsB;
  const window = Math.max((Math.max(aLength, bLength) >> 1) - 1, 0);
  let matches = 0;
  for (let i = 0; i < aLength; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < bLength - 1 ? i + window : bLength - 1;
    const c = codes[aStart + i];
    for (let j = lo; j <= hi; j++) {
      if (b[j] !== mark && codes[bStart + j] === c) {
        a[i] = mark;
        b[j] = mark;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  let k = 0;
  for (let i = 0; i < aLength; i++) {
    if (a[i] !== mark) continue;
    while (b[k] !== mark) k++;
    if (codes[aStart + i] !== codes[bStart + k]) outOfOrder++;
    k++;
  }
  const transpositions = outOfOrder >> 1;
  return (matches / aLength + matches / bLength + (matches - transpositions) / matches) / 3;
}

export function jaroWinklerCodes(codes: Uint16Array, aStart: number, aLength: number, bStart: number, bLength: number): number {
  const jaro = jaroCodes(codes, aStart, aLength, bStart, bLength);
  if (jaro < BOOST_THRESHOLD) return jaro;
  const limit = Math.min(MAX_PREFIX, aLength, bLength);
  let prefix = 0;
  while (prefix < limit && codes[aStart + prefix] === codes[bStart + prefix]) prefix++;
  return jaro + prefix * PREFIX_SCALE * (1 - jaro);
}

let scratch = new Uint16Array(128);

/** Convenience form for strings (tests, explanations); the engine itself uses the code form. */
export function jaroWinkler(a: string, b: string): number {
  const total = a.length + b.length;
  if (total > scratch.length) scratch = new Uint16Array(total * 2);
  for (let i = 0; i < a.length; i++) scratch[i] = a.charCodeAt(i);
  for (let i = 0; i < b.length; i++) scratch[a.length + i] = b.charCodeAt(i);
  return jaroWinklerCodes(scratch, 0, a.length, a.length, b.length);
}

export function jaro(a: string, b: string): number {
  const total = a.length + b.length;
  if (total > scratch.length) scratch = new Uint16Array(total * 2);
  for (let i = 0; i < a.length; i++) scratch[i] = a.charCodeAt(i);
  for (let i = 0; i < b.length; i++) scratch[a.length + i] = b.charCodeAt(i);
  return jaroCodes(scratch, 0, a.length, a.length, b.length);
}

// Reference codes and one-time secrets for public reports.
//
// A reporter may copy a code from a phone screen onto paper and type it back weeks later, so the
// alphabet leaves out the characters people confuse (0/O, 1/I) and the last character is a
// check character (Luhn mod 32) that catches every single-character mistake and most swaps of
// neighbouring characters before the store is even asked.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const referenceAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const base = referenceAlphabet.length; // 32: a random byte masked to 5 bits is unbiased
const prefix = 'LL';
const bodyLength = 8; // 7 random characters and the check character: 32^7 ≈ 3.4e10 codes

/** The code shown to the reporter, e.g. `LL-7K3M-9QXT`. The store must still refuse a duplicate. */
export function generateReference(): string {
  const bytes = randomBytes(bodyLength - 1);
  const payload = [...bytes].map((byte) => referenceAlphabet[byte & (base - 1)] ?? '').join('');
  const body = payload + checkCharacter(payload);
  return `${prefix}-${body.slice(0, 4)}-${body.slice(4)}`;
}

/**
 * Reads a reference as a person might type it (any case, spaces or hyphens anywhere, with or
 * without the `LL` prefix) and returns it in its canonical form, or `null` when it cannot be a
 * reference we issued (wrong length, a character outside the alphabet, or a failed check).
 */
export function parseReference(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (compact.length === prefix.length + bodyLength && compact.startsWith(prefix)) {
    compact = compact.slice(prefix.length);
  }
  if (compact.length !== bodyLength) return null;
  if (![...compact].every((character) => referenceAlphabet.includes(character))) return null;
  const payload = compact.slice(0, -1);
  if (checkCharacter(payload) !== compact.slice(-1)) return null;
  return `${prefix}-${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Luhn mod N over the reference alphabet. */
export function checkCharacter(payload: string): string {
  let sum = 0;
  let factor = 2;
  for (let position = payload.length - 1; position >= 0; position -= 1) {
    const value = referenceAlphabet.indexOf(payload.charAt(position));
    if (value < 0) throw new Error(`'${payload.charAt(position)}' is not in the reference alphabet`);
    const addend = factor * value;
    sum += Math.floor(addend / base) + (addend % base);
    factor = factor === 2 ? 1 : 2;
  }
  return referenceAlphabet.charAt((base - (sum % base)) % base);
}

// The secret: 20 characters of the same alphabet (100 bits), in groups of four so it can be read
// aloud or copied by hand. Guessing it is hopeless even before rate limiting.
const secretLength = 20;

export function generateSecret(): string {
  const characters = Array.from({ length: secretLength }, () => referenceAlphabet.charAt(randomInt(base)));
  return characters.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** What people may type differently without typing a different secret: case, spaces, hyphens. */
function canonicalSecret(secret: string): string {
  return secret.toUpperCase().replace(/[\s\-–—_.]/g, '');
}

// scrypt parameters are stored with each hash, so they can be raised later without breaking
// the secrets already issued.
const scryptParameters = { N: 2 ** 14, r: 8, p: 1 } as const;
const keyLength = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/**
 * The only form of the secret the store keeps: `scrypt$N$r$p$salt$hash` (base64url), with a salt
 * of its own for every report.
 */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParameters;
  const key = await scryptAsync(canonicalSecret(secret), salt, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, storedHash: string): Promise<boolean> {
  const parts = storedHash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every(Number.isSafeInteger)) {
    return false;
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (expected.length !== keyLength) return false;
  const actual = await scryptAsync(canonicalSecret(secret), salt, { N, r, p });
  return timingSafeEqual(actual, expected);
}

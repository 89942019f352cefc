import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 is enough for high-entropy random secrets (tokens, session ids, recovery codes); passwords use argon2. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Recovery codes: 10 groups of "xxxxx-xxxxx" from an alphabet without look-alike characters. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length] ?? 'a').join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/\s+/g, '');
}

export function newApiTokenSecret(): { token: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { token: `llt_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

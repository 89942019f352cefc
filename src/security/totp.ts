import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Lifeline';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, accountName: string): string {
  return totpFor(secretBase32, accountName).toString();
}

/**
 * Checks a code one step either side of now (clock drift) and returns the time step it matched,
 * so the caller can refuse a step already used (a code seen over someone's shoulder cannot be replayed).
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const cleaned = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(cleaned)) return null;
  const delta = totpFor(secretBase32, ISSUER).validate({ token: cleaned, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

export function currentTotpCode(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, ISSUER).generate({ timestamp: now.getTime() });
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

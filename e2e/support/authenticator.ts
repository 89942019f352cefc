// The person's authenticator app, played by otpauth with the key the enrolment page shows.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { follow, heading } from './journeys.ts';

export function authenticator(key: string): TOTP {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key.replace(/\s+/g, '')) });
}

/** Lifeline refuses a code of a time step it has already accepted; the next step's code is within its window and new. */
export function nextCode(app: TOTP): string {
  return app.generate({ timestamp: Date.now() + 30_000 });
}

/** A six-digit code that is valid at no time near now, so a rejection cannot be luck. */
export function invalidCode(app: TOTP): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => app.generate({ timestamp: Date.now() + offset * 30_000 })));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/**
 * Reads the key from inside "I cannot scan the QR code": a <details> that is closed at first
 * and opened by its summary whether or not JavaScript runs.
 */
export async function readEnrolmentKey(page: Page): Promise<TOTP> {
  expect(await heading(page)).toBe('Set up your authenticator app');
  expect(await page.locator('.lifeline-qr svg').count()).toBe(1);
  const key = page.locator('.govuk-details .lifeline-secret');
  expect(await key.isVisible()).toBe(false);
  await page.getByText('I cannot scan the QR code').click();
  await expect.poll(() => key.isVisible()).toBe(true);
  return authenticator(await key.innerText());
}

export async function confirmEnrolment(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code from the app').fill(code);
  await follow(page, page.getByRole('button', { name: 'Confirm' }));
}

/** Reads the recovery codes from the page that shows them once. */
export async function readRecoveryCodes(page: Page): Promise<string[]> {
  expect(await heading(page)).toBe('Your recovery codes');
  const codes = (await page.locator('.lifeline-recovery-codes li').allInnerTexts()).map((code) => code.trim());
  expect(codes.length).toBeGreaterThanOrEqual(8);
  expect(new Set(codes).size).toBe(codes.length);
  return codes;
}

export async function enterSecurityCode(page: Page, code: string): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  expect(await heading(page)).toBe('Enter your security code');
  await page.getByLabel('Enter your security code').fill(code);
  await follow(page, page.getByRole('button', { name: 'Continue' }));
}

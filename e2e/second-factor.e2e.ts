// Issue 2: an authenticator app is set up and used in a browser, with and without JavaScript.
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems, type JavaScriptMode } from './support/browser.ts';
import { demoAccount, errorSummary, follow, heading, screenshot, signIn, signOut } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline();

const WRONG_CODE = 'Enter the current code from your authenticator app, or an unused recovery code';

// A different person per mode, so neither run depends on what the other left behind.
const PEOPLE: Record<JavaScriptMode, ReturnType<typeof demoAccount>> = {
  'with JavaScript': demoAccount('supervisor', 'metropolitan'),
  'without JavaScript': demoAccount('first-responder', 'la-riverside'),
};

function authenticator(key: string): TOTP {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key.replace(/\s+/g, '')) });
}

/** Lifeline refuses a code of a time step it has already accepted; the next step's code is within its window and new. */
function nextCode(app: TOTP): string {
  return app.generate({ timestamp: Date.now() + 30_000 });
}

/** A six-digit code that is valid at no time near now, so the rejection cannot be luck. */
function invalidCode(app: TOTP): string {
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => app.generate({ timestamp: Date.now() + offset * 30_000 })));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

async function enterCode(page: Page, code: string): Promise<void> {
  expect(new URL(page.url()).pathname).toBe('/sign-in/second-factor');
  expect(await heading(page)).toBe('Enter your security code');
  await page.getByLabel('Enter your security code').fill(code);
  await follow(page, page.getByRole('button', { name: 'Continue' }));
}

describe.each(JAVASCRIPT_MODES)('an authenticator app, %s', (mode) => {
  test('is set up on the account page, then asked for at sign-in; a recovery code works once instead', async () => {
    const person = PEOPLE[mode];
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    await signIn(page, person.email, person.password);
    expect(new URL(page.url()).pathname).toBe('/');
    await follow(page, page.getByRole('link', { name: 'Your account' }));
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Second factor\s+Not set up/);
    await follow(page, page.getByRole('button', { name: 'Set up authenticator app' }));
    expect(await heading(page)).toBe('Set up your authenticator app');
    expect(await page.locator('.lifeline-qr svg').count()).toBe(1);

    // The key is inside a <details>: closed at first, opened by its summary whether or not JavaScript runs.
    const key = page.locator('.govuk-details .lifeline-secret');
    expect(await key.isVisible()).toBe(false);
    await page.getByText('I cannot scan the QR code').click();
    await expect.poll(() => key.isVisible()).toBe(true);
    if (mode === 'without JavaScript') await screenshot(page, 'enrol-nojs');
    const app = authenticator(await key.innerText());

    await page.getByLabel('Code from the app').fill(invalidCode(app));
    await follow(page, page.getByRole('button', { name: 'Confirm' }));
    expect(await errorSummary(page)).toEqual(['Enter the 6-digit code shown in your authenticator app now']);
    // A failed attempt keeps the same key: the app the person already set up still matches.
    await page.getByText('I cannot scan the QR code').click();
    await expect.poll(() => key.isVisible()).toBe(true);
    expect(authenticator(await key.innerText()).secret.base32).toBe(app.secret.base32);

    await page.getByLabel('Code from the app').fill(app.generate());
    await follow(page, page.getByRole('button', { name: 'Confirm' }));
    expect(await heading(page)).toBe('Your recovery codes');
    const recoveryCodes = (await page.locator('.lifeline-recovery-codes li').allInnerTexts()).map((code) => code.trim());
    expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(recoveryCodes).size).toBe(recoveryCodes.length);
    if (mode === 'with JavaScript') await screenshot(page, 'recovery-codes');
    await follow(page, page.getByRole('button', { name: 'Continue' }));
    await follow(page, page.getByRole('link', { name: 'Your account' }));
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Second factor\s+Set up/);
    await signOut(page);

    // The password alone no longer signs in.
    await signIn(page, person.email, person.password);
    expect(await page.locator('nav[aria-label="Main menu"]').count()).toBe(0);
    await page.goto('/account');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await signIn(page, person.email, person.password);
    await enterCode(page, invalidCode(app));
    expect(await errorSummary(page)).toEqual([WRONG_CODE]);
    const code = nextCode(app);
    await enterCode(page, code);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('main').innerText()).toContain(`You are signed in as ${person.displayName}`);
    await signOut(page);

    // A code that has signed someone in once cannot do it again, even inside its 30 seconds.
    await signIn(page, person.email, person.password);
    await enterCode(page, code);
    expect(await errorSummary(page)).toEqual([WRONG_CODE]);

    const recoveryCode = recoveryCodes[0] ?? '';
    await enterCode(page, recoveryCode);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`You used a recovery code. ${recoveryCodes.length - 1} left.`);
    await signOut(page);

    await signIn(page, person.email, person.password);
    await enterCode(page, recoveryCode);
    expect(await errorSummary(page)).toEqual([WRONG_CODE]);
    await follow(page, page.getByRole('button', { name: 'Cancel and sign out' }));
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    expectNoPageProblems(context);
    await context.close();
  });
});

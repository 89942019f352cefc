// Issue 2: an authenticator app is set up and used in a browser, with and without JavaScript.
import { describe, expect, test } from 'vitest';
import { confirmEnrolment, enterSecurityCode, invalidCode, nextCode, readEnrolmentKey, readRecoveryCodes } from './support/authenticator.ts';
import { JAVASCRIPT_MODES, expectNoPageProblems, type JavaScriptMode } from './support/browser.ts';
import { demoAccount, errorSummary, follow, screenshot, signIn, signOut } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline();

const WRONG_CODE = 'Enter the current code from your authenticator app, or an unused recovery code';

// A different person per mode, so neither run depends on what the other left behind.
const PEOPLE: Record<JavaScriptMode, ReturnType<typeof demoAccount>> = {
  'with JavaScript': demoAccount('supervisor', 'metropolitan'),
  'without JavaScript': demoAccount('first-responder', 'la-riverside'),
};

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
    const app = await readEnrolmentKey(page);
    if (mode === 'without JavaScript') await screenshot(page, 'enrol-nojs');

    await confirmEnrolment(page, invalidCode(app));
    expect(await errorSummary(page)).toEqual(['Enter the 6-digit code shown in your authenticator app now']);
    // A failed attempt keeps the same key: the app the person already set up still matches.
    expect((await readEnrolmentKey(page)).secret.base32).toBe(app.secret.base32);

    await confirmEnrolment(page, app.generate());
    const recoveryCodes = await readRecoveryCodes(page);
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
    await enterSecurityCode(page, invalidCode(app));
    expect(await errorSummary(page)).toEqual([WRONG_CODE]);
    const code = nextCode(app);
    await enterSecurityCode(page, code);
    // This sign-in began at /account, and the page asked for survives the second factor.
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.locator('.govuk-summary-list').innerText()).toContain(person.displayName);
    await signOut(page);

    // A code that has signed someone in once cannot do it again, even inside its 30 seconds.
    await signIn(page, person.email, person.password);
    await enterSecurityCode(page, code);
    expect(await errorSummary(page)).toEqual([WRONG_CODE]);

    const recoveryCode = recoveryCodes[0] ?? '';
    await enterSecurityCode(page, recoveryCode);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`You used a recovery code. ${recoveryCodes.length - 1} left.`);
    await signOut(page);

    await signIn(page, person.email, person.password);
    await enterSecurityCode(page, recoveryCode);
    expect(await errorSummary(page)).toEqual([WRONG_CODE]);
    await follow(page, page.getByRole('button', { name: 'Cancel and sign out' }));
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    expectNoPageProblems(context);
    await context.close();
  });
});


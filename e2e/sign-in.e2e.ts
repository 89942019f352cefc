// Issue 2, journey 4: a failed sign-in follows the GOV.UK error pattern and never tells the
// person (or an attacker) whether an email address has an account.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { GENERIC_SIGN_IN_FAILURE, demoAccount, errorSummary, screenshot, signIn, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';
import type { PageGlobals } from './support/page.ts';

const lifeline = useLifeline();

interface FailedSignIn { status: number; title: string; summary: string[]; fieldError: string; email: string; password: string }

async function failedSignIn(page: Page, email: string, password: string): Promise<FailedSignIn> {
  const status = await signIn(page, email, password);
  return {
    status,
    title: await page.title(),
    summary: await errorSummary(page),
    fieldError: (await page.locator('#email-error').innerText()).replace(/\s+/g, ' ').trim(),
    email: await page.getByLabel('Email address').inputValue(),
    password: await page.getByLabel('Password', { exact: true }).inputValue(),
  };
}

describe.each(JAVASCRIPT_MODES)('signing in, %s', (mode) => {
  test('a wrong password and an unknown email address get the same answer', async () => {
    const analyst = demoAccount('analyst', 'national-centre');
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    await visit(page, '/sign-in');
    expect(await page.title()).toBe('Sign in – Lifeline');
    if (mode === 'with JavaScript') await screenshot(page, 'sign-in');

    const wrongPassword = await failedSignIn(page, analyst.email, 'not the right password');
    if (mode === 'with JavaScript') await screenshot(page, 'sign-in-error');
    const unknownAccount = await failedSignIn(page, 'nobody.here@demo.lifeline.example', 'not the right password');

    expect(wrongPassword).toEqual({
      status: 401, title: 'Error: Sign in – Lifeline', summary: [GENERIC_SIGN_IN_FAILURE], fieldError: `Error: ${GENERIC_SIGN_IN_FAILURE}`,
      email: analyst.email, password: '',
    });
    expect({ ...unknownAccount, email: analyst.email }).toEqual(wrongPassword);

    // The summary links to the field it is about, as the GOV.UK pattern requires.
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#email');
    if (mode === 'with JavaScript') {
      // GOV.UK Frontend moves focus to the summary so that screen readers announce it.
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
    }

    const missing = await signIn(page, '', '');
    expect(missing).toBe(400);
    expect(await errorSummary(page)).toEqual(['Enter your email address', 'Enter your password']);

    // After all that, the right password still works: two failures are far from a lockout.
    await signIn(page, analyst.email, analyst.password);
    expect(new URL(page.url()).pathname).toBe('/');

    expectNoPageProblems(context);
    await context.close();
  });
});

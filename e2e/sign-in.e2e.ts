// Issue 2, journey 4: a failed sign-in follows the GOV.UK error pattern and never tells the
// person (or an attacker) whether an email address has an account.
import type { BrowserContext, Cookie, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { GENERIC_SIGN_IN_FAILURE, demoAccount, errorSummary, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
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

async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name === 'lifeline_session');
  if (cookie === undefined) throw new Error('No session cookie');
  return cookie;
}

describe.each(JAVASCRIPT_MODES)('signing in, %s', (mode) => {
  test('a wrong password and an unknown email address get the same answer', async () => {
    const analyst = demoAccount('analyst', 'national-centre');
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    await visit(page, '/sign-in');
    expect(await page.title()).toBe('Sign in – Lifeline');
    if (mode === 'with JavaScript') await screenshot(page, 'sign-in');
    const password = page.getByLabel('Password', { exact: true });
    const show = page.getByRole('button', { name: 'Show password' });
    if (mode === 'with JavaScript') {
      // GOV.UK Frontend's script is what adds the button: this fails if the script does not load or start.
      await password.fill('typed to be seen');
      await show.click();
      expect(await password.getAttribute('type')).toBe('text');
      await page.getByRole('button', { name: 'Hide password' }).click();
      expect(await password.getAttribute('type')).toBe('password');
    } else {
      expect(await show.isVisible()).toBe(false);
    }

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

  test('signing in starts a new session, and signing out ends it on the server and in every tab', async () => {
    const decisionMaker = demoAccount('decision-maker', 'competent-authority');
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    await visit(page, '/sign-in');
    const before = await sessionCookie(context);
    await signIn(page, decisionMaker.email, decisionMaker.password);
    expect(new URL(page.url()).pathname).toBe('/');
    // A session id planted before sign-in (session fixation) is worth nothing after it.
    const signedIn = await sessionCookie(context);
    // Compared as a boolean so that a failure does not print session ids.
    expect(signedIn.value === before.value, 'the session id survived sign-in').toBe(false);

    // A form left open in another tab must not act once the person has signed out.
    const otherTab = await context.newPage();
    await visit(otherTab, '/account');
    await signOut(page);
    await otherTab.getByLabel('Current password').fill(decisionMaker.password);
    await otherTab.getByLabel('New password').fill('a stale form must not change this');
    // The route guard turns away a signed-out person before the form is even read: to sign-in.
    expect(await follow(otherTab, otherTab.getByRole('button', { name: 'Change password' }))).toBe(200);
    expect(new URL(otherTab.url()).pathname).toBe('/sign-in');
    expect(await heading(otherTab)).toBe('Sign in to Lifeline');

    // A copy of the cookie kept from before signing out must not still open staff pages.
    await context.addCookies([signedIn]);
    await visit(page, '/account');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // The stale form changed nothing: the password is still the old one.
    await signIn(page, decisionMaker.email, decisionMaker.password);
    expect(new URL(page.url()).pathname).toBe('/account');

    expectNoPageProblems(context);
    await context.close();
  });
});

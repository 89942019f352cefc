// Issue 2, journeys 5 and 6: the audit chain verifies in the browser, and people see the right
// error pages for what they may not open and what does not exist.
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { demoAccount, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline();

describe.each(JAVASCRIPT_MODES)('access, %s', (mode) => {
  test('a system administrator verifies the audit chain', async () => {
    const administrator = demoAccount('system-administrator', 'national-centre');
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    // Signed out, the audit trail sends the person to sign in and then back to it.
    await visit(page, '/audit');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await signIn(page, administrator.email, administrator.password);
    expect(new URL(page.url()).pathname).toBe('/audit');
    expect(await heading(page)).toBe('Audit trail');
    await follow(page, page.getByRole('link', { name: 'Home', exact: true }));
    await follow(page, page.getByRole('link', { name: 'Audit trail', exact: true }));
    expect(await page.locator('tbody tr', { hasText: 'sign-in' }).count()).toBeGreaterThan(0);
    await follow(page, page.getByRole('button', { name: 'Verify the audit chain' }));
    expect(await page.locator('.govuk-inset-text').innerText()).toMatch(/^The chain is intact: \d+ events checked\./);
    if (mode === 'with JavaScript') await screenshot(page, 'audit-verified');
    await follow(page, page.getByRole('link', { name: 'Organisations', exact: true }));
    expect(await heading(page)).toBe('Organisations');
    expect(await page.locator('tbody tr', { hasText: 'Metropolitan Police Service' }).count()).toBe(1);
    await signOut(page);

    expectNoPageProblems(context);
    await context.close();
  });

  test('on a phone, the menu leads to the account page and to signing out', async () => {
    const analyst = demoAccount('analyst', 'national-centre');
    const context = await lifeline.person(mode);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });

    await signIn(page, analyst.email, analyst.password);
    const accountLink = page.getByRole('link', { name: 'Your account' });
    if (mode === 'with JavaScript') {
      // GOV.UK Frontend folds the menu behind a button on narrow screens; without JavaScript it stays open.
      expect(await accountLink.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
    }
    await follow(page, accountLink);
    expect(await heading(page)).toBe('Your account');
    await signOut(page);

    expectNoPageProblems(context);
    await context.close();
  });

  test('an officer is refused the Users page, and an unknown address is not found', async () => {
    const officer = demoAccount('officer', 'metropolitan');
    const context = await lifeline.person(mode);
    const page = await context.newPage();

    expect(await visit(page, '/no-such-page')).toBe(404);
    expect(await heading(page)).toBe('Page not found');

    await signIn(page, officer.email, officer.password);
    expect(await page.getByRole('link', { name: 'Users', exact: true }).count()).toBe(0);

    expect(await visit(page, '/users')).toBe(403);
    expect(await heading(page)).toBe('You do not have access to this page');
    expect(await page.title()).toBe('You do not have access to this page – Lifeline');
    if (mode === 'with JavaScript') await screenshot(page, 'forbidden');

    expect(await visit(page, '/users/no-such-user/roles/nowhere')).toBe(404);
    expect(await heading(page)).toBe('Page not found');
    if (mode === 'with JavaScript') await screenshot(page, 'not-found');
    await visit(page, '/');
    await signOut(page);

    expectNoPageProblems(context);
    await context.close();
  });
});

// Reminders in the application: a token about to expire becomes a notification within the
// scheduler's interval; the menu shows the unread count; the person marks one and then all read.
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { demoAccount, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline({ LIFELINE_REMINDER_INTERVAL_SECONDS: '1' });

describe.each(JAVASCRIPT_MODES)('notifications, %s', (mode) => {
  test('a token expiring soon is a reminder in Notifications, counted in the menu until read', async () => {
    const person = mode === 'with JavaScript' ? demoAccount('officer', 'metropolitan') : demoAccount('supervisor', 'metropolitan');
    const context = await lifeline.person(mode);
    const page = await context.newPage();
    await signIn(page, person.email, person.password);
    await visit(page, '/account');
    for (const name of ['nightly export', 'weekly figures']) {
      await page.getByLabel('Name of a new token').fill(name);
      await page.getByLabel('Expires after (days)').fill('3');
      await follow(page, page.getByRole('button', { name: 'Create token' }));
      expect(await heading(page)).toBe('Your new API token');
      await visit(page, '/account');
    }

    // The scheduler runs every second: the reminders arrive without anyone asking for them, not
    // always in the same run, so wait until both are there.
    await expect.poll(async () => {
      await page.goto('/notifications');
      return page.getByRole('link', { name: 'Notifications 2 unread' }).count();
    }, { timeout: 15_000 }).toBe(1);
    await visit(page, '/notifications');
    expect(await heading(page)).toBe('Notifications');
    const menuItem = page.getByRole('link', { name: 'Notifications 2 unread' });
    expect(await menuItem.count()).toBe(1);
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('link', { name: /^Your API token “nightly export” expires on / }).count()).toBe(1);
    if (mode === 'with JavaScript') await screenshot(page, 'notifications');

    await follow(page, page.locator('tbody tr', { hasText: 'nightly export' }).getByRole('button', { name: /^Mark as read/ }));
    expect(await page.getByRole('link', { name: 'Notifications 1 unread' }).count()).toBe(1);
    expect(await page.locator('.govuk-body', { hasText: 'You have 1 unread notification.' }).count()).toBe(1);
    await follow(page, page.getByRole('button', { name: 'Mark all as read' }));
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('1 notification marked as read');
    expect(await page.locator('.lifeline-count').count()).toBe(0);

    // The reminder leads to the page it is about.
    await follow(page, page.getByRole('link', { name: /^Your API token “weekly figures” expires on / }));
    expect(await heading(page)).toBe('Your account');
    await signOut(page);
    expectNoPageProblems(context);
    await context.close();
  });
});

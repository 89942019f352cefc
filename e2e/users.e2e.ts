// Issue 2, journeys 1 and 2: an organisation administrator manages a user of their force, and
// the user's access follows what the administrator does.
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { GENERIC_SIGN_IN_FAILURE, addUser, demoAccount, errorSummary, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline();

const administrator = demoAccount('organisation-administrator', 'metropolitan');

describe.each(JAVASCRIPT_MODES)('managing a user, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';

  test('an administrator adds an officer, who signs in with the temporary password and changes it', async () => {
    const admin = await lifeline.person(mode);
    const officer = await lifeline.person(mode);
    const adminPage = await admin.newPage();
    const officerPage = await officer.newPage();
    const newOfficer = { name: `Casey Lin (${slug})`, email: `casey.lin.${slug}@met.example`, roleLabel: 'Police officer' };

    await signIn(adminPage, administrator.email, administrator.password);
    expect(new URL(adminPage.url()).pathname).toBe('/');
    if (mode === 'with JavaScript') await screenshot(adminPage, 'home-organisation-administrator');
    await follow(adminPage, adminPage.getByRole('link', { name: 'Users', exact: true }));
    expect(await heading(adminPage)).toBe('Users of Metropolitan Police Service');
    if (mode === 'with JavaScript') await screenshot(adminPage, 'users-list');
    const temporaryPassword = await addUser(adminPage, newOfficer);
    if (mode === 'without JavaScript') await screenshot(adminPage, 'temporary-password-nojs');
    // Shown once: the page forgets the secret as it renders it.
    await visit(adminPage, '/account/revealed');
    expect(new URL(adminPage.url()).pathname).toBe('/account');
    await visit(adminPage, '/users');
    await follow(adminPage, adminPage.getByRole('link', { name: newOfficer.name }));
    expect(await heading(adminPage)).toBe(newOfficer.name);
    await signOut(adminPage);

    await signIn(officerPage, newOfficer.email, temporaryPassword);
    expect(new URL(officerPage.url()).pathname).toBe('/');
    expect(await officerPage.locator('main').innerText()).toContain(`You are signed in as ${newOfficer.name} (Police officer)`);
    await follow(officerPage, officerPage.getByRole('link', { name: 'Your account' }));
    await officerPage.getByLabel('Current password').fill(temporaryPassword);
    await officerPage.getByLabel('New password').fill('too short');
    await follow(officerPage, officerPage.getByRole('button', { name: 'Change password' }));
    expect(await errorSummary(officerPage)).toEqual(['Password must be 12 characters or more']);
    const newPassword = `correct horse battery ${slug}`;
    await officerPage.getByLabel('Current password').fill(temporaryPassword);
    await officerPage.getByLabel('New password').fill(newPassword);
    await follow(officerPage, officerPage.getByRole('button', { name: 'Change password' }));
    await expect.poll(() => officerPage.locator('.govuk-notification-banner').innerText()).toContain('Your password has been changed');
    await signOut(officerPage);

    await signIn(officerPage, newOfficer.email, temporaryPassword);
    expect(await errorSummary(officerPage)).toEqual([GENERIC_SIGN_IN_FAILURE]);
    await signIn(officerPage, newOfficer.email, newPassword);
    expect(new URL(officerPage.url()).pathname).toBe('/');
    await signOut(officerPage);

    expectNoPageProblems(admin);
    expectNoPageProblems(officer);
    await admin.close();
    await officer.close();
  });

  test('an administrator disables an officer, who can no longer sign in or open staff pages', async () => {
    const admin = await lifeline.person(mode);
    const officer = await lifeline.person(mode);
    const adminPage = await admin.newPage();
    const officerPage = await officer.newPage();
    const leaver = { name: `Jordan Reyes (${slug})`, email: `jordan.reyes.${slug}@met.example`, roleLabel: 'Police officer' };

    await signIn(adminPage, administrator.email, administrator.password);
    const temporaryPassword = await addUser(adminPage, leaver);

    // The officer is signed in when the account is disabled: the session must stop working at once.
    await signIn(officerPage, leaver.email, temporaryPassword);
    expect(new URL(officerPage.url()).pathname).toBe('/');

    await visit(adminPage, '/users');
    await follow(adminPage, adminPage.getByRole('link', { name: leaver.name }));
    await follow(adminPage, adminPage.getByRole('button', { name: 'Disable account' }));
    expect(await adminPage.locator('.govuk-notification-banner').innerText()).toContain(`${leaver.name}’s account is disabled and signed out everywhere`);
    expect(await adminPage.locator('.govuk-summary-list').innerText()).toContain('Disabled since');
    if (mode === 'with JavaScript') await screenshot(adminPage, 'user-disabled');
    await visit(adminPage, '/users');
    const row = adminPage.locator('tr', { hasText: leaver.email });
    expect(await row.locator('.govuk-tag').innerText()).toBe('Disabled');
    await signOut(adminPage);

    await visit(officerPage, '/account');
    expect(new URL(officerPage.url()).pathname).toBe('/sign-in');

    await signIn(officerPage, leaver.email, temporaryPassword);
    expect(new URL(officerPage.url()).pathname).toBe('/sign-in');
    expect(await errorSummary(officerPage)).toEqual([GENERIC_SIGN_IN_FAILURE]);

    await visit(officerPage, '/users/new');
    const redirected = new URL(officerPage.url());
    expect(redirected.pathname).toBe('/sign-in');
    expect(redirected.searchParams.get('next')).toBe('/users/new');

    expectNoPageProblems(admin);
    expectNoPageProblems(officer);
    await admin.close();
    await officer.close();
  });
});

// Issue 3, editing and follow-ups: an officer changes a premises and sees the change in its
// history; a save from a form opened before someone else's change is refused with the error
// summary; the supervisor assigns a follow-up, the officer marks it done. axe checks every page.
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { demoAccount, errorSummary, follow, heading, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline({}, { demoOperationScale: 0.05 });

const officer = demoAccount('officer', 'metropolitan');
const supervisor = demoAccount('supervisor', 'metropolitan');

describe.each(JAVASCRIPT_MODES)('editing a record and its follow-up, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';
  const town = slug === 'js' ? 'Walthamstow' : 'Leytonstone';

  test('an officer edits a premises, a stale save is refused, a follow-up is assigned and done', async () => {
    const officerContext = await lifeline.person(mode);
    const supervisorContext = await lifeline.person(mode);
    const page = await officerContext.newPage();
    await signIn(page, officer.email, officer.password);

    // A different premises of the force for each mode, so the two runs do not meet.
    await visit(page, '/premises');
    await follow(page, page.locator('main table tbody tr a').nth(slug === 'js' ? 0 : 1));
    const premisesPath = new URL(page.url()).pathname;
    await follow(page, page.getByRole('link', { name: 'Change the premises' }));
    expect(await heading(page)).toBe('Change premises');
    await page.getByLabel('Town or city').fill(town);
    await follow(page, page.getByRole('button', { name: 'Save changes' }));
    expect(new URL(page.url()).pathname).toBe(premisesPath);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Premises changed');
    const history = await page.locator('main table').last().innerText();
    expect(history).toContain(`→ ${town}`);
    expect(history).toContain('Priya Shah (demo officer)');

    // The officer opens the form again; meanwhile the supervisor changes the premises.
    await follow(page, page.getByRole('link', { name: 'Change the premises' }));
    const supervisorPage = await supervisorContext.newPage();
    await signIn(supervisorPage, supervisor.email, supervisor.password);
    await visit(supervisorPage, `${premisesPath}/edit`);
    await supervisorPage.getByLabel('Address line 2 (optional)').fill(`Unit ${slug}`);
    await follow(supervisorPage, supervisorPage.getByRole('button', { name: 'Save changes' }));
    expect(await supervisorPage.locator('.govuk-notification-banner').innerText()).toContain('Premises changed');

    await page.getByLabel('Postcode or Eircode').fill('E17 4PP');
    expect(await follow(page, page.getByRole('button', { name: 'Save changes' }))).toBe(409);
    expect((await errorSummary(page)).join(' ')).toContain('This record was changed by someone else after you opened it');
    expect(await page.getByLabel('Postcode or Eircode').inputValue()).toBe('E17 4PP');

    // The supervisor gives the officer a follow-up on the premises.
    await visit(supervisorPage, premisesPath);
    await follow(supervisorPage, supervisorPage.getByRole('link', { name: 'Assign a follow-up' }));
    expect(await heading(supervisorPage)).toBe('Assign a follow-up');
    await supervisorPage.getByLabel('Officer').selectOption({ label: officer.displayName });
    await supervisorPage.getByLabel('Day').fill('31');
    await supervisorPage.getByLabel('Month').fill('12');
    await supervisorPage.getByLabel('Year').fill('2099');
    await supervisorPage.getByLabel('What needs to be done').fill(`Check the new address (${slug})`);
    await follow(supervisorPage, supervisorPage.getByRole('button', { name: 'Assign follow-up' }));
    expect(await supervisorPage.locator('.govuk-notification-banner').innerText()).toContain('Follow-up assigned');
    const followUpPath = new URL(supervisorPage.url()).pathname;

    // The officer finds it under My follow-ups and marks it done.
    await follow(page, page.getByRole('link', { name: 'My follow-ups', exact: true }).first());
    expect(await heading(page)).toBe('My follow-ups');
    await follow(page, page.locator(`main a[href="${followUpPath}"]`));
    expect(await page.locator('main').innerText()).toContain(`Check the new address (${slug})`);
    await page.getByLabel('What was done').fill('Visited; the address is right');
    await follow(page, page.getByRole('button', { name: 'Mark as done' }));
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Follow-up marked done');

    await visit(supervisorPage, '/follow-ups/force');
    expect(await supervisorPage.locator(`main a[href="${followUpPath}"]`).count()).toBe(0);
    await visit(supervisorPage, premisesPath);
    expect(await supervisorPage.locator('main table').last().innerText()).toContain('Follow-up marked done');

    await signOut(page);
    await signOut(supervisorPage);
    for (const context of [officerContext, supervisorContext]) {
      expectNoPageProblems(context);
      await context.close();
    }
  });
});

// Issue 3: an officer records a premises visit with the people found and an arrest; the force's
// supervisor sees it counted in the force's results, an officer of another force cannot open it,
// and the national centre's analyst sees it in the national results and the people found.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { demoAccount, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

// The demo operation at a small scale: two operations the Metropolitan Police take part in, and
// some visits already counted, so the journey's figures are read as changes, not totals.
const lifeline = useLifeline({}, { demoOperationScale: 0.05 });

const officer = demoAccount('officer', 'metropolitan');
const otherForceOfficer = demoAccount('officer', 'west-midlands');
const supervisor = demoAccount('supervisor', 'metropolitan');
const analyst = demoAccount('analyst', 'national-centre');
const MET = 'Metropolitan Police Service';

const FIGURES = ['visits', 'premisesVisited', 'potentialVictims', 'possibleChildren', 'arrests', 'peopleArrested', 'charges'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

/** The figures of one force's row of the results table, in the order of its columns. */
async function resultsRow(page: Page, force: string): Promise<Figures> {
  const row = page.locator('table tbody tr', { has: page.locator('th', { hasText: force }) });
  expect(await row.count(), `one results row for ${force}`).toBe(1);
  const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
  return Object.fromEntries(FIGURES.map((figure, index) => [figure, Number(cells[index])])) as Figures;
}

function idFrom(page: Page, prefix: string): string {
  const match = new RegExp(`^/${prefix}/([^/]+)$`).exec(new URL(page.url()).pathname);
  if (match?.[1] === undefined) throw new Error(`Expected a /${prefix}/… page, got ${page.url()}`);
  return match[1];
}

async function successBanner(page: Page): Promise<string> {
  return (await page.locator('.govuk-notification-banner').innerText()).trim();
}

/** The visit page lists the people found with a count in its heading. */
async function peopleOnVisit(page: Page, visitId: string): Promise<string[]> {
  await visit(page, `/visits/${visitId}`);
  const names = (await page.locator('main ul.govuk-list').first().locator('li a').allInnerTexts()).map((text) => text.trim());
  expect(await page.getByRole('heading', { name: `People found (${names.length})` }).count()).toBe(1);
  return names;
}

describe.each(JAVASCRIPT_MODES)('recording a premises visit, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';
  // Names nobody in the demo data has, different in each mode, so each run finds its own records.
  const victimName = slug === 'js' ? 'Ilinca Varzaru Pomeroy' : 'Oksana Quellbrook Marin';
  const suspectName = slug === 'js' ? 'Radu Thistlewood' : 'Gheorghe Farrowdale';
  const postcode = slug === 'js' ? 'E1 6AN' : 'E2 7QB';

  test('an officer records a visit, the force and the nation see it, another force does not', async () => {
    const people = { officer: await lifeline.person(mode), supervisor: await lifeline.person(mode), other: await lifeline.person(mode), analyst: await lifeline.person(mode) };
    const supervisorPage = await people.supervisor.newPage();

    // The force's figures before the journey.
    await signIn(supervisorPage, supervisor.email, supervisor.password);
    await follow(supervisorPage, supervisorPage.locator('main').getByRole('link', { name: 'Your force’s results' }));
    expect(await heading(supervisorPage)).toBe(`Operation results: ${MET}`);
    const before = await resultsRow(supervisorPage, MET);

    // The officer records the premises…
    const page = await people.officer.newPage();
    await signIn(page, officer.email, officer.password);
    await follow(page, page.locator('main').getByRole('link', { name: 'Premises', exact: true }));
    expect(await heading(page)).toBe('Premises');
    await follow(page, page.getByRole('link', { name: 'Record a premises' }));
    expect(await heading(page)).toBe('Record premises');
    await page.getByLabel('Type of premises').selectOption({ label: 'Massage parlour' });
    await page.getByLabel('Name of the business (optional)').fill(`Lotus Touch (${slug})`);
    await page.getByLabel('Address line 1', { exact: true }).fill('14 Commercial Street');
    await page.getByLabel('Town or city').fill('London');
    await page.getByLabel('Postcode or Eircode').fill(postcode);
    await follow(page, page.getByRole('button', { name: 'Save premises' }));
    expect(await heading(page)).toBe(`Lotus Touch (${slug})`);
    expect(await successBanner(page)).toContain('Premises recorded');

    // …the visit, in the demo operation…
    await follow(page, page.getByRole('link', { name: 'Record a visit' }));
    expect(await heading(page)).toBe('Record a visit');
    await page.getByLabel('Operation', { exact: true }).selectOption({ label: 'Operation Lifeline II (2007-10-01 to 2008-04-30)' });
    await page.getByLabel('Day', { exact: true }).fill('14');
    await page.getByLabel('Month', { exact: true }).fill('11');
    await page.getByLabel('Year', { exact: true }).fill('2007');
    await page.getByLabel('Time of the visit').fill('22:30');
    await page.getByRole('group', { name: 'Was there a warrant?' }).getByLabel('Yes').check();
    await page.getByLabel('Potential victims found').check();
    await follow(page, page.getByRole('button', { name: 'Save visit' }));
    expect(await heading(page)).toBe('Visit on 14 Nov 2007, 22:30');
    expect(await successBanner(page)).toContain('Visit recorded');
    const visitId = idFrom(page, 'visits');
    if (mode === 'with JavaScript') await screenshot(page, 'visit-recorded');

    // …a potential victim who consents to a referral…
    await follow(page, page.getByRole('link', { name: 'Add a person found' }));
    expect(await heading(page)).toBe('Record a person found');
    await page.getByLabel('Potential victim').check();
    await page.getByLabel('Name as written').fill(victimName);
    await page.getByLabel('Or estimated age in years (optional)').fill('24');
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Female', { exact: true }).check();
    await page.getByLabel('Nationality').selectOption({ label: 'Romania' });
    await page.getByLabel('Languages spoken (optional)').fill('Romanian, English');
    await page.getByLabel('Account').fill('Found in a back room. Said her passport was kept by the manager and she owed money for her travel.');
    await page.getByLabel('Type of exploitation').selectOption({ label: 'Sexual exploitation' });
    await page.getByLabel('Consent given').check();
    const [posted] = await Promise.all([
      page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === `/visits/${visitId}/people/new`),
      follow(page, page.getByRole('button', { name: 'Save person' })),
    ]);
    expect(await heading(page)).toBe(victimName);
    expect(await successBanner(page)).toContain('Person recorded');
    const victimId = idFrom(page, 'people');

    // The same form sent again (a second press, a resend after a dropped connection) records nobody
    // new: it leads to the person the first one made. Going back in the browser would not show it:
    // the page is fetched again, with a new form.
    const again = await people.officer.request.post(posted.url(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: lifeline.baseUrl }, data: posted.postData() ?? '', maxRedirects: 0,
    });
    expect(again.status()).toBe(303);
    expect(again.headers()['location']).toBe(`/people/${victimId}`);
    expect(await peopleOnVisit(page, visitId)).toEqual([victimName]);

    // …and a suspect, arrested and charged.
    await follow(page, page.getByRole('link', { name: 'Add a person found' }));
    await page.getByLabel('Suspect').check();
    await page.getByLabel('Name as written').fill(suspectName);
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Male', { exact: true }).check();
    await page.getByLabel('Nationality').selectOption({ label: 'Romania' });
    await page.getByLabel('Account').fill('Held the keys and the takings; said he was the manager.');
    await follow(page, page.getByRole('button', { name: 'Save person' }));
    expect(await heading(page)).toBe(suspectName);
    await follow(page, page.getByRole('link', { name: 'Record an arrest' }));
    expect(await heading(page)).toBe('Record an arrest');
    await page.getByLabel('Offence').selectOption('msa-2015-s2-human-trafficking');
    await page.getByLabel('Day', { exact: true }).fill('14');
    await page.getByLabel('Month', { exact: true }).fill('11');
    await page.getByLabel('Year', { exact: true }).fill('2007');
    await page.getByLabel('Time of the arrest').fill('23:05');
    await page.getByLabel('Place of the arrest (optional)').fill('At the premises');
    await follow(page, page.getByRole('button', { name: 'Save arrest' }));
    expect(await heading(page)).toBe('Arrest on 14 Nov 2007, 23:05');
    expect(await successBanner(page)).toContain('Arrest recorded');
    await follow(page, page.getByRole('link', { name: 'Add a charge' }));
    await page.getByLabel('Day', { exact: true }).fill('15');
    await page.getByLabel('Month', { exact: true }).fill('11');
    await page.getByLabel('Year', { exact: true }).fill('2007');
    await follow(page, page.getByRole('button', { name: 'Save charge' }));
    expect(await successBanner(page)).toContain('Charge recorded');
    const charges = page.getByRole('table', { name: 'Charges' }).locator('tbody tr');
    expect(await charges.count()).toBe(1);
    const [chargedOn, offence] = (await charges.locator('td').allInnerTexts()).map((text) => text.trim());
    expect(chargedOn).toBe('2007-11-15');
    expect(offence).toBe('Human trafficking (arranging or facilitating travel with a view to exploitation) (Modern Slavery Act 2015 s.2)');
    if (mode === 'without JavaScript') await screenshot(page, 'arrest-charged-nojs');
    expect(await peopleOnVisit(page, visitId)).toEqual([victimName, suspectName]);
    await signOut(page);

    // The supervisor sees the visit counted once in the force's results.
    await visit(supervisorPage, '/results');
    const after = await resultsRow(supervisorPage, MET);
    expect(after).toEqual({
      ...before, visits: before.visits + 1, premisesVisited: before.premisesVisited + 1, potentialVictims: before.potentialVictims + 1,
      arrests: before.arrests + 1, peopleArrested: before.peopleArrested + 1, charges: before.charges + 1,
    });
    await signOut(supervisorPage);

    // An officer of another force is told the visit does not exist, not that it is forbidden.
    const otherPage = await people.other.newPage();
    await signIn(otherPage, otherForceOfficer.email, otherForceOfficer.password);
    expect(await visit(otherPage, `/visits/${visitId}`)).toBe(404);
    expect(await heading(otherPage)).toBe('Page not found');
    expect(await otherPage.locator('main').innerText()).not.toContain('Lotus Touch');
    expect(await visit(otherPage, `/people/${victimId}`)).toBe(404);
    await signOut(otherPage);

    // The national analyst sees the force's row with the new figures, and finds the person by name.
    const analystPage = await people.analyst.newPage();
    await signIn(analystPage, analyst.email, analyst.password);
    await follow(analystPage, analystPage.locator('main').getByRole('link', { name: 'National results' }));
    expect(await heading(analystPage)).toBe('Operation results');
    expect(await resultsRow(analystPage, MET)).toEqual(after);
    if (mode === 'with JavaScript') await screenshot(analystPage, 'national-results');
    await visit(analystPage, `/people?name=${encodeURIComponent(victimName)}`);
    const found = analystPage.locator('main table tbody').getByRole('link', { name: victimName });
    expect(await found.count()).toBe(1);
    expect(await found.getAttribute('href')).toBe(`/people/${victimId}`);
    await follow(analystPage, found);
    expect(await heading(analystPage)).toBe(victimName);
    expect(await analystPage.locator('main').innerText()).toContain(MET);
    await signOut(analystPage);

    for (const context of Object.values(people)) {
      expectNoPageProblems(context);
      await context.close();
    }
  });
});

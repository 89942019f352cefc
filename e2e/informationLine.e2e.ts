// Issue 5's screening journeys. An information-line adviser takes a call, sees the guidance for
// the indicators ticked (kept without JavaScript by a "Show guidance" post), and closes it with a
// referral that also alerts the local force: the record is made and referred, and the alert is in
// the Metropolitan supervisor's triage queue. A social worker screens a possible child themselves:
// advice only is refused with the error summary saying why; the referral is saved, and their own
// screenings list shows what became of it. With JavaScript and without; axe checks every page.
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { demoAccount, errorSummary, follow, heading, screenshot, signIn } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline();
const JOURNEY_TIMEOUT = 240_000;
const REFERRAL = 'Referral: a potential-victim record (or an anonymous notification)';

describe.each(JAVASCRIPT_MODES)('screening, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';

  test('an adviser’s call ends in a referral and a force alert, which the Met’s supervisor finds in the triage queue', async () => {
    const person = await lifeline.person(mode);
    const page = await person.newPage();
    const adviser = demoAccount('information-line-adviser', 'national-centre');
    await signIn(page, adviser.email, adviser.password);
    await follow(page, page.getByRole('link', { name: 'Information line' }).first());
    await follow(page, page.getByRole('link', { name: 'Record a call' }));
    expect(await heading(page)).toBe('Record a call');

    await page.getByLabel('Immigration officer').check();
    await page.getByLabel('Organisation', { exact: true }).fill('Border Force, Dover');
    await page.getByLabel('Name and contact').fill('Sam Okafor 07700 900111');
    await page.getByLabel('Length of the call in minutes (optional)').fill('18');
    const situation = `A woman met at the port says a man keeps her passport and she cleans a house in Paddington (${slug})`;
    await page.getByLabel('The situation, in the caller’s words').fill(situation);
    await page.getByLabel('Passport or identity documents held by someone else').check();
    await page.getByLabel('Shows fear or anxiety').check();
    // The guidance comes from a post that saves nothing and keeps everything typed.
    await follow(page, page.getByRole('button', { name: 'Show guidance for these indicators' }));
    expect(await page.locator('#guidance').innerText()).toContain('Passport or identity documents held by someone else');
    expect(await page.getByLabel('The situation, in the caller’s words').inputValue()).toBe(situation);
    expect(await page.getByLabel('Shows fear or anxiety').isChecked()).toBe(true);

    await page.getByLabel('The advice you gave').fill('Referred her with consent; the police should look at the house.');
    await page.getByLabel(REFERRAL).check();
    await page.getByLabel('Also alert the local police force (the place below)').check();
    await page.getByLabel('Consent given').check();
    await page.getByLabel('Name as the person gave it').fill(`Ana Petrescu ${slug}`);
    await page.getByLabel('Female').check();
    await page.getByLabel('Address', { exact: true }).fill('14 Harrow Road');
    await page.getByLabel('Postcode').fill('W2 1AB');
    expect(await follow(page, page.getByRole('button', { name: 'Save the call' }))).toBe(200);
    const call = await page.locator('main').innerText();
    expect(call).toContain('Call recorded');
    expect(call).toContain('A potential-victim record was made and referred');
    expect(call).toContain('The local police force was also alerted');
    expect(await page.locator('#alert').innerText()).toContain('is in the triage queue of Metropolitan Police Service');
    const reference = /LL-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await page.locator('#alert').innerText())?.[0];
    if (reference === undefined) throw new Error('No alert reference on the call');
    if (mode === 'with JavaScript') await screenshot(page, 'information-line-call');
    expectNoPageProblems(person);

    const staff = await lifeline.person(mode);
    const staffPage = await staff.newPage();
    const supervisor = demoAccount('supervisor', 'metropolitan');
    await signIn(staffPage, supervisor.email, supervisor.password);
    await follow(staffPage, staffPage.getByRole('link', { name: 'Public reports' }));
    await follow(staffPage, staffPage.getByRole('link', { name: reference }));
    expect(await heading(staffPage)).toBe(reference);
    const alert = await staffPage.locator('main').innerText();
    expect(alert).toContain(situation);
    // The caller's details stay with the national centre.
    expect(alert).not.toContain('Sam Okafor');
    expectNoPageProblems(staff);
  }, JOURNEY_TIMEOUT);

  test('a social worker screens a possible child: advice only is refused with the reason, the referral is saved and listed with where it stands', async () => {
    const person = await lifeline.person(mode);
    const page = await person.newPage();
    const socialWorker = demoAccount('first-responder', 'la-riverside');
    await signIn(page, socialWorker.email, socialWorker.password);
    await follow(page, page.getByRole('link', { name: 'My screenings' }).first());
    expect(await heading(page)).toBe('Your screenings');
    // The file's journeys share one database: the other mode's screening may be listed already.
    const before = await page.locator('#screenings tbody tr').count();
    await follow(page, page.getByRole('link', { name: 'Screen a person' }));
    expect(await heading(page)).toBe('Screen a person');

    const seen = `A boy of about 15 works nights at a car wash and sleeps there (${slug})`;
    await page.getByLabel('What you have seen and been told').fill(seen);
    await page.getByLabel('The person may be under 18').check();
    await page.getByLabel('Does work that is not suitable for children').check();
    await page.getByLabel('What you decided, and why').fill('He may be a child at risk: referred.');
    await page.getByLabel('Advice only', { exact: true }).check();
    expect(await follow(page, page.getByRole('button', { name: 'Save the screening' }))).toBe(400);
    expect(await errorSummary(page)).toEqual(['The person may be a child: a call about a possible child cannot end as advice only']);
    expect(await page.locator('.govuk-error-summary a').getAttribute('href')).toBe('#outcome');
    // Everything typed is still there; only the outcome needs changing.
    expect(await page.getByLabel('What you have seen and been told').inputValue()).toBe(seen);
    expect(await page.locator('#guidance').innerText()).toContain('Possible child: escalate now.');
    if (mode === 'with JavaScript') await screenshot(page, 'screening-possible-child-refused');

    await page.getByLabel(REFERRAL).check();
    await page.getByLabel('Consent not possible', { exact: false }).check();
    await page.getByLabel('Name as the person gave it').fill(`Minh ${slug}`);
    await page.getByLabel('Male', { exact: true }).check();
    await page.getByLabel('Local authority told (for a possible child)').selectOption({ label: 'Riverside Borough Council Children\'s Services (demo)' });
    expect(await follow(page, page.getByRole('button', { name: 'Save the screening' }))).toBe(200);
    expect(await heading(page)).toBe('Your screenings');
    expect(await page.locator('#screenings tbody tr').count()).toBe(before + 1);
    const listed = await page.locator('#screenings tbody tr').first().innerText();
    expect(listed).toContain('Possible child');
    expect(listed).toContain(REFERRAL);
    expect(listed).toMatch(/Referred to .+ \(Competent authority \(for a decision\)\): Waiting for an answer/);
    await follow(page, page.locator('#screenings tbody tr').first().getByRole('link', { name: 'Potential-victim record' }));
    expect(await page.locator('main').innerText()).toContain(`Minh ${slug}`);
    expectNoPageProblems(person);
  }, JOURNEY_TIMEOUT);
});

// Issue 4: a person found on a visit goes the whole victim path. The officer makes a
// potential-victim record with consent and refers them to the competent authority and a charity;
// the decision maker's positive reasonable-grounds decision starts the recovery and reflection
// period, which every organisation dealing with the person sees with its days left; the charity
// accepts and records support; the journey moves the clock on to the end of the period, with two
// application instances sending reminders at once, and each reminder arrives once; then the
// conclusive-grounds decision is recorded.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ReminderScheduler } from '../src/services/reminders/scheduler.ts';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { JourneyClock } from './support/clock.ts';
import { demoAccount, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';
import { KeptMail } from './support/mail.ts';

const officer = demoAccount('officer', 'metropolitan');
const decisionMaker = demoAccount('decision-maker', 'competent-authority');
const caseWorker = demoAccount('charity-case-worker', 'charity-safe-harbour');
const COMPETENT_AUTHORITY = 'Single Competent Authority';
const CHARITY = 'Safe Harbour Support (demo)';

// Referred on Thursday 2 April 2026: Good Friday and Easter Monday are bank holidays in England
// and Wales, so the fifth working day is Monday 13 April. The decision on Wednesday 8 April starts
// a 30-day period whose last day is 7 May; from 1 May it ends within 7 days; on 8 May it is over.
const REFERRED_ON = '2026-04-02';
const DECIDED_ON = '2026-04-08';
const ENDING_SOON_ON = '2026-05-01';
const PERIOD_OVER_ON = '2026-05-08';
const REMINDER_TITLES = [
  'A reasonable-grounds decision is due by 13 April 2026',
  'A recovery and reflection period ends on 7 May 2026',
  'A conclusive-grounds decision can be made from 8 May 2026',
];

function idFrom(page: Page, prefix: string): string {
  const match = new RegExp(`^/${prefix}/([^/]+)$`).exec(new URL(page.url()).pathname);
  if (match?.[1] === undefined) throw new Error(`Expected a /${prefix}/… page, got ${page.url()}`);
  return match[1];
}

async function successBanner(page: Page): Promise<string> {
  return (await page.locator('.govuk-notification-banner--success').innerText()).trim();
}

async function clockOn(page: Page): Promise<string> {
  return (await page.locator('#clock strong').innerText()).trim();
}

async function protectionBanner(page: Page): Promise<string> {
  const banner = page.locator('.govuk-notification-banner', { has: page.locator('#protection-title') });
  return (await banner.locator('.govuk-notification-banner__heading').innerText()).trim();
}

/** The row for the person in the victim-care list, read as "where they stand". */
async function listedClock(page: Page, victimId: string): Promise<string> {
  await visit(page, '/victims');
  const row = page.getByRole('table', { name: 'People your organisation deals with' }).locator('tbody tr', { has: page.locator(`a[href="/victims/${victimId}"]`) });
  expect(await row.count(), 'one row for the person in the list').toBe(1);
  return (await row.locator('td').nth(2).innerText()).trim();
}

/** Both application instances look for due reminders and send emails at the same moment, twice. */
async function bothInstancesRun(schedulers: readonly ReminderScheduler[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) {
    const summaries = await Promise.all(schedulers.map((scheduler) => scheduler.runOnce()));
    for (const summary of summaries) expect(summary).toMatchObject({ failedSources: [], refused: 0, retrying: 0, failed: 0 });
  }
}

/** What a person finds in Notifications about the record: the reminder titles, in the order listed. */
async function remindersAbout(page: Page, victimId: string): Promise<string[]> {
  await visit(page, '/notifications');
  expect(await heading(page)).toBe('Notifications');
  return (await page.locator(`tbody a[href="/victims/${victimId}"]`).allInnerTexts()).map((text) => text.trim());
}

/** The bytes of the SQLite database (and its write-ahead log), as a stolen copy would show them. */
function databaseFileText(dataDir: string): string {
  return readdirSync(dataDir).filter((name) => name.startsWith('e2e.db')).map((name) => readFileSync(path.join(dataDir, name)).toString('latin1')).join('\n');
}

/** Days later, a person opens the sign-in page afresh (the one left open has a form whose session has long expired). */
async function signInAgain(page: Page, account: { email: string; password: string }): Promise<void> {
  await visit(page, '/sign-in');
  await signIn(page, account.email, account.password);
  expect(new URL(page.url()).pathname, `${account.email} is signed in`).toBe('/');
}

async function signedIn(context: BrowserContext, account: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  expect(new URL(page.url()).pathname, `${account.email} is signed in`).toBe('/');
  return page;
}

describe.each(JAVASCRIPT_MODES)('victim care from a visit to the conclusive-grounds decision, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';
  const clock = new JourneyClock();
  clock.setToday(REFERRED_ON);
  const mail = new KeptMail();
  // Each mode has its own Lifeline: the clock only moves forward, and each journey starts on the referral day.
  // The schedulers also run every second on their own, as they would in production.
  const lifeline = useLifeline({ LIFELINE_REMINDER_INTERVAL_SECONDS: '1' }, { demoOperationScale: 0.05 }, { clock: clock.clock, mailTransport: mail });

  // Names and details nobody in the demo data has, different in each mode.
  const victimName = slug === 'js' ? 'Mirela Stanciulescu Oprea' : 'Daniela Voiculet Brancoveanu';
  const phone = slug === 'js' ? '07700 900871' : '07700 900872';
  const email = `${slug}.safe.contact@example.org`;
  const account = `Recruited online for cleaning work (${slug}); made to work in a flat above a shop, wages kept for a debt she could not pay.`;

  // A long journey: some thirty pages, each audited with axe, in one test.
  test('an officer identifies and refers, the decision maker decides, the charity cares, the clock runs out, the reminders come once each', async () => {
    const people = { officer: await lifeline.person(mode), decisionMaker: await lifeline.person(mode), charity: await lifeline.person(mode) };
    const secondInstance = await lifeline.server.startSecondInstance();
    const schedulers = [lifeline.server.reminders, secondInstance];

    // The officer records premises and a visit in the operation, and a person found there who consents.
    const page = await signedIn(people.officer, officer);
    await visit(page, '/premises');
    await follow(page, page.getByRole('link', { name: 'Record a premises' }));
    await page.getByLabel('Type of premises').selectOption({ label: 'Car wash' });
    await page.getByLabel('Name of the business (optional)').fill(`Sparkle Hand Car Wash (${slug})`);
    await page.getByLabel('Address line 1', { exact: true }).fill('3 Mile End Road');
    await page.getByLabel('Town or city').fill('London');
    await page.getByLabel('Postcode or Eircode').fill(slug === 'js' ? 'E1 4PT' : 'E1 4PU');
    await follow(page, page.getByRole('button', { name: 'Save premises' }));
    expect(await successBanner(page)).toContain('Premises recorded');
    await follow(page, page.getByRole('link', { name: 'Record a visit' }));
    await page.getByLabel('Operation', { exact: true }).selectOption({ label: 'Operation Lifeline II (2007-10-01 to 2008-04-30)' });
    await page.getByLabel('Day', { exact: true }).fill('20');
    await page.getByLabel('Month', { exact: true }).fill('11');
    await page.getByLabel('Year', { exact: true }).fill('2007');
    await page.getByLabel('Time of the visit').fill('10:15');
    await page.getByRole('group', { name: 'Was there a warrant?' }).getByLabel('No').check();
    await page.getByLabel('Potential victims found').check();
    await follow(page, page.getByRole('button', { name: 'Save visit' }));
    expect(await successBanner(page)).toContain('Visit recorded');
    await follow(page, page.getByRole('link', { name: 'Add a person found' }));
    await page.getByLabel('Potential victim').check();
    await page.getByLabel('Name as written').fill(victimName);
    await page.getByLabel('Or estimated age in years (optional)').fill('27');
    await page.getByRole('group', { name: 'Sex' }).getByLabel('Female', { exact: true }).check();
    await page.getByLabel('Nationality').selectOption({ label: 'Romania' });
    await page.getByLabel('Account').fill('Found working in the wash bay; said she had not been paid.');
    await page.getByLabel('Type of exploitation').selectOption({ label: 'Forced labour' });
    await page.getByLabel('Consent given').check();
    await follow(page, page.getByRole('button', { name: 'Save person' }));
    expect(await heading(page)).toBe(victimName);
    const personFoundId = idFrom(page, 'people');

    // …then makes the potential-victim record from the person found: what the visit knew is filled in.
    await follow(page, page.getByRole('link', { name: 'Make a potential-victim record' }));
    expect(await heading(page)).toBe('Record a potential victim');
    expect(await page.getByLabel('Name as the person gave it').inputValue()).toBe(victimName);
    await page.getByLabel('An adult').check();
    await page.getByLabel('Consent given').check();
    await page.getByLabel('Debt bondage').check();
    await page.getByLabel('Safe accommodation').check();
    await page.getByLabel('Counselling').check();
    await page.getByLabel('Day', { exact: true }).fill('11');
    await page.getByLabel('Month', { exact: true }).fill('9');
    await page.getByLabel('Year', { exact: true }).fill('1998');
    await page.getByLabel('Interpreter language (optional)').fill('Romanian');
    await page.getByLabel('Number of dependants').fill('0');
    await page.getByLabel('No, do not write to this address').check();
    await page.getByLabel('Phone (optional)').fill(phone);
    await page.getByLabel('Email (optional)').fill(email);
    await page.getByLabel('Account (optional)').fill(account);
    await follow(page, page.getByRole('button', { name: 'Save', exact: true }));
    expect(await heading(page)).toBe(victimName);
    expect(await successBanner(page)).toContain('Potential-victim record made');
    const victimId = idFrom(page, 'victims');
    expect(await clockOn(page)).toBe('Not referred for a decision');

    // Referred to the competent authority and, with consent, to a charity.
    await page.getByLabel('Refer to the competent authority for a decision').selectOption({ label: COMPETENT_AUTHORITY });
    await follow(page, page.getByRole('button', { name: 'Refer for a decision' }));
    expect(await successBanner(page)).toContain('Referred to the competent authority');
    expect(await clockOn(page)).toBe('Reasonable-grounds decision due 2026-04-13 (5 working days left)');
    await page.getByLabel('Refer to a support charity for care (the person consented)').selectOption({ label: CHARITY });
    await follow(page, page.getByRole('button', { name: 'Refer for care' }));
    expect(await successBanner(page)).toContain('Referred to the support charity');
    const referrals = page.getByRole('table', { name: 'Referrals' }).locator('tbody tr');
    expect((await referrals.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(new RegExp(`^${COMPETENT_AUTHORITY} Competent authority \\(for a decision\\) Metropolitan Police Service ${REFERRED_ON} Waiting for an answer`)),
      expect.stringMatching(new RegExp(`^${CHARITY.replace(/[()]/g, '\\$&')} Support charity \\(for care\\) Metropolitan Police Service ${REFERRED_ON} Waiting for an answer`)),
    ]);
    await bothInstancesRun(schedulers);
    expect(await remindersAbout(page, victimId)).toEqual([REMINDER_TITLES[0]]);
    await signOut(page);

    // The decision maker sees the referral without the name until it is accepted.
    const deciding = await signedIn(people.decisionMaker, decisionMaker);
    await visit(deciding, '/victims');
    expect(await deciding.getByRole('heading', { name: 'Referrals waiting for your answer (1)' }).count()).toBe(1);
    expect(await deciding.locator('main').innerText()).not.toContain(victimName);
    await follow(deciding, deciding.locator('main').getByRole('link', { name: `Referral from Metropolitan Police Service on ${REFERRED_ON}` }));
    expect(await heading(deciding)).toBe('Referral waiting for your answer');
    await follow(deciding, deciding.getByRole('button', { name: 'Accept', exact: true }));
    expect(await successBanner(deciding)).toContain('Referral accepted');
    expect(await heading(deciding)).toBe(victimName);
    await signOut(deciding);

    // Six days later, the positive reasonable-grounds decision starts the period.
    clock.setToday(DECIDED_ON);
    await signInAgain(deciding, decisionMaker);
    await visit(deciding, `/victims/${victimId}`);
    expect(await clockOn(deciding)).toBe('Reasonable-grounds decision due 2026-04-13 (3 working days left)');
    const reasonableGrounds = deciding.locator('#reasonable-grounds-form');
    await reasonableGrounds.getByLabel('Positive').check();
    await reasonableGrounds.getByLabel('Reasons (required for a negative decision)').fill('Indicators of forced labour and debt bondage in the account.');
    await follow(deciding, reasonableGrounds.getByRole('button', { name: 'Record the decision' }));
    expect(await successBanner(deciding)).toContain('Reasonable-grounds decision recorded');
    const thirtyDaysLeft = '30 days left of the reflection period (last day 2026-05-07)';
    const protectedUntil = 'Protected until 2026-05-07 — recovery and reflection period';
    expect(await clockOn(deciding)).toBe(thirtyDaysLeft);
    expect(await protectionBanner(deciding)).toBe(protectedUntil);
    expect(await listedClock(deciding, victimId)).toBe(thirtyDaysLeft);
    if (mode === 'with JavaScript') await screenshot(deciding, 'victim-care-period-started');
    await signOut(deciding);

    // The officer sees the same days left on the record and the list, and the protection on the enforcement record.
    await signInAgain(page, officer);
    await visit(page, `/victims/${victimId}`);
    expect(await clockOn(page)).toBe(thirtyDaysLeft);
    expect(await protectionBanner(page)).toBe(protectedUntil);
    expect(await listedClock(page, victimId)).toBe(thirtyDaysLeft);
    await visit(page, `/people/${personFoundId}`);
    expect(await page.locator('.govuk-notification-banner__heading').first().innerText()).toBe(protectedUntil);
    await signOut(page);

    // The charity accepts, sees the same clock, and records the support it gives.
    const caring = await signedIn(people.charity, caseWorker);
    await visit(caring, '/victims');
    await follow(caring, caring.locator('main').getByRole('link', { name: `Referral from Metropolitan Police Service on ${REFERRED_ON}` }));
    expect(await caring.locator('main').innerText()).not.toContain(victimName);
    await follow(caring, caring.getByRole('button', { name: 'Accept', exact: true }));
    expect(await successBanner(caring)).toContain('Referral accepted');
    expect(await heading(caring)).toBe(victimName);
    expect(await clockOn(caring)).toBe(thirtyDaysLeft);
    expect(await protectionBanner(caring)).toBe(protectedUntil);
    expect(await listedClock(caring, victimId)).toBe(thirtyDaysLeft);
    await visit(caring, `/victims/${victimId}`);
    await follow(caring, caring.getByRole('link', { name: 'Record support given' }));
    expect(await heading(caring)).toBe('Record support given');
    await caring.getByLabel('Safe accommodation').check();
    await caring.getByLabel('Note (optional)').fill('Room at the Hackney safe house from today.');
    await follow(caring, caring.getByRole('button', { name: 'Save support' }));
    expect(await successBanner(caring)).toContain('Support recorded');
    const timeline = caring.getByRole('table', { name: 'Timeline' }).locator('tbody tr');
    expect((await timeline.allInnerTexts()).map((row) => row.split('\t').slice(0, 2).join(' ').trim())).toEqual([
      `${REFERRED_ON} Record made`, `${REFERRED_ON} Referral sent`, `${REFERRED_ON} Referral sent`, `${REFERRED_ON} Referral accepted`,
      `${DECIDED_ON} Reasonable-grounds decision: positive (30 days)`, `${DECIDED_ON} Referral accepted`, `${DECIDED_ON} Support given: Safe accommodation`,
    ]);
    await signOut(caring);

    // The clock passes. Within 7 days of the end, both instances look for reminders at once…
    clock.setToday(ENDING_SOON_ON);
    await bothInstancesRun(schedulers);
    await signInAgain(caring, caseWorker);
    await visit(caring, `/victims/${victimId}`);
    expect(await clockOn(caring)).toBe('7 days left of the reflection period (last day 2026-05-07)');
    await visit(caring, '/victims');
    expect(await caring.getByRole('heading', { name: 'Reflection periods ending within 7 days (1)' }).count()).toBe(1);
    expect(await remindersAbout(caring, victimId)).toEqual([REMINDER_TITLES[1], REMINDER_TITLES[0]]);
    await signOut(caring);

    // …and again once the period is over, when the conclusive-grounds decision can be made.
    clock.setToday(PERIOD_OVER_ON);
    await bothInstancesRun(schedulers);
    await signInAgain(deciding, decisionMaker);
    await visit(deciding, `/victims/${victimId}`);
    expect(await clockOn(deciding)).toBe(`Reflection period over: conclusive-grounds decision may be made since ${PERIOD_OVER_ON}`);
    expect(await remindersAbout(deciding, victimId)).toEqual([REMINDER_TITLES[2], REMINDER_TITLES[1], REMINDER_TITLES[0]]);
    await visit(deciding, `/victims/${victimId}`);
    const conclusiveGrounds = deciding.locator('#conclusive-grounds-form');
    await conclusiveGrounds.getByLabel('Positive').check();
    await follow(deciding, conclusiveGrounds.getByRole('button', { name: 'Record the decision' }));
    expect(await successBanner(deciding)).toContain('Conclusive-grounds decision recorded');
    expect(await clockOn(deciding)).toMatch(/^45 days of move-on support left \(last day 2026-06-21\)$/);
    expect(await deciding.locator('#protection-title').count()).toBe(0);
    if (mode === 'with JavaScript') await screenshot(deciding, 'victim-care-conclusive-decision');
    await signOut(deciding);

    // Nothing more is due: more runs send nothing new.
    await bothInstancesRun(schedulers);
    await signInAgain(page, officer);
    expect(await remindersAbout(page, victimId)).toEqual([REMINDER_TITLES[2], REMINDER_TITLES[1], REMINDER_TITLES[0]]);
    await signOut(page);

    // Every recipient had each reminder by email exactly once, however many runs of two instances found it.
    const about = mail.sent.filter((sent) => sent.text.includes(`/victims/${victimId}`));
    const perRecipient = new Map<string, string[]>();
    for (const sent of about) perRecipient.set(sent.to, [...(perRecipient.get(sent.to) ?? []), sent.subject]);
    for (const who of [officer, decisionMaker, caseWorker]) expect((perRecipient.get(who.email) ?? []).sort(), who.email).toEqual([...REMINDER_TITLES].sort());
    for (const [to, subjects] of perRecipient) expect(new Set(subjects).size, `${to} got no reminder twice`).toBe(subjects.length);
    expect(new Set(about.map((sent) => sent.id)).size, 'no outbox email sent twice').toBe(about.length);
    // The emails carry dates and a link, never who the person is.
    for (const sent of about) for (const secret of [victimName, phone, email]) expect(`${sent.subject}\n${sent.text}`).not.toContain(secret);

    // The name, date of birth, contact details and account typed into the record are not in the database file.
    const stored = databaseFileText(lifeline.server.dataDir);
    for (const secret of [phone, email, account, '1998-09-11', 'Room at the Hackney safe house']) expect(stored, 'sealed at rest').not.toContain(secret);

    for (const context of Object.values(people)) {
      expectNoPageProblems(context);
      await context.close();
    }
  }, 180_000);
});

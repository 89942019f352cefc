// Issue 5's public journeys: a report from the start page to the confirmation, in English, in
// Arabic (right to left, with an error shown in Arabic) and switching to Vietnamese half way
// (the answers kept), then "tell us more" with the reference and secret; each report lands in the
// right triage queue. With JavaScript and without; axe checks every page on the way.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { LanguageCode } from '../src/public/i18n/languages.ts';
import { translator } from '../src/public/i18n/translate.ts';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { demoAccount, follow, heading, screenshot, signIn, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

const lifeline = useLifeline({ LIFELINE_PUBLIC_RATE_LIMIT: '10000' });
// Each journey visits a dozen pages or more, every one audited by axe: longer than the default.
const JOURNEY_TIMEOUT = 300_000;

interface Place { address: string; town: string; postcode: string; placeDescription: string }

/** Answers every question in the page's language, by the labels a reporter reads. */
async function answerQuestions(page: Page, lang: LanguageCode, description: string, place: Place): Promise<void> {
  const t = translator(lang);
  const next = () => follow(page, page.getByRole('button', { name: t('common.continue') }));
  expect(await heading(page)).toBe(t('step.danger.title'));
  await page.getByLabel(t('field.danger.option.no'), { exact: true }).check();
  await next();
  expect(await heading(page)).toBe(t('step.whatYouSaw.title'));
  await page.getByLabel(t('field.signs.option.many-people')).check();
  await page.getByLabel(t('field.signs.option.escorted')).check();
  await next();
  expect(await heading(page)).toBe(t('step.whatHappened.title'));
  await page.locator('#description').fill(description);
  await next();
  expect(await heading(page)).toBe(t('step.where.title'));
  await page.locator('#address').fill(place.address);
  await page.locator('#town').fill(place.town);
  await page.locator('#postcode').fill(place.postcode);
  await page.locator('#placeDescription').fill(place.placeDescription);
  await next();
  await page.locator('#when').fill('Every weekday at 5am');
  await next();
  await page.locator('#people').fill('Six young men, tired, carrying tools');
  await next();
  await page.getByLabel(t('field.howYouKnow.option.saw-myself')).check();
  await next();
  await page.getByLabel(t('field.contactPreference.option.anonymous')).check();
  await next();
  expect(await heading(page)).toBe(t('step.checkAnswers.title'));
}

/** Sends the report and reads the reference and the secret shown once on the confirmation. */
async function send(page: Page, lang: LanguageCode): Promise<{ reference: string; secret: string }> {
  const t = translator(lang);
  expect(await follow(page, page.getByRole('button', { name: t('step.checkAnswers.send') }))).toBe(200);
  expect((await page.locator('.govuk-panel__title').innerText()).trim()).toBe(t('step.confirmation.title'));
  const reference = /LL-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await page.locator('.govuk-panel__body').innerText())?.[0];
  const secret = (await page.locator('#secret').innerText()).trim();
  if (reference === undefined) throw new Error('No reference on the confirmation page');
  expect(secret).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return { reference, secret };
}

async function tellUsMore(page: Page, lang: LanguageCode, reference: string, secret: string, information: string): Promise<void> {
  const t = translator(lang);
  await follow(page, page.getByRole('link', { name: t('step.confirmation.addMore') }));
  expect(await heading(page)).toBe(t('step.tellUsMore.title'));
  await page.locator('#reference').fill(reference);
  await page.locator('#secret').fill(secret);
  await page.locator('#moreInformation').fill(information);
  await follow(page, page.getByRole('button', { name: t('step.tellUsMore.send') }));
  expect(await heading(page)).toBe(t('step.tellUsMoreSent.title'));
}

describe.each(JAVASCRIPT_MODES)('reporting to the public form, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';

  test('an English report from the start page to the confirmation, changed once, then added to; the Met sees it', async () => {
    const reporter = await lifeline.person(mode);
    const page = await reporter.newPage();
    expect(await visit(page, '/report')).toBe(200);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.getByText('Exit this page').count()).toBeGreaterThan(0);
    await follow(page, page.getByRole('button', { name: 'Start now' }));
    const description = `Men taken from the house in a white van every morning (${slug})`;
    await answerQuestions(page, 'en', description, { address: '14 Harrow Road', town: 'London', postcode: 'W2 1AB', placeDescription: '' });
    expect(await page.locator('main').innerText()).toContain(description);

    // A change from check-your-answers comes back to it.
    await follow(page, page.getByRole('link', { name: 'Change When' }));
    await page.locator('#when').fill('Saturday nights');
    await follow(page, page.getByRole('button', { name: 'Continue' }));
    expect(await heading(page)).toBe('Check your answers before you send your report');
    expect(await page.locator('main').innerText()).toContain('Saturday nights');
    if (mode === 'with JavaScript') await screenshot(page, 'public-check-answers');

    const { reference, secret } = await send(page, 'en');
    if (mode === 'with JavaScript') await screenshot(page, 'public-confirmation');
    await tellUsMore(page, 'en', reference, secret, 'The van is a Ford Transit');
    expect(await page.locator('main').innerText()).not.toContain(description);
    expectNoPageProblems(reporter);

    const staff = await lifeline.person(mode);
    const staffPage = await staff.newPage();
    const supervisor = demoAccount('supervisor', 'metropolitan');
    await signIn(staffPage, supervisor.email, supervisor.password);
    await follow(staffPage, staffPage.getByRole('link', { name: 'Public reports' }));
    await follow(staffPage, staffPage.getByRole('link', { name: reference }));
    expect(await heading(staffPage)).toBe(reference);
    const shown = await staffPage.locator('main').innerText();
    expect(shown).toContain(description);
    expect(shown).toContain('The van is a Ford Transit');
    await staffPage.getByLabel('Visit planned').check();
    await staffPage.getByLabel('Reason').fill('Matches premises already known');
    await follow(staffPage, staffPage.getByRole('button', { name: 'Record outcome' }));
    expect(await staffPage.locator('main').innerText()).toContain('Matches premises already known');
    expectNoPageProblems(staff);
  }, JOURNEY_TIMEOUT);

  test('an Arabic report, right to left with its errors in Arabic, that nobody can place goes to the national centre', async () => {
    const t = translator('ar');
    const reporter = await lifeline.person(mode);
    const page = await reporter.newPage();
    await visit(page, '/report?lang=ar');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await follow(page, page.getByRole('button', { name: t('start.button') }));
    // A page sent empty shows the GOV.UK error summary in Arabic.
    expect(await follow(page, page.getByRole('button', { name: t('common.continue') }))).toBe(400);
    expect((await page.locator('.govuk-error-summary__title').innerText()).trim()).toBe(t('common.errorSummaryTitle'));
    expect(await page.locator('.govuk-error-summary__list').innerText()).toContain(t('field.danger.error.required'));
    if (mode === 'with JavaScript') await screenshot(page, 'public-error-ar');
    const description = `رجال ينامون في مرآب السيارات (${slug})`;
    await answerQuestions(page, 'ar', description, { address: '', town: '', postcode: '', placeDescription: 'مغسلة سيارات بجانب الدوار الكبير' });
    const { reference, secret } = await send(page, 'ar');
    await tellUsMore(page, 'ar', reference, secret, 'رأيتهم مرة أخرى');
    expectNoPageProblems(reporter);

    const staff = await lifeline.person(mode);
    const staffPage = await staff.newPage();
    const analyst = demoAccount('analyst', 'national-centre');
    await signIn(staffPage, analyst.email, analyst.password);
    await visit(staffPage, '/triage?unplaced=1&show=all');
    expect(await staffPage.locator('main').innerText()).toContain(reference);
    expectNoPageProblems(staff);
  }, JOURNEY_TIMEOUT);

  test('switching to Vietnamese half way keeps the answers given so far', async () => {
    const vi = translator('vi');
    const reporter = await lifeline.person(mode);
    const page = await reporter.newPage();
    await visit(page, '/report');
    await follow(page, page.getByRole('button', { name: 'Start now' }));
    const description = `Nhiều người sống trong một ngôi nhà (${slug})`;
    await answerQuestions(page, 'en', description, { address: '', town: 'Birmingham', postcode: '', placeDescription: '' });
    await follow(page, page.getByRole('link', { name: 'Tiếng Việt' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await heading(page)).toBe(vi('step.checkAnswers.title'));
    expect(await page.locator('main').innerText()).toContain(description);
    const { reference } = await send(page, 'vi');
    expectNoPageProblems(reporter);

    // Birmingham is West Midlands: not the Met's report.
    const staff = await lifeline.person(mode);
    const staffPage = await staff.newPage();
    const supervisor = demoAccount('supervisor', 'metropolitan');
    await signIn(staffPage, supervisor.email, supervisor.password);
    await visit(staffPage, '/triage?show=all');
    expect(await staffPage.locator('main').innerText()).not.toContain(reference);
    expectNoPageProblems(staff);
  }, JOURNEY_TIMEOUT);
});

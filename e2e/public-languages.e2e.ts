// Every page of the public report, in every language of the form, audited by axe: the start page,
// a question sent empty (the error summary in that language), the call-999 page, each question,
// the contact details, check your answers, the confirmation, and "tell us more" (empty, then sent).
// One reporter at a time without JavaScript, the form's baseline; the journeys with JavaScript are
// in public-report.e2e.ts. Each step's page must be in the language asked for, with its direction.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { languages, type Language } from '../src/public/i18n/languages.ts';
import { translator } from '../src/public/i18n/translate.ts';
import { expectNoPageProblems } from './support/browser.ts';
import { follow, heading, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

// Fifteen reports from one client in a few minutes: above the public form's rate limit.
const lifeline = useLifeline({ LIFELINE_PUBLIC_RATE_LIMIT: '10000' });
// Fifteen languages of seventeen audited pages each.
const TIMEOUT = 900_000;

async function inLanguage(page: Page, language: Language): Promise<void> {
  expect(await page.locator('html').getAttribute('lang')).toBe(language.code);
  expect(await page.locator('html').getAttribute('dir')).toBe(language.direction);
}

/** Presses the page's one main button (continue, start, send) and returns the status of the next page. */
const next = (page: Page) => follow(page, page.locator('main .govuk-button').first());

async function walk(page: Page, language: Language): Promise<void> {
  const t = translator(language.code);
  const audited: string[] = [];
  const step = async (status: number, title?: string) => {
    await inLanguage(page, language);
    if (title !== undefined) expect(await heading(page)).toBe(title);
    audited.push(`${status} ${new URL(page.url()).pathname}`);
  };
  await step(await visit(page, `/report?lang=${encodeURIComponent(language.code)}`));
  await step(await next(page), t('step.danger.title'));
  // Sent empty: the GOV.UK error summary, in the reporter's language.
  await step(await next(page));
  expect((await page.locator('.govuk-error-summary__title').innerText()).trim()).toBe(t('common.errorSummaryTitle'));
  await page.locator('input[name="danger"][value="yes"]').check();
  await step(await next(page)); // call 999 now
  await step(await next(page), t('step.whatYouSaw.title'));
  await page.locator('input[name="signs"][value="many-people"]').check();
  await step(await next(page), t('step.whatHappened.title'));
  await page.locator('#description').fill(`Report in ${language.nativeName}`);
  await step(await next(page), t('step.where.title'));
  await page.locator('#town').fill('London');
  await step(await next(page));
  await page.locator('#when').fill('2026-12-01');
  await step(await next(page));
  await page.locator('#people').fill('Four men');
  await step(await next(page));
  await page.locator('input[name="howYouKnow"][value="saw-myself"]').check();
  await step(await next(page));
  await page.locator('input[name="contactPreference"][value="share"]').check();
  await step(await next(page)); // contact details
  await page.locator('#contactPhone').fill('07700 900123');
  await step(await next(page), t('step.checkAnswers.title'));
  await step(await next(page));
  expect((await page.locator('.govuk-panel__title').innerText()).trim()).toBe(t('step.confirmation.title'));
  const reference = /LL-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await page.locator('.govuk-panel__body').innerText())?.[0] ?? '';
  const secret = (await page.locator('#secret').innerText()).trim();
  await step(await follow(page, page.locator('main a[href^="/report/tell-us-more"]')), t('step.tellUsMore.title'));
  await step(await next(page)); // sent empty
  expect(await page.locator('.govuk-error-summary').count()).toBe(1);
  await page.locator('#reference').fill(reference);
  await page.locator('#secret').fill(secret);
  await page.locator('#moreInformation').fill('More');
  await step(await next(page), t('step.tellUsMoreSent.title'));
  expect(audited).toEqual([
    '200 /report', '200 /report/immediate-danger', '400 /report/immediate-danger', '200 /report/call-999-now', '200 /report/what-you-saw',
    '200 /report/what-happened', '200 /report/where', '200 /report/when', '200 /report/who', '200 /report/how-you-know', '200 /report/contact-preference',
    '200 /report/contact-details', '200 /report/check-your-answers', '200 /report/report-sent', '200 /report/tell-us-more', '400 /report/tell-us-more',
    '200 /report/tell-us-more/sent',
  ]);
}

test('every public page of the report, in each of the 15 languages, passes axe without JavaScript', async () => {
  expect(languages).toHaveLength(15);
  const reporter = await lifeline.person('without JavaScript');
  for (const language of languages) {
    // A fresh page per language: the report's cookie is cleared at the confirmation anyway.
    const page = await reporter.newPage();
    await walk(page, language);
    await page.close();
  }
  expectNoPageProblems(reporter);
}, TIMEOUT);

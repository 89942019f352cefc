// Issue 8: the hidden scale of the demo operation. An analyst runs record linkage, then estimates
// the people no list found, at the run's own threshold and at a looser one: the page shows the
// overlap table, the estimate and its interval, and the estimate moves with the threshold as the
// comparison table on the first page said it would.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';
import { demoAccount, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';

// The demo operation at full scale: at 0.2 its regional lists overlap too little for the main-effects model to exist.
const lifeline = useLifeline({}, { demoOperationScale: 1 });
const analyst = demoAccount('analyst', 'national-centre');

const number = (text: string): number => {
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) throw new Error(`Not a number: "${text}"`);
  return value;
};

/** A background job's progress page marks itself for reloading (by init.js, with JavaScript) while the job runs. */
const refreshing = async (page: Page): Promise<boolean> => (await page.locator('[data-refresh-seconds]').count()) > 0;

/**
 * Submits a form that starts a background job, then checks its progress page until the job is
 * done, as a person would with "Refresh now": each load is read well inside the page's own refresh
 * interval, so it is never read half replaced.
 */
async function startAndWait(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
  const progress = page.url();
  const deadline = Date.now() + 90_000;
  let audited = false;
  while (await refreshing(page)) {
    if (!audited) {
      await expectAccessible(page);
      audited = true;
    }
    if (Date.now() > deadline) throw new Error(`Still in progress after 90 s: ${progress}`);
    await page.waitForTimeout(1000);
    expect((await page.goto(progress))?.status()).toBe(200);
  }
  await expectAccessible(page);
}

/** The value of the summary-list row whose key matches (keys are matched whole, after trimming). */
async function summaryValue(page: Page, key: RegExp | string): Promise<string> {
  const pattern = typeof key === 'string' ? new RegExp(`^${key}$`) : key;
  for (const row of await page.locator('.govuk-summary-list__row').all()) {
    if (pattern.test((await row.locator('dt').innerText()).trim())) return (await row.locator('dd').first().innerText()).trim();
  }
  throw new Error(`No summary row ${String(pattern)}`);
}

interface Shown { observed: number; estimate: number; interval: string; overlapTotal: number; threshold: string; comparison: Map<string, { observed: number; main: string }> }

/** What an estimate's page shows: the result, the overlap table's people and the comparison across thresholds. */
async function readEstimate(page: Page): Promise<Shown> {
  expect(await heading(page)).toBe('Estimate of the hidden scale');
  const observed = number(/^([\d,]+)/.exec(await summaryValue(page, 'People observed'))?.[1] ?? '');
  const estimate = number(/^([\d,]+)/.exec(await summaryValue(page, 'Estimate'))?.[1] ?? '');
  const interval = await summaryValue(page, 'Interval');
  const overlap = page.locator('table', { has: page.locator('caption', { hasText: 'People by combination of lists' }) });
  const overlapTotal = (await overlap.locator('tbody tr td:last-child').allInnerTexts()).reduce((sum, text) => sum + number(text.trim()), 0);
  const threshold = (/^([\d.]+)/.exec(await summaryValue(page, 'Linkage threshold'))?.[1]) ?? '';
  const comparisonTable = page.locator('table', { has: page.locator('caption', { hasText: 'Estimates across linkage thresholds and methods' }) });
  const columns = (await comparisonTable.locator('thead th').allInnerTexts()).map((text) => text.trim());
  const mainColumn = columns.findIndex((c) => c.startsWith('Main effects'));
  expect(mainColumn, `a main-effects column among ${columns.join(', ')}`).toBeGreaterThan(1);
  const comparison = new Map<string, { observed: number; main: string }>();
  for (const row of await comparisonTable.locator('tbody tr').all()) {
    const cells = (await row.locator('td').allInnerTexts()).map((text) => text.trim());
    comparison.set((await row.locator('th').innerText()).trim(), { observed: number(cells[0] ?? ''), main: cells[mainColumn - 1] ?? '' });
  }
  return { observed, estimate, interval, overlapTotal, threshold, comparison };
}

async function estimateAt(page: Page, threshold: string): Promise<Shown> {
  await visit(page, '/hidden-scale');
  expect(await heading(page)).toBe('The hidden scale');
  await page.getByLabel('Main effects (lists independent)').check();
  await page.getByLabel('Linkage threshold').fill(threshold);
  // Done when the page stops refreshing itself: then it has a result, a refusal or a failure.
  await startAndWait(page, page.getByRole('button', { name: 'Estimate' }));
  expect(await page.locator('.govuk-warning-text').allInnerTexts(), 'no refusal or failure').toEqual([]);
  return readEstimate(page);
}

describe.each(JAVASCRIPT_MODES)('the hidden scale of the demo operation, %s', (mode) => {
  test('an analyst links the records, then estimates at two linkage thresholds, and the estimate follows the threshold', async () => {
    const context = await lifeline.person(mode);
    const page = await context.newPage();
    await signIn(page, analyst.email, analyst.password);

    // Record linkage first, so each person is counted once (the second run finds the first one's clusters).
    await visit(page, '/linkage');
    await startAndWait(page, page.getByRole('button', { name: 'Run linkage now' }));
    expect(await heading(page)).toBe('Linkage run: finished');
    const awaitingReview = await summaryValue(page, /^Pairs to review \(/);

    // At the run's own threshold (its clusters as they stand): the table, the estimate and its interval.
    const strict = await estimateAt(page, '0.9');
    if (mode === 'with JavaScript') await screenshot(page, 'hidden-scale-estimate');
    expect(strict.threshold).toBe('0.9');
    expect(strict.observed).toBeGreaterThan(0);
    expect(strict.overlapTotal).toBe(strict.observed);
    expect(strict.estimate).toBeGreaterThanOrEqual(strict.observed);
    const [lower, upper] = (/([\d,]+) to ([\d,]+)/.exec(strict.interval) ?? []).slice(1).map(number);
    expect(lower, strict.interval).toBeLessThanOrEqual(strict.estimate);
    expect(upper, strict.interval).toBeGreaterThanOrEqual(strict.estimate);
    expect(strict.interval).toContain('Wald interval on the log scale');
    // Looser thresholds join more records, so they never find more people.
    const rows = [...strict.comparison.entries()].sort(([a], [b]) => Number(a) - Number(b));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.[1].observed).toBeGreaterThanOrEqual(rows[i - 1]?.[1].observed ?? Infinity);
    expect(strict.comparison.get('0.9')?.observed).toBe(strict.observed);

    // At the loosest threshold of the comparison: the estimate the comparison predicted, now on its own page.
    const [loosest, predicted] = rows[0] ?? [];
    if (loosest === undefined || predicted === undefined) throw new Error('No comparison rows');
    const loose = await estimateAt(page, loosest);
    expect(loose.observed).toBe(predicted.observed);
    expect(loose.overlapTotal).toBe(loose.observed);
    expect(predicted.main.replace(/,/g, '')).toContain(String(loose.estimate));
    // The run left pairs awaiting review; at the loosest threshold they join records: fewer people, another estimate.
    expect(number(awaitingReview)).toBeGreaterThan(0);
    expect(loose.observed).toBeLessThan(strict.observed);
    expect(loose.estimate).not.toBe(strict.estimate);

    await signOut(page);
    expectNoPageProblems(context);
    await context.close();
  });
});

// Issue 9: results for everyone who needs them. An analyst reads the national dashboard, narrows
// it to a month and to one force and sees the figures follow; one analyst prepares a statistics
// release and a second approves it; a member of the public reads the published figures (no
// count from 1 to 4 shown), the printable report and its PDF.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/signInAccounts.ts';
import { JAVASCRIPT_MODES, expectNoPageProblems } from './support/browser.ts';
import { expectAccessible } from './support/axe.ts';
import { demoAccount, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';
import { pdfPages, pdfText } from './support/pdf.ts';

// Two operations and about forty visits: enough for a busy month, a quiet force and counts from 1 to 4 to suppress.
const lifeline = useLifeline({}, { demoOperationScale: 0.05 });

const analyst = demoAccount('analyst', 'national-centre');
const secondAnalyst = DEMO_ACCOUNTS.find((a) => a.role === 'analyst' && a.email !== analyst.email);
const OPERATIONS = { 'with JavaScript': 'Operation Lifeline I', 'without JavaScript': 'Operation Lifeline II' } as const;

/** The one browser global read here (the project compiles without the DOM library). */
interface StyleGlobals { getComputedStyle(element: unknown): { overflowX: string } }

/** A4 in points, as Chromium and pdfkit each round it. */
const A4 = { width: 595.28, height: 841.89 };

const number = (text: string): number => {
  const value = Number(text.replace(/[,£]/g, ''));
  if (!Number.isFinite(value)) throw new Error(`Not a number: "${text}"`);
  return value;
};

/** A dashboard figure box: its label and its value as shown. */
async function figureBoxes(page: Page, label: string): Promise<Map<string, string>> {
  const boxes = page.locator(`ul.lifeline-figures[aria-label="${label}"] > li`);
  const figures = new Map<string, string>();
  for (const box of await boxes.all()) {
    const name = (await box.locator('span').first().innerText()).trim();
    figures.set(name, (await box.locator('.lifeline-figure__value').innerText()).trim());
  }
  expect(figures.size, `figure boxes in "${label}"`).toBeGreaterThan(0);
  return figures;
}

interface ReadTable { columns: string[]; rows: Map<string, string[]> }

/** A table found by its caption: column headings and, by the row's heading, the row's cells. */
async function tableByCaption(page: Page, caption: string): Promise<ReadTable> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: new RegExp(`^${caption}$`) }) });
  expect(await table.count(), `one table captioned "${caption}"`).toBe(1);
  const columns = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
  const rows = new Map<string, string[]>();
  for (const row of await table.locator('tbody tr').all()) {
    const label = (await row.locator('th').first().innerText()).trim();
    rows.set(label, (await row.locator('td').allInnerTexts()).map((text) => text.trim()));
  }
  return { columns, rows };
}

/** One cell of a table read by tableByCaption: row by heading, column by heading (the row heading is column 0). */
function cell(table: ReadTable, row: string, column: string): string {
  const cells = table.rows.get(row);
  const index = table.columns.indexOf(column);
  if (cells === undefined || index < 1) throw new Error(`No cell "${row}" × "${column}" in a table of ${[...table.rows.keys()].join(', ')} by ${table.columns.join(', ')}`);
  return cells[index - 1] ?? '';
}

/** Chooses the dashboard's filters and shows the figures (a GET form: it works the same without JavaScript). */
async function showFigures(page: Page, filters: { operation?: string; force?: string; from?: string; to?: string }): Promise<void> {
  if (filters.operation !== undefined) await page.getByLabel('Operation', { exact: true }).selectOption({ label: filters.operation });
  if (filters.force !== undefined) await page.getByLabel('Force', { exact: true }).selectOption({ label: filters.force });
  if (filters.from !== undefined) await page.getByLabel('From (year-month-day)').fill(filters.from);
  if (filters.to !== undefined) await page.getByLabel('To (year-month-day)').fill(filters.to);
  expect(await follow(page, page.getByRole('button', { name: 'Show figures' }))).toBe(200);
}

/** The headline figures every table and box agrees on, read from the figure boxes. */
async function headline(page: Page): Promise<{ visits: number; potentialVictims: number; arrests: number }> {
  const boxes = await figureBoxes(page, 'Headline figures');
  const premises = boxes.get('Premises visited');
  const detail = await page.locator('ul.lifeline-figures[aria-label="Headline figures"] > li', { hasText: 'Premises visited' }).innerText();
  const visits = /([\d,]+) visits/.exec(detail)?.[1];
  if (premises === undefined || visits === undefined) throw new Error('The headline figures have no visits');
  return { visits: number(visits), potentialVictims: number(boxes.get('Potential victims') ?? ''), arrests: number(boxes.get('Arrests') ?? '') };
}

/** The busiest month in the "By month" table, by visits, with its first and last day. */
function busiestMonth(byMonth: ReadTable): { label: string; from: string; to: string } {
  const [label] = [...byMonth.rows.entries()].sort(([, a], [, b]) => number(b[0] ?? '0') - number(a[0] ?? '0'))[0] ?? [];
  if (label === undefined) throw new Error('The dashboard has no months');
  const first = new Date(`1 ${label} UTC`);
  if (Number.isNaN(first.getTime())) throw new Error(`A month label that is not a month: ${label}`);
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { label, from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** Sends the filters and expects the GOV.UK error summary (a 400), with the filters still filled in. */
async function showFiguresExpectingError(page: Page, filters: { from: string; to: string }): Promise<void> {
  await page.getByLabel('From (year-month-day)').fill(filters.from);
  await page.getByLabel('To (year-month-day)').fill(filters.to);
  expect(await follow(page, page.getByRole('button', { name: 'Show figures' }))).toBe(400);
  expect(await page.locator('.govuk-error-summary').count()).toBe(1);
  expect(await page.getByLabel('From (year-month-day)').inputValue()).toBe(filters.from);
}

const PUBLISHED_TO_DASHBOARD: Record<string, string> = {
  'Premises visits': 'Visits', 'Premises visited': 'Premises visited', 'Potential victims identified': 'Potential victims',
  'Of whom possibly under 18': 'Possible children', Arrests: 'Arrests', 'People arrested': 'People arrested', Charges: 'Charges',
};

describe.each(JAVASCRIPT_MODES)('results, %s', (mode) => {
  test('an analyst narrows the national dashboard to a month and to a force, and the figures follow', async () => {
    const context = await lifeline.person(mode);
    const page = await context.newPage();
    await signIn(page, analyst.email, analyst.password);
    await follow(page, page.getByRole('link', { name: 'Dashboard', exact: true }).first());
    expect(await heading(page)).toBe('National dashboard');
    if (mode === 'with JavaScript') await screenshot(page, 'national-dashboard');

    // Every operation, every day: the figure boxes and the tables agree.
    const all = await headline(page);
    expect(all.visits).toBeGreaterThan(0);
    const allByForce = await tableByCaption(page, 'Every force\'s figures');
    expect(number(cell(allByForce, 'All organisations', 'Visits'))).toBe(all.visits);
    const allByMonth = await tableByCaption(page, 'By month');
    expect([...allByMonth.rows.values()].reduce((sum, row) => sum + number(row[0] ?? '0'), 0)).toBe(all.visits);

    // The busiest month alone: the figures become that month's row, and the other months go.
    const month = busiestMonth(allByMonth);
    await showFigures(page, month);
    expect(new URL(page.url()).searchParams.get('from')).toBe(month.from);
    const inMonth = await headline(page);
    expect(inMonth.visits).toBe(number(cell(allByMonth, month.label, 'Visits')));
    expect(inMonth.potentialVictims).toBe(number(cell(allByMonth, month.label, 'Potential victims')));
    expect(inMonth.arrests).toBe(number(cell(allByMonth, month.label, 'Arrests')));
    expect(inMonth.visits).toBeLessThan(all.visits);
    expect([...(await tableByCaption(page, 'By month')).rows.keys()]).toEqual([month.label]);
    const monthByForce = await tableByCaption(page, 'Every force\'s figures');
    expect(number(cell(monthByForce, 'All organisations', 'Visits'))).toBe(inMonth.visits);

    // One force in that month: the force dashboard shows what the national table said of it.
    const busiestForce = [...monthByForce.rows.entries()]
      .filter(([name]) => name !== 'All organisations' && name !== 'National centre and other organisations')
      .sort(([, a], [, b]) => number(b[monthByForce.columns.indexOf('Visits') - 1] ?? '0') - number(a[monthByForce.columns.indexOf('Visits') - 1] ?? '0'))[0]?.[0];
    if (busiestForce === undefined) throw new Error('No force has visits in the month');
    await follow(page, page.getByRole('link', { name: 'See one force’s dashboard' }));
    expect(await page.getByLabel('From (year-month-day)').inputValue()).toBe(month.from);
    await showFigures(page, { force: busiestForce });
    expect(await heading(page)).toBe(`Force dashboard: ${busiestForce}`);
    const force = await headline(page);
    expect(force).toEqual({
      visits: number(cell(monthByForce, busiestForce, 'Visits')),
      potentialVictims: number(cell(monthByForce, busiestForce, 'Potential victims')),
      arrests: number(cell(monthByForce, busiestForce, 'Arrests')),
    });
    expect(force.visits).toBeLessThanOrEqual(inMonth.visits);
    expect(number(cell(await tableByCaption(page, 'Rank among forces'), 'Visits', 'Rank (1 is the most)'))).toBe(1);
    if (mode === 'without JavaScript') await screenshot(page, 'force-dashboard-nojs');

    // A period that ends before it begins is refused with the error summary, and the filters are kept.
    await showFiguresExpectingError(page, { from: month.to, to: month.from });

    await signOut(page);
    expectNoPageProblems(context);
    await context.close();
  });

  test(`one analyst prepares a release of ${OPERATIONS[mode]}, another approves it, and the public reads it, its report and its PDF`, async () => {
    if (secondAnalyst === undefined) throw new Error('The demo has no second analyst');
    const operation = OPERATIONS[mode];
    const people = { preparer: await lifeline.person(mode), approver: await lifeline.person(mode), visitor: await lifeline.person(mode) };

    // The true counts of the operation, per force, as the dashboard shows them to an analyst.
    const page = await people.preparer.newPage();
    await signIn(page, analyst.email, analyst.password);
    await visit(page, '/dashboard');
    await showFigures(page, { operation });
    const counted = await tableByCaption(page, 'Every force\'s figures');

    // The first analyst prepares the release: a preview they cannot approve themselves.
    await follow(page, page.getByRole('link', { name: 'Statistics releases', exact: true }).first());
    expect(await heading(page)).toBe('Statistics releases');
    await page.getByLabel('Operation', { exact: true }).selectOption({ label: operation });
    expect(await follow(page, page.getByRole('button', { name: 'Prepare a release' }))).toBe(200);
    expect(await heading(page)).toBe(`${operation}: results Draft`);
    expect(await page.locator('.govuk-caption-l').innerText()).toBe('Preview of a draft');
    expect(await page.locator('main').innerText()).toContain('Another analyst must check and approve this release');
    expect(await page.getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
    const releaseId = /^\/statistics-releases\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    if (releaseId === undefined) throw new Error(`Not a release page: ${page.url()}`);
    const preview = await tableByCaption(page, 'Results by police force');
    await signOut(page);

    // Not public until approved.
    const visitorPage = await people.visitor.newPage();
    expect(await visit(visitorPage, `/statistics/${releaseId}`)).toBe(404);

    // The second analyst finds it in the list, checks it and approves it.
    const approverPage = await people.approver.newPage();
    await signIn(approverPage, secondAnalyst.email, secondAnalyst.password);
    await visit(approverPage, '/statistics-releases');
    await follow(approverPage, approverPage.locator(`a[href="/statistics-releases/${releaseId}"]`));
    expect(await approverPage.locator('main').innerText()).toContain(`by ${analyst.displayName}`);
    await follow(approverPage, approverPage.getByRole('button', { name: 'Approve and publish' }));
    expect(await approverPage.locator('.govuk-notification-banner').innerText()).toContain('Release published');
    expect(await approverPage.locator('main').innerText()).toContain(`Approved by ${secondAnalyst.displayName}`);
    expect(await approverPage.getByRole('button', { name: 'Approve and publish' }).count()).toBe(0);
    await signOut(approverPage);

    // A member of the public, signed out, finds it among the published results.
    await visit(visitorPage, '/statistics');
    expect(await heading(visitorPage)).toBe('Published results');
    await follow(visitorPage, visitorPage.getByRole('link', { name: `${operation}: results` }));
    expect(new URL(visitorPage.url()).pathname).toBe(`/statistics/${releaseId}`);
    expect(await heading(visitorPage)).toBe(`${operation}: results`);
    const main = await visitorPage.locator('main').innerText();
    expect(main).not.toContain(analyst.displayName);
    expect(main).not.toContain(secondAnalyst.displayName);
    if (mode === 'without JavaScript') await screenshot(visitorPage, 'published-statistics-nojs');

    // No count from 1 to 4 anywhere on the page: in the figure box or in any table cell.
    const shown = [
      ...(await visitorPage.locator('.lifeline-figure-box dd.govuk-heading-l').allInnerTexts()),
      ...(await visitorPage.locator('main table td').allInnerTexts()),
    ].map((text) => text.trim());
    expect(shown.length).toBeGreaterThan(20);
    for (const text of shown) {
      if (text === 'fewer than 5' || text === 'withheld' || text.startsWith('£') || text.startsWith('€')) continue;
      expect(number(text) === 0 || number(text) >= 5, `a published cell "${text}"`).toBe(true);
    }
    // Each force's published cell is its true count, or hides it: a true count from 1 to 4 is always "fewer than 5".
    const byForce = await tableByCaption(visitorPage, 'Results by police force');
    expect(byForce).toEqual(preview);
    let suppressed = 0;
    const forces = [...byForce.rows.keys()].filter((label) => label !== 'Total');
    const truthOf = (force: string, column: string) => number(cell(counted, force, PUBLISHED_TO_DASHBOARD[column] ?? column));
    for (const [force, cells] of byForce.rows) {
      byForce.columns.slice(1).forEach((column, i) => {
        const truth = force === 'Total' ? forces.reduce((sum, f) => sum + truthOf(f, column), 0) : truthOf(force, column);
        const published = cells[i] ?? '';
        if (truth >= 1 && truth <= 4) expect(published, `${force}, ${column} (${truth})`).toBe('fewer than 5');
        if (published === 'fewer than 5') suppressed += 1;
        else if (published !== 'withheld') expect(number(published), `${force}, ${column}`).toBe(truth);
      });
    }
    expect(suppressed, 'the small demo operation has counts to suppress').toBeGreaterThan(0);
    const figures = new Map<string, string>();
    for (const item of await visitorPage.locator('.lifeline-figure-box__item').all()) {
      figures.set((await item.locator('dt').innerText()).trim(), (await item.locator('dd').first().innerText()).trim());
    }

    // The printable report: the same figures, and on paper only the report (A4, nothing cut off).
    await follow(visitorPage, visitorPage.getByRole('link', { name: 'The report, ready to print' }));
    expect(await heading(visitorPage)).toBe(`${operation}: results`);
    expect(await tableByCaption(visitorPage, 'Results by police force')).toEqual(byForce);
    for (const [label, value] of figures) {
      expect(await visitorPage.locator('.lifeline-figure-box__item', { has: visitorPage.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').first().innerText()).toBe(value);
    }
    await visitorPage.emulateMedia({ media: 'print' });
    for (const hidden of ['.govuk-header', '.govuk-footer', '.lifeline-report-actions']) {
      expect(await visitorPage.locator(hidden).first().isVisible(), `${hidden} on paper`).toBe(false);
    }
    await expectAccessible(visitorPage);
    const printed = await visitorPage.pdf({ preferCSSPageSize: true, printBackground: true });
    // Tables are not cut off at the page's edge on paper: their scroll boxes let them run their full width.
    for (const box of await visitorPage.locator('.lifeline-table-scroll').all()) {
      expect(await box.evaluate((element) => (globalThis as unknown as StyleGlobals).getComputedStyle(element).overflowX)).toBe('visible');
    }
    const printedPages = pdfPages(printed);
    expect(printedPages.length).toBeGreaterThanOrEqual(1);
    for (const size of printedPages) {
      expect(size.width).toBeCloseTo(A4.width, -1);
      expect(size.height).toBeCloseTo(A4.height, -1);
    }
    await visitorPage.emulateMedia({ media: 'screen' });
    if (mode === 'with JavaScript') await screenshot(visitorPage, 'operation-report');

    // The PDF the server makes of the same release: A4, "Page n of N" on each page, the headline figures in its text.
    const href = await visitorPage.getByRole('link', { name: 'Download this report as a PDF' }).getAttribute('href');
    expect(href).toBe(`/statistics/${releaseId}/report.pdf`);
    const response = await people.visitor.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdf = await response.body();
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const size of pages) expect(size).toEqual(A4);
    const text = pdfText(pdf);
    expect(text).toContain(`${operation}: results`);
    for (let n = 1; n <= pages.length; n += 1) expect(text).toContain(`Page ${n} of ${pages.length}`);
    expect(text).not.toContain(`Page ${pages.length + 1} of`);
    // The figure box is a table in the PDF: each label is followed by its figure, as on the page.
    for (const [label, value] of figures) {
      if (label !== 'Cash seized') expect(text, `"${label}" and its figure in the PDF`).toContain(`${label}${value}`);
    }
    expect(text).not.toContain(analyst.displayName);

    for (const context of Object.values(people)) {
      expectNoPageProblems(context);
      await context.close();
    }
  });
});

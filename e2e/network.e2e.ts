// Issue 6: a Metropolitan officer submits a graded report naming a phone and a vehicle, and another
// kept within the force (handling code 4); the national analyst finds the phone, expands it to the
// three people and two premises linked to it across two forces, sees the shortest path between two
// suspects with its evidence and saves the chart; an officer of a third force (Kent) neither opens
// the handling-code-4 report nor finds the vehicle only it names. With JavaScript the network is
// drawn by cytoscape.js in place of the server's picture; without it the picture and tables serve.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { JAVASCRIPT_MODES, expectNoPageProblems, runsJavaScript } from './support/browser.ts';
import { demoAccount, follow, heading, screenshot, signIn, signOut, visit } from './support/journeys.ts';
import { useLifeline } from './support/lifecycle.ts';
import { KENT_OFFICER, NETWORK_CASES, prepareNetworkRecords } from './support/networkRecords.ts';

const lifeline = useLifeline({}, { prepare: prepareNetworkRecords });

const officer = demoAccount('officer', 'metropolitan');
const analyst = demoAccount('analyst', 'national-centre');
const MET = 'Metropolitan Police Service';
const WEST_MIDLANDS = 'West Midlands Police';

/**
 * With JavaScript: the cytoscape drawing replaced the server's picture, holds canvases, and drew
 * this many entities. Without: the server's picture is there and nothing was drawn.
 */
async function drawnEntities(page: Page): Promise<number | null> {
  const drawing = page.locator('.lifeline-network-drawing');
  if (!runsJavaScript(page.context())) {
    expect(await drawing.count()).toBe(0);
    expect(await page.locator('[data-network-picture]').count()).toBe(1);
    return null;
  }
  await expect.poll(() => drawing.locator('canvas').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-network-picture]').count()).toBe(0);
  expect(await drawing.getAttribute('role')).toBe('application');
  expect(await drawing.getAttribute('tabindex')).toBe('0');
  return Number(await drawing.getAttribute('data-entities'));
}

/** The rows of the table under a heading, each as its cells' text. */
async function tableUnder(page: Page, headingText: string): Promise<string[][]> {
  const table = page.locator(`h2:text-is("${headingText}") + table, h3:text-is("${headingText}") + table`);
  expect(await table.count(), `a table under "${headingText}"`).toBe(1);
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim()));
  return out;
}

/** One column of such rows (empty text where a row is short). */
function column(rows: readonly string[][], index: number): string[] {
  return rows.map((row) => row[index] ?? '');
}

describe.each(JAVASCRIPT_MODES)('the network of a phone, %s', (mode) => {
  const slug = mode === 'with JavaScript' ? 'js' : 'nojs';
  const c = NETWORK_CASES[slug];

  test('an officer reports, the analyst follows the phone across forces and saves a chart, a third force sees none of the restricted report', async () => {
    const people = { officer: await lifeline.person(mode), analyst: await lifeline.person(mode), kent: await lifeline.person(mode) };

    // The officer finds the suspect already recorded, to name him in the report by his record.
    const page = await people.officer.newPage();
    await signIn(page, officer.email, officer.password);
    await visit(page, `/people?name=${encodeURIComponent(c.metSuspect)}`);
    const suspectLink = page.locator('main table tbody').getByRole('link', { name: c.metSuspect });
    const suspectId = (await suspectLink.getAttribute('href'))?.replace('/people/', '') ?? '';
    expect(suspectId).toMatch(/^[0-9a-f-]{36}$/);

    // A report graded B21 under 5x5x5: the suspect owns the phone and drives the vehicle.
    await visit(page, '/intelligence');
    await follow(page, page.getByRole('link', { name: 'Submit an intelligence report' }));
    expect(await heading(page)).toBe('Submit an intelligence report');
    expect(await page.locator('main').innerText()).toContain('5x5x5');
    await page.getByLabel('Intelligence', { exact: true }).fill(`The man who runs ${c.metPremises} uses the phone and drives the women in a grey van.`);
    await page.getByLabel('Source evaluation').selectOption('B');
    await page.getByLabel('Intelligence assessment').selectOption('2');
    await page.getByLabel('Handling code').selectOption('1');
    await page.getByLabel('Day', { exact: true }).fill('3');
    await page.getByLabel('Month', { exact: true }).fill('3');
    await page.getByLabel('Year', { exact: true }).fill('2007');
    await page.getByLabel('Kind of entity 1').selectOption('phone');
    await page.getByLabel('Entity 1 as written').fill(c.phone);
    await page.getByLabel('Kind of entity 2').selectOption('vehicle');
    await page.getByLabel('Entity 2 as written').fill(c.vehicle);
    await page.getByLabel('Kind of entity 3').selectOption('person');
    await page.getByLabel('Entity 3 record id').fill(suspectId);
    await page.getByLabel('Link 1 from').selectOption('3');
    await page.getByLabel('Link 1 relationship').selectOption('owns');
    await page.getByLabel('Link 1 to').selectOption('1');
    await page.getByLabel('Link 2 from').selectOption('3');
    await page.getByLabel('Link 2 relationship').selectOption('drives');
    await page.getByLabel('Link 2 to').selectOption('2');
    await follow(page, page.getByRole('button', { name: 'Submit report' }));
    expect(await heading(page)).toBe('Intelligence report, graded B21');
    const named = await page.locator('main').innerText();
    expect(named).toContain(c.e164);
    expect(named).toContain(c.phone);
    const openReport = new URL(page.url()).pathname;

    // A second report, kept within the force: handling code 4, naming a vehicle nobody else names.
    await visit(page, '/intelligence/new');
    await page.getByLabel('Intelligence', { exact: true }).fill('A second van collects the takings on Fridays.');
    await page.getByLabel('Source evaluation').selectOption('A');
    await page.getByLabel('Intelligence assessment').selectOption('2');
    await page.getByLabel('Handling code').selectOption('4');
    await page.getByLabel('Day', { exact: true }).fill('9');
    await page.getByLabel('Month', { exact: true }).fill('3');
    await page.getByLabel('Year', { exact: true }).fill('2007');
    await page.getByLabel('Kind of entity 1').selectOption('vehicle');
    await page.getByLabel('Entity 1 as written').fill(c.restrictedVehicle);
    await follow(page, page.getByRole('button', { name: 'Submit report' }));
    expect(await heading(page)).toBe('Intelligence report, graded A24');
    expect(await page.locator('main').innerText()).toContain(`nobody outside ${MET} can see this report`);
    const restrictedReport = new URL(page.url()).pathname;
    await signOut(page);

    // The analyst finds the phone however it is written…
    const analystPage = await people.analyst.newPage();
    await signIn(analystPage, analyst.email, analyst.password);
    await visit(analystPage, '/network');
    await analystPage.getByLabel('Phone, vehicle registration, name or address').fill(c.phone.replace(/\s/g, '-'));
    await follow(analystPage, analystPage.getByRole('button', { name: 'Search' }));
    expect(await analystPage.getByRole('heading', { name: '1 found' }).count()).toBe(1);
    await follow(analystPage, analystPage.locator('main table tbody').getByRole('link', { name: c.e164 }));
    expect(await heading(analystPage)).toBe(c.e164);

    // …with the three people who carry it, across two forces; the potential victim by a pseudonym.
    const carriers = await tableUnder(analystPage, 'Person (3)');
    expect(column(carriers, 0)).toEqual(expect.arrayContaining([c.metSuspect, c.wmSuspect]));
    expect(column(carriers, 0).filter((name) => name.startsWith('Potential victim '))).toHaveLength(1);
    const evidence = column(carriers, 1).join('\n');
    expect(evidence).toContain(MET);
    expect(evidence).toContain(WEST_MIDLANDS);
    expect(evidence).toContain('graded B21 (5x5x5)');
    expect(await analystPage.locator('main').innerText()).not.toContain(c.metVictim);
    expect(await drawnEntities(analystPage)).toBe(mode === 'with JavaScript' ? 4 : null);

    // Expanded to two steps: the two premises where they were found, and the suspect's vehicle.
    await follow(analystPage, analystPage.getByRole('link', { name: 'Expand to two steps' }));
    const further = await tableUnder(analystPage, 'Two steps away (3)');
    expect(column(further, 1).sort()).toEqual(['Premises', 'Premises', 'Vehicle']);
    const premises = column(further.filter((row) => row[1] === 'Premises'), 0);
    expect(premises.some((label) => label.startsWith(c.metPremises))).toBe(true);
    expect(premises.some((label) => label.startsWith(c.wmPremises))).toBe(true);
    expect(further.find((row) => row[1] === 'Vehicle')?.[2]).toBe(c.metSuspect);
    expect(await drawnEntities(analystPage)).toBe(mode === 'with JavaScript' ? 7 : null);
    if (mode === 'with JavaScript') await screenshot(analystPage, 'network-phone-expanded');
    const expandedUrl = analystPage.url();
    if (mode === 'with JavaScript') {
      // The drawing works from the keyboard: Tab reaches it, N selects the centre (the phone) and
      // says so, N again the next entity by name, Enter opens the selected entity's page.
      const drawing = analystPage.locator('.lifeline-network-drawing');
      await drawing.focus();
      await analystPage.keyboard.press('n');
      expect(await drawing.getAttribute('data-selected')).toBe(`phone:${c.e164}`);
      expect(await analystPage.locator('[aria-live="polite"]').innerText()).toContain(`Selected: ${c.e164} (Phone)`);
      await analystPage.keyboard.press('n');
      const next = await drawing.getAttribute('data-selected');
      expect(next).not.toBe(`phone:${c.e164}`);
      await Promise.all([analystPage.waitForURL((url) => url.searchParams.get('id') === next), analystPage.keyboard.press('Enter')]);
      await visit(analystPage, expandedUrl);
    }

    // The shortest path between the two suspects, from the Metropolitan suspect's page, with the
    // records of both forces (and the report) that justify each step.
    await visit(analystPage, `/network?q=${encodeURIComponent(c.wmSuspect)}`);
    const wmSuspectKey = (await analystPage.locator('main table tbody tr', { hasText: c.wmSuspect }).locator('code').innerText()).trim();
    await visit(analystPage, expandedUrl);
    await follow(analystPage, analystPage.locator('main table').first().getByRole('link', { name: c.metSuspect }));
    expect(await heading(analystPage)).toBe(c.metSuspect);
    await follow(analystPage, analystPage.getByRole('link', { name: 'Find a path from here' }));
    await analystPage.getByLabel('To (entity key)').fill(wmSuspectKey);
    await follow(analystPage, analystPage.getByRole('button', { name: 'Find the path' }));
    expect(await analystPage.getByRole('heading', { name: '2 steps' }).count()).toBe(1);
    const steps = await tableUnder(analystPage, '2 steps');
    expect(steps.map((row) => [row[0], row[1]])).toEqual([[c.metSuspect, c.e164], [c.e164, c.wmSuspect]]);
    expect(steps[0]?.[2]).toContain(`owns: person-found, ${MET}`);
    expect(steps[0]?.[2]).toContain('graded B21 (5x5x5)');
    expect(steps[1]?.[2]).toContain(`owns: person-found, ${WEST_MIDLANDS}`);

    // The expanded neighbourhood saved as a chart, drawn again where it was laid out.
    await visit(analystPage, expandedUrl);
    await follow(analystPage, analystPage.getByRole('link', { name: 'Save as a chart' }));
    expect(await heading(analystPage)).toBe('Save a chart');
    const chartName = `Phone ${c.phone} across two forces`;
    await analystPage.getByLabel('Name of the chart').fill(chartName);
    await analystPage.getByLabel('Notes (optional)').fill('Same phone at a Met nail bar and a West Midlands car wash.');
    await follow(analystPage, analystPage.getByRole('button', { name: 'Save chart' }));
    expect(await heading(analystPage)).toBe(chartName);
    const chartEntities = await tableUnder(analystPage, 'Entities (7)');
    expect(column(chartEntities, 0)).toEqual(expect.arrayContaining([c.e164, c.metSuspect, c.wmSuspect, c.vehicle.replace(/\s/g, '')]));
    expect(await drawnEntities(analystPage)).toBe(mode === 'with JavaScript' ? 7 : null);
    if (mode === 'with JavaScript') await screenshot(analystPage, 'network-chart');
    await visit(analystPage, '/network/charts');
    expect(await analystPage.locator('main table tbody').getByRole('link', { name: chartName }).count()).toBe(1);
    // The analyst of another agency does not see the report kept within the Metropolitan Police either.
    expect(await visit(analystPage, restrictedReport)).toBe(404);
    await signOut(analystPage);

    // A Kent officer reads the open report, but the restricted one does not exist for them, nor
    // does the vehicle only it names.
    const kentPage = await people.kent.newPage();
    await signIn(kentPage, KENT_OFFICER.email, KENT_OFFICER.password);
    expect(await visit(kentPage, openReport)).toBe(200);
    expect(await visit(kentPage, restrictedReport)).toBe(404);
    expect(await heading(kentPage)).toBe('Page not found');
    await visit(kentPage, '/intelligence');
    expect(await kentPage.locator(`main a[href="${restrictedReport}"]`).count()).toBe(0);
    expect(await kentPage.locator(`main a[href="${openReport}"]`).count()).toBe(1);
    await visit(kentPage, `/network?q=${encodeURIComponent(c.restrictedVehicle)}`);
    expect(await kentPage.getByRole('heading', { name: '0 found' }).count()).toBe(1);
    await visit(kentPage, `/network?q=${encodeURIComponent(c.vehicle)}`);
    expect(await kentPage.getByRole('heading', { name: '1 found' }).count()).toBe(1);
    expect(await visit(kentPage, `/network/entity?id=${encodeURIComponent(`vehicle:${c.restrictedVehicle.replace(/\s/g, '')}`)}`)).toBe(404);
    await signOut(kentPage);

    for (const context of Object.values(people)) {
      expectNoPageProblems(context);
      await context.close();
    }
  });
});

// Debian's Chromium driven by playwright-core: no browser download, the same binary the team uses.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export type JavaScriptMode = 'with JavaScript' | 'without JavaScript';
export const JAVASCRIPT_MODES: readonly JavaScriptMode[] = ['with JavaScript', 'without JavaScript'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['LIFELINE_E2E_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const withoutJavaScript = new WeakSet<BrowserContext>();
const problemsOf = new WeakMap<BrowserContext, string[]>();

export function runsJavaScript(context: BrowserContext): boolean {
  return !withoutJavaScript.has(context);
}

/** A fresh context is a fresh cookie jar: one per person in a journey, so sessions never leak between them. */
export async function newContext(browser: Browser, baseUrl: string, mode: JavaScriptMode): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: mode === 'with JavaScript', viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(10_000);
  if (mode === 'without JavaScript') withoutJavaScript.add(context);
  const problems: string[] = [];
  problemsOf.set(context, problems);
  context.on('page', (page) => watch(page, problems));
  return context;
}

/**
 * A page can look right and still be broken underneath: a script that throws, a stylesheet or
 * script that 404s, a CSP that blocks our own code. Those are collected here and asserted at
 * the end of each journey. Error pages we navigate to on purpose are documents, not subresources.
 */
function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} for ${response.request().resourceType()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'unknown';
    // Moving on to the next page cancels what the last one was still fetching (its favicon, say): not a fault of the page.
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${new URL(request.url()).pathname} (${reason})`);
  });
}

export function expectNoPageProblems(context: BrowserContext): void {
  expect(problemsOf.get(context) ?? [], 'script errors and failed subresources').toEqual([]);
}

// axe-core in the page under test. It goes in through the DevTools protocol rather than a
// <script> tag, so the pages' strict CSP does not stop it.
import axe from 'axe-core';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { runsJavaScript } from './browser.ts';
import type { PageGlobals } from './page.ts';

export interface Violation { rule: string; impact: string; targets: string[]; help: string }

const BLOCKING = new Set(['serious', 'critical']);

async function violationsIn(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => (globalThis as unknown as PageGlobals).axe !== undefined);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const inPage = globalThis as unknown as Required<PageGlobals>;
    const outcome = await inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
    return outcome.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

interface Auditor { page: Page; serve: { url: string; html: string } | null }
const auditors = new WeakMap<Browser, Promise<Auditor>>();

async function openAuditor(browser: Browser): Promise<Auditor> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const auditor: Auditor = { page: await context.newPage(), serve: null };
  await auditor.page.route((url) => auditor.serve !== null && url.href === auditor.serve.url, async (route) => {
    const serve = auditor.serve;
    if (serve === null) return route.continue();
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: serve.html });
  });
  return auditor;
}

/**
 * axe waits on timers, and a page with JavaScript disabled never fires them. So the page's
 * current DOM is served again, at the same address (same stylesheet, same origin), to a page
 * that can run timers but whose CSP forbids the page's own scripts: axe sees exactly what a
 * person without JavaScript sees.
 */
async function violationsWithoutJavaScript(page: Page, html: string): Promise<Violation[]> {
  const browser = page.context().browser();
  if (browser === null) throw new Error('The page has no browser to audit it in');
  // With scripting on, the copy would parse <noscript> as text and axe would never see what it holds.
  if (/<noscript[\s>]/i.test(html)) throw new Error('The page has <noscript>: its audit copy would not show it; audit it another way');
  let pending = auditors.get(browser);
  if (pending === undefined) {
    pending = openAuditor(browser);
    auditors.set(browser, pending);
  }
  const auditor = await pending;
  await auditor.page.setViewportSize(page.viewportSize() ?? { width: 1200, height: 900 });
  auditor.serve = { url: page.url().split('#')[0] ?? page.url(), html };
  try {
    await auditor.page.goto(auditor.serve.url);
  } finally {
    auditor.serve = null;
  }
  const scriptsRan = await auditor.page.evaluate(() => (globalThis as unknown as PageGlobals).document.body.classList.contains('govuk-frontend-supported'));
  if (scriptsRan) throw new Error('The audit copy ran the page’s scripts, so it is not the page without JavaScript');
  return violationsIn(auditor.page);
}

/**
 * axe's verdict depends only on the DOM, the stylesheet and the viewport, so a page already
 * audited in the same state (the sign-in form, again) is not audited twice. Per-request tokens
 * are left out of the comparison; anything else that differs means a fresh audit.
 */
const audited = new Map<string, Violation[]>();

function auditKey(page: Page, javaScript: boolean, html: string): string {
  const stable = html.replace(/(name="_csrf" value=")[^"]*"/g, '$1"').replace(/nonce="[^"]*"/g, '');
  const viewport = page.viewportSize();
  return createHash('sha256').update(`${javaScript}|${viewport?.width}x${viewport?.height}|${stable}`).digest('hex');
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  const javaScript = runsJavaScript(page.context());
  const html = await page.content();
  const key = auditKey(page, javaScript, html);
  let violations = audited.get(key);
  if (violations === undefined) {
    violations = javaScript ? await violationsIn(page) : await violationsWithoutJavaScript(page, html);
    audited.set(key, violations);
  }
  return violations.filter((violation) => BLOCKING.has(violation.impact));
}

/** Fails the test with every serious or critical violation on the page, so one run shows them all. */
export async function expectAccessible(page: Page): Promise<void> {
  const blocking = await seriousViolations(page);
  const where = new URL(page.url()).pathname;
  expect(blocking.map((v) => `${v.impact} ${v.rule} (${v.help}) at ${v.targets.join(', ')}`), `serious or critical accessibility violations on ${where}`).toEqual([]);
}

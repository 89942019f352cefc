// One server and one browser per test file: files run one after another, and a fresh database
// per file keeps each file's journeys independent of the others.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newContext, type JavaScriptMode } from './browser.ts';
import { startLifeline, type LifelineSeed, type RunningLifeline } from './server.ts';

export interface Harness {
  /** A new person at a new browser: own cookies, JavaScript on or off. */
  person(mode: JavaScriptMode): Promise<BrowserContext>;
  readonly baseUrl: string;
}

export function useLifeline(environment: Record<string, string> = {}, seed: LifelineSeed = {}): Harness {
  let server: RunningLifeline | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startLifeline(environment, seed);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (server === undefined || browser === undefined) throw new Error('Lifeline is not running: use the harness inside a test');
    return { server, browser };
  };
  return {
    person: async (mode) => {
      const { server: running, browser: chromium } = started();
      return newContext(chromium, running.baseUrl, mode);
    },
    get baseUrl() {
      return started().server.baseUrl;
    },
  };
}

// One server and one browser per test file: files run one after another, and a fresh database
// per file keeps each file's journeys independent of the others.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newContext, type JavaScriptMode } from './browser.ts';
import { startLifeline, type LifelineControls, type LifelineSeed, type RunningLifeline } from './server.ts';

export interface Harness {
  /** A new person at a new browser: own cookies, JavaScript on or off. */
  person(mode: JavaScriptMode): Promise<BrowserContext>;
  readonly baseUrl: string;
  /** The running instance, for a journey that drives its reminders or checks what was stored. */
  readonly server: RunningLifeline;
}

export function useLifeline(environment: Record<string, string> = {}, seed: LifelineSeed = {}, controls: LifelineControls = {}): Harness {
  let server: RunningLifeline | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startLifeline(environment, seed, controls);
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
    get server() {
      return started().server;
    },
  };
}

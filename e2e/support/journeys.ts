// The steps people take, written once so that each journey reads as what a person does.
// Every page a step lands on is checked with axe before the journey moves on.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/demo/signInAccounts.ts';
import type { Role } from '../../src/access/roles.ts';
import { expectAccessible } from './axe.ts';

export const GENERIC_SIGN_IN_FAILURE = 'Enter a correct email address and password. After several wrong attempts an account is locked for a while.';

export function demoAccount(role: Role, organisationCode: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.organisationCode === organisationCode);
  if (account === undefined) throw new Error(`No demo ${role} at ${organisationCode}`);
  return account;
}

/** Navigates and audits; returns the status so a journey can assert on error pages. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url);
  if (response === null) throw new Error(`No response for ${url}`);
  await expectAccessible(page);
  return response.status();
}

/**
 * Clicks something that submits or navigates, waits for the next page, then audits it.
 * waitForNavigation is marked deprecated because it races when started after the click; started
 * before it, it is the one call that follows a POST through its 303 to the page and its status.
 */
export async function follow(page: Page, target: Locator): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), target.click()]);
  await expectAccessible(page);
  return response?.status() ?? 0;
}

export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').first().innerText()).trim();
}

export async function signIn(page: Page, email: string, password: string): Promise<number> {
  if (new URL(page.url()).pathname !== '/sign-in') await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  return follow(page, page.getByRole('button', { name: 'Sign in', exact: true }));
}

export async function signOut(page: Page): Promise<void> {
  await follow(page, page.getByRole('button', { name: 'Sign out' }));
  expect(new URL(page.url()).pathname).toBe('/sign-in');
}

export async function errorSummary(page: Page): Promise<string[]> {
  const summary = page.locator('.govuk-error-summary');
  await expect.poll(() => summary.count()).toBe(1);
  expect(await summary.locator('.govuk-error-summary__title').innerText()).toBe('There is a problem');
  return (await summary.locator('.govuk-error-summary__list li').allInnerTexts()).map((text) => text.trim());
}

const SCREENSHOTS = path.join(import.meta.dirname, '..', 'screenshots');

/** Screenshots are for people to look at; the folder is not committed. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Adds a user through the Users pages and returns the temporary password shown once. */
export async function addUser(page: Page, user: { name: string; email: string; roleLabel: string }): Promise<string> {
  await visit(page, '/users');
  await follow(page, page.getByRole('button', { name: 'Add a user' }));
  expect(await heading(page)).toBe('Add a user');
  await page.getByLabel('Full name').fill(user.name);
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel(user.roleLabel, { exact: true }).check();
  await follow(page, page.getByRole('button', { name: 'Add user' }));
  expect(await heading(page)).toBe('Temporary password');
  const password = (await page.locator('.lifeline-secret').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  return password;
}

import { randomBytes } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

/** Debian's Chromium; nothing is downloaded. CHROMIUM_PATH points elsewhere when needed. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const context = () => inject('e2e');

/** Screen sizes the pages are looked at in: a phone and an office screen. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/**
 * For a describe block: one browser for its tests, and a page of a fresh context (Latvian, the
 * size given) for each person a test needs, closed after that test.
 */
export function browserPages(): (viewport: { width: number; height: number }) => Promise<Page> {
  let browser: Browser;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  return async (viewport) => {
    const page = await (await browser.newContext({ locale: 'lv-LV', viewport })).newPage();
    pages.push(page);
    return page;
  };
}

export const unique = () => randomBytes(3).toString('hex');

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(context().baseUrl);
  await page.getByLabel(/E-pasta adrese|Email address/).fill(email);
  await page.getByLabel(/^Parole|^Password/).fill(password);
  await page.getByRole('button', { name: /^Pieteikties$|^Sign in$/ }).click();
  await page.getByRole('navigation', { name: /Galvenā izvēlne|Main navigation/ }).waitFor();
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join('; ')})`,
    );
  expect(serious).toEqual([]);
}

/** The administrator's session for setting up data through the API, as an integration would. */
export async function adminApi() {
  const { baseUrl, adminEmail, adminPassword } = context();
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: adminEmail, password: adminPassword }),
  });
  if (!login.ok) throw new Error(`admin sign-in failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async function post<T>(path: string, body: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { context, expectAccessible, launchBrowser, signIn } from './support';

describe('the working-day calendar in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'lv-LV' })).newPage();
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);
  });
  afterEach(() => page.context().close());

  const cell = (day: number) =>
    page
      .locator('table.month td')
      .filter({ has: page.locator('.day-number', { hasText: new RegExp(`^${day}$`) }) });

  it('shows May 2025 with the weekend rule, a transfer and a shortened day, and lets the administrator switch transfers off', async () => {
    await page.goto(`${context().baseUrl}/organisation/calendar?month=2025-05`);
    await page.getByRole('heading', { name: '2025. g. maijs' }).waitFor();
    expect(await cell(5).textContent()).toContain('Svētku diena');
    expect(await cell(5).textContent()).toContain('pārceltā brīvdiena');
    expect(await cell(2).textContent()).toContain('Pārcelta brīvdiena');
    expect(await cell(10).textContent()).toContain('Pārcelta darba diena');
    await expectAccessible(page);

    await page.getByRole('button', { name: /Iepriekšējais mēnesis/ }).click();
    await page.getByRole('heading', { name: '2025. g. aprīlis' }).waitFor();
    await expect.poll(() => cell(17).textContent()).toContain('08:00–16:00 (saīsināta)');

    await page.getByRole('button', { name: /Nākamais mēnesis/ }).click();
    await page.getByLabel(/Ievērot Ministru kabineta rīkojumus/).uncheck();
    // Worked again, and the last working day before the 5 May holiday: an hour shorter.
    await expect.poll(() => cell(2).textContent()).toContain('08:00–15:00 (saīsināta)');
    expect(await cell(10).textContent()).not.toContain('Pārcelta darba diena');
    await page.getByLabel(/Ievērot Ministru kabineta rīkojumus/).check();
    await expect.poll(() => cell(2).textContent()).toContain('Pārcelta brīvdiena');
  });

  it('takes a day off declared by law from the administrator and shows it in the month', async () => {
    await page.goto(`${context().baseUrl}/organisation/calendar?month=2027-09`);
    const panel = page.getByRole('region', { name: /Ar likumu noteiktās papildu brīvdienas/ });
    await panel.getByLabel('Datums').fill('2027-09-28');
    await panel.getByLabel('Nosaukums').fill('Svinību diena');
    await panel.getByLabel('Tiesību akts').fill('Grozījumi likumā (pārbaude)');
    await panel.getByRole('button', { name: 'Pievienot brīvdienu' }).click();
    await panel.getByRole('cell', { name: /Svinību diena/ }).waitFor();
    await expect.poll(() => cell(28).textContent()).toContain('Svinību diena');
    // The Monday before it is an hour shorter.
    expect(await cell(27).textContent()).toContain('08:00–16:00 (saīsināta)');
    await expectAccessible(page);
  });

  it('works out when a reply is due', async () => {
    await page.goto(`${context().baseUrl}/organisation/calendar?month=2025-04`);
    const calculator = page.getByRole('region', { name: 'Kad jāatbild?' });
    await calculator.getByLabel('Saņemts').fill('2025-04-17');
    await calculator
      .getByLabel('Termiņa noteikums')
      .selectOption({ label: 'Atbilde ārējam klientam rakstiski' });
    await calculator.getByRole('button', { name: 'Aprēķināt' }).click();
    await expect
      .poll(() => calculator.getByRole('status').textContent())
      .toContain('Termiņš: 24.04.2025, līdz');
  });
});

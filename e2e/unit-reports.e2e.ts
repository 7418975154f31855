import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  adminApi,
  context,
  expectAccessible,
  launchBrowser,
  signIn,
  unique,
} from './support';

const PASSWORD = 'unit-reports-e2e-password';

/** A centre serving external clients, its head and the head of client service (clause 29). */
async function centreWithHeads(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Pārskatu pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string; name: string }>('/units', {
    institutionId: institution.id,
    name: `Pārskatu centrs ${tag}`,
    kind: 'client_service_centre',
    servesExternalClients: true,
  });
  const person = async (givenName: string, surname: string, roles: string[], inUnit: boolean) => {
    const email = `${givenName.toLowerCase()}.${tag}@example.lv`;
    await post('/staff', {
      givenName,
      surname: `${surname}${tag}`,
      position: 'Vadītāja',
      email,
      roles,
      units: inUnit ? [{ unitId: unit.id, primary: true }] : [],
      password: PASSWORD,
    });
    return { email, name: `${givenName} ${surname}${tag}` };
  };
  const unitHead = await person('Ilze', 'Centra', ['unit_head'], true);
  const head = await person('Dace', 'Pārvaldes', ['client_service_head'], false);
  return { unit, unitHead, head };
}

describe('yearly unit reports in the browser (29)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  afterEach(() => page.context().close());

  const open = async (email: string, viewport: { width: number; height: number }) => {
    page = await (await browser.newContext({ locale: 'lv-LV', viewport: DESKTOP })).newPage();
    // Signed in where the main navigation shows; on a phone it folds into a menu.
    await signIn(page, email, PASSWORD);
    await page.setViewportSize(viewport);
    await page.goto(`${context().baseUrl}/quality/unit-reports`);
    await page.getByRole('heading', { name: 'Struktūrvienību gada pārskati', level: 1 }).waitFor();
  };

  it('lets a unit head submit once the shortcomings are written, and the head of client service see it', async () => {
    const { unit, unitHead, head } = await centreWithHeads(unique());
    await open(unitHead.email, DESKTOP);
    const row = page.getByRole('row').filter({ hasText: unit.name });
    expect(await row.textContent()).toContain('Nav iesniegts');
    await page.getByRole('button', { name: `Sākt pārskatu: ${unit.name}` }).click();
    await page.getByRole('heading', { name: new RegExp(`${unit.name} — pārskats`) }).waitFor();

    // Measures alone: the submission is refused beside the field it needs, and nothing is lost.
    await page.getByLabel('Veicamie pasākumi').fill('Pagarināt pieņemšanas laiku pirmdienās');
    await page.getByRole('button', { name: 'Iesniegt pārskatu' }).click();
    const shortcomings = page.locator('.field-invalid', { hasText: 'Konstatētās nepilnības' });
    await shortcomings.getByText('Obligāti aizpildāms lauks.').waitFor();
    expect(await page.getByLabel('Konstatētās nepilnības').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.getByLabel('Veicamie pasākumi').inputValue()).toBe(
      'Pagarināt pieņemšanas laiku pirmdienās',
    );
    await expectAccessible(page);

    // Saved as a draft: the form fills afresh from the saved version, the notice stays.
    await page.getByLabel('Konstatētās nepilnības').fill('Pirmdienās garas rindas');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByRole('status').filter({ hasText: 'Saglabāts.' }).waitFor();
    expect(await page.getByLabel('Konstatētās nepilnības').inputValue()).toBe(
      'Pirmdienās garas rindas',
    );

    // Submitted again: no conflict with the refused try.
    await page.getByRole('button', { name: 'Iesniegt pārskatu' }).click();
    await page.getByRole('status').filter({ hasText: 'Iesniegts.' }).waitFor();
    expect(await page.getByText(`Iesniedza ${unitHead.name}`).count()).toBe(1);
    expect(await page.getByText('Pirmdienās garas rindas').count()).toBe(1);
    await page.context().close();

    // The head of client service, on a phone: the centre's card says who submitted it.
    await open(head.email, PHONE);
    // A card is still the table's row underneath.
    const card = page.locator('tr', { hasText: unit.name });
    await expect.poll(() => card.textContent()).toContain('Iesniegts');
    expect(await card.textContent()).toContain(unitHead.name);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page);
  });
});

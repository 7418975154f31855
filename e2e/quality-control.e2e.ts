import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  adminApi,
  browserPages,
  context,
  expectAccessible,
  signIn,
  unique,
} from './support';

const PASSWORD = 'control-e2e-password';

/** Two centres of their own, the head of client service, and the unit head of the first. */
async function centresWithHeads(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Kontroles pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = (name: string) =>
    post<{ id: string; name: string }>('/units', {
      institutionId: institution.id,
      name,
      kind: 'client_service_centre',
    });
  const mine = await unit(`Kontroles centrs ${tag}`);
  const other = await unit(`Citu centrs ${tag}`);
  const person = async (givenName: string, roles: string[], unitId: string | null) => {
    const email = `${givenName.toLowerCase()}.${tag}@example.lv`;
    await post('/staff', {
      givenName,
      surname: `Kontrole${tag}`,
      position: 'Vadītāja',
      email,
      roles,
      units: unitId ? [{ unitId, primary: true }] : [],
      password: PASSWORD,
    });
    return email;
  };
  const head = await person('Dace', ['client_service_head'], null);
  const unitHead = await person('Laura', ['unit_head'], mine.id);
  return { mine, other, head, unitHead };
}

async function praise(unitId: string, tag: string): Promise<void> {
  const response = await fetch(`${context().baseUrl}/api/public/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'praise',
      unitId,
      text: `Paldies par ātru palīdzību (${tag}).`,
      website: '',
    }),
  });
  if (response.status !== 201) throw new Error(`feedback: ${response.status}`);
}

async function openControl(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Standarta kontrole' }).click();
  await page.getByRole('heading', { name: 'Standarta ievērošanas kontrole', level: 1 }).waitFor();
  await page.getByRole('table').waitFor();
}

const tile = (page: Page, name: string) =>
  page.locator('.control-tile').filter({ has: page.getByText(name, { exact: true }) });

describe('the standard’s control in the browser', () => {
  const newPage = browserPages();

  it('shows the head of client service a unit’s figures for the period chosen, with the CSV', async () => {
    const tag = unique();
    const { mine, other, head } = await centresWithHeads(tag);
    await praise(mine.id, tag);

    const page = await newPage(DESKTOP);
    await signIn(page, head, PASSWORD);
    await openControl(page);
    await expectAccessible(page);

    const unitSelect = page.getByLabel('Struktūrvienība', { exact: true });
    await expect
      .poll(() => unitSelect.locator('option').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(mine.name),
          expect.stringContaining(other.name),
        ]),
      );
    await unitSelect.selectOption(mine.id);
    await page.getByRole('table', { name: `Rādītāji: ${mine.name}` }).waitFor();

    // The months are named in words; the period narrows to this month alone.
    const to = page.getByLabel('Līdz mēnesim', { exact: true });
    const thisMonth = await to.inputValue();
    const thisMonthName = (await to.locator(`option[value="${thisMonth}"]`).textContent()) ?? '';
    expect(thisMonthName).toMatch(/^[a-zāēīūčšžģķļņ]+ \d{4}$/);
    await page.getByLabel('No mēneša', { exact: true }).selectOption(thisMonth);
    await expect.poll(() => page.getByRole('columnheader').count()).toBe(3);

    await expect
      .poll(() => tile(page, 'Saņemtas atsauksmes').locator('.control-tile-value').textContent())
      .toBe('1');
    await expect
      .poll(() => tile(page, 'Kavēti pieprasījumi').locator('.control-tile-note').textContent())
      .toBe('Šobrīd');
    const praiseRow = page.getByRole('row', { name: /^Uzslavas/ });
    await expect.poll(() => praiseRow.getByRole('cell').allTextContents()).toEqual(['1', '1']);

    const csv = page.getByRole('link', { name: 'Lejupielādēt CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toContain(`unitId=${mine.id}`);
    expect(href).toContain(`from=${thisMonth}`);
    const download = await page.request.get(new URL(href, context().baseUrl).toString());
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain(mine.name);
  });

  it('offers a unit head on a phone only their own unit', async () => {
    const tag = unique();
    const { mine, other, unitHead } = await centresWithHeads(tag);

    const page = await newPage(DESKTOP);
    await signIn(page, unitHead, PASSWORD);
    await page.setViewportSize(PHONE);
    await page.getByRole('button', { name: 'Izvēlne' }).click();
    await openControl(page);
    await expectAccessible(page);

    const options = page.getByLabel('Struktūrvienība', { exact: true }).locator('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['Visas struktūrvienības', mine.name]);
    expect(await options.allTextContents()).not.toContain(other.name);
    await page.getByRole('table', { name: `Rādītāji: ${mine.name}` }).waitFor();

    // Another unit asked for by address is refused, not shown.
    await page.goto(`${context().baseUrl}/quality/control?unitId=${other.id}`);
    await page.getByRole('alert').waitFor();
    await expect.poll(() => page.getByRole('table').count()).toBe(0);
  });
});

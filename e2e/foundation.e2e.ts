import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addCalendarDays, rigaDateOf } from '../src/domain/riga-time';
import { adminApi, context, expectAccessible, launchBrowser, signIn, unique } from './support';

describe('the foundation in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'lv-LV' })).newPage();
  });
  afterEach(() => page.context().close());

  it('refuses a wrong password with a message a clerk understands', async () => {
    await page.goto(context().baseUrl);
    await expectAccessible(page);
    await page.getByLabel('E-pasta adrese').fill(context().adminEmail);
    await page.getByLabel('Parole').fill('not the password');
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Nepareiza e-pasta adrese vai parole');
  });

  it('signs in from a bookmarked sign-in address onto the start page', async () => {
    const { baseUrl, adminEmail, adminPassword } = context();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('E-pasta adrese').fill(adminEmail);
    await page.getByLabel('Parole').fill(adminPassword);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await page.getByRole('navigation', { name: 'Galvenā izvēlne' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/login');
    expect(await page.getByRole('heading', { name: 'Lapa nav atrasta' }).count()).toBe(0);
  });

  it('switches to English and remembers the choice', async () => {
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('lv');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('link', { name: 'Whom do I ask?' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Whom do I ask?' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'LV' }).click();
    await page.getByRole('link', { name: 'Kam jautāt?' }).waitFor();
  });

  it('creates a unit and a staff member, records an absence and finds the colleague', async () => {
    const tag = unique();
    const post = await adminApi();
    const institution = await post<{ id: string; name: string }>('/institutions', {
      name: `Pārbaudes pašvaldība ${tag}`,
      kind: 'municipality',
    });
    const substitute = await post<{ id: string }>('/staff', {
      givenName: 'Valters',
      surname: `Aizvietotājs${tag}`,
      position: 'Speciālists',
      email: `valters.${tag}@example.lv`,
    });
    expect(substitute.id).toBeTruthy();
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);

    // A unit, with its opening hours.
    await page.getByRole('link', { name: 'Struktūrvienības' }).click();
    await page.getByRole('button', { name: 'Pievienot struktūrvienību' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'Jauna struktūrvienība' });
    await unitDialog.getByLabel('Iestāde').selectOption({ label: institution.name });
    await unitDialog.getByLabel('Nosaukums').fill(`Klientu centrs ${tag}`);
    await unitDialog.getByLabel('Veids').selectOption({ label: 'Klientu apkalpošanas centrs' });
    await expectAccessible(page);
    await unitDialog.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByRole('row', { name: new RegExp(`Klientu centrs ${tag}`) }).waitFor();
    await expectAccessible(page);

    // A staff member in that unit.
    await page.getByRole('link', { name: 'Darbinieki' }).click();
    await page.getByRole('button', { name: 'Pievienot darbinieku' }).click();
    const staffDialog = page.getByRole('dialog', { name: 'Jauns darbinieks' });
    await staffDialog.getByLabel('Vārds', { exact: true }).fill('Ērika');
    await staffDialog.getByLabel('Uzvārds').fill(`Bērziņa${tag}`);
    await staffDialog.getByLabel('Amats').fill('Klientu apkalpošanas speciāliste');
    await staffDialog.getByLabel('E-pasts').fill(`erika.${tag}@example.lv`);
    await staffDialog.getByLabel(/Kompetences/).fill('e-adrese, deklarētā dzīvesvieta');
    await staffDialog.getByLabel(`Klientu centrs ${tag}`).check();
    await expectAccessible(page);
    await staffDialog.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByRole('status').filter({ hasText: 'Saglabāts' }).waitFor();
    await page.getByLabel('Meklēt darbinieku').fill(`berzina${tag}`);
    await page.getByRole('row', { name: new RegExp(`Ērika Bērziņa${tag}`) }).waitFor();
    await expectAccessible(page);

    // Her absence, with a substitute chosen by typing without diacritics.
    const today = rigaDateOf(new Date());
    await page.getByRole('link', { name: 'Prombūtnes' }).click();
    await page.getByRole('button', { name: 'Reģistrēt prombūtni' }).click();
    const absenceDialog = page.getByRole('dialog', { name: 'Jauna prombūtne' });
    const person = absenceDialog.getByRole('group', { name: 'Darbinieks' });
    await person.getByRole('searchbox').fill(`erika berzina${tag}`);
    await person
      .getByRole('combobox')
      .selectOption({ label: `Ērika Bērziņa${tag} — Klientu apkalpošanas speciāliste` });
    await absenceDialog.getByLabel('Veids').selectOption({ label: 'Atvaļinājums' });
    await absenceDialog.getByLabel('No').fill(today);
    await absenceDialog.getByLabel('Līdz (ieskaitot)').fill(addCalendarDays(today, 3));
    const substituteGroup = absenceDialog.getByRole('group', { name: /Aizvietotājs/ });
    await substituteGroup.getByRole('searchbox').fill(`aizvietotajs${tag}`);
    await substituteGroup
      .getByRole('combobox')
      .selectOption({ label: `Valters Aizvietotājs${tag} — Speciālists` });
    await expectAccessible(page);
    await absenceDialog.getByRole('button', { name: 'Saglabāt' }).click();
    const awayToday = page.getByRole('region', { name: /Šodien prombūtnē/ });
    await awayToday.getByRole('row', { name: new RegExp(`Ērika Bērziņa${tag}`) }).waitFor();
    await expectAccessible(page);

    // "Whom do I ask?" finds her without diacritics and names her stand-in.
    await page.getByRole('link', { name: 'Kam jautāt?' }).click();
    await page.getByLabel(/Vārds, uzvārds, amats/).fill(`berzina${tag}`);
    const row = page.getByRole('row', { name: new RegExp(`Ērika Bērziņa${tag}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Aizvieto: Valters Aizvietotājs${tag}`);
    expect(await row.textContent()).toContain('Atvaļinājums līdz');
    await expectAccessible(page);
  });

  it('issues an API token shown once, and finds the issuing in the audit log', async () => {
    const tag = unique();
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);

    await page.getByRole('link', { name: 'API pilnvaras' }).click();
    await page.getByRole('button', { name: 'Izsniegt pilnvaru' }).click();
    const dialog = page.getByRole('dialog', { name: 'Izsniegt pilnvaru' });
    await dialog.getByLabel('Nosaukums').fill(`Telefonu centrāle ${tag}`);
    await dialog.getByLabel('Speciālists').check();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Izsniegt pilnvaru' }).click();
    const tokenField = dialog.getByRole('textbox', { name: `Telefonu centrāle ${tag}` });
    await tokenField.waitFor();
    const shown = await tokenField.inputValue();
    expect(shown).toMatch(/^apk_/);
    await dialog.getByRole('button', { name: 'Aizvērt' }).last().click();
    const row = page.getByRole('row', { name: new RegExp(`Telefonu centrāle ${tag}`) });
    await row.waitFor();
    expect(await row.textContent()).not.toContain(shown);
    await expectAccessible(page);

    const asToken = await fetch(`${context().baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${shown}` },
    });
    // A system token works, but is nobody: it has no "me".
    expect(asToken.status).toBe(403);

    await page.getByRole('link', { name: 'Audita žurnāls' }).click();
    await page.getByLabel('Ieraksta veids').selectOption({ label: 'API pilnvara' });
    const entry = page.getByRole('row', { name: new RegExp(`Telefonu centrāle ${tag}`) });
    await entry.waitFor();
    await entry.getByRole('button', { name: 'Sīkāk' }).click();
    await page.getByRole('rowheader', { name: 'roles', exact: true }).waitFor();
    await expectAccessible(page);
  });

  it('shows a specialist no administration and no way to change the organisation', async () => {
    const tag = unique();
    const post = await adminApi();
    await post('/staff', {
      givenName: 'Sintija',
      surname: `Speciāliste${tag}`,
      position: 'Speciāliste',
      email: `sintija.${tag}@example.lv`,
      roles: ['specialist'],
      password: 'specialist-password',
    });
    await signIn(page, `sintija.${tag}@example.lv`, 'specialist-password');
    expect(await page.getByRole('link', { name: 'Audita žurnāls' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Struktūrvienības' }).click();
    await page.getByRole('heading', { name: 'Struktūrvienības', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Pievienot struktūrvienību' }).count()).toBe(0);
    await page.goto(`${context().baseUrl}/admin/audit`);
    await page.getByText('Jums nav tiesību skatīt šo sadaļu.').waitFor();
  });
});

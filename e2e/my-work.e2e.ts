import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, expectAccessible, launchBrowser, signIn, unique } from './support';

describe('the start page of the day’s work', () => {
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

  it('is where a clerk lands after signing in, with the queue of their centre on it', async () => {
    const tag = unique();
    const post = await adminApi();
    const institution = await post<{ id: string }>('/institutions', {
      name: `Darba pašvaldība ${tag}`,
      kind: 'municipality',
    });
    const unit = await post<{ id: string }>('/units', {
      institutionId: institution.id,
      name: `Centrs ${tag}`,
      kind: 'client_service_centre',
    });
    const email = `ilze.${tag}@example.lv`;
    const password = 'clerk-password-e2e';
    await post('/staff', {
      givenName: 'Ilze',
      surname: `Darbiniece${tag}`,
      position: 'Klientu apkalpošanas speciāliste',
      email,
      roles: ['specialist'],
      units: [{ unitId: unit.id, primary: true }],
      password,
    });
    await post('/contacts', {
      channel: 'in_person',
      unitId: unit.id,
      queue: true,
      newClient: { kind: 'person', givenName: 'Pēteris', surname: `Gaidītājs${tag}` },
      requests: [{ service: 'Dzīvesvietas deklarēšana', kind: 'consultation', unitId: unit.id }],
    });

    await signIn(page, email, password);

    await page.getByRole('heading', { level: 1, name: 'Mans darbs' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/my-work');
    const queue = page.getByRole('region', { name: /Rindā gaida/ });
    await queue.getByText(`Pēteris Gaidītājs${tag}`).waitFor();
    const firstLink = page.getByRole('navigation', { name: 'Galvenā izvēlne' }).getByRole('link');
    expect(await firstLink.first().textContent()).toBe('Mans darbs');
    await expectAccessible(page);
  });

  it('leaves those who do not serve clients on the directory', async () => {
    const tag = unique();
    const post = await adminApi();
    await post('/staff', {
      givenName: 'Andris',
      surname: `Administrators${tag}`,
      position: 'Administrators',
      email: `andris.${tag}@example.lv`,
      roles: ['administrator'],
      password: 'admin-password-e2e',
    });

    await signIn(page, `andris.${tag}@example.lv`, 'admin-password-e2e');

    await page.getByRole('heading', { level: 1, name: 'Kam jautāt?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

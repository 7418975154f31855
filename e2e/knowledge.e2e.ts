import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, context, expectAccessible, launchBrowser, signIn, unique } from './support';

/** Letters only: a search word that no other test's article has. */
const word = () => `k${unique().replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)] ?? 'x')}`;

/** A unit with a clerk who can sign in, and the administrator's API (an editor) to set up more. */
async function centre(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Zināšanu pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string }>('/units', {
    institutionId: institution.id,
    name: `Apkalpošanas centrs ${tag}`,
    kind: 'client_service_centre',
  });
  const email = `ieva.${tag}@example.lv`;
  const password = 'clerk-password-e2e';
  const clerk = await post<{ id: string }>('/staff', {
    givenName: 'Ieva',
    surname: `Konsultante${tag}`,
    position: 'Klientu apkalpošanas speciāliste',
    email,
    roles: ['specialist'],
    units: [{ unitId: unit.id, primary: true }],
    password,
  });
  return { post, unit, clerk, email, password };
}

describe('knowledge base in the browser', () => {
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

  it('finds an article typed without diacritics and sends it into a reply', async () => {
    const tag = word();
    const { post, unit, clerk, email, password } = await centre(tag);
    const title = `Kā aktivizēt e-adresi ${tag}`;
    await post('/articles', {
      kind: 'guide',
      title,
      summary: 'E-adrese nav e-pasts: to aktivizē portālā latvija.gov.lv.',
      bodyHtml:
        '<h2>Soļi</h2><ol><li>Piesakieties portālā.</li><li>Aktivizējiet e-adresi.</li></ol>',
      visibility: 'public',
      ownerId: clerk.id,
      reviewOn: '2030-01-01',
    });
    const contact = await post<{ requests: Array<{ id: string; number: string }> }>('/contacts', {
      channel: 'email',
      unitId: unit.id,
      newClient: {
        kind: 'person',
        givenName: 'Jānis',
        surname: `Rakstītājs${tag}`,
        email: `janis.${tag}@example.lv`,
      },
      requests: [{ service: 'E-adreses lietošana', kind: 'consultation', unitId: unit.id }],
    });
    const request = contact.requests[0];
    if (!request) throw new Error('the contact has no request');

    await signIn(page, email, password);
    await page.goto(`${context().baseUrl}/requests/${request.id}`);
    await page.getByRole('heading', { name: `Pieprasījums Nr. ${request.number}` }).waitFor();
    const composer = page.getByRole('region', { name: 'Atbildēt klientam' });
    await composer.getByLabel('Atbildes teksts').fill('Labdien!\nLūk, pamācība, kā rīkoties.');

    await composer.getByRole('button', { name: 'Pievienot rakstu no zināšanu bāzes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pievienot rakstu no zināšanu bāzes' });
    await dialog.getByLabel('Meklēt rakstu').fill(`aktivizet eadresi ${tag}`);
    const hit = dialog.getByRole('listitem').filter({ hasText: title });
    await hit.getByRole('heading', { name: title }).waitFor();
    await expectAccessible(page);
    await hit.getByRole('button', { name: 'Ievietot saiti' }).click();
    await hit.getByRole('button', { name: 'Pievienot kā PDF' }).click();
    await dialog.getByRole('button', { name: 'Gatavs' }).click();

    const body = composer.getByLabel('Atbildes teksts');
    await expect.poll(() => body.inputValue()).toContain('/public/kb/');
    const link = /(\S*\/public\/kb\/\S+)/.exec(await body.inputValue())?.[1] ?? '';
    await composer.getByLabel('Atbilde izpilda pieprasījumu (atzīmēt kā atbildētu)').check();
    await expectAccessible(page);
    await composer.getByRole('button', { name: 'Nosūtīt atbildi' }).click();

    const sent = page
      .getByRole('status')
      .filter({ hasText: 'Atbilde sagatavota un gaida nosūtīšanu' });
    // The article's title carries the made-up tag; when the tag has no digit, the spelling check
    // asks about it first, and the clerk sends anyway.
    const ask = composer.getByRole('alert').filter({ hasText: 'Sūtiet tāpat' });
    await sent.or(ask).first().waitFor();
    if (await ask.isVisible()) await ask.getByRole('button', { name: 'Sūtīt tāpat' }).click();
    await sent.waitFor();
    const messages = page.getByRole('region', { name: 'Starpatbildes un vēstules klientam' });
    const reply = messages.getByRole('listitem').filter({
      hasText: `Atbilde uz pieprasījumu ${request.number}`,
    });
    await reply.getByRole('link', { name: /\.pdf$/ }).waitFor();
    await reply.getByText('Teksts', { exact: true }).click();
    await reply.getByText('Lūk, pamācība, kā rīkoties.').waitFor();
    await expectAccessible(page);

    // The resident follows the link in the letter without signing in.
    const resident = await (await browser.newContext({ locale: 'lv-LV' })).newPage();
    await resident.goto(link);
    await resident.getByRole('heading', { name: title, level: 1 }).waitFor();
    await resident.getByText('Pēdējo reizi pārbaudīts').waitFor();
    await expectAccessible(resident);
    await resident.context().close();
  });

  it('writes an article in the editor, finds it from the search box and compares versions', async () => {
    const tag = word();
    const { email, password } = await centre(tag);
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);

    await page.getByRole('link', { name: 'Zināšanu bāze' }).click();
    await page.getByRole('link', { name: 'Jauns raksts' }).click();
    await page.getByLabel('Virsraksts').fill(`Dzīvesvietas deklarēšana tiešsaistē ${tag}`);
    const editor = page.getByRole('textbox', { name: 'Teksts' });
    await editor.click();
    await page.keyboard.type('Deklarēt var portālā latvija.gov.lv ar eParakstu.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Izveidot rakstu' }).click();
    await page
      .getByRole('heading', { name: `Dzīvesvietas deklarēšana tiešsaistē ${tag}`, level: 1 })
      .waitFor();

    await page.getByRole('link', { name: 'Labot' }).click();
    await page.getByRole('textbox', { name: 'Teksts' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Pakalpojums ir bez maksas.');
    await page.getByLabel('Izmaiņu apraksts').fill('Norādīta maksa');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByText('Pakalpojums ir bez maksas.').waitFor();

    // A colleague in a hurry: no diacritics, a typo.
    await page.context().clearCookies();
    await signIn(page, email, password);
    const quick = page.getByRole('search', { name: 'Ātrā meklēšana' });
    await quick.getByLabel('Meklējamais teksts').fill(`deklaresna ${tag}`);
    await quick.getByLabel('Meklējamais teksts').press('Enter');
    const articles = page.getByRole('region', { name: /^Raksti/ });
    await articles
      .getByRole('link', { name: `Dzīvesvietas deklarēšana tiešsaistē ${tag}` })
      .click();

    await page.getByRole('button', { name: 'Salīdzināt izvēlētās versijas' }).click();
    await page.locator('ins', { hasText: 'Pakalpojums ir bez maksas.' }).waitFor();
    await expectAccessible(page);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, context, expectAccessible, launchBrowser, signIn, unique } from './support';

/** A centre of its own with a clerk who can sign in. */
async function centre(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Galda pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string }>('/units', {
    institutionId: institution.id,
    name: `Klientu centrs ${tag}`,
    kind: 'client_service_centre',
  });
  const email = `marta.${tag}@example.lv`;
  const password = 'clerk-password-e2e';
  await post('/staff', {
    givenName: 'Marta',
    surname: `Galdiņa${tag}`,
    position: 'Klientu apkalpošanas speciāliste',
    email,
    roles: ['specialist'],
    units: [{ unitId: unit.id, primary: true }],
    password,
  });
  return { post, unit, email, password };
}

describe('the front desk in the browser', () => {
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

  it('names the client put in the queue and their place in it', async () => {
    const tag = unique();
    const { unit, email, password, post } = await centre(tag);
    await post('/contacts', {
      channel: 'in_person',
      unitId: unit.id,
      queue: true,
      newClient: { kind: 'person', givenName: 'Pirmais', surname: `Rindā${tag}` },
      requests: [{ service: 'Konsultācija', kind: 'consultation', unitId: unit.id }],
    });
    await signIn(page, email, password);

    await page.getByRole('link', { name: 'Klientu pieņemšana' }).click();
    await page.getByRole('heading', { name: 'Klientu pieņemšana', level: 1 }).waitFor();
    await page.getByLabel('Jauna persona').check();
    await page.getByLabel('Vārds', { exact: true }).fill('Otrā');
    await page.getByLabel('Uzvārds').fill(`Klientiene${tag}`);
    await page
      .getByRole('group', { name: '1. pakalpojums' })
      .getByLabel('Pakalpojums vai jautājums')
      .fill('Dzīvesvietas deklarēšana');
    await page.getByRole('button', { name: 'Ielikt rindā' }).click();

    await page
      .getByRole('status')
      .filter({ hasText: `Rindā: Otrā Klientiene${tag}, 2. pēc kārtas.` })
      .waitFor();
    await expectAccessible(page);
  });

  it('tells a reply to the client in words in the request’s history', async () => {
    const tag = unique();
    const { unit, email, password, post } = await centre(tag);
    const contact = await post<{ requests: Array<{ id: string; version: number }> }>('/contacts', {
      channel: 'email',
      unitId: unit.id,
      newClient: {
        kind: 'person',
        givenName: 'Rūta',
        surname: `Rakstītāja${tag}`,
        email: `ruta.${tag}@example.lv`,
      },
      requests: [{ service: 'Izziņa', kind: 'consultation', unitId: unit.id }],
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    await post(`/requests/${request.id}/replies`, {
      subject: `Atbilde par izziņu ${tag}`,
      body: 'Izziņu varat saņemt klātienē.',
      version: request.version,
    });
    await signIn(page, email, password);
    await page.goto(`${context().baseUrl}/requests/${request.id}`);

    const timeline = page.getByRole('region', { name: 'Vēsture' });
    await timeline.getByText(`Sagatavota atbilde klientam: Atbilde par izziņu ${tag}`).waitFor();
    expect(await timeline.getByText('reply', { exact: true }).count()).toBe(0);
  });

  it('shows in the referral picker what colleagues know and who is away today', async () => {
    const tag = unique();
    const { unit, email, password, post } = await centre(tag);
    const colleague = (givenName: string, competences: string[]) =>
      post<{ id: string }>('/staff', {
        givenName,
        surname: `Kolēģe${tag}`,
        position: 'Speciāliste',
        email: `${givenName.toLowerCase()}.${tag}@example.lv`,
        roles: ['specialist'],
        competences,
        units: [{ unitId: unit.id, primary: true }],
      });
    const substitute = await colleague('Daina', ['būvatļaujas']);
    const away = await colleague('Ieva', ['zemes ierīcība', 'būvatļaujas']);
    const today = new Date().toISOString().slice(0, 10);
    await post('/absences', {
      staffId: away.id,
      kind: 'vacation',
      startsOn: today,
      endsOn: '2099-12-31',
      substituteId: substitute.id,
    });
    const contact = await post<{ requests: Array<{ id: string }> }>('/contacts', {
      channel: 'phone',
      unitId: unit.id,
      requests: [{ service: 'Zemes robežas', kind: 'consultation', unitId: unit.id }],
    });
    await signIn(page, email, password);
    await page.goto(`${context().baseUrl}/requests/${contact.requests[0]?.id ?? ''}`);

    await page.getByRole('button', { name: 'Pāradresēt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pāradresēt' });
    const picker = dialog.getByRole('group', { name: /Kolēģis/ });
    await picker.getByRole('searchbox').fill(`kolege${tag}`);
    const awayLabel =
      `Ieva Kolēģe${tag} — Speciāliste · zemes ierīcība, būvatļaujas · ` +
      `Šodien prombūtnē līdz 31.12.2099, aizvieto Daina Kolēģe${tag}`;
    await picker.getByRole('option', { name: awayLabel }).waitFor({ state: 'attached' });
    await picker.getByRole('combobox').selectOption({ label: awayLabel });
    const chosen = picker.locator('p', { hasText: 'Kompetences: zemes ierīcība, būvatļaujas.' });
    await chosen.waitFor();
    expect(await chosen.textContent()).toContain(`aizvieto Daina Kolēģe${tag}`);
    await expectAccessible(page);
  });

  it('shows unread news on one line that unfolds to the list', async () => {
    const tag = unique();
    const { email, password, post } = await centre(tag);
    await post('/news', {
      title: `Svarīga ziņa ${tag}`,
      bodyHtml: '<p>Lasiet uzmanīgi.</p>',
      important: true,
    });
    await signIn(page, email, password);

    const banner = page.getByRole('region', { name: 'Nelasītie jaunumi' });
    await banner.getByRole('link', { name: `Svarīga ziņa ${tag}` }).waitFor();
    const unfold = banner.getByRole('button', { name: 'Rādīt visus' });
    expect(await unfold.getAttribute('aria-expanded')).toBe('false');
    expect(await banner.getByRole('button', { name: /^Atzīmēt kā izlasītu/ }).count()).toBe(0);
    const height = (await banner.boundingBox())?.height ?? 0;
    expect(height).toBeLessThan(80);

    await unfold.click();
    await banner
      .getByRole('button', { name: `Atzīmēt kā izlasītu: Svarīga ziņa ${tag}` })
      .waitFor();
    expect(
      await banner.getByRole('button', { name: 'Sakļaut' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await expectAccessible(page);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, context, expectAccessible, launchBrowser, signIn, unique } from './support';

interface Contact {
  id: string;
  requests: Array<{ id: string; number: string }>;
}

/** A unit of its own, a clerk in it who can sign in, and the administrator's API to set up more. */
async function serviceCentre(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Lietu pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string; name: string }>('/units', {
    institutionId: institution.id,
    name: `Apkalpošanas centrs ${tag}`,
    kind: 'client_service_centre',
  });
  const colleague = (givenName: string, surname: string, position: string, password?: string) =>
    post<{ id: string }>('/staff', {
      givenName,
      surname,
      position,
      email: `${givenName.toLowerCase()}.${tag}@example.lv`,
      roles: ['specialist'],
      units: [{ unitId: unit.id, primary: true }],
      ...(password ? { password } : {}),
    });
  const clerkEmail = `laura.${tag}@example.lv`;
  const clerkPassword = 'clerk-password-e2e';
  await colleague('Laura', `Lietvede${tag}`, 'Klientu apkalpošanas speciāliste', clerkPassword);
  /** A phoned-in question, registered through the API, with one request in the unit. */
  const phonedRequest = async (service: string) => {
    const contact = await post<Contact>('/contacts', {
      channel: 'phone',
      unitId: unit.id,
      newClient: { kind: 'person', givenName: 'Jānis', surname: `Zvanītājs${tag}` },
      reason: 'Jautājums par būvniecību',
      requests: [{ service, kind: 'consultation', unitId: unit.id }],
    });
    const request = contact.requests[0];
    if (!request) throw new Error('the contact has no request');
    return request;
  };
  return { post, unit, colleague, clerkEmail, clerkPassword, phonedRequest };
}

describe('cases, clients and visits in the browser', () => {
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

  it('serves a visitor with three services in one visit and closes it with the next steps', async () => {
    const tag = unique();
    const centre = await serviceCentre(tag);
    await signIn(page, centre.clerkEmail, centre.clerkPassword);

    await page.getByRole('link', { name: 'Klientu pieņemšana' }).click();
    await page.getByRole('heading', { name: 'Klientu pieņemšana', level: 1 }).waitFor();
    await page.getByLabel('Jauna persona').check();
    await page.getByLabel('Vārds', { exact: true }).fill('Anna');
    await page.getByLabel('Uzvārds').fill(`Kļaviņa${tag}`);
    await page.getByLabel(/^Tālrunis/).fill('+371 20000000');
    await page.getByLabel(/^Vizītes iemesls/).fill('Pārcēlās uz novadu');
    const services = [
      `Deklarētās dzīvesvietas maiņa ${tag}`,
      `Nekustamā īpašuma nodoklis ${tag}`,
      `Pirmsskolas rinda ${tag}`,
    ];
    for (const [index, service] of services.entries()) {
      if (index > 0) await page.getByRole('button', { name: 'Pievienot pakalpojumu' }).click();
      const row = page.getByRole('group', { name: `${index + 1}. pakalpojums` });
      await row.getByLabel('Pakalpojums vai jautājums').fill(service);
      if (index === 1) await row.getByLabel('Veids').selectOption({ label: 'Iesniegums' });
    }
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Apkalpot tagad' }).click();

    await page.getByRole('heading', { name: `Apmeklējums: Anna Kļaviņa${tag}` }).waitFor();
    const requests = page.getByRole('region', { name: 'Pieprasījumi (3)' });
    for (const service of services)
      await requests.getByRole('row', { name: new RegExp(service) }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Rezultāts').fill('Iesniegumi pieņemti');
    await page
      .getByLabel(/^Klientam paskaidrotā turpmākā gaita/)
      .fill('Atbildi par nodokli saņems e-pastā 10 darba dienu laikā');
    await page.getByLabel(/^Piedāvātie citi pakalpojumi/).fill('latvija.gov.lv\nE-adrese');
    // The two consultations were answered at the desk; the application stays open, and why.
    const settle = page.getByRole('region', { name: 'Kas notiek ar pieprasījumiem' });
    const residence = settle.getByRole('group', { name: new RegExp(services[0] ?? '') });
    await residence.getByLabel('Atbildēts uz vietas', { exact: true }).waitFor();
    expect(await residence.getByLabel('Atbildēts uz vietas', { exact: true }).isChecked()).toBe(
      true,
    );
    const tax = settle.getByRole('group', { name: new RegExp(services[1] ?? '') });
    expect(await tax.getByLabel('Paliek atvērts', { exact: true }).isChecked()).toBe(true);
    // Kept for a colleague nobody chose: said before anything is sent, not kept by the clerk.
    await tax.getByLabel('Kolēģis', { exact: true }).check();
    await page.getByRole('button', { name: 'Noslēgt apmeklējumu' }).click();
    await tax.getByText('Izvēlieties darbinieku').waitFor();
    await tax.getByLabel('Es', { exact: true }).check();
    await page.getByRole('button', { name: 'Noslēgt apmeklējumu' }).click();
    // Kept open without a reason: the server's refusal lands beside the field.
    const reason = tax.getByLabel(/^Kāpēc paliek atvērts/);
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await reason.fill('Jāpārbauda nodokļa parāds');
    await page.getByRole('button', { name: 'Noslēgt apmeklējumu' }).click();
    await page.getByRole('status').filter({ hasText: 'Apmeklējums noslēgts.' }).waitFor();
    const outcome = page.getByRole('region', { name: 'Apmeklējuma rezultāts' });
    await outcome.getByText('Atbildi par nodokli saņems e-pastā').waitFor();
    await outcome.getByText('latvija.gov.lv').waitFor();
    const settled = page.getByRole('region', { name: 'Pieprasījumi (3)' });
    await settled.getByRole('row', { name: new RegExp(`${services[0]}.*Slēgts`) }).waitFor();
    await settled.getByRole('row', { name: new RegExp(`${services[1]}.*Jauns`) }).waitFor();
    await expectAccessible(page);

    // Only the application waits in the unit's work list; the answered ones are not owed.
    await page.getByRole('link', { name: 'Pieprasījumi' }).click();
    await page.getByRole('button', { name: /^Struktūrvienības/ }).click();
    await page.getByLabel('Numurs, pakalpojums vai klients').fill(`klavina${tag}`);
    await page.getByRole('row', { name: new RegExp(services[1] ?? '') }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(services[0] ?? '') }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('refers a request to a competent colleague, and the timeline says so', async () => {
    const tag = unique();
    const centre = await serviceCentre(tag);
    await centre.colleague('Kristaps', `Kolēģis${tag}`, 'Būvvaldes speciālists');
    const request = await centre.phonedRequest(`Būvatļauja ${tag}`);
    await signIn(page, centre.clerkEmail, centre.clerkPassword);
    await page.goto(`${context().baseUrl}/requests/${request.id}`);
    await page.getByRole('heading', { name: `Pieprasījums Nr. ${request.number}` }).waitFor();

    await page.getByRole('button', { name: 'Pāradresēt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pāradresēt' });
    const colleague = dialog.getByRole('group', { name: /Kolēģis/ });
    await colleague.getByRole('searchbox').fill(`kolegis${tag}`);
    await colleague
      .getByRole('combobox')
      .selectOption({ label: `Kristaps Kolēģis${tag} — Būvvaldes speciālists` });
    await dialog.getByLabel('Ziņa kolēģim').fill('Lūdzu, atzvani klientam par būvatļauju');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Pāradresēt' }).click();

    await page.getByRole('status').filter({ hasText: 'Pieprasījums pāradresēts.' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Vēsture' });
    await timeline.getByText(`Pāradresēts: Kristaps Kolēģis${tag}`).waitFor();
    await timeline.getByText('Lūdzu, atzvani klientam par būvatļauju').waitFor();
    await expectAccessible(page);
  });

  it('extends a deadline only with a reason, and an interim reply to the client falls due', async () => {
    const tag = unique();
    const centre = await serviceCentre(tag);
    const request = await centre.phonedRequest(`Zemes ierīcība ${tag}`);
    await signIn(page, centre.clerkEmail, centre.clerkPassword);
    await page.goto(`${context().baseUrl}/requests/${request.id}`);
    await page.getByRole('heading', { name: `Pieprasījums Nr. ${request.number}` }).waitFor();

    await page.getByRole('button', { name: 'Pagarināt termiņu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pagarināt termiņu' });
    await dialog.getByRole('button', { name: 'Pagarināt termiņu' }).click();
    const reason = dialog.getByLabel('Iemesls');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByText('Obligāti aizpildāms lauks.').count()).toBe(1);
    await expectAccessible(page);

    await reason.fill('Nepieciešams Valsts zemes dienesta atzinums');
    await dialog.getByRole('button', { name: 'Pagarināt termiņu' }).click();
    await page.getByRole('status').filter({ hasText: 'Termiņš pagarināts' }).waitFor();
    const timeline = page.getByRole('region', { name: 'Vēsture' });
    await timeline.getByText(/Termiņš pagarināts:/).waitFor();
    await timeline.getByText('Nepieciešams Valsts zemes dienesta atzinums').waitFor();
    const messages = page.getByRole('region', { name: 'Starpatbildes un vēstules klientam' });
    await messages.getByText('Gaida nosūtīšanu').waitFor();
    await messages.getByText(`Par Jūsu pieprasījumu Nr. ${request.number}`).waitFor();
    await expectAccessible(page);

    // The clerk prints the interim reply and gives it to the client: the letter and the timeline say so.
    await messages.getByRole('button', { name: /^Atzīmēt kā nodotu/ }).click();
    await messages
      .getByLabel(/^Kā vēstule nonāca pie klienta/)
      .selectOption({ label: 'izdrukāta' });
    await messages.getByRole('button', { name: 'Atzīmēt kā nodotu' }).click();
    await messages.getByText('Izdrukāta', { exact: true }).waitFor();
    await timeline
      .getByText(`Vēstule „Par Jūsu pieprasījumu Nr. ${request.number}” izdrukāta`)
      .waitFor();
    await expectAccessible(page);
  });

  it('serves an external visitor before a colleague who came first, and calls them', async () => {
    const tag = unique();
    const centre = await serviceCentre(tag);
    const insider = await centre.colleague('Ilze', `Iekšējā${tag}`, 'Grāmatvede');
    const queued = (newClient: object, service: string) =>
      centre.post<Contact>('/contacts', {
        channel: 'in_person',
        unitId: centre.unit.id,
        newClient,
        requests: [{ service, kind: 'consultation', unitId: centre.unit.id }],
        queue: true,
      });
    await queued({ kind: 'internal', staffId: insider.id }, `Piekļuve sistēmai ${tag}`);
    const external = await queued(
      { kind: 'person', givenName: 'Pēteris', surname: `Ārējais${tag}` },
      `Sociālā palīdzība ${tag}`,
    );
    await signIn(page, centre.clerkEmail, centre.clerkPassword);

    await page.getByRole('link', { name: 'Rinda' }).click();
    const waiting = page.getByRole('region', { name: 'Gaida (2)' });
    await waiting.waitFor();
    const rows = waiting.getByRole('row');
    expect(await rows.nth(1).textContent()).toContain(`Pēteris Ārējais${tag}`);
    expect(await rows.nth(2).textContent()).toContain(`Ilze Iekšējā${tag}`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Aicināt nākamo' }).click();
    await page.waitForURL(`**/contacts/${external.id}`);
    await page.getByRole('heading', { name: `Apmeklējums: Pēteris Ārējais${tag}` }).waitFor();
    await expectAccessible(page);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminApi, context, expectAccessible, launchBrowser, signIn, unique } from './support';

/** A unit of its own with a clerk who serves its callers. */
async function unitWithClerk(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Zvanu pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string; name: string }>('/units', {
    institutionId: institution.id,
    name: `Sociālais dienests ${tag}`,
    kind: 'client_service_centre',
  });
  const email = `ilze.${tag}@example.lv`;
  const password = 'clerk-password-e2e';
  await post('/staff', {
    givenName: 'Ilze',
    surname: `Zvanītāja${tag}`,
    position: 'Sociālā darbiniece',
    email,
    roles: ['specialist'],
    units: [{ unitId: unit.id, primary: true }],
    password,
  });
  return { unit, email, password };
}

/** The exchange reports a call event with its token, as Asterisk's dialplan would. */
async function exchangeEvent(token: string, event: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${context().baseUrl}/api/v1/telephony/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(event),
  });
  if (!response.ok) throw new Error(`event: ${response.status} ${await response.text()}`);
}

describe('the phone channel in the browser', () => {
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

  it('turns a missed call into a callback a clerk claims, rings back and logs as a contact', async () => {
    const tag = unique();
    const { unit, email, password } = await unitWithClerk(tag);
    const line = `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const caller = `+3712${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

    // The administrator connects the exchange: its token, shown once, and the unit's line.
    const { adminEmail, adminPassword } = context();
    await signIn(page, adminEmail, adminPassword);
    await page.getByRole('link', { name: 'Tālruņu centrāle' }).click();
    await page.getByRole('button', { name: 'Izsniegt centrāles pilnvaru' }).click();
    await page.getByLabel('Centrāles nosaukums').fill(`Asterisk ${tag}`);
    await page.getByRole('button', { name: 'Izsniegt', exact: true }).click();
    const token = await page.locator('#created-token').inputValue();
    expect(token).toMatch(/^apx_/);
    await page.getByRole('button', { name: 'Aizvērt' }).first().click();
    await page.getByRole('button', { name: 'Pievienot līniju' }).click();
    const lineForm = page.getByRole('dialog', { name: 'Pievienot līniju' });
    await lineForm.getByLabel('Struktūrvienība').selectOption(unit.id);
    await lineForm.getByLabel('Tālruņa numurs').fill(line);
    await lineForm.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByRole('status').filter({ hasText: 'Līnija saglabāta.' }).waitFor();
    // The clerk's extension, so that a call ringing it brings up the caller card.
    await page
      .getByRole('region', { name: 'Iekšējie numuri' })
      .getByLabel('Struktūrvienība')
      .selectOption(unit.id);
    await page.getByLabel(`Ilze Zvanītāja${tag} iekšējais numurs`).fill('201');
    await page.getByRole('button', { name: `Saglabāt Ilze Zvanītāja${tag}` }).click();
    await page.getByRole('status').filter({ hasText: 'Saglabāts.' }).waitFor();
    await expectAccessible(page);
    await page.context().clearCookies();

    // Nobody answers: the exchange reports the call ringing and the caller hanging up.
    const callId = `e2e-${tag}`;
    const rang = new Date(Date.now() - 60_000);
    await exchangeEvent(token, {
      event: 'new_call',
      callId,
      at: rang.toISOString(),
      direction: 'in',
      from: caller,
      to: line,
    });
    await exchangeEvent(token, {
      event: 'hangup',
      callId,
      at: new Date(rang.getTime() + 20_000).toISOString(),
      cause: 'no_answer',
    });

    await signIn(page, email, password);
    await page.getByRole('link', { name: 'Atzvanīšana' }).click();
    const card = page.getByRole('listitem').filter({ hasText: caller });
    await card.getByText('Neatbildēts zvans').waitFor();
    await card.getByRole('button', { name: 'Paņemt sev' }).click();
    await card.getByRole('link', { name: 'Atzvanīt' }).waitFor();
    expect(await card.getByRole('link', { name: 'Atzvanīt' }).getAttribute('href')).toBe(
      `tel:${caller}`,
    );
    await expectAccessible(page);
    await card.getByRole('button', { name: 'Reģistrēt mēģinājumu' }).click();
    await page.getByLabel('sazvanīts').check();
    await page.getByLabel('Piezīme').fill('Vienojāmies par tikšanos');
    await page.getByRole('button', { name: 'Saglabāt' }).click();
    await page.getByRole('status').filter({ hasText: 'Mēģinājums reģistrēts.' }).waitFor();
    // Reached: the callback is no longer owed.
    await page.getByLabel('Stāvoklis').selectOption('closed');
    await page
      .getByRole('listitem')
      .filter({ hasText: caller })
      .getByText('sazvanīts', { exact: true })
      .first()
      .waitFor();

    // What was said is a phone contact, preset with the caller's number, tied to the call.
    await page
      .getByRole('listitem')
      .filter({ hasText: caller })
      .getByRole('link', { name: 'Reģistrēt zvanu kā kontaktu' })
      .click();
    await page.getByRole('heading', { name: `Tālruņa kontakts: ${caller}`, level: 1 }).waitFor();
    expect(await page.getByLabel('Kanāls').inputValue()).toBe('phone');
    expect(await page.getByLabel('Tālrunis').inputValue()).toBe(caller);
    await page.getByLabel('Vārds', { exact: true }).fill('Jānis');
    await page.getByLabel('Uzvārds').fill(`Zvanītājs${tag}`);
    await page
      .getByRole('group', { name: '1. pakalpojums' })
      .getByLabel('Pakalpojums vai jautājums')
      .fill('Pabalsta pieprasīšana');
    await page.getByRole('button', { name: 'Apkalpot tagad' }).click();

    // Closing it, the clerk records what was agreed (16.4).
    await page.getByRole('button', { name: 'Noslēgt apmeklējumu' }).waitFor();
    await page.getByLabel('Atbildēts uz vietas').check();
    await page.getByLabel('Rezultāts').fill('Izskaidrota pabalsta kārtība');
    await page
      .getByLabel('Panāktā vienošanās un abu pušu turpmākā rīcība')
      .fill('Iedzīvotājs līdz piektdienai iesniegs iesniegumu e-adresē');
    await page.getByRole('button', { name: 'Noslēgt apmeklējumu' }).click();
    await page.getByRole('status').filter({ hasText: 'Apmeklējums noslēgts.' }).waitFor();
    const contactUrl = new URL(page.url()).pathname;

    // The call log shows the call and the contact logged for it.
    await page.getByRole('link', { name: 'Zvanu žurnāls' }).click();
    const row = page.getByRole('row').filter({ hasText: caller });
    await row.getByText('neatbildēts').waitFor();
    expect(await row.getByRole('link', { name: 'Atvērt kontaktu' }).getAttribute('href')).toBe(
      contactUrl,
    );
    await expectAccessible(page);

    // The resident rings again: the card names them, and Escape puts it away.
    const again = `e2e-again-${tag}`;
    await exchangeEvent(token, {
      event: 'new_call',
      callId: again,
      at: new Date().toISOString(),
      direction: 'in',
      from: caller,
      to: line,
      extension: '201',
    });
    const callerCard = page.getByRole('dialog', { name: `Zvana ${caller}` });
    await callerCard.getByRole('link', { name: `Jānis Zvanītājs${tag}` }).waitFor();
    await expectAccessible(page);
    await callerCard.getByRole('button', { name: 'Aizvērt zvanītāja kartīti' }).focus();
    await page.keyboard.press('Escape');
    await callerCard.waitFor({ state: 'detached' });
    await exchangeEvent(token, {
      event: 'hangup',
      callId: again,
      at: new Date().toISOString(),
      cause: 'cancelled',
    });
  });
});

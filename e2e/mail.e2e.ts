import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../src/server/testing/smtp-sink';
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

/** Letters only: a search word that no other test's article has. */
const word = () => `p${unique().replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)] ?? 'x')}`;

/**
 * Set E2E_SCREENSHOTS to a folder to keep pictures of the mail pages at both widths, for a
 * person to look at: the whole page, and the part of it that matters at its own size. The
 * layout checks themselves are in responsive.e2e.ts.
 */
async function screenshots(page: Page, name: string, part: Locator): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const lang = (await page.locator('html').getAttribute('lang')) ?? 'lv';
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForLoadState('networkidle');
    const file = join(folder, `${name}-${lang}-${size.width}`);
    await page.screenshot({ path: `${file}.png`, fullPage: true });
    await part.screenshot({ path: `${file}-part.png` });
  }
  await page.setViewportSize(DESKTOP);
}

/** A client service centre with a mailbox on the SMTP receiver and a clerk who reads its mail. */
async function centre(tag: string) {
  const post = await adminApi();
  const institution = await post<{ id: string }>('/institutions', {
    name: `Pasta pašvaldība ${tag}`,
    kind: 'municipality',
  });
  const unit = await post<{ id: string }>('/units', {
    institutionId: institution.id,
    name: `Klientu apkalpošanas centrs ${tag}`,
    kind: 'client_service_centre',
  });
  const mailbox = await post<{ address: string }>('/mailboxes', {
    name: `Klientu pasts ${tag}`,
    address: `klienti.${tag}@example.lv`,
    unitId: unit.id,
    smtpEnabled: true,
  });
  const email = `liga.${tag}@example.lv`;
  const password = 'clerk-password-e2e';
  const clerk = await post<{ id: string }>('/staff', {
    givenName: 'Līga',
    surname: `Pastniece${tag}`,
    position: 'Klientu apkalpošanas speciāliste',
    email,
    roles: ['specialist'],
    units: [{ unitId: unit.id, primary: true }],
    password,
  });
  return { post, unit, clerk, mailbox: mailbox.address, email, password };
}

/** A resident's mail program handing a letter to Apkalpo's SMTP receiver. */
function residentMail() {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port: context().smtpPort,
    secure: false,
    ignoreTLS: true,
  });
}

describe('the email channel in the browser', () => {
  let browser: Browser;
  let page: Page;
  let sink: SmtpSink;

  beforeAll(async () => {
    browser = await launchBrowser();
    sink = await startSmtpSink(context().relayPort);
  });
  afterAll(async () => {
    await browser.close();
    await sink.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'lv-LV', viewport: DESKTOP })).newPage();
  });
  afterEach(() => page.context().close());

  it("turns a resident's letter into a request and sends the clerk's reply in its thread", async () => {
    const tag = word();
    const { post, clerk, mailbox, email, password } = await centre(tag);
    await post('/text-modules', {
      title: `Ielu apgaismojums ${tag}`,
      language: 'lv',
      body: 'Labdien, {klients}!\nJūsu pieprasījums {numurs} ir saņemts.',
    });
    await post('/articles', {
      kind: 'faq',
      title: `Ielu apgaismojuma bojājumi ${tag}`,
      summary: 'Kur ziņot, ja nedeg ielas laterna.',
      bodyHtml: '<p>Ziņojiet pašvaldībai, norādot tuvāko adresi vai laternas numuru.</p>',
      visibility: 'public',
      ownerId: clerk.id,
      reviewOn: '2030-01-01',
    });
    const resident = `janis.${tag}@example.lv`;
    const subject = `Nedeg ielas apgaismojums Ābeļu ielā ${tag}`;
    const messageId = `<${tag}.vestule@example.lv>`;
    await residentMail().sendMail({
      from: { name: 'Jānis Bērziņš', address: resident },
      to: mailbox,
      subject,
      messageId,
      text: 'Labdien!\n\nJau nedēļu nedeg laterna pie Ābeļu ielas 7. Lūdzu, salabojiet.\n\nJānis',
    });

    await signIn(page, email, password);
    await page.getByRole('link', { name: 'Pieprasījumi' }).click();
    await page.getByRole('heading', { name: 'Pieprasījumi', level: 1 }).waitFor();
    await page.getByRole('button', { name: /^Struktūrvienības/ }).click();
    await page.getByLabel('Numurs, pakalpojums vai klients').fill(tag);
    const row = page.getByRole('row').filter({ hasText: subject });
    await row.waitFor();
    await row.getByRole('link').first().click();
    const heading = page.getByRole('heading', { name: /^Pieprasījums Nr\. / });
    const number = /Nr\. (\S+)/.exec((await heading.textContent()) ?? '')?.[1] ?? '';
    expect(number).not.toBe('');

    const received = page.getByRole('region', { name: 'Saņemtās vēstules' });
    await received.getByText(subject).waitFor();
    await received.getByText(`<${resident}>`).waitFor();
    await received.getByText(/Jau nedēļu nedeg laterna/).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'request-letter', received);

    const composer = page.getByRole('region', { name: 'Atbildēt klientam' });
    // A text module, filled in with the client's name and the request's number.
    await composer.getByRole('button', { name: 'Ievietot teksta moduli' }).click();
    const modules = page.getByRole('dialog', { name: 'Ievietot teksta moduli' });
    await modules.getByLabel('Meklēt teksta moduli').fill(`apgaismojums ${tag}`);
    await modules
      .getByRole('listitem')
      .filter({ hasText: tag })
      .getByRole('button', { name: 'Ievietot' })
      .click();
    const text = composer.getByLabel('Atbildes teksts');
    await expect
      .poll(() => text.inputValue())
      .toBe(`Labdien, Jānis Bērziņš!\nJūsu pieprasījums ${number} ir saņemts.`);
    // A word typed without its diacritics is underlined and put right with one click.
    await text.press('Control+End');
    await text.pressSequentially(' Bojajumu nodevām labošanai; laterna degs līdz piektdienai.');
    const fix = composer.getByRole('button', { name: 'Aizstāt „Bojajumu” ar „Bojājumu”' });
    await fix.waitFor();
    await expect(composer.locator('mark.misspelt').allTextContents()).resolves.toContain(
      'Bojajumu',
    );
    await expectAccessible(page);
    await screenshots(page, 'reply-spelling', composer);
    await fix.click();
    await expect.poll(() => text.inputValue()).toContain(' Bojājumu nodevām labošanai;');
    await composer.getByRole('button', { name: 'Pievienot rakstu no zināšanu bāzes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Pievienot rakstu no zināšanu bāzes' });
    await dialog.getByLabel('Meklēt rakstu').fill(`ielu apgaismojuma ${tag}`);
    const hit = dialog.getByRole('listitem').filter({ hasText: tag });
    await hit.getByRole('button', { name: 'Ievietot saiti' }).click();
    await hit.getByRole('button', { name: 'Pievienot kā PDF' }).click();
    await dialog.getByRole('button', { name: 'Gatavs' }).click();
    // The signature is the server's: shown, never typed.
    await composer.getByText(`Līga Pastniece${tag}`).waitFor();
    await composer.getByRole('button', { name: 'Nosūtīt atbildi' }).click();
    // The article's title has the made-up tag in it: the clerk is asked and sends anyway.
    const ask = composer.getByRole('alert').filter({ hasText: 'Sūtiet tāpat' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Sūtīt tāpat' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Atbilde sagatavota un gaida nosūtīšanu' })
      .waitFor();

    // The send-mail job runs every five seconds.
    await expect
      .poll(() => sink.messages.filter((m) => m.envelopeTo.includes(resident)).length, {
        timeout: 20_000,
        interval: 250,
      })
      .toBe(1);
    const reply = sink.messages.find((m) => m.envelopeTo.includes(resident));
    expect(
      reply?.parsed.to && 'value' in reply.parsed.to && reply.parsed.to.value[0]?.address,
    ).toBe(resident);
    expect(reply?.parsed.subject).toContain(`[${number}]`);
    expect(reply?.parsed.inReplyTo).toBe(messageId);
    expect(reply?.parsed.references).toContain(messageId);
    const sent = reply?.parsed.text ?? '';
    expect(sent).toContain(`Labdien, Jānis Bērziņš!\nJūsu pieprasījums ${number} ir saņemts.`);
    expect(sent).toContain('Bojājumu nodevām labošanai; laterna degs līdz piektdienai.');
    expect(sent).toMatch(new RegExp(`Ielu apgaismojuma bojājumi ${tag}: http://\\S+/public/kb/`));
    expect(sent).toContain(
      `Ar cieņu\nLīga Pastniece${tag}\nKlientu apkalpošanas speciāliste\nKlientu apkalpošanas centrs ${tag}\nPasta pašvaldība ${tag}`,
    );
    expect(sent).toContain(
      'rakstīja:\n> Labdien!\n>\n> Jau nedēļu nedeg laterna pie Ābeļu ielas 7.',
    );
    expect(reply?.parsed.attachments.map((file) => file.contentType)).toEqual(['application/pdf']);

    const messages = page.getByRole('region', { name: 'Starpatbildes un vēstules klientam' });
    const letter = messages.getByRole('listitem').filter({
      hasText: `Atbilde uz pieprasījumu ${number}`,
    });
    await expect
      .poll(
        async () => {
          await page.reload();
          return letter.getByText('Nosūtīta', { exact: true }).count();
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    await expectAccessible(page);
  });

  it('holds mail from a blocked sender in the quarantine, in Latvian and in English', async () => {
    const tag = word();
    const { post, mailbox, email, password } = await centre(tag);
    await post('/mail/blocklist', { entry: `@reklama-${tag}.lv`, note: 'Reklāmas vēstules' });
    const subject = `Lielās atlaides šodien ${tag}`;
    await residentMail().sendMail({
      from: { name: 'Reklāmas aģentūra', address: `pardosana@reklama-${tag}.lv` },
      to: mailbox,
      subject,
      messageId: `<${tag}.reklama@example.lv>`,
      text: 'Tikai šodien: viss par pusi lētāk!',
    });

    await signIn(page, email, password);
    await page.getByRole('link', { name: 'Karantīna' }).click();
    await page.getByRole('heading', { name: 'Karantīna', level: 1 }).waitFor();
    const held = page.getByRole('row').filter({ hasText: subject });
    await held.waitFor();
    await held.getByText(/bloķēto sarakstā/).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'quarantine', page.getByRole('table'));

    await held.getByRole('button', { name: subject }).click();
    const dialog = page.getByRole('dialog', { name: 'Vēstule' });
    await dialog.getByText('Tikai šodien: viss par pusi lētāk!').waitFor();
    await dialog.getByRole('button', { name: 'Nav mēstule' }).waitFor();
    await dialog.getByRole('button', { name: 'Mēstule', exact: true }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'quarantine-letter', dialog);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Quarantine', level: 1 }).waitFor();
    await held.getByText(/block list/i).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'quarantine', page.getByRole('table'));
    await page.getByRole('button', { name: 'LV', exact: true }).click();
    await page.getByRole('heading', { name: 'Karantīna', level: 1 }).waitFor();
  });
});

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemContext } from '../../http/access';
import type {
  TInboundMessage,
  TInboundMessageList,
  TInboundMessagePage,
} from '../../../contracts/mail.contracts';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  signedIn,
  type TestApp,
} from '../../testing/test-app';
import { runCli } from '../../cli/cli';
import { loadConfig } from '../../config';
import { createSmtpReceiver, type SmtpReceiver } from './mail.smtp';

// The test clock stands at Tuesday 10 March 2026, 11:00 in Riga.
const TUESDAY = '2026-03-10T09:00:00Z';
const MAX_BYTES = 64 * 1024;

const unique = () => randomBytes(4).toString('hex');

describe('mail in', () => {
  let test: TestApp;
  let receiver: SmtpReceiver;
  let port: number;
  let unitId: string;
  let mailboxAddress: string;

  beforeAll(async () => {
    test = await createTestApp({ mail: { maxMessageBytes: MAX_BYTES, senderLimitPerHour: 5 } });
    receiver = createSmtpReceiver({
      mail: test.services.mail,
      maxMessageBytes: MAX_BYTES,
      now: () => test.clock.now(),
    });
    port = await receiver.listen(0, '127.0.0.1');
    unitId = (await createUnit(test.services)).id;
    mailboxAddress = `pasts.${unique()}@novads.lv`;
    await addMailbox(mailboxAddress, unitId);
  });
  afterAll(async () => {
    await receiver.close();
    await test.close();
  });
  beforeEach(() => test.clock.set(TUESDAY));

  async function addMailbox(address: string, unit: string, extra: Record<string, unknown> = {}) {
    const now = test.clock.now();
    const row = await test.database.db
      .insertInto('mailboxes')
      .values({
        name: `Pastkaste ${unique()}`,
        address,
        unit_id: unit,
        smtp_enabled: true,
        created_at: now,
        updated_at: now,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Sends a message to the receiver over SMTP as a mail server would; the server's answer. */
  async function send(
    raw: string | Buffer,
    envelope: { from: string; to: string[] } = { from: 'x@example.lv', to: [mailboxAddress] },
  ) {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
    });
    try {
      return await transport.sendMail({ envelope, raw });
    } finally {
      transport.close();
    }
  }

  function letter(fields: {
    from?: string;
    to?: string;
    subject?: string;
    messageId?: string;
    headers?: string[];
    body?: string;
  }) {
    const messageId = fields.messageId ?? `<${unique()}@iedzivotajs.lv>`;
    return {
      messageId: messageId.replace(/[<>]/g, ''),
      raw: [
        `From: ${fields.from ?? `"Anna Ozola" <anna.${unique()}@iedzivotajs.lv>`}`,
        `To: ${fields.to ?? mailboxAddress}`,
        `Subject: ${fields.subject ?? 'Jautājums par deklarēšanu'}`,
        `Message-ID: ${messageId}`,
        'Date: Tue, 10 Mar 2026 10:55:00 +0200',
        'MIME-Version: 1.0',
        ...(fields.headers ?? []),
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        fields.body ?? 'Labdien! Kā deklarēt dzīvesvietu? Paldies, Anna',
        '',
      ].join('\r\n'),
    };
  }

  const inbound = (messageId: string) =>
    test.database.db
      .selectFrom('inbound_messages')
      .selectAll()
      .where('message_id', '=', messageId)
      .execute();

  const request = (id: string) =>
    test.database.db
      .selectFrom('service_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const letters = (requestId: string) =>
    test.database.db
      .selectFrom('outgoing_messages')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .execute();

  it('makes a letter a request of the mailbox unit, titled by its subject, and acknowledges it', async () => {
    const sender = `anna.${unique()}@iedzivotajs.lv`;
    const { raw, messageId } = letter({ from: `"Anna Ozola" <${sender}>` });
    const answer = await send(raw);
    expect(answer.response).toMatch(/^250 /);

    const [stored] = await inbound(messageId);
    expect(stored).toMatchObject({ state: 'imported', from_address: sender, source: 'smtp' });
    expect(stored?.raw.toString()).toBe(raw);
    const created = await request(stored?.request_id as string);
    expect(created).toMatchObject({
      channel: 'email',
      service: 'Jautājums par deklarēšanu',
      unit_id: unitId,
      client_kind: 'external',
      state: 'new',
    });
    const client = await test.database.db
      .selectFrom('clients')
      .selectAll()
      .where('id', '=', created.client_id as string)
      .executeTakeFirstOrThrow();
    expect(client).toMatchObject({
      kind: 'person',
      given_name: 'Anna',
      surname: 'Ozola',
      email: sender,
    });

    const [ack, ...more] = await letters(created.id);
    expect(more).toEqual([]);
    expect(ack).toMatchObject({ kind: 'acknowledgement', recipient: sender, state: 'due' });
    expect(ack?.subject).toContain(`[${created.number}]`);
    expect(ack?.body).toContain(created.number);
    expect(ack?.in_reply_to).toBe(messageId);

    // The receiver's sign of life for /api/health.
    const state = await test.database.db
      .selectFrom('mailbox_states as s')
      .innerJoin('mailboxes as b', 'b.id', 's.mailbox_id')
      .select(['s.connected', 's.last_message_at'])
      .where('b.address', '=', mailboxAddress)
      .executeTakeFirstOrThrow();
    expect(state.connected).toBe(true);
    expect(state.last_message_at).toEqual(new Date(TUESDAY));
  });

  it('sends a later letter on the request in the client’s thread, from the mailbox it came to', async () => {
    const { raw, messageId } = letter({ subject: 'Par nekustamā īpašuma nodokli' });
    await send(raw);
    const [stored] = await inbound(messageId);
    const created = await request(stored?.request_id as string);
    const head = await signedIn(test, { roles: ['client_service_head'], unitIds: [unitId] });

    // Extending the deadline owes the client an interim letter: it answers the client's letter.
    const extended = await call(test.app, head, {
      method: 'POST',
      url: `/api/v1/requests/${created.id}/extension`,
      payload: { dueOn: '2026-04-30', reason: 'Jāsaņem ziņas no VZD', version: created.version },
    });
    expect(extended.statusCode).toBe(200);
    const interim = (await letters(created.id)).find((row) => row.kind === 'interim');
    expect(interim).toMatchObject({
      in_reply_to: messageId,
      mailbox_id: stored?.mailbox_id,
      reference_ids: [messageId],
    });
    expect(interim?.message_id).toMatch(new RegExp(`@${mailboxAddress.split('@')[1]}>$`));
  });

  it('stores a message delivered twice once', async () => {
    const { raw, messageId } = letter({});
    await send(raw);
    await send(raw);
    const stored = await inbound(messageId);
    expect(stored).toHaveLength(1);
  });

  it('puts a reply into the request it answers, by its headers or by the number in the subject', async () => {
    const sender = `janis.${unique()}@iedzivotajs.lv`;
    const first = letter({ from: sender });
    await send(first.raw);
    const requestId = (await inbound(first.messageId))[0]?.request_id as string;
    const { number } = await request(requestId);

    const byHeaders = letter({
      from: sender,
      subject: 'Re: Jautājums',
      headers: [`In-Reply-To: <${first.messageId}>`, `References: <${first.messageId}>`],
    });
    await send(byHeaders.raw);
    expect((await inbound(byHeaders.messageId))[0]?.request_id).toBe(requestId);

    const byNumber = letter({ from: sender, subject: `Papildinājums [${number}]` });
    await send(byNumber.raw);
    expect((await inbound(byNumber.messageId))[0]?.request_id).toBe(requestId);

    // A stranger who copies the number into a subject does not get into someone else's request.
    const stranger = letter({ subject: `Par [${number}]` });
    await send(stranger.raw);
    const strangers = (await inbound(stranger.messageId))[0]?.request_id;
    expect(strangers).not.toBe(requestId);

    // Only the first letter was acknowledged.
    expect((await letters(requestId)).filter((l) => l.kind === 'acknowledgement')).toHaveLength(1);
    const events = await test.database.db
      .selectFrom('request_events')
      .select('kind')
      .where('request_id', '=', requestId)
      .where('kind', '=', 'mail-received')
      .execute();
    expect(events).toHaveLength(3);
  });

  it('never answers automatic mail, and answers a sender once within the window', async () => {
    const robot = letter({ headers: ['Auto-Submitted: auto-replied'] });
    await send(robot.raw);
    const robotRequest = (await inbound(robot.messageId))[0]?.request_id as string;
    expect(robotRequest).toBeTruthy();
    expect(await letters(robotRequest)).toEqual([]);

    const bounce = letter({});
    await send(bounce.raw, { from: '', to: [mailboxAddress] });
    const bounceRequest = (await inbound(bounce.messageId))[0]?.request_id as string;
    expect(await letters(bounceRequest)).toEqual([]);

    const sender = `peteris.${unique()}@iedzivotajs.lv`;
    const one = letter({ from: sender, subject: 'Pirmais' });
    const two = letter({ from: sender, subject: 'Otrais' });
    await send(one.raw);
    await send(two.raw);
    const [oneRequest, twoRequest] = [
      (await inbound(one.messageId))[0]?.request_id as string,
      (await inbound(two.messageId))[0]?.request_id as string,
    ];
    expect(oneRequest).not.toBe(twoRequest);
    expect(await letters(oneRequest)).toHaveLength(1);
    expect(await letters(twoRequest)).toEqual([]);
  });

  it('keeps a message without a sender, or too large, raw and flagged for a person', async () => {
    const nameless = letter({ from: 'undisclosed-recipients:;' });
    await send(nameless.raw);
    const [flagged] = await inbound(nameless.messageId);
    expect(flagged).toMatchObject({ state: 'flagged', flag_reason: 'malformed', request_id: null });
    expect(flagged?.raw.toString()).toBe(nameless.raw);

    const big = letter({ body: 'x'.repeat(MAX_BYTES + 10) });
    await send(big.raw);
    const [tooLarge] = await inbound(big.messageId);
    expect(tooLarge).toMatchObject({
      state: 'flagged',
      flag_reason: 'too_large',
      request_id: null,
    });
    expect(tooLarge?.size).toBe(Buffer.byteLength(big.raw));

    // Past twice the limit the sending server is told (552), so its sender hears of it.
    const huge = letter({ body: 'x'.repeat(MAX_BYTES * 2 + 10) });
    await expect(send(huge.raw)).rejects.toMatchObject({ responseCode: 552 });
  });

  it('refuses a recipient no mailbox takes, so the sending server bounces it', async () => {
    const { raw } = letter({});
    await expect(
      send(raw, { from: 'x@example.lv', to: [`nobody.${unique()}@citur.lv`] }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('holds spam in quarantine: a forged sender, the block list, a flood from one address', async () => {
    const forged = letter({
      headers: [
        'Authentication-Results: mx.novads.lv; spf=fail smtp.mailfrom=x; dkim=none; dmarc=fail',
      ],
    });
    await send(forged.raw);
    const [held] = await inbound(forged.messageId);
    expect(held).toMatchObject({ state: 'quarantined', request_id: null });
    expect(held?.spam_reasons).toEqual([
      expect.objectContaining({ check: 'authentication', detail: 'dmarc=fail' }),
    ]);

    const blocked = `spam.${unique()}.lv`;
    await test.database.db
      .insertInto('mail_blocklist')
      .values({ entry: `@${blocked}`, created_at: test.clock.now() })
      .execute();
    const fromBlocked = letter({ from: `offers@mail.${blocked}` });
    await send(fromBlocked.raw);
    expect((await inbound(fromBlocked.messageId))[0]).toMatchObject({ state: 'quarantined' });

    const flooder = `flood.${unique()}@example.lv`;
    const states: string[] = [];
    for (let n = 0; n < 7; n += 1) {
      const one = letter({ from: flooder, subject: `Ziņa ${n}` });
      await send(one.raw);
      states.push((await inbound(one.messageId))[0]?.state as string);
    }
    // The limit is five an hour: the sixth and later wait for a person.
    expect(states).toEqual([
      'imported',
      'imported',
      'imported',
      'imported',
      'imported',
      'quarantined',
      'quarantined',
    ]);
  });

  it("makes a colleague's letter internal, and one to a colleague away goes to the substitute with an out-of-office reply", async () => {
    const colleague = await createPerson(test.services, { unitIds: [unitId] });
    const fromColleague = letter({ from: colleague.email });
    await send(fromColleague.raw);
    const internal = await request(
      (await inbound(fromColleague.messageId))[0]?.request_id as string,
    );
    expect(internal.client_kind).toBe('internal');
    // Received on Tuesday: a colleague's answer is due the next working day.
    expect(internal.due_on).toBe('2026-03-11');

    const away = await createPerson(test.services, { unitIds: [unitId], phone: '67000001' });
    const substitute = await createPerson(test.services, { unitIds: [unitId], phone: '67000002' });
    await test.services.absences.create(systemContext('test'), {
      staffId: away.id,
      kind: 'vacation',
      startsOn: '2026-03-09',
      endsOn: '2026-03-13',
      substituteId: substitute.id,
    });
    const sender = `klients.${unique()}@iedzivotajs.lv`;
    const toAway = letter({ from: sender, to: away.email });
    // The away person's address is not a mailbox of the receiver: refused, nothing stored.
    await expect(send(toAway.raw, { from: sender, to: [away.email] })).rejects.toMatchObject({
      responseCode: 550,
    });
    expect(await inbound(toAway.messageId)).toEqual([]);

    const catchAll = await addMailbox(`visi.${unique()}@novads.lv`, unitId, {
      accept_any_recipient: true,
    });
    expect(catchAll).toBeTruthy();
    await send(toAway.raw, { from: sender, to: [away.email] });
    const requestId = (await inbound(toAway.messageId))[0]?.request_id as string;
    expect((await request(requestId)).owner_id).toBe(substitute.id);
    const replies = await letters(requestId);
    const outOfOffice = replies.find((l) => l.kind === 'out_of_office');
    expect(outOfOffice?.recipient).toBe(sender);
    expect(outOfOffice?.body).toContain('13.03.2026');
    expect(outOfOffice?.body).toContain(substitute.surname);
    expect(outOfOffice?.body).toContain('67000002');
    // Signed as the away person's letters are: the template filled from their profile and unit.
    const unitName = (await test.services.units.get(systemContext('test'), unitId)).name;
    expect(outOfOffice?.body).toContain(
      `Ar cieņu\n${away.givenName} ${away.surname}\n${away.position}\n${unitName}\n`,
    );
    expect(outOfOffice?.body).toContain('Tālrunis: 67000001');

    // After the absence, the same kind of letter gets no such reply and stays with the person.
    test.clock.set('2026-03-16T09:00:00Z');
    const later = letter({ from: `cits.${unique()}@iedzivotajs.lv`, to: away.email });
    await send(later.raw, { from: 'x@example.lv', to: [away.email] });
    const laterId = (await inbound(later.messageId))[0]?.request_id as string;
    expect((await request(laterId)).owner_id).toBe(away.id);
    expect((await letters(laterId)).map((l) => l.kind)).toEqual(['acknowledgement']);
    await test.database.db
      .updateTable('mailboxes')
      .set({ active: false })
      .where('id', '=', catchAll)
      .execute();
  });

  it('takes a test letter sent from the command line (npm run apkalpo -- mail send-test)', async () => {
    const subject = `Testa vēstule ${unique()}`;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = await runCli(
      [
        'mail',
        'send-test',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--to',
        mailboxAddress,
        '--subject',
        subject,
      ],
      () => loadConfig({ NODE_ENV: 'test' }),
    );
    log.mockRestore();
    expect(code).toBe(0);
    const [row] = await test.database.db
      .selectFrom('inbound_messages')
      .select(['state', 'request_id'])
      .where('subject', '=', subject)
      .execute();
    expect(row?.state).toBe('imported');
    expect((await request(row?.request_id as string)).service).toBe(subject);

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = await runCli(
      ['mail', 'send-test', '--host', '127.0.0.1', '--port', '1', '--to', mailboxAddress],
      () => loadConfig({ NODE_ENV: 'test' }),
    );
    expect(refused).toBe(2);
    expect(String(error.mock.calls[0]?.[0])).toContain('Is Apkalpo running');
    error.mockRestore();
  });

  describe('what a clerk sees and does', () => {
    const forged = (subject: string) =>
      letter({
        subject,
        headers: ['Authentication-Results: mx.novads.lv; dmarc=fail'],
      });

    it('reviews the quarantine of their units, lets a letter out once, and it becomes a request', async () => {
      const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
      const stranger = await signedIn(test, {
        roles: ['specialist'],
        unitIds: [(await createUnit(test.services)).id],
      });
      const held = forged(`Ne mēstule ${unique()}`);
      await send(held.raw);
      const [row] = await inbound(held.messageId);

      const list = await call(test.app, clerk, { method: 'GET', url: '/api/v1/mail/held' });
      expect(list.statusCode).toBe(200);
      expect(list.json<TInboundMessagePage>().items.map((m) => m.id)).toContain(row?.id);
      const others = await call(test.app, stranger, { method: 'GET', url: '/api/v1/mail/held' });
      expect(others.json<TInboundMessagePage>().items.map((m) => m.id)).not.toContain(row?.id);
      const peek = await call(test.app, stranger, {
        method: 'GET',
        url: `/api/v1/mail/messages/${row?.id}`,
      });
      expect(peek.statusCode).toBe(404);

      const released = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/mail/messages/${row?.id}/release`,
      });
      expect(released.statusCode, released.body).toBe(200);
      const message = released.json<TInboundMessage>();
      expect(message.state).toBe('released');
      expect(message.requestId).toBeTruthy();
      const created = await request(message.requestId as string);
      expect(created.service).toBe(held.raw.match(/Subject: (.*)/)?.[1]);
      expect((await letters(created.id)).map((l) => l.kind)).toEqual(['acknowledgement']);

      const again = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/mail/messages/${row?.id}/release`,
      });
      expect(again.statusCode).toBe(409);
      expect(await inbound(held.messageId)).toHaveLength(1);
    });

    it('keeps a discarded letter out, and empties the quarantine after the configured days', async () => {
      const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
      const held = forged(`Laimests ${unique()}`);
      await send(held.raw);
      const [row] = await inbound(held.messageId);
      const discarded = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/mail/messages/${row?.id}/discard`,
      });
      expect(discarded.json<TInboundMessage>()).toMatchObject({
        state: 'discarded',
        requestId: null,
      });

      test.clock.set('2026-04-08T09:00:00Z');
      expect(await test.services.mail.purgeQuarantine()).toBe(0);
      test.clock.set('2026-04-10T09:00:00Z');
      expect(await test.services.mail.purgeQuarantine()).toBeGreaterThan(0);
      expect(await inbound(held.messageId)).toEqual([]);
    });

    it('shows a letter on its request safely: no scripts, no pictures from elsewhere until allowed, the original downloadable', async () => {
      const clerk = await signedIn(test, { roles: ['specialist'], unitIds: [unitId] });
      const boundary = `b${unique()}`;
      const messageId = `${unique()}@iedzivotajs.lv`;
      const raw = [
        `From: "Līga Kalniņa" <liga.${unique()}@iedzivotajs.lv>`,
        `To: ${mailboxAddress}`,
        'Subject: Ar bildi',
        `Message-ID: <${messageId}>`,
        'MIME-Version: 1.0',
        `Content-Type: multipart/mixed; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p onclick="steal()">Labdien!</p><script>alert(1)</script><img src="https://track.example/p.gif">',
        `--${boundary}`,
        'Content-Type: application/pdf; name="iesniegums.pdf"',
        'Content-Disposition: attachment; filename="iesniegums.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 iesniegums').toString('base64'),
        `--${boundary}--`,
        '',
      ].join('\r\n');
      await send(raw);
      const [row] = await inbound(messageId);
      const shown = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/requests/${row?.request_id}/mail`,
      });
      expect(shown.statusCode).toBe(200);
      const [message] = shown.json<TInboundMessageList>().items;
      expect(message?.html).toBe('<p>Labdien!</p>');
      expect(message).toMatchObject({ hasRemoteImages: true, remoteImagesAllowed: false });
      expect(message?.attachments).toEqual([
        expect.objectContaining({ filename: 'iesniegums.pdf', contentType: 'application/pdf' }),
      ]);

      const allowed = await call(test.app, clerk, {
        method: 'POST',
        url: `/api/v1/mail/messages/${row?.id}/remote-images`,
      });
      expect(allowed.json<TInboundMessage>().html).toContain('https://track.example/p.gif');

      const eml = await call(test.app, clerk, {
        method: 'GET',
        url: `/api/v1/mail/messages/${row?.id}/raw`,
      });
      expect(eml.statusCode).toBe(200);
      expect(eml.headers['content-type']).toContain('message/rfc822');
      expect(eml.rawPayload.toString()).toBe(raw);
    });

    it('keeps a block list: a domain or an address, clear errors for anything else', async () => {
      const head = await signedIn(test, { roles: ['client_service_head'], unitIds: [unitId] });
      const wrong = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/mail/blocklist',
        payload: { entry: 'nav adrese' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(fieldErrorsOf(wrong)).toEqual([{ field: 'entry', code: 'block_entry_invalid' }]);
      const domain = `@reklama-${unique()}.lv`;
      const added = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/mail/blocklist',
        payload: { entry: domain.toUpperCase(), note: 'Reklāma' },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ entry: domain, note: 'Reklāma' });
      const twice = await call(test.app, head, {
        method: 'POST',
        url: '/api/v1/mail/blocklist',
        payload: { entry: domain },
      });
      expect(fieldErrorsOf(twice)).toEqual([{ field: 'entry', code: 'block_entry_taken' }]);
    });
  });

  describe('letters that arrive together, stored in one transaction', () => {
    // A letter with these subjects fails: on its insert, or only when its transaction commits.
    const FAILS = 'Nesaglabājama vēstule';
    const FAILS_AT_COMMIT = 'Vēstule, kas neļauj apstiprināt';

    beforeAll(async () => {
      await sql`
        create function mail_test_fail() returns trigger language plpgsql as $$
        begin
          raise exception 'refused by the test';
        end $$`.execute(test.database.db);
      await sql`
        create trigger mail_test_fail before insert on inbound_messages for each row
        when (new.subject = ${sql.lit(FAILS)}) execute function mail_test_fail()`.execute(
        test.database.db,
      );
      await sql`
        create constraint trigger mail_test_fail_at_commit after insert on inbound_messages
        deferrable initially deferred for each row
        when (new.subject = ${sql.lit(FAILS_AT_COMMIT)}) execute function mail_test_fail()`.execute(
        test.database.db,
      );
    });
    afterAll(async () => {
      await sql`drop trigger mail_test_fail on inbound_messages`.execute(test.database.db);
      await sql`drop trigger mail_test_fail_at_commit on inbound_messages`.execute(
        test.database.db,
      );
      await sql`drop function mail_test_fail()`.execute(test.database.db);
    });

    const mailboxId = async () =>
      (
        await test.database.db
          .selectFrom('mailboxes')
          .select('id')
          .where('address', '=', mailboxAddress)
          .executeTakeFirstOrThrow()
      ).id;

    /** Hands letters to the import in one go, as the receiver does when they arrive together. */
    async function together(raws: string[]) {
      const id = await mailboxId();
      const transactions = vi.spyOn(test.database.db, 'transaction');
      try {
        const outcomes = await Promise.allSettled(
          raws.map((raw) =>
            test.services.mail.ingest({
              mailboxId: id,
              channel: 'email',
              source: 'smtp',
              sourceKey: null,
              raw: Buffer.from(raw),
              envelopeFrom: 'x@example.lv',
              envelopeTo: [mailboxAddress],
              receivedAt: test.clock.now(),
            }),
          ),
        );
        return { outcomes, transactions: transactions.mock.calls.length };
      } finally {
        transactions.mockRestore();
      }
    }

    it('stores the others when one letter fails, and that one is tried alone and refused', async () => {
      const good = [letter({}), letter({})];
      const bad = letter({ subject: FAILS });
      const { outcomes, transactions } = await together([good[0]!.raw, bad.raw, good[1]!.raw]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      // One transaction for the group, and one more for the letter that failed in it.
      expect(transactions).toBe(2);
      for (const { messageId } of good) {
        const [stored] = await inbound(messageId);
        expect(stored).toMatchObject({ state: 'imported' });
        expect(await letters(stored!.request_id!)).toHaveLength(1);
      }
      expect(await inbound(bad.messageId)).toHaveLength(0);
    });

    it('imports a letter that comes twice in one group once', async () => {
      const { raw, messageId } = letter({});
      const { outcomes, transactions } = await together([raw, raw]);
      expect(transactions).toBe(1);
      const [first, second] = outcomes.map((outcome) =>
        outcome.status === 'fulfilled' ? outcome.value : null,
      );
      expect(first).toMatchObject({ state: 'imported', duplicate: false });
      expect(second).toEqual({ ...first, duplicate: true });
      const stored = await inbound(messageId);
      expect(stored).toHaveLength(1);
      expect(await letters(stored[0]!.request_id!)).toHaveLength(1);
    });

    it('registers a new sender of two letters that come together once, acknowledges once, and joins a letter answering one of them to its request', async () => {
      const sender = `juris.${unique()}@iedzivotajs.lv`;
      const first = letter({
        from: `"Juris Kalns" <${sender}>`,
        subject: 'Par nekustamā īpašuma nodokli',
      });
      const second = letter({
        from: `"Juris Kalns" <${sender}>`,
        subject: 'Par atkritumu izvešanu',
      });
      const answer = letter({
        from: `"Juris Kalns" <${sender}>`,
        subject: 'Re: Par nekustamā īpašuma nodokli',
        headers: [`In-Reply-To: <${first.messageId}>`, `References: <${first.messageId}>`],
      });
      const { outcomes, transactions } = await together([first.raw, second.raw, answer.raw]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'fulfilled',
      ]);
      expect(transactions).toBe(1);
      const [a] = await inbound(first.messageId);
      const [b] = await inbound(second.messageId);
      const [c] = await inbound(answer.messageId);
      expect(a!.request_id).not.toEqual(b!.request_id);
      expect(c!.request_id).toEqual(a!.request_id);
      const requests = await test.database.db
        .selectFrom('service_requests')
        .select(['client_id', 'service'])
        .where('id', 'in', [a!.request_id!, b!.request_id!])
        .orderBy('service')
        .execute();
      expect(requests.map((row) => row.service)).toEqual([
        'Par atkritumu izvešanu',
        'Par nekustamā īpašuma nodokli',
      ]);
      expect(requests[0]!.client_id).toEqual(requests[1]!.client_id);
      const clients = await test.database.db
        .selectFrom('clients')
        .select('id')
        .where(sql<string>`lower(email)`, '=', sender)
        .execute();
      expect(clients).toHaveLength(1);
      const acknowledgements = await test.database.db
        .selectFrom('outgoing_messages')
        .select(['in_reply_to'])
        .where('kind', '=', 'acknowledgement')
        .where('recipient', '=', sender)
        .execute();
      expect(acknowledgements).toHaveLength(1);
    });

    it('answers no letter before its commit: a group whose commit fails is tried letter by letter', async () => {
      const good = letter({});
      const bad = letter({ subject: FAILS_AT_COMMIT });
      const { outcomes, transactions } = await together([good.raw, bad.raw]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
      expect(transactions).toBe(3);
      expect(await inbound(good.messageId)).toHaveLength(1);
      expect(await inbound(bad.messageId)).toHaveLength(0);
    });

    it('over SMTP: 250 for the letters committed, 451 for the one whose commit failed', async () => {
      const good = [letter({}), letter({})];
      const bad = letter({ subject: FAILS_AT_COMMIT });
      const answers = await Promise.allSettled(
        [good[0]!, bad, good[1]!].map(({ raw }) => send(raw)),
      );
      expect(answers[0]).toMatchObject({ status: 'fulfilled', value: { response: /^250 / } });
      expect(answers[1]).toMatchObject({ status: 'rejected', reason: { responseCode: 451 } });
      expect(answers[2]).toMatchObject({ status: 'fulfilled', value: { response: /^250 / } });
      for (const { messageId } of good) expect(await inbound(messageId)).toHaveLength(1);
      expect(await inbound(bad.messageId)).toHaveLength(0);
    });
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TFailedLetterPage } from '../../../contracts/outbox.contracts';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createPerson,
  createTestApp,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp-sink';
import { claimNextLetter } from './outbox.repository';
import { LEASE_MS } from './outbox.service';

const ctx = systemContext('outbox-test');
// The test clock stands at Tuesday 10 March 2026, 11:00 in Riga.
const TUESDAY = '2026-03-10T09:00:00Z';
const unique = () => randomBytes(4).toString('hex');

/** A unit with its own address, a clerk in it, and a request from a resident who wrote by email. */
async function mailDesk(test: TestApp) {
  const institution = await test.services.institutions.create(ctx, {
    name: `Iestāde ${unique()}`,
    kind: 'municipality',
  });
  const unit = await test.services.units.create(ctx, {
    institutionId: institution.id,
    name: `Nodaļa ${unique()}`,
    kind: 'department',
    email: `pasts.${unique()}@dome.example.lv`,
  });
  const clerk = await signedIn(test, { unitIds: [unit.id] });
  const resident = `janis.${unique()}@example.lv`;
  const contact = await createContact(test.services, unit.id, {
    channel: 'email',
    newClient: { kind: 'person', givenName: 'Jānis', surname: 'Bērziņš', email: resident },
  });
  const request = contact.requests[0];
  if (!request) throw new Error('no request');
  return { unit, clerk, resident, request };
}

const open = async (test: TestApp, session: Session, id: string) => {
  const response = await call(test.app, session, { method: 'GET', url: `/api/v1/requests/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TRequestDetail>();
};

const reply = async (
  test: TestApp,
  session: Session,
  request: { id: string; version: number },
  extra: Record<string, unknown> = {},
) => {
  const response = await call(test.app, session, {
    method: 'POST',
    url: `/api/v1/requests/${request.id}/replies`,
    payload: {
      subject: 'Atbilde',
      body: 'Labdien!\nJūsu jautājums ir izskatīts.',
      version: request.version,
      ...extra,
    },
  });
  expect(response.statusCode, response.body).toBe(200);
  const letter = response.json<TRequestDetail>().outgoingMessages.at(-1);
  if (!letter) throw new Error('no letter queued');
  return letter;
};

describe('outbox', () => {
  let sink: SmtpSink;
  let test: TestApp;
  beforeAll(async () => {
    sink = await startSmtpSink();
    test = await createTestApp({ mail: { relayUrl: sink.url } });
  });
  afterAll(async () => {
    await test.close();
    await sink.close();
  });
  beforeEach(() => test.clock.set(TUESDAY));

  const sentTo = (address: string) => sink.messages.filter((m) => m.envelopeTo.includes(address));

  it('sends a reply to the resident, threaded on their mail, with the request number and the PDF', async () => {
    const { unit, clerk, resident, request } = await mailDesk(test);
    // The mailbox the resident wrote to, and their mail that made the request, as the inbound
    // side stores them.
    const mailbox = await test.database.db
      .insertInto('mailboxes')
      .values({
        name: 'Klientu centrs',
        address: `klienti.${unique()}@dome.example.lv`,
        unit_id: unit.id,
        created_at: new Date(TUESDAY),
        updated_at: new Date(TUESDAY),
      })
      .returning(['id', 'address'])
      .executeTakeFirstOrThrow();
    await test.database.db
      .insertInto('inbound_messages')
      .values({
        mailbox_id: mailbox.id,
        channel: 'email',
        source: 'smtp',
        message_id: `<jautajums.${unique()}@example.lv>`,
        reference_ids: ['<sakums@example.lv>'],
        from_address: resident,
        subject: 'Jautājums',
        received_at: new Date(TUESDAY),
        size: 10,
        raw: Buffer.from('Subject: Jautājums\r\n\r\n?'),
        state: 'imported',
        request_id: request.id,
        created_at: new Date(TUESDAY),
      })
      .execute();
    const inbound = await test.database.db
      .selectFrom('inbound_messages')
      .select('message_id')
      .where('request_id', '=', request.id)
      .executeTakeFirstOrThrow();
    const editor = await createPerson(test.services, { roles: ['client_service_head'] });
    const article = await test.services.articles.create(
      { ...ctx, principal: { ...ctx.principal, staffId: editor.id } },
      {
        kind: 'guide',
        language: 'lv',
        title: 'Kā deklarēt dzīvesvietu',
        bodyHtml: '<p>Portālā latvija.gov.lv.</p>',
        visibility: 'public',
        ownerId: editor.id,
        reviewOn: '2027-01-01',
        serviceIds: [],
      },
    );

    const queued = await reply(test, clerk, request, { pdfArticleIds: [article.id] });
    expect(queued).toMatchObject({ state: 'due', recipient: resident, attempts: 0 });
    const report = await test.services.outbox.sendDue();
    expect(report.sent).toBeGreaterThanOrEqual(1);

    const [mail, ...more] = sentTo(resident);
    expect(more).toEqual([]);
    if (!mail) throw new Error('nothing reached the sink');
    expect(mail.parsed.subject).toBe(`Atbilde [${request.number}]`);
    // The answer leaves from the mailbox the resident wrote to.
    expect(mail.parsed.from?.value[0]).toEqual({
      name: 'Klientu centrs',
      address: mailbox.address,
    });
    expect(mail.envelopeFrom).toBe(mailbox.address);
    expect(mail.parsed.text).toContain('Jūsu jautājums ir izskatīts.');
    expect(mail.parsed.inReplyTo).toBe(inbound.message_id);
    expect(mail.parsed.references).toEqual(['<sakums@example.lv>', inbound.message_id]);
    expect(mail.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@dome\.example\.lv>$/);
    expect(mail.parsed.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(mail.parsed.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');

    const detail = await open(test, clerk, request.id);
    expect(detail.outgoingMessages.at(-1)).toMatchObject({
      id: queued.id,
      state: 'sent',
      attempts: 1,
      sentAt: new Date(TUESDAY).toISOString(),
      lastError: null,
      noMailServer: false,
    });
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'letter-sent',
      data: { messageId: queued.id, recipient: resident },
    });
    const stored = await test.database.db
      .selectFrom('outgoing_messages')
      .select('message_id')
      .where('id', '=', queued.id)
      .executeTakeFirstOrThrow();
    expect(stored.message_id).toBe(mail.parsed.messageId);
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', queued.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toContain('send');

    // Sent once: the next run finds nothing to send again.
    await test.services.outbox.sendDue();
    expect(sentTo(resident)).toHaveLength(1);
  });

  it('starts a thread of its own, from the unit, when the resident did not write by mail', async () => {
    const { unit, clerk, resident, request } = await mailDesk(test);
    await reply(test, clerk, request, { subject: `Par pieprasījumu [${request.number}]` });
    await test.services.outbox.sendDue();
    const [mail] = sentTo(resident);
    expect(mail?.parsed.subject).toBe(`Par pieprasījumu [${request.number}]`);
    expect(mail?.parsed.from?.value[0]?.address).toBe(unit.email);
    expect(mail?.parsed.inReplyTo).toBeUndefined();
    expect(mail?.parsed.references).toBeUndefined();
  });

  it('tries again later when the mail server refuses for now, then sends', async () => {
    const { clerk, resident, request } = await mailDesk(test);
    const queued = await reply(test, clerk, request);
    sink.refuseNext(1, 451, 'Greylisted, try again later');

    expect(await test.services.outbox.sendDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(sentTo(resident)).toEqual([]);
    const waiting = (await open(test, clerk, request.id)).outgoingMessages.at(-1);
    expect(waiting).toMatchObject({
      id: queued.id,
      state: 'due',
      attempts: 1,
      nextAttemptAt: '2026-03-10T09:01:00.000Z',
    });
    expect(waiting?.lastError).toContain('451');
    expect(waiting?.lastError).toContain('Greylisted');

    // Not before its time.
    test.clock.advance(30_000);
    expect(await test.services.outbox.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    test.clock.advance(30_000);
    expect(await test.services.outbox.sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sentTo(resident)).toHaveLength(1);
    expect((await open(test, clerk, request.id)).outgoingMessages.at(-1)).toMatchObject({
      state: 'sent',
      attempts: 2,
      lastError: null,
    });
  });

  it('fails a letter the mail server refuses for good, shows the answer, and sends it again on the administrator’s word', async () => {
    const { clerk, resident, request } = await mailDesk(test);
    const queued = await reply(test, clerk, request);
    sink.refuseNext(1, 550, 'No such user here');

    expect(await test.services.outbox.sendDue()).toEqual({ sent: 0, retried: 0, failed: 1 });
    const detail = await open(test, clerk, request.id);
    const letter = detail.outgoingMessages.at(-1);
    expect(letter).toMatchObject({ id: queued.id, state: 'failed', attempts: 1 });
    expect(letter?.lastError).toContain('550');
    expect(letter?.lastError).toContain('No such user here');
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'letter-failed' });
    // Failed stays failed: the next run leaves it alone.
    test.clock.advance(24 * 60 * 60_000);
    await test.services.outbox.sendDue();
    expect(sentTo(resident)).toEqual([]);
    test.clock.set(TUESDAY); // the sessions' time

    const admin = await signedIn(test, { roles: ['administrator'] });
    const list = await call(test.app, admin, {
      method: 'GET',
      url: '/api/v1/outbox/failed?pageSize=100',
    });
    expect(list.statusCode, list.body).toBe(200);
    const failed = list.json<TFailedLetterPage>().items.find((item) => item.id === queued.id);
    expect(failed).toMatchObject({
      request: { id: request.id, number: request.number },
      recipient: resident,
      attempts: 1,
    });
    expect(failed?.lastError).toContain('No such user here');
    expect(
      (await call(test.app, clerk, { method: 'GET', url: '/api/v1/outbox/failed' })).statusCode,
    ).toBe(403);

    const retry = (session: Session) =>
      call(test.app, session, { method: 'POST', url: `/api/v1/outbox/${queued.id}/retry` });
    expect((await retry(clerk)).statusCode).toBe(403);
    expect((await retry(admin)).statusCode).toBe(204);
    expect((await retry(admin)).statusCode).toBe(409);
    await test.services.outbox.sendDue();
    expect(sentTo(resident)).toHaveLength(1);
    expect((await open(test, clerk, request.id)).outgoingMessages.at(-1)).toMatchObject({
      state: 'sent',
    });
  });

  it('leaves alone a letter with no address to send to', async () => {
    const unit = await test.services.units.create(ctx, {
      institutionId: (
        await test.services.institutions.create(ctx, { name: `Iestāde ${unique()}`, kind: 'state' })
      ).id,
      name: `Nodaļa ${unique()}`,
      kind: 'department',
    });
    const clerk = await signedIn(test, { unitIds: [unit.id] });
    const contact = await createContact(test.services, unit.id, {
      channel: 'email',
      newClient: { kind: 'person', givenName: 'Anna', surname: 'Kalniņa' },
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    const queued = await reply(test, clerk, request);
    expect(queued.recipient).toBeNull();
    await test.services.outbox.sendDue();
    expect((await open(test, clerk, request.id)).outgoingMessages.at(-1)).toMatchObject({
      state: 'due',
      attempts: 0,
    });
  });

  it('leaves a letter another sender holds until its lease ends, then sends it', async () => {
    const { clerk, resident, request } = await mailDesk(test);
    const queued = await reply(test, clerk, request);
    // A sender claims the letter and dies before it sends.
    const claimed = await claimNextLetter(test.database.db, {
      channels: ['email'],
      now: test.clock.now(),
      leaseUntil: new Date(test.clock.now().getTime() + LEASE_MS),
    });
    expect(claimed?.id).toBe(queued.id);

    await test.services.outbox.sendDue();
    expect(sentTo(resident)).toEqual([]);
    test.clock.advance(LEASE_MS);
    await test.services.outbox.sendDue();
    expect(sentTo(resident)).toHaveLength(1);
    // The dead sender's attempt counts.
    expect((await open(test, clerk, request.id)).outgoingMessages.at(-1)).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('never sends one letter twice when two senders run at once', async () => {
    const desks = await Promise.all([1, 2, 3, 4].map(() => mailDesk(test)));
    for (const desk of desks) await reply(test, desk.clerk, desk.request);

    const reports = await Promise.all([
      test.services.outbox.sendDue(),
      test.services.outbox.sendDue(),
    ]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBeGreaterThanOrEqual(4);
    for (const desk of desks) expect(sentTo(desk.resident)).toHaveLength(1);
  });
});

describe('outbox without a mail server', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('keeps the letter waiting and says on the request that no mail server is configured', async () => {
    test.clock.set(TUESDAY);
    const { clerk, request } = await mailDesk(test);
    const queued = await reply(test, clerk, request);
    expect(queued.noMailServer).toBe(false);

    expect(await test.services.outbox.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect((await open(test, clerk, request.id)).outgoingMessages.at(-1)).toMatchObject({
      id: queued.id,
      state: 'due',
      attempts: 0,
      lastError: null,
      noMailServer: true,
    });
  });
});

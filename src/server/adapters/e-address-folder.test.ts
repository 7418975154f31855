import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../http/access';
import { createContact, createTestApp, createUnit, type TestApp } from '../testing/test-app';
import { createFolderGateway } from './e-address-folder';

const unique = () => randomBytes(4).toString('hex');

describe('the e-address exchange (the folder standing for the state service)', () => {
  let test: TestApp;
  let dir: string;
  let unitId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'apkalpo-e-address-'));
    test = await createTestApp({ eAddressGateway: createFolderGateway(dir) });
    unitId = (await createUnit(test.services)).id;
    const now = test.clock.now();
    await test.database.db
      .insertInto('mailboxes')
      .values({
        name: 'Vispārējā pastkaste',
        address: `pasts.${unique()}@novads.lv`,
        unit_id: unitId,
        smtp_enabled: true,
        accept_any_recipient: true,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(async () => {
    await test.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a letter from the e-address service into a request once, and confirms it', async () => {
    await mkdir(path.join(dir, 'in'), { recursive: true });
    const messageId = `${unique()}@e-adrese.gov.lv`;
    await writeFile(
      path.join(dir, 'in', '0001.eml'),
      [
        'From: "Kārlis Zariņš" <karlis.zarins@example.lv>',
        'Subject: Iesniegums par nekustamā īpašuma nodokli',
        `Message-ID: <${messageId}>`,
        '',
        'Lūdzu piešķirt nodokļa atvieglojumu.',
      ].join('\r\n'),
    );
    expect(await test.services.mail.readEAddress(createFolderGateway(dir))).toBe(1);
    const row = await test.database.db
      .selectFrom('inbound_messages as m')
      .innerJoin('service_requests as r', 'r.id', 'm.request_id')
      .select([
        'm.channel',
        'm.source',
        'm.source_key',
        'r.channel as request_channel',
        'r.unit_id',
      ])
      .where('m.message_id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'e_address',
      source: 'e_address',
      source_key: '0001.eml',
      request_channel: 'e_address',
      unit_id: unitId,
    });
    // The sender is known by their e-address, so the answer goes back there.
    const client = await test.database.db
      .selectFrom('inbound_messages as m')
      .innerJoin('service_requests as r', 'r.id', 'm.request_id')
      .innerJoin('clients as c', 'c.id', 'r.client_id')
      .select(['c.e_address', 'c.email', 'c.given_name', 'c.surname'])
      .where('m.message_id', '=', messageId)
      .executeTakeFirstOrThrow();
    expect(client).toEqual({
      e_address: 'karlis.zarins@example.lv',
      email: null,
      given_name: 'Kārlis',
      surname: 'Zariņš',
    });
    expect(await readdir(path.join(dir, 'in'))).toEqual(['done']);
    expect(await readdir(path.join(dir, 'in', 'done'))).toEqual(['0001.eml']);
    expect(await test.services.mail.readEAddress(createFolderGateway(dir))).toBe(0);
  });

  it("sends a reply to a resident's e-address through the gateway", async () => {
    const contact = await createContact(test.services, unitId, {
      channel: 'e_address',
      newClient: {
        kind: 'person',
        givenName: 'Ilze',
        surname: 'Bērziņa',
        eAddress: '010190-12345',
      },
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    await test.services.correspondence.reply(systemContext('test'), request.id, {
      subject: 'Atbilde uz Jūsu iesniegumu',
      body: 'Labdien! Atvieglojums piešķirts.',
      pdfArticleIds: [],
      markAnswered: true,
      language: 'lv',
      quote: false,
      version: request.version,
    });
    expect(await test.services.outbox.sendDue()).toMatchObject({ sent: 1 });
    const files = (await readdir(path.join(dir, 'out'))).sort();
    const note = files.find((name) => name.endsWith('.json'));
    const letter = files.find((name) => name.endsWith('.eml'));
    expect(JSON.parse(await readFile(path.join(dir, 'out', note as string), 'utf8'))).toMatchObject(
      {
        to: '010190-12345',
        subject: `Atbilde uz Jūsu iesniegumu [${request.number}]`,
      },
    );
    const raw = await readFile(path.join(dir, 'out', letter as string), 'utf8');
    expect(raw).toContain('X-E-Address: 010190-12345');
    const sent = await test.database.db
      .selectFrom('outgoing_messages')
      .select(['state', 'sent_at'])
      .where('request_id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(sent.state).toBe('sent');
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateMailboxBody, type TMailbox } from '../../../contracts/mailboxes.contracts';
import type { TUnit } from '../../../contracts/units.contracts';
import { systemContext } from '../../http/access';
import {
  call,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';
import { MailboxSecretError } from './mailboxes.service';

const unique = () => randomBytes(4).toString('hex');
const ctx = systemContext('mailboxes-test');
const PASSWORD = 'Imap-parole-ļoti-slepena';

describe('mailboxes', () => {
  let test: TestApp;
  let admin: Session;
  let unit: TUnit;
  const key = randomBytes(32);
  beforeAll(async () => {
    test = await createTestApp({ mail: { secretKey: key } });
    admin = await signedIn(test, { roles: ['administrator'] });
    unit = await createUnit(test.services);
  });
  afterAll(() => test.close());

  const address = () => `pasts.${unique()}@example.lv`;

  const postMailbox = (body: Record<string, unknown>, session: Session = admin) =>
    call(test.app, session, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { name: `Pastkaste ${unique()}`, address: address(), unitId: unit.id, ...body },
    });

  async function createMailbox(body: Record<string, unknown> = {}): Promise<TMailbox> {
    const response = await postMailbox(body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const patchMailbox = (mailbox: TMailbox, body: Record<string, unknown>) =>
    call(test.app, admin, {
      method: 'PATCH',
      url: `/api/v1/mailboxes/${mailbox.id}`,
      payload: { version: mailbox.version, ...body },
    });

  const auditOf = (mailbox: TMailbox) =>
    test.services.audit.list(ctx, { entityType: 'mailbox', entityId: mailbox.id, limit: 100 });

  describe('POST /api/v1/mailboxes', () => {
    it('sets up a mailbox with its unit, policy, IMAP account and acknowledgement', async () => {
      const mailbox = await createMailbox({
        name: 'Klientu apkalpošanas centrs',
        address: 'Pasts.KAC@Example.LV',
        policyCode: 'external-written',
        smtpEnabled: true,
        imapHost: 'imap.example.lv',
        imapUser: 'kac',
        imapDoneFolder: 'Apkalpo',
        ackEnabled: true,
        ackSubjectLv: 'Jūsu iesniegums saņemts [{numurs}]',
        ackBodyLv: 'Reģistrēts ar numuru {numurs}; atbilde līdz {termiņš}.',
        ackSubjectEn: 'Your message was received [{number}]',
        ackBodyEn: 'Registered as {number}; answered by {due}.',
      });

      expect(mailbox).toMatchObject({
        name: 'Klientu apkalpošanas centrs',
        address: 'pasts.kac@example.lv',
        unitId: unit.id,
        unitName: unit.name,
        policyCode: 'external-written',
        smtpEnabled: true,
        acceptAnyRecipient: false,
        imapHost: 'imap.example.lv',
        // IMAP over TLS on its usual port when none is given.
        imapPort: 993,
        imapTls: true,
        imapUser: 'kac',
        hasPassword: false,
        imapFolder: 'INBOX',
        imapDoneFolder: 'Apkalpo',
        ackEnabled: true,
        active: true,
        state: null,
        version: 1,
      });
      const audit = await auditOf(mailbox);
      expect(audit.items).toMatchObject([{ action: 'create', after: { id: mailbox.id } }]);
    });

    it('names each field that is wrong', async () => {
      const cases: Array<[Record<string, unknown>, Array<{ field: string; code: string }>]> = [
        [{ address: 'nav adrese' }, [{ field: 'address', code: 'invalid_email' }]],
        [{ name: '  ' }, [{ field: 'name', code: 'required' }]],
        [
          { imapHost: 'imap.example.lv', imapUser: 'a', imapPort: 0 },
          [{ field: 'imapPort', code: 'too_small_number' }],
        ],
        [
          { imapHost: 'imap.example.lv', imapUser: 'a', imapPort: 65536 },
          [{ field: 'imapPort', code: 'too_big_number' }],
        ],
        [
          { unitId: '00000000-0000-4000-8000-000000000000' },
          [{ field: 'unitId', code: 'unknown_reference' }],
        ],
        [{ policyCode: 'nav-tadas' }, [{ field: 'policyCode', code: 'unknown_reference' }]],
        [{ imapHost: 'imap.example.lv' }, [{ field: 'imapUser', code: 'required' }]],
        [{ ackEnabled: true, ackBodyLv: 'Teksts' }, [{ field: 'ackSubjectLv', code: 'required' }]],
        [
          { ackBodyLv: 'Labdien, {vārds}! Numurs {numurs}.', ackSubjectEn: 'Received [{nr}]' },
          [
            { field: 'ackSubjectEn', code: 'unknown_placeholder' },
            { field: 'ackBodyLv', code: 'unknown_placeholder' },
          ],
        ],
      ];
      for (const [body, errors] of cases) {
        const response = await postMailbox(body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldErrorsOf(response)).toEqual(expect.arrayContaining(errors));
        expect(fieldErrorsOf(response)).toHaveLength(errors.length);
      }
    });

    it('explains an unknown placeholder in the reader’s language', async () => {
      const response = await call(test.app, admin, {
        method: 'POST',
        url: '/api/v1/mailboxes',
        headers: { 'accept-language': 'en' },
        payload: { name: 'X', address: address(), unitId: unit.id, ackBodyEn: 'Dear {name}' },
      });
      expect(problemOf(response).errors).toEqual([
        {
          field: 'ackBodyEn',
          in: 'body',
          code: 'unknown_placeholder',
          message:
            'The text has an unknown placeholder; use {numurs}, {number}, {termiņš} and {due}.',
        },
      ]);
    });

    it('refuses an address another mailbox has, whatever its case', async () => {
      const taken = address();
      await createMailbox({ address: taken });

      const response = await postMailbox({ address: taken.toUpperCase() });

      expect(response.statusCode).toBe(400);
      expect(fieldErrorsOf(response)).toEqual([{ field: 'address', code: 'address_taken' }]);
      expect(problemOf(response).errors?.[0]?.message).toBe(
        'Šī adrese jau pieder citai pastkastei.',
      );
    });
    it('names every rule the settings break at once, so the form shows them together', async () => {
      const taken = await createMailbox();
      const response = await postMailbox({
        address: taken.address,
        policyCode: 'nav-tadas',
        imapHost: 'imap.example.lv',
        ackEnabled: true,
      });
      expect(fieldErrorsOf(response)).toEqual([
        { field: 'address', code: 'address_taken' },
        { field: 'policyCode', code: 'unknown_reference' },
        { field: 'imapUser', code: 'required' },
        { field: 'ackSubjectLv', code: 'required' },
        { field: 'ackBodyLv', code: 'required' },
      ]);
    });
  });

  describe('the IMAP password', () => {
    it('is stored encrypted, never answered, never in the audit log, and opened for the reader', async () => {
      const created = await postMailbox({
        imapHost: 'imap.example.lv',
        imapUser: 'kac',
        imapPassword: PASSWORD,
      });
      expect(created.statusCode).toBe(201);
      expect(created.body).not.toContain(PASSWORD);
      const mailbox = created.json<TMailbox>();
      expect(mailbox.hasPassword).toBe(true);
      expect(mailbox).not.toHaveProperty('imapPassword');

      const stored = await test.database.db
        .selectFrom('mailboxes')
        .select('imap_password')
        .where('id', '=', mailbox.id)
        .executeTakeFirstOrThrow();
      expect(stored.imap_password).not.toBeNull();
      expect(stored.imap_password?.toString('utf8')).not.toContain(PASSWORD);

      const changed = await patchMailbox(mailbox, { imapPassword: 'Cita-parole', imapPort: 1993 });
      expect(changed.statusCode).toBe(200);
      expect(changed.body).not.toContain('Cita-parole');
      const read = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/mailboxes/${mailbox.id}`,
      });
      expect(read.body).not.toContain('Cita-parole');
      const list = await call(test.app, admin, { method: 'GET', url: '/api/v1/mailboxes' });
      expect(list.body).not.toContain('Cita-parole');

      const audit = await auditOf(mailbox);
      const logged = JSON.stringify(audit.items);
      expect(audit.items.map((item) => item.action)).toEqual(['update', 'create']);
      expect(audit.items[0]?.context).toEqual({ password: 'set' });
      expect(logged).not.toContain(PASSWORD);
      expect(logged).not.toContain('Cita-parole');
      expect(logged).not.toContain(stored.imap_password?.toString('base64'));

      await expect(
        test.services.mailboxes.imapSettingsFor(test.database.db, mailbox.id),
      ).resolves.toEqual({
        host: 'imap.example.lv',
        port: 1993,
        tls: true,
        user: 'kac',
        password: 'Cita-parole',
        folder: 'INBOX',
        doneFolder: null,
      });
    });

    it('is kept when left out and removed with null', async () => {
      const mailbox = await createMailbox({
        imapHost: 'imap.example.lv',
        imapUser: 'kac',
        imapPassword: PASSWORD,
      });
      const renamed = await patchMailbox(mailbox, { name: 'Jauns nosaukums' });
      expect(renamed.json()).toMatchObject({ hasPassword: true, version: 2 });

      const cleared = await patchMailbox(renamed.json(), { imapPassword: null });

      expect(cleared.json()).toMatchObject({ hasPassword: false, version: 3 });
      const settings = await test.services.mailboxes.imapSettingsFor(test.database.db, mailbox.id);
      expect(settings?.password).toBeNull();
      expect((await auditOf(mailbox)).items[0]?.context).toEqual({ password: 'removed' });
    });

    it('cannot be set when the server has no key, saying so on the field', async () => {
      const keyless = await createTestApp();
      try {
        const session = await signedIn(keyless, { roles: ['administrator'] });
        const home = await createUnit(keyless.services);
        const response = await call(keyless.app, session, {
          method: 'POST',
          url: '/api/v1/mailboxes',
          payload: {
            name: 'Bez atslēgas',
            address: address(),
            unitId: home.id,
            imapHost: 'imap.example.lv',
            imapUser: 'kac',
            imapPassword: PASSWORD,
          },
        });
        expect(response.statusCode).toBe(400);
        expect(fieldErrorsOf(response)).toEqual([{ field: 'imapPassword', code: 'no_secret_key' }]);
        expect(problemOf(response).errors?.[0]?.message).toMatch(/APKALPO_SECRET_KEY/);
        const list = await call(keyless.app, session, { method: 'GET', url: '/api/v1/mailboxes' });
        expect(list.json()).toMatchObject({ total: 0, passwordsCanBeStored: false });
      } finally {
        await keyless.close();
      }
    });

    it('does not open with another key: the reader gets a clear error, not a wrong password', async () => {
      const mailbox = await createMailbox({
        imapHost: 'imap.example.lv',
        imapUser: 'kac',
        imapPassword: PASSWORD,
      });
      const otherKey = await createTestApp({ mail: { secretKey: randomBytes(32) } });
      try {
        const stored = await test.database.db
          .selectFrom('mailboxes')
          .select('imap_password')
          .where('id', '=', mailbox.id)
          .executeTakeFirstOrThrow();
        // The same row in the other application's database, sealed with this one's key.
        const home = await createUnit(otherKey.services);
        const copy = await otherKey.services.mailboxes.create(
          ctx,
          CreateMailboxBody.parse({
            name: 'Kopija',
            address: address(),
            unitId: home.id,
            imapHost: 'imap.example.lv',
            imapUser: 'kac',
          }),
        );
        await otherKey.database.db
          .updateTable('mailboxes')
          .set({ imap_password: stored.imap_password })
          .where('id', '=', copy.id)
          .execute();

        await expect(
          otherKey.services.mailboxes.imapSettingsFor(otherKey.database.db, copy.id),
        ).rejects.toThrow(MailboxSecretError);
      } finally {
        await otherKey.close();
      }
    });
  });

  describe('GET /api/v1/mailboxes', () => {
    it('pages through the mailboxes, finds them by name or address, and shows each reader’s state', async () => {
      const marker = unique();
      const first = await createMailbox({ name: `Būvvalde ${marker}` });
      const second = await createMailbox({ address: `buvvalde.${marker}@example.lv` });
      await test.database.db
        .insertInto('mailbox_states')
        .values({
          mailbox_id: first.id,
          connected: false,
          checked_at: new Date('2026-12-04T10:00:00Z'),
          last_message_at: new Date('2026-12-04T09:30:00Z'),
          last_error: 'Invalid credentials',
          last_error_at: new Date('2026-12-04T10:00:00Z'),
        })
        .execute();

      const page = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/mailboxes?q=${marker}&pageSize=1`,
      });
      const next = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/mailboxes?q=${marker}&pageSize=1&page=2`,
      });

      expect(page.json()).toMatchObject({
        total: 2,
        page: 1,
        pageSize: 1,
        passwordsCanBeStored: true,
      });
      const found = [
        ...page.json<{ items: TMailbox[] }>().items,
        ...next.json<{ items: TMailbox[] }>().items,
      ];
      expect(found.map((mailbox) => mailbox.id).sort()).toEqual([first.id, second.id].sort());
      expect(found.find((mailbox) => mailbox.id === first.id)?.state).toEqual({
        connected: false,
        checkedAt: '2026-12-04T10:00:00.000Z',
        lastMessageAt: '2026-12-04T09:30:00.000Z',
        lastError: 'Invalid credentials',
        lastErrorAt: '2026-12-04T10:00:00.000Z',
      });
    });

    it('answers 404 for a mailbox that does not exist', async () => {
      const response = await call(test.app, admin, {
        method: 'GET',
        url: '/api/v1/mailboxes/00000000-0000-4000-8000-000000000000',
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('PATCH /api/v1/mailboxes/:id', () => {
    it('changes the settings and moves the version on, with before and after in the log', async () => {
      const mailbox = await createMailbox();
      const response = await patchMailbox(mailbox, { smtpEnabled: true, policyCode: 'internal' });

      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        smtpEnabled: true,
        policyCode: 'internal',
        version: 2,
      });
      const [entry] = (await auditOf(mailbox)).items;
      expect(entry).toMatchObject({
        action: 'update',
        before: { smtpEnabled: false, version: 1 },
        after: { smtpEnabled: true, version: 2 },
      });
    });

    it('deactivates a mailbox', async () => {
      const mailbox = await createMailbox();
      const response = await patchMailbox(mailbox, { active: false });
      expect(response.json()).toMatchObject({ active: false, version: 2 });
      const inactive = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/mailboxes?active=false&q=${encodeURIComponent(mailbox.address)}`,
      });
      expect(inactive.json()).toMatchObject({ total: 1, items: [{ id: mailbox.id }] });
    });

    it('refuses another mailbox’s address', async () => {
      const other = await createMailbox();
      const mailbox = await createMailbox();
      const response = await patchMailbox(mailbox, { address: other.address.toUpperCase() });
      expect(fieldErrorsOf(response)).toEqual([{ field: 'address', code: 'address_taken' }]);
      // Its own address, in another case, is not taken.
      const same = await patchMailbox(mailbox, { address: mailbox.address.toUpperCase() });
      expect(same.statusCode).toBe(200);
    });

    it('refuses a stale version with 409 and keeps the first change', async () => {
      const mailbox = await createMailbox();
      expect((await patchMailbox(mailbox, { name: 'Pirmais' })).statusCode).toBe(200);

      const stale = await patchMailbox(mailbox, { name: 'Otrais' });

      expect(stale.statusCode).toBe(409);
      expect(problemOf(stale).code).toBe('version_conflict');
      const read = await call(test.app, admin, {
        method: 'GET',
        url: `/api/v1/mailboxes/${mailbox.id}`,
      });
      expect(read.json()).toMatchObject({ name: 'Pirmais', version: 2 });
    });
  });

  it('is for administrators alone, reading too', async () => {
    const mailbox = await createMailbox();
    for (const role of ['specialist', 'unit_head', 'client_service_head', 'auditor'] as const) {
      const session = await signedIn(test, { roles: [role], unitIds: [unit.id] });
      const list = await call(test.app, session, { method: 'GET', url: '/api/v1/mailboxes' });
      const one = await call(test.app, session, {
        method: 'GET',
        url: `/api/v1/mailboxes/${mailbox.id}`,
      });
      const created = await postMailbox({}, session);
      expect([list.statusCode, one.statusCode, created.statusCode], role).toEqual([403, 403, 403]);
    }
  });

  it('finds the mailbox a recipient writes to, else the one catch-all, never an inactive or non-SMTP one', async () => {
    const mailboxes = test.services.mailboxes;
    const db = test.database.db;
    const kac = await createMailbox({ smtpEnabled: true });
    const imapOnly = await createMailbox({ smtpEnabled: false });
    const closed = await createMailbox({ smtpEnabled: true });
    await patchMailbox(closed, { active: false });

    expect(await mailboxes.forAddress(db, kac.address.toUpperCase())).toMatchObject({
      id: kac.id,
      unitId: unit.id,
      address: kac.address,
    });
    expect(await mailboxes.forAddress(db, imapOnly.address)).toBeNull();
    expect(await mailboxes.forAddress(db, closed.address)).toBeNull();
    expect(await mailboxes.forSmtpRecipients(db, ['nezinams@example.lv'])).toBeNull();

    const catchAll = await createMailbox({ smtpEnabled: true, acceptAnyRecipient: true });
    const second = await postMailbox({ smtpEnabled: true, acceptAnyRecipient: true });
    expect(fieldErrorsOf(second)).toEqual([
      { field: 'acceptAnyRecipient', code: 'catch_all_taken' },
    ]);
    try {
      expect(await mailboxes.forSmtpRecipients(db, ['nezinams@example.lv'])).toMatchObject({
        id: catchAll.id,
      });
      expect(await mailboxes.forSmtpRecipients(db, [])).toMatchObject({ id: catchAll.id });
      // A mailbox named among the recipients wins over the catch-all, the first named first.
      expect(
        await mailboxes.forSmtpRecipients(db, [
          'nezinams@example.lv',
          kac.address,
          catchAll.address,
        ]),
      ).toMatchObject({ id: kac.id });
      expect(await mailboxes.forSmtpRecipients(db, [catchAll.address, kac.address])).toMatchObject({
        id: catchAll.id,
      });
      expect(await mailboxes.forAddress(db, closed.address)).toMatchObject({ id: catchAll.id });
    } finally {
      await patchMailbox(catchAll, { active: false });
    }

    expect(await mailboxes.byId(db, closed.id)).toMatchObject({
      id: closed.id,
      active: false,
      unitId: unit.id,
      policyCode: null,
      acknowledgement: { enabled: false, subjectLv: '' },
    });
    expect(await mailboxes.byId(db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

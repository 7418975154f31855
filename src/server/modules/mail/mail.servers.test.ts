import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../http/access';
import { createTestApp, createUnit, type TestApp } from '../../testing/test-app';
import { startImapServer, type TestImapServer } from '../../testing/imap-server';
import { useRspamd } from '../../testing/rspamd';
import { createImapReader, createImapWatcher, type ImapSettings } from './mail.imap';
import type { MailIngest } from './mail.ports';

// Against the real mail servers the product works with: Debian's Dovecot for IMAP and rspamd.
// Run by `npm run test:servers` (CI installs both packages).

const unique = () => randomBytes(4).toString('hex');

const letter = (subject: string, body = 'Labdien! Lūdzu palīdzību.') => {
  const messageId = `${unique()}@iedzivotajs.lv`;
  return {
    messageId,
    raw: Buffer.from(
      [
        `From: "Inese Liepa" <inese.${unique()}@iedzivotajs.lv>`,
        'To: pasts@novads.lv',
        `Subject: ${subject}`,
        `Message-ID: <${messageId}>`,
        'Date: Tue, 10 Mar 2026 10:55:00 +0200',
        'Content-Type: text/plain; charset=utf-8',
        '',
        body,
        '',
      ].join('\r\n'),
    ),
  };
};

describe('mail from real servers', () => {
  let test: TestApp;
  let imap: TestImapServer;
  let rspamd: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    [imap, rspamd] = await Promise.all([startImapServer(), useRspamd()]);
    test = await createTestApp({ mail: { rspamdUrl: rspamd.url, secretKey: randomBytes(32) } });
  }, 120_000);
  afterAll(async () => {
    await test?.close();
    await imap?.stop();
    await rspamd?.stop();
  });

  async function mailbox(folder = 'INBOX', doneFolder: string | null = null) {
    const unit = await createUnit(test.services);
    const now = test.clock.now();
    const row = await test.database.db
      .insertInto('mailboxes')
      .values({
        name: 'IMAP',
        address: `imap.${unique()}@novads.lv`,
        unit_id: unit.id,
        imap_host: imap.host,
        imap_port: imap.port,
        imap_tls: false,
        imap_user: imap.user,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const settings: ImapSettings = {
      mailboxId: row.id,
      host: imap.host,
      port: imap.port,
      tls: false,
      user: imap.user,
      password: imap.password,
      folder,
      doneFolder,
    };
    return settings;
  }

  /** Puts messages into a folder on the server, as a mail server delivering them would. */
  async function deliver(folder: string, ...messages: Buffer[]) {
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
    });
    await client.connect();
    try {
      if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
      for (const message of messages) await client.append(folder, message);
    } finally {
      await client.logout();
    }
  }

  async function flagsIn(folder: string) {
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
    });
    await client.connect();
    try {
      const lock = await client.getMailboxLock(folder);
      try {
        const messages = await client.fetchAll('1:*', { uid: true, flags: true });
        return messages.map((message) => [...(message.flags ?? [])]);
      } finally {
        lock.release();
      }
    } catch {
      return [];
    } finally {
      await client.logout();
    }
  }

  const stored = (messageId: string) =>
    test.database.db
      .selectFrom('inbound_messages')
      .select(['id', 'state', 'request_id', 'source', 'source_key'])
      .where('message_id', '=', messageId)
      .execute();

  const readerWith = (ingest: MailIngest['ingest']) =>
    createImapReader({
      ingest,
      progress: test.services.mail.imapProgress,
      now: () => test.clock.now(),
    });

  it('imports new IMAP mail into requests, marks it seen only then, and never twice', async () => {
    const folder = `Iesūtne${unique()}`;
    const settings = await mailbox(folder);
    const letters = [letter('Pirmā'), letter('Otrā'), letter('Trešā')];
    await deliver(folder, ...letters.map((l) => l.raw));

    const reader = readerWith(test.services.mail.ingest);
    expect(await reader.poll(settings)).toEqual({ imported: 3 });
    for (const l of letters) {
      const rows = await stored(l.messageId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ state: 'imported', source: 'imap' });
      expect(rows[0]?.request_id).toBeTruthy();
    }
    expect((await flagsIn(folder)).every((flags) => flags.includes('\\Seen'))).toBe(true);

    // A new reader (the server restarted) finds nothing new.
    expect(await readerWith(test.services.mail.ingest).poll(settings)).toEqual({ imported: 0 });
    const state = await test.database.db
      .selectFrom('mailbox_states')
      .selectAll()
      .where('mailbox_id', '=', settings.mailboxId)
      .executeTakeFirstOrThrow();
    expect(state).toMatchObject({ connected: true, last_error: null });
  });

  it('imports each message exactly once after a crash in the middle of an import', async () => {
    const folder = `Avārija${unique()}`;
    const settings = await mailbox(folder);
    const letters = [letter('Viens'), letter('Divi'), letter('Trīs')];
    await deliver(folder, ...letters.map((l) => l.raw));

    // The process dies right after the second message committed, before the server heard of it.
    let calls = 0;
    const crashing: MailIngest['ingest'] = async (input) => {
      const result = await test.services.mail.ingest(input);
      calls += 1;
      if (calls === 2) throw new Error('killed');
      return result;
    };
    await expect(readerWith(crashing).poll(settings)).rejects.toThrow('killed');
    expect((await flagsIn(folder)).some((flags) => flags.includes('\\Seen'))).toBe(false);

    // The poll hands the letters over together and they commit in groups (decision 45): how
    // many were in by the crash depends on the grouping; the second poll brings the rest, once.
    const committed = (await Promise.all(letters.map((l) => stored(l.messageId)))).filter(
      (rows) => rows.length > 0,
    ).length;
    expect(committed).toBeGreaterThanOrEqual(2);
    expect(await readerWith(test.services.mail.ingest).poll(settings)).toEqual({
      imported: letters.length - committed,
    });
    for (const l of letters) expect(await stored(l.messageId)).toHaveLength(1);
    expect((await flagsIn(folder)).every((flags) => flags.includes('\\Seen'))).toBe(true);
  });

  it('moves imported mail to the done folder when one is set', async () => {
    const folder = `Jauns${unique()}`;
    const done = `Apstrādāts${unique()}`;
    await deliver(done);
    const settings = await mailbox(folder, done);
    const one = letter('Pārvietojamā');
    await deliver(folder, one.raw);
    expect(await readerWith(test.services.mail.ingest).poll(settings)).toEqual({ imported: 1 });
    expect(await flagsIn(folder)).toEqual([]);
    expect(await flagsIn(done)).toHaveLength(1);
  });

  it('reports a mailbox it cannot sign in to, for /api/health', async () => {
    const settings = { ...(await mailbox()), password: 'nepareiza' };
    await expect(readerWith(test.services.mail.ingest).poll(settings)).rejects.toThrow();
    const state = await test.database.db
      .selectFrom('mailbox_states')
      .selectAll()
      .where('mailbox_id', '=', settings.mailboxId)
      .executeTakeFirstOrThrow();
    expect(state.connected).toBe(false);
    expect(state.last_error).toBeTruthy();
  });

  it('reads every IMAP mailbox an administrator set up, its password kept encrypted', async () => {
    const folder = `Pastkaste${unique()}`;
    const unit = await createUnit(test.services);
    const created = await test.services.mailboxes.create(systemContext('test'), {
      name: 'Iesniegumi',
      address: `iesniegumi.${unique()}@novads.lv`,
      unitId: unit.id,
      imapHost: imap.host,
      imapPort: imap.port,
      imapTls: false,
      imapUser: imap.user,
      imapPassword: imap.password,
      imapFolder: folder,
      smtpEnabled: false,
      acceptAnyRecipient: false,
      ackEnabled: false,
      ackSubjectLv: '',
      ackBodyLv: '',
      ackSubjectEn: '',
      ackBodyEn: '',
      active: true,
    });
    const saved = await test.database.db
      .selectFrom('mailboxes')
      .select('imap_password')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(saved.imap_password?.toString()).not.toContain(imap.password);
    const one = letter('No IMAP pastkastes');
    await deliver(folder, one.raw);
    // The other tests' mailboxes (no password, a wrong one) fail on their own, not this one.
    const failed: string[] = [];
    const imported = await test.services.mail.readImapMailboxes(
      readerWith(test.services.mail.ingest),
      (id) => failed.push(id),
    );
    expect(failed).not.toContain(created.id);
    expect(imported).toBeGreaterThanOrEqual(1);
    const [row] = await stored(one.messageId);
    expect(row?.state).toBe('imported');
  });

  it('holds the GTUBE test message in quarantine by rspamd', async () => {
    const settings = await mailbox();
    const gtube = letter(
      'Lielisks piedāvājums',
      'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X',
    );
    const result = await test.services.mail.ingest({
      mailboxId: settings.mailboxId,
      channel: 'email',
      source: 'smtp',
      sourceKey: null,
      raw: gtube.raw,
      receivedAt: test.clock.now(),
    });
    expect(result).toMatchObject({ state: 'quarantined', requestId: null });
    const [row] = await test.database.db
      .selectFrom('inbound_messages')
      .select(['spam_reasons'])
      .where('id', '=', result.inboundId)
      .execute();
    expect(row?.spam_reasons.map((reason) => reason.check)).toEqual(['rspamd']);
    expect(row?.spam_reasons[0]?.detail).toContain('GTUBE');

    const honest = letter('Par ūdens skaitītāju');
    const passed = await test.services.mail.ingest({
      mailboxId: settings.mailboxId,
      channel: 'email',
      source: 'smtp',
      sourceKey: null,
      raw: honest.raw,
      receivedAt: test.clock.now(),
    });
    expect(passed.state).toBe('imported');
  });

  it('hears a new letter over IDLE at once, without waiting for the poll', async () => {
    const settings = await mailbox(`Idle${unique()}`);
    await deliver(settings.folder, letter('Jau bija').raw);
    const heard: string[] = [];
    const watcher = createImapWatcher({
      settings: () => Promise.resolve([settings]),
      onNewMail: (mailboxId) => heard.push(mailboxId),
      reconnectMs: 200,
    });
    await watcher.start();
    try {
      // On opening it says so once, for what came while nobody watched.
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBe(1);
      await expect.poll(() => watcher.watching(), { timeout: 10_000 }).toBe(1);

      await deliver(settings.folder, letter('Jauna vēstule').raw);
      await expect.poll(() => heard.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      expect(new Set(heard)).toEqual(new Set([settings.mailboxId]));
    } finally {
      watcher.stop();
    }
    expect(watcher.watching()).toBe(0);
  }, 60_000);
});

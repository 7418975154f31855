import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ImapFlow } from 'imapflow';
import { sql } from 'kysely';
import { buildServices, type Services } from '../src/server/app';
import type { Database } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { openBenchDatabase } from './fresh-database';
import { systemContext } from '../src/server/http/access';
import { createImapReader } from '../src/server/modules/mail/mail.imap';
import { createSmtpReceiver } from '../src/server/modules/mail/mail.smtp';
import { startImapServer } from '../src/server/testing/imap-server';
import { letters, type LetterSet } from './mail-letters';
import type { SenderReport } from './mail-sender';
import { buildIfNeeded, freePort, startServer } from './load-server';
import { monitorTree, usageOf } from './load-process';

// `npm run bench -- mail`: issue 14's mail channel under a municipality's mail. First
// BENCH_MESSAGES letters (default 10 000) through Apkalpo's SMTP receiver from
// BENCH_CONNECTIONS (64) SMTP connections at once, each letter answered 250 only once committed as
// a request (or, for a reply, joined to the request it answers) with its acknowledgement queued:
// messages per second, and per message the time from the DATA command to the 250. Then
// BENCH_IMAP_MESSAGES (2 000) letters put into a Dovecot folder and read by one IMAP poll.
// rspamd is off (its default): the built-in spam checks run. PGlite by default; BENCH_DATABASE_URL
// names an empty PostgreSQL database (`npm run bench` makes one). On PostgreSQL the receiver is
// the built server with its workers, as production runs it; on PGlite it runs in this process.
// The sending mail server runs in a process of its own (mail-sender.ts), as a real one does.
// 300 letters a second come from many sending servers at once, each waiting for its 250 before
// its next letter: hence 64 connections. A few (8) measure a single sender's latency, not the
// receiver's throughput. WORKERS is passed to the server; BENCH_RECEIVER=in-process runs the
// receiver in this process on PostgreSQL too.

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const IMAP_MESSAGES = Number(process.env.BENCH_IMAP_MESSAGES ?? 2_000);
const TARGET_PER_SECOND = 300;
const SMTP_ADDRESS = 'pasts@etalona-novads.lv';
const IMAP_ADDRESS = 'dome@etalona-novads.lv';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** A unit and a mailbox of it, as an administrator sets one up. */
async function mailbox(
  services: Services,
  database: Database,
  fields: { address: string; smtp: boolean; imap?: { host: string; port: number; user: string } },
): Promise<string> {
  const ctx = systemContext('bench');
  const institution = await services.institutions.create(ctx, {
    name: `Etalona novada pašvaldība (${fields.address})`,
    kind: 'municipality',
  });
  const unit = await services.units.create(ctx, {
    institutionId: institution.id,
    name: 'Klientu apkalpošanas centrs',
    kind: 'client_service_centre',
  });
  const now = new Date();
  const row = await database.db
    .insertInto('mailboxes')
    .values({
      name: 'Pašvaldības pasts',
      address: fields.address,
      unit_id: unit.id,
      smtp_enabled: fields.smtp,
      ...(fields.imap
        ? {
            imap_host: fields.imap.host,
            imap_port: fields.imap.port,
            imap_tls: false,
            imap_user: fields.imap.user,
          }
        : {}),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// Every statement the receiver sends, counted where pg writes it (a transaction's begin and
// commit too): what a letter costs in round trips.
let statements = 0;
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to its own client below
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return (query as (...all: unknown[]) => unknown).apply(this, args);
} as typeof query;

/**
 * CPU seconds PostgreSQL's backends for this database have used so far, by pid, read from /proc
 * (same machine only; empty on PGlite, whose work is in this process).
 */
async function backendCpu(database: Database): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  if (database.kind !== 'postgresql' || !existsSync('/proc/self/stat')) return cpu;
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(database.db);
  for (const { pid } of rows) {
    try {
      // Fields 14 and 15 (user and system time in clock ticks, 100 a second), after the name.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The backend ended meanwhile.
    }
  }
  return cpu;
}

const cpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

async function countsOf(database: Database, mailboxId: string) {
  const { rows } = await sql<{
    inbound: number;
    imported: number;
    requests: number;
    threaded: number;
    acknowledgements: number;
  }>`
    select
      (select count(*)::int from inbound_messages where mailbox_id = ${mailboxId}) as inbound,
      (select count(*)::int from inbound_messages where mailbox_id = ${mailboxId}
        and state = 'imported' and request_id is not null) as imported,
      (select count(distinct request_id)::int from inbound_messages where mailbox_id = ${mailboxId}) as requests,
      (select count(*)::int from inbound_messages m join inbound_messages o
        on o.message_id = m.in_reply_to and o.mailbox_id = m.mailbox_id
        where m.mailbox_id = ${mailboxId} and m.request_id = o.request_id) as threaded,
      (select count(*)::int from outgoing_messages where mailbox_id = ${mailboxId}
        and kind = 'acknowledgement') as acknowledgements`.execute(database.db);
  return rows[0] as NonNullable<(typeof rows)[0]>;
}

/** Checks that every letter became what it should; prints the counts. */
async function verify(database: Database, mailboxId: string, set: LetterSet) {
  const counts = await countsOf(database, mailboxId);
  const sent = set.letters.length;
  const expected = {
    inbound: sent,
    imported: sent,
    requests: sent - set.replies,
    threaded: set.replies,
    acknowledgements: sent - set.replies,
  };
  console.log(
    `  check: ${counts.inbound} inbound messages of ${sent} sent, ${counts.imported} imported, ` +
      `${counts.requests} requests (${sent} letters less ${set.replies} replies), ${counts.threaded} ` +
      `replies joined to the request they answer, ${counts.acknowledgements} acknowledgements queued`,
  );
  const wrong = Object.entries(expected).filter(
    ([key, value]) => counts[key as keyof typeof counts] !== value,
  );
  if (wrong.length > 0) {
    throw new Error(
      `the counts are not what was sent: ${wrong.map(([key, value]) => `${key} ${counts[key as keyof typeof counts]}, expected ${value}`).join('; ')}`,
    );
  }
}

/** Runs the sending mail server in a process of its own until it has sent every letter. */
function sender(port: number): Promise<SenderReport> {
  const child = fork(
    fileURLToPath(new URL('./mail-sender.ts', import.meta.url)),
    [String(port), String(MESSAGES), String(CONNECTIONS), SMTP_ADDRESS],
    { execArgv: ['--import', 'tsx'] },
  );
  return new Promise((resolve, reject) => {
    child.once('message', (report) => resolve(report as SenderReport));
    child.once('exit', (code) => reject(new Error(`the sending server stopped (${code})`)));
  });
}

/** Apkalpo's SMTP receiver under the bench: where it listens and what CPU it has used. */
interface Receiver {
  port: number;
  /** How it runs, for the report. */
  label: string;
  /** CPU milliseconds so far, of every process of the receiver. */
  cpuMs: () => number;
  /** SQL statements it has sent so far, where they can be counted (in this process). */
  statements: () => number | null;
  close: () => Promise<void>;
}

/**
 * On PostgreSQL the receiver runs as production runs it: the built server (`node
 * dist/server/main.js`, one worker per core, each taking SMTP connections on the shared port).
 */
async function serverReceiver(url: string): Promise<Receiver> {
  await buildIfNeeded();
  const port = await freePort();
  const server = await startServer({
    DATABASE_URL: url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    APKALPO_SMTP_PORT: String(port),
  });
  const monitor = monitorTree(server.pid, 250);
  const start = monitor.mark();
  const workers = process.env.WORKERS ?? String(availableParallelism());
  return {
    port,
    label: `the built server, ${workers} worker${workers === '1' ? '' : 's'}`,
    cpuMs: () => {
      const samples = monitor.since(start);
      const seconds = ((samples.at(-1)?.at ?? 0) - (samples[0]?.at ?? 0)) / 1000;
      return usageOf(samples).cores * seconds * 1000;
    },
    statements: () => null,
    close: async () => {
      monitor.stop();
      await server.stop();
    },
  };
}

/** On PGlite, which belongs to one process, the receiver runs in this one. */
async function inProcessReceiver(services: Services): Promise<Receiver> {
  const receiver = createSmtpReceiver({
    mail: services.mail,
    maxMessageBytes: 25 * 1024 * 1024,
    logger: { warn: (fields, message) => console.error(message, fields) },
  });
  const port = await receiver.listen(0, '127.0.0.1');
  const cpu = process.cpuUsage();
  return {
    port,
    label: 'in this process',
    cpuMs: () => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000;
    },
    statements: () => statements,
    close: () => receiver.close(),
  };
}

async function viaSmtp(services: Services, database: Database) {
  const mailboxId = await mailbox(services, database, { address: SMTP_ADDRESS, smtp: true });
  const set = letters(MESSAGES, SMTP_ADDRESS, 'smtp');
  const megabytes = set.letters.reduce((sum, letter) => sum + letter.raw.length, 0) / 1024 / 1024;
  const url = process.env.BENCH_DATABASE_URL;
  const receiver =
    database.kind === 'postgresql' && url && process.env.BENCH_RECEIVER !== 'in-process'
      ? await serverReceiver(url)
      : await inProcessReceiver(services);
  console.log(
    `\nSMTP: ${MESSAGES} letters (${megabytes.toFixed(1)} MB, ${set.replies} of them replies) ` +
      `over ${CONNECTIONS} connections to the receiver (${receiver.label})`,
  );
  try {
    const statementsBefore = receiver.statements();
    const backendsBefore = await backendCpu(database);
    const cpuBefore = receiver.cpuMs();
    const { data, whole, seconds, cpuMs } = await sender(receiver.port);
    const used = receiver.cpuMs() - cpuBefore;
    const statementsAfter = receiver.statements();
    const backends = cpuSince(backendsBefore, await backendCpu(database));
    data.sort((a, b) => a - b);
    whole.sort((a, b) => a - b);
    const rate = MESSAGES / seconds;
    console.log(
      `  ${rate.toFixed(0)} messages/s (${seconds.toFixed(1)} s; target ≥ ${TARGET_PER_SECOND}/s on PostgreSQL)\n` +
        `  DATA command to 250: p50 ${percentile(data, 50).toFixed(1)} ms, p99 ${percentile(data, 99).toFixed(1)} ms, ` +
        `max ${(data.at(-1) ?? NaN).toFixed(1)} ms\n` +
        `  MAIL FROM to 250 (the server pipelines MAIL, RCPT and DATA): p50 ${percentile(whole, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(whole, 99).toFixed(1)} ms\n` +
        `  CPU a message: the receiver ${(used / MESSAGES).toFixed(1)} ms, ` +
        `the sending server ${(cpuMs / MESSAGES).toFixed(1)} ms` +
        (backends > 0
          ? `, PostgreSQL's backends ${((backends * 1000) / MESSAGES).toFixed(1)} ms`
          : '') +
        (statementsBefore !== null && statementsAfter !== null
          ? `\n  statements sent to the database: ${((statementsAfter - statementsBefore) / MESSAGES).toFixed(1)} a message`
          : ''),
    );
  } finally {
    await receiver.close();
  }
  await verify(database, mailboxId, set);
}

async function viaImap(services: Services, database: Database) {
  if (!existsSync('/usr/sbin/dovecot')) {
    console.log('\nIMAP: skipped, Dovecot is not installed (apt-get install -y dovecot-imapd)');
    return;
  }
  const imap = await startImapServer();
  try {
    const mailboxId = await mailbox(services, database, {
      address: IMAP_ADDRESS,
      smtp: false,
      imap,
    });
    const set = letters(IMAP_MESSAGES, IMAP_ADDRESS, 'imap');
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
    });
    let started = performance.now();
    await client.connect();
    try {
      for (const letter of set.letters) await client.append('INBOX', letter.raw);
    } finally {
      await client.logout();
    }
    console.log(
      `\nIMAP: ${IMAP_MESSAGES} letters (${set.replies} of them replies) put into Dovecot's INBOX ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s, then read by one poll`,
    );
    const reader = createImapReader({
      ingest: services.mail.ingest,
      progress: services.mail.imapProgress,
    });
    started = performance.now();
    const { imported } = await reader.poll({
      mailboxId,
      host: imap.host,
      port: imap.port,
      tls: false,
      user: imap.user,
      password: imap.password,
      folder: 'INBOX',
      doneFolder: null,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${(imported / seconds).toFixed(0)} messages/s (${imported} imported in ${seconds.toFixed(1)} s)`,
    );
    await verify(database, mailboxId, set);
  } finally {
    await imap.stop();
  }
}

const { database, close } = await openBenchDatabase();
try {
  await migrateToLatest(database.db);
  // No mail relay: the acknowledgements are queued, as the import does, and stay in the outbox.
  const services = buildServices({ database, mailTransport: null });
  console.log(
    `Apkalpo mail benchmark on ${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ` +
      `(rspamd off, as by default)`,
  );
  await viaSmtp(services, database);
  await viaImap(services, database);
} finally {
  await close();
}

import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import {
  hasRemoteImages,
  messageIdsIn,
  requestNumberIn,
  requestTitleOf,
  threadIdsOf,
  type HeaderMap,
} from '../../../domain/mail-in';
import { isAutomatic } from '../../../domain/mail-out';
import { isOpen } from '../../../domain/requests';
import type {
  TBlocklistEntry,
  TBlocklistPage,
  TBlocklistQuery,
  TCreateBlocklistBody,
  THeldMailQuery,
  TInboundMessage,
  TInboundMessageList,
  TInboundMessagePage,
} from '../../../contracts/mail.contracts';
import type { Clock } from '../../adapters/clock';
import type { MailConfig } from '../../config';
import { rollbackToSavepoint, startSavepoint, type Executor } from '../../db/database';
import type { DB, InboundFlag, InboundState } from '../../db/schema';
import { requirePermission, systemContext, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound } from '../../http/errors';
import { assertMayServe } from '../clients/clients.service';
import { offsetOf, pageFrom } from '../paging';
import {
  presentBlocklistEntry,
  presentInboundMessage,
  presentInboundSummary,
} from './mail.presenter';
import type { AuditService, DeferredRecords } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { ClientsService } from '../clients/clients.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { CorrespondenceService } from '../correspondence/correspondence.service';
import type { RequestAccess } from '../requests/requests.service';
import type { MailboxRoute } from '../mailboxes/mailboxes.presenter';
import type { MailboxesService } from '../mailboxes/mailboxes.service';
import type { StaffService } from '../staff/staff.service';
import type {
  AutoReplies,
  EAddressGateway,
  IngestInput,
  IngestResult,
  MailIngest,
  SpamJudge,
  SpamVerdict,
} from './mail.ports';
import { createBatchedLookup, createGroupCommit, LOOKUP_BATCHES } from './mail.group-commit';
import type { ImapProgress, ImapReader, ImapSettings } from './mail.imap';
import {
  allowRemoteImages,
  deleteBlocklistEntry,
  deleteQuarantinedBefore,
  findAttachmentDescriptions,
  findHeldMessages,
  findInboundMessage,
  findMessagesOfRequest,
  findRawMessage,
  insertBlocklistEntry,
  listBlocklist,
  markReviewed,
  type InboundMessageRow,
  findMailboxState,
  saveMailboxState,
  findRequestOfSender,
  findStoredMessage,
  findStoredMessages,
  findThreadRequest,
  findThreadRequests,
  insertInboundMessage,
  insertInboundMessages,
  updateInboundMessage,
  type StoredMessageKey,
} from './mail.repository';

/** A request made from a letter without a subject is listed under these words. */
const NO_SUBJECT = 'Vēstule bez temata';

/** E-address letters have no mailbox address of their own: the general mailbox takes them. */
const E_ADDRESS_RECIPIENT = 'e-adrese';

/** How often an SMTP mailbox's state is written while letters keep arriving. */
const SMTP_REPORT_MS = 5_000;

/** At most this many messages in one transaction (decision 45). */
const GROUP_LETTERS = 32;

/** How long a message that finds the database idle waits for others to share its transaction. */
const GROUP_WAIT_MS = 2;

/**
 * Groups committed at once: while one waits for its commit the next is stored, so the database
 * never waits for the receiver's side in between.
 */
const GROUPS_AT_ONCE = 2;

/** How long a mailbox's settings are used before they are read again. */
const MAILBOX_KEPT_MS = 5_000;

/** How much of a letter too large to import is read for its sender and subject. */
const HEAD_BYTES = 64 * 1024;

/** What the import reads of a message, parsed once. */
export interface ReadMessage {
  headers: HeaderMap;
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  to: string[];
  subject: string;
  sentAt: Date | null;
  text: string | null;
  html: string | null;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
}

function headerMapOf(parsed: Pick<ParsedMail, 'headerLines'>): HeaderMap {
  const map = new Map<string, string[]>();
  for (const { key, line } of parsed.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    const values = map.get(key.toLowerCase());
    if (values) values.push(value);
    else map.set(key.toLowerCase(), [value]);
  }
  return map;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined) {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) =>
    object.value.flatMap(function flat(entry): Array<{ address: string; name: string | null }> {
      if (entry.group) return entry.group.flatMap(flat);
      return entry.address
        ? [{ address: entry.address.toLowerCase(), name: entry.name || null }]
        : [];
    }),
  );
}

/** Reads a message; throws when it cannot be parsed at all. */
export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  const parsed = await simpleParser(raw);
  const headers = headerMapOf(parsed);
  const from = addressesOf(parsed.from)[0] ?? null;
  return {
    headers,
    messageId: messageIdsIn(parsed.messageId)[0] ?? null,
    inReplyTo: messageIdsIn(parsed.inReplyTo),
    references: messageIdsIn(
      Array.isArray(parsed.references) ? parsed.references.join(' ') : parsed.references,
    ),
    fromAddress: from?.address ?? null,
    fromName: from?.name ?? null,
    to: [...addressesOf(parsed.to), ...addressesOf(parsed.cc)].map((entry) => entry.address),
    subject: (parsed.subject ?? '').slice(0, 998),
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text: parsed.text ?? null,
    html: parsed.html || null,
    attachments: parsed.attachments
      // An inline picture of the HTML body is in the body already, as a data: address.
      .filter((attachment) => !(attachment.related && attachment.contentId))
      .map((attachment, index) => ({
        filename: (attachment.filename ?? `pielikums-${index + 1}`).slice(0, 255),
        contentType: attachment.contentType || 'application/octet-stream',
        content: attachment.content,
      })),
  };
}

/** The head of a message only (its header fields): what is known of a letter not imported. */
async function readHead(raw: Buffer): Promise<ReadMessage | null> {
  const end = raw.subarray(0, HEAD_BYTES).indexOf('\r\n\r\n');
  const endLf = raw.subarray(0, HEAD_BYTES).indexOf('\n\n');
  const cut = end >= 0 ? end + 4 : endLf >= 0 ? endLf + 2 : -1;
  if (cut < 0) return null;
  try {
    const head = await readMessage(raw.subarray(0, cut));
    return { ...head, text: null, html: null, attachments: [] };
  } catch {
    return null;
  }
}

/**
 * Why a message cannot be imported as it is, or null: a letter larger than the limit, one
 * without a head and body or a sender, one the parser cannot read.
 */
async function readOrFlag(
  raw: Buffer,
  maxBytes: number,
): Promise<{ read: ReadMessage | null; flag: InboundFlag | null }> {
  if (raw.length > maxBytes) return { read: await readHead(raw), flag: 'too_large' };
  let read: ReadMessage;
  try {
    read = await readMessage(raw);
  } catch {
    return { read: await readHead(raw), flag: 'undecodable' };
  }
  if (read.headers.size === 0 || !read.fromAddress) return { read, flag: 'malformed' };
  return { read, flag: null };
}

/** A bigint column as the driver gives it (a string from pg), or null. */
const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

const stateOf = (flag: InboundFlag | null, verdict: SpamVerdict | null): IngestResult['state'] =>
  flag ? 'flagged' : verdict?.spam ? 'quarantined' : 'imported';

/** The timeline entry of a letter's arrival on its request. */
function receivedEvent(inboundId: string, read: ReadMessage) {
  return {
    kind: 'mail-received',
    data: {
      inboundId,
      from: read.fromAddress as string,
      subject: read.subject,
      attachments: read.attachments.length,
    },
  };
}

/** What is prepared of a message before its transaction. */
interface PreparedMessage {
  input: IngestInput;
  mailboxId: string;
  read: ReadMessage | null;
  flag: InboundFlag | null;
  messageId: string | null;
  fromAddress: string | null;
  verdict: SpamVerdict | null;
  state: IngestResult['state'];
  autoSubmitted: boolean;
}

/** A message's stored row, but for the request it went into. */
function inboundRowOf(prepared: PreparedMessage, now: Date) {
  const { input, read, flag, verdict } = prepared;
  return {
    mailbox_id: prepared.mailboxId,
    channel: input.channel,
    source: input.source,
    source_key: input.sourceKey,
    message_id: prepared.messageId,
    in_reply_to: read?.inReplyTo[0] ?? null,
    reference_ids: read?.references ?? [],
    from_address: prepared.fromAddress,
    from_name: read?.fromName ?? null,
    to_addresses: read?.to ?? [...(input.envelopeTo ?? [])],
    subject: read?.subject ?? '',
    sent_at: read?.sentAt ?? null,
    received_at: input.receivedAt,
    size: input.raw.length,
    raw: input.raw,
    text_body: read?.text ?? null,
    html_body: read?.html ?? null,
    has_remote_images: hasRemoteImages(read?.html ?? null),
    auto_submitted: prepared.autoSubmitted,
    state: prepared.state,
    spam_score: verdict?.score ?? null,
    spam_reasons: JSON.stringify(verdict?.reasons ?? []),
    flag_reason: flag,
    created_at: now,
  };
}

/** The audit record of a message received. */
function receivedRecord(prepared: PreparedMessage, inboundId: string, requestId: string | null) {
  const { input, read, flag, verdict } = prepared;
  return {
    action: 'receive',
    entityType: 'inbound_message',
    entityId: inboundId,
    after: {
      state: prepared.state,
      mailboxId: prepared.mailboxId,
      source: input.source,
      from: prepared.fromAddress,
      subject: read?.subject ?? '',
      size: input.raw.length,
      requestId,
      ...(flag ? { flag } : {}),
      ...(verdict?.spam ? { spamScore: verdict.score } : {}),
    },
  };
}

/**
 * Mail coming in (issue 14): each message is stored whole, then imported into a request (a new
 * one, or the one it answers), held in quarantine as spam, or flagged for a person, in one
 * transaction. Sources tell their server a message is taken only after `ingest` returns.
 */
export function createMailService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  config: MailConfig;
  calendar: CalendarService;
  clients: ClientsService;
  contacts: ContactsService;
  correspondence: CorrespondenceService;
  requestAccess: RequestAccess;
  staff: StaffService;
  mailboxes: MailboxesService;
  spam: SpamJudge & { learnHam(raw: Buffer): Promise<void> };
  autoReplies: AutoReplies;
}) {
  const { db, audit, clock, config, calendar, clients, contacts, correspondence } = deps;
  const { requestAccess, staff, mailboxes, spam, autoReplies } = deps;

  /**
   * Puts a stored message into a request in the caller's transaction: the request it answers
   * (by its thread, else by the number in its subject from the same sender), or a new contact
   * and request for the mailbox's unit. The deadline was planned before the transaction.
   */
  async function importInto(
    trx: Executor,
    ctx: ActionContext,
    message: {
      inboundId: string;
      mailboxId: string;
      channel: 'email' | 'e_address';
      receivedAt: Date;
      read: ReadMessage;
      /** Sent by a machine (RFC 3834), by its headers or its empty return path. */
      autoSubmitted: boolean;
      /** `released` when a person let it out of quarantine. */
      finalState?: 'imported' | 'released';
    },
    plan: Awaited<ReturnType<typeof planFor>>,
  ): Promise<{ requestId: string; threaded: boolean }> {
    const { read } = message;
    const sender = read.fromAddress as string;
    const number = requestNumberIn(read.subject);
    const threadId =
      (await findThreadRequest(trx, threadIdsOf(read.inReplyTo, read.references))) ??
      (number ? await findRequestOfSender(trx, number, sender) : null);
    const event = receivedEvent(message.inboundId, read);
    let requestId: string;
    let contactId: string | null = null;
    if (threadId) {
      requestId = threadId;
    } else {
      const client = await clients.forSender(trx, ctx, {
        address: sender,
        displayName: read.fromName,
        staffId: plan.colleagueId,
        channel: message.channel,
      });
      const registered = await contacts.registerIn(
        trx,
        ctx,
        {
          channel: message.channel,
          occurredAt: message.receivedAt,
          client,
          unitId: plan.unitId,
          reason: requestTitleOf(read.subject, NO_SUBJECT),
        },
        {
          input: {
            service: requestTitleOf(read.subject, NO_SUBJECT),
            kind: 'consultation',
            unitId: plan.unitId,
            ownerId: plan.ownerId,
          },
          policyCode: plan.policyCode,
          dueOn: plan.dueOn,
          dueAt: plan.dueAt,
          events: [event],
        },
      );
      requestId = registered.requestId;
      contactId = registered.contactId;
    }
    const attachmentIds = await correspondence.storeAttachmentsIn(trx, requestId, read.attachments);
    await updateInboundMessage(trx, message.inboundId, {
      state: message.finalState ?? 'imported',
      request_id: requestId,
      contact_id: contactId,
      attachment_ids: attachmentIds,
    });
    const row = await requestAccess.visible(trx, ctx, requestId);
    // The client writes back: the request is worked on again (an answered or closed one too).
    // A new request has the letter's arrival on its timeline already, written with "created".
    if (threadId && (!isOpen(row.state) || row.state === 'waiting_client'))
      await requestAccess.change(trx, ctx, row, { state: 'in_progress' }, event);
    else if (threadId) await requestAccess.recordEvent(trx, ctx, requestId, event.kind, event.data);
    await autoReplies.afterImport(trx, {
      inboundId: message.inboundId,
      mailboxId: message.mailboxId,
      channel: message.channel,
      fromAddress: sender,
      fromName: read.fromName,
      subject: read.subject,
      messageId: read.messageId,
      referenceIds: threadIdsOf(read.inReplyTo, read.references),
      autoSubmitted: message.autoSubmitted,
      acknowledgement: plan.acknowledgement,
      addresseeId: plan.addresseeId,
      receivedAt: message.receivedAt,
      request: row,
      threaded: threadId !== null,
    });
    return { requestId, threaded: threadId !== null };
  }

  // What is looked up for each letter before its transaction (stored before? its sender and
  // addressees among the staff?) is looked up for the letters arriving together with one statement.
  const storedMessageOf = createBatchedLookup({
    ...LOOKUP_BATCHES,
    load: (keys: StoredMessageKey[]) => findStoredMessages(db, keys),
  });
  const activeStaffAmong = createBatchedLookup({
    ...LOOKUP_BATCHES,
    // Each letter gets the map of all the batch's addresses: it asks only for its own.
    load: async (lists: string[][]) => {
      const people = await staff.activeIdsByEmail(db, lists.flat());
      return lists.map(() => people);
    },
  });

  /**
   * What a new request from the message would get, worked out before the transaction (the
   * calendar is read then): the mailbox's unit, a colleague's shorter deadline, and the owner
   * when the letter was written to a staff member's own address (their substitute while away).
   */
  async function planFor(
    mailbox: Pick<MailboxRoute, 'unitId' | 'policyCode' | 'acknowledgement'>,
    message: { channel: 'email' | 'e_address'; receivedAt: Date; read: ReadMessage },
  ) {
    const from = message.read.fromAddress?.toLowerCase() ?? null;
    const people = await activeStaffAmong([...(from ? [from] : []), ...message.read.to]);
    const colleague = from ? (people.get(from) ?? null) : null;
    const clientKind: 'external' | 'internal' = colleague ? 'internal' : 'external';
    const addresseeId =
      message.read.to.map((address) => people.get(address.toLowerCase())).find(Boolean) ?? null;
    const ownerId = addresseeId
      ? await autoReplies.ownerFor(db, addresseeId, message.receivedAt)
      : null;
    // A colleague's letter is internal: its own deadline (1 working day), not the mailbox's.
    const deadline = await calendar.deadlineFor(message.receivedAt, {
      channel: message.channel,
      clientKind,
      caseType: null,
      policyCode: clientKind === 'external' ? mailbox.policyCode : null,
    });
    return {
      unitId: mailbox.unitId,
      acknowledgement: mailbox.acknowledgement,
      colleagueId: colleague,
      clientKind,
      addresseeId,
      ownerId,
      policyCode: deadline.policyCode,
      dueOn: deadline.due,
      dueAt: deadline.dueEnd,
    };
  }

  // A mailbox's settings are read once for the letters of a few seconds, not for each (a change
  // reaches mail within MAILBOX_KEPT_MS). Only a mailbox found is kept: a new one is seen at once.
  const kept = new Map<string, { until: number; route: Promise<MailboxRoute | null> }>();
  function keptMailbox(
    key: string,
    load: () => Promise<MailboxRoute | null>,
  ): Promise<MailboxRoute | null> {
    const now = performance.now();
    const found = kept.get(key);
    if (found && found.until > now) return found.route;
    const route = load();
    kept.set(key, { until: now + MAILBOX_KEPT_MS, route });
    route.then(
      (row) => (row ? undefined : kept.delete(key)),
      () => kept.delete(key),
    );
    return route;
  }

  // Over SMTP a stored message is the receiver's sign of life for /api/health. Written after
  // the commit and at most every few seconds per mailbox: inside the import's transaction every
  // concurrent letter to the mailbox would wait for the others on this one row.
  const smtpReported = new Map<string, number>();
  async function reportSmtpArrival(mailboxId: string, at: Date): Promise<void> {
    const last = smtpReported.get(mailboxId);
    if (last !== undefined && at.getTime() - last < SMTP_REPORT_MS) return;
    smtpReported.set(mailboxId, at.getTime());
    await saveMailboxState(db, mailboxId, {
      connected: true,
      checked_at: at,
      last_message_at: at,
    });
  }

  /**
   * What is known of a message before its transaction: parsed, checked against those stored
   * (`done` when it was stored before), judged for spam (rspamd is asked over the network, never
   * inside a transaction), and its request planned.
   */
  async function prepare(input: IngestInput) {
    const mailbox = await keptMailbox(`id:${input.mailboxId}`, () =>
      mailboxes.byId(db, input.mailboxId),
    );
    if (!mailbox) throw new Error(`No mailbox has the id ${input.mailboxId}.`);
    const { read, flag } = await readOrFlag(input.raw, config.maxMessageBytes);
    const messageId = read?.messageId ?? null;
    const stored = await storedMessageOf({
      mailboxId: mailbox.id,
      messageId,
      sourceKey: input.sourceKey,
    });
    if (stored) return { done: duplicateOf(stored) } as const;
    const fromAddress = read?.fromAddress ?? input.envelopeFrom?.toLowerCase() ?? null;
    const verdict =
      flag || !read
        ? null
        : await spam.judge({
            mailboxId: mailbox.id,
            raw: input.raw,
            fromAddress,
            headers: read.headers,
            receivedAt: input.receivedAt,
            client: input.smtpClient,
            recipients: input.envelopeTo,
          });
    const state = stateOf(flag, verdict);
    const plan =
      state === 'imported' && read
        ? await planFor(mailbox, { channel: input.channel, receivedAt: input.receivedAt, read })
        : null;
    const autoSubmitted = read ? isAutomatic(read.headers, input.envelopeFrom ?? null) : false;
    return {
      done: null,
      input,
      mailboxId: mailbox.id,
      read,
      flag,
      messageId,
      fromAddress,
      verdict,
      state,
      plan,
      autoSubmitted,
    } as const;
  }
  type Prepared = Awaited<ReturnType<typeof prepare>>;

  /** Stores a prepared message and imports it, in the caller's transaction. */
  async function store(trx: Executor, prepared: Prepared & { done: null }): Promise<IngestResult> {
    const { input, mailboxId, read, messageId, state, plan } = prepared;
    const ctx = systemContext(`mail:${input.source}`);
    const inboundId = await insertInboundMessage(trx, {
      ...inboundRowOf(prepared, clock.now()),
      request_id: null,
      contact_id: null,
      attachment_ids: [],
    });
    if (!inboundId) {
      // Stored meanwhile: by another transaction, or earlier in this one (the same letter twice
      // in one group).
      const raced = await findStoredMessage(trx, {
        mailboxId,
        messageId,
        sourceKey: input.sourceKey,
      });
      if (!raced) throw new Error('A stored message vanished while it was being imported.');
      return duplicateOf(raced);
    }
    let requestId: string | null = null;
    if (state === 'imported' && read && plan) {
      ({ requestId } = await importInto(
        trx,
        ctx,
        {
          inboundId,
          mailboxId,
          channel: input.channel,
          receivedAt: input.receivedAt,
          read,
          autoSubmitted: prepared.autoSubmitted,
        },
        plan,
      ));
    }
    await audit.record(trx, ctx, receivedRecord(prepared, inboundId, requestId));
    return { inboundId, state, requestId, duplicate: false };
  }

  /**
   * Stores together, in a handful of statements, the group's letters that each start a request
   * of their own (decision 45): by email, from outside, to the mailbox rather than a person, not
   * answering a request, nothing wrong with them. Those left, and all of them when storing them
   * together fails (rolled back to its savepoint), are stored one by one by the caller.
   */
  async function storeTogether(
    trx: Transaction<DB>,
    records: DeferredRecords,
    items: ReadonlyArray<{ index: number; prepared: Prepared & { done: null } }>,
  ): Promise<{ results: Map<number, IngestResult>; rest: typeof items }> {
    const results = new Map<number, IngestResult>();
    const keys = new Set<string>();
    const together: Array<{
      index: number;
      prepared: Prepared & { done: null };
      read: ReadMessage & { fromAddress: string; messageId: string };
      plan: NonNullable<Prepared['plan']>;
    }> = [];
    const rest: Array<(typeof items)[number]> = [];
    const source = items[0]?.prepared.input.source;
    for (const item of items) {
      const { input, read, plan, state, mailboxId } = item.prepared;
      const key = `${mailboxId} ${read?.messageId ?? ''}`;
      if (
        state === 'imported' &&
        read?.fromAddress &&
        read.messageId &&
        plan &&
        !plan.colleagueId &&
        !plan.addresseeId &&
        input.channel === 'email' &&
        input.source === source &&
        !requestNumberIn(read.subject) &&
        !keys.has(key)
      ) {
        keys.add(key);
        together.push({
          ...item,
          read: read as ReadMessage & { fromAddress: string; messageId: string },
          plan,
        });
      } else rest.push(item);
    }
    // A letter answering a request, or one of its own group, joins it: stored one by one, after.
    const inGroup = new Set(together.map(({ read }) => read.messageId));
    const threads = await findThreadRequests(
      trx,
      together.flatMap(({ read }) => threadIdsOf(read.inReplyTo, read.references)),
    );
    const starting = together.filter(({ read }) => {
      const ids = threadIdsOf(read.inReplyTo, read.references);
      return !ids.some((id) => threads.has(id) || inGroup.has(id));
    });
    rest.push(...together.filter((entry) => !starting.includes(entry)));
    if (starting.length === 0) return { results, rest };

    const ctx = systemContext(`mail:${source}`);
    const mark = records.mark();
    await startSavepoint(trx);
    try {
      const clientOf = await clients.forSendersIn(
        trx,
        ctx,
        starting.map(({ read }) => ({ address: read.fromAddress, displayName: read.fromName })),
      );
      const inboundIds = starting.map(() => randomUUID());
      const registered = await contacts.registerManyIn(
        trx,
        ctx,
        starting.map(({ read, plan, prepared }, at) => {
          const title = requestTitleOf(read.subject, NO_SUBJECT);
          return {
            contact: {
              channel: 'email' as const,
              occurredAt: prepared.input.receivedAt,
              client: clientOf.get(read.fromAddress.toLowerCase()) ?? null,
              unitId: plan.unitId,
              reason: title,
            },
            planned: {
              input: {
                service: title,
                kind: 'consultation' as const,
                unitId: plan.unitId,
                ownerId: plan.ownerId,
              },
              policyCode: plan.policyCode,
              dueOn: plan.dueOn,
              dueAt: plan.dueAt,
              events: [receivedEvent(inboundIds[at] as string, read)],
            },
          };
        }),
      );
      const rows = [];
      for (const [at, { prepared, read }] of starting.entries()) {
        const { request, contactId } = registered[at]!;
        rows.push({
          ...inboundRowOf(prepared, clock.now()),
          id: inboundIds[at] as string,
          request_id: request.id,
          contact_id: contactId,
          attachment_ids: await correspondence.storeAttachmentsIn(
            trx,
            request.id,
            read.attachments,
          ),
        });
      }
      await insertInboundMessages(trx, rows);
      const mailboxOf = new Map(
        (
          await Promise.all(
            [...new Set(starting.map(({ prepared }) => prepared.mailboxId))].map((id) =>
              keptMailbox(`id:${id}`, () => mailboxes.byId(db, id)),
            ),
          )
        ).flatMap((route) => (route ? [[route.id, route] as const] : [])),
      );
      await autoReplies.acknowledgeAll(
        trx,
        starting.flatMap(({ prepared, read, plan }, at) => {
          const mailbox = mailboxOf.get(prepared.mailboxId);
          if (!mailbox) return [];
          return [
            {
              mailbox: { id: mailbox.id, address: mailbox.address },
              fromAddress: read.fromAddress,
              messageId: read.messageId,
              referenceIds: threadIdsOf(read.inReplyTo, read.references),
              autoSubmitted: prepared.autoSubmitted,
              acknowledgement: plan.acknowledgement,
              request: registered[at]!.request,
            },
          ];
        }),
      );
      for (const [at, { index, prepared }] of starting.entries()) {
        const requestId = registered[at]!.request.id;
        await audit.record(trx, ctx, receivedRecord(prepared, inboundIds[at] as string, requestId));
        results.set(index, {
          inboundId: inboundIds[at] as string,
          state: 'imported',
          requestId,
          duplicate: false,
        });
      }
    } catch {
      await rollbackToSavepoint(trx);
      records.dropSince(mark);
      return { results: new Map(), rest: items };
    }
    return { results, rest };
  }

  /** After the commit: what is not part of the message's transaction. */
  async function afterCommit(input: IngestInput, result: IngestResult): Promise<void> {
    if (input.source === 'smtp' && !result.duplicate)
      await reportSmtpArrival(input.mailboxId, input.receivedAt);
  }

  /** One message in a transaction of its own: a group's message that failed in the group. */
  async function ingestAlone(input: IngestInput): Promise<IngestResult> {
    const prepared = await prepare(input);
    if (prepared.done) return prepared.done;
    const result = await db.transaction().execute(async (trx) => {
      const records = audit.deferIn(trx);
      const stored = await store(trx, prepared);
      await records.flush();
      return stored;
    });
    await afterCommit(input, result);
    return result;
  }

  /**
   * Stores a group of messages in one transaction (decision 45): one commit, and its flush to
   * disk, for them all. Each message is stored under a savepoint; one that fails is rolled back
   * to it, the others go on, and after the commit it is tried once more in a transaction of its
   * own, as if it had come alone. When the group's transaction fails as a whole (its commit), each
   * message is tried alone: none is answered before a commit that holds it.
   */
  async function ingestGroup(
    pieces: Array<{ input: IngestInput; prepared: Promise<Prepared> }>,
  ): Promise<Array<PromiseSettledResult<IngestResult>>> {
    const prepared = await Promise.allSettled(pieces.map((piece) => piece.prepared));
    const outcomes: Array<PromiseSettledResult<IngestResult>> = [];
    // The messages to store: prepared, and not stored before (their outcome is filled in below).
    const toStore: Array<{ index: number; prepared: Prepared & { done: null } }> = [];
    for (const [index, outcome] of prepared.entries()) {
      if (outcome.status === 'rejected') outcomes[index] = outcome;
      else if (outcome.value.done)
        outcomes[index] = { status: 'fulfilled', value: outcome.value.done };
      else toStore.push({ index, prepared: outcome.value });
    }
    if (toStore.length === 0) return outcomes;
    const alone: number[] = [];
    try {
      const stored = await db.transaction().execute(async (trx) => {
        const results = new Map<number, IngestResult>();
        // The group's audit records in one insert at its end.
        const records = audit.deferIn(trx);
        const together = await storeTogether(trx, records, toStore);
        for (const [index, result] of together.results) results.set(index, result);
        for (const { index, prepared } of together.rest) {
          // A group of one needs no savepoint: it fails alone.
          if (toStore.length === 1) {
            results.set(index, await store(trx, prepared));
            continue;
          }
          await startSavepoint(trx);
          const mark = records.mark();
          try {
            results.set(index, await store(trx, prepared));
          } catch {
            await rollbackToSavepoint(trx);
            records.dropSince(mark);
            alone.push(index);
          }
        }
        await records.flush();
        return results;
      });
      for (const [index, result] of stored) {
        outcomes[index] = { status: 'fulfilled', value: result };
        // The message is committed: a failure to note the receiver's health must not undo its
        // answer (a 451 would only bring it again, as a duplicate).
        await afterCommit(pieces[index]!.input, result).catch(() => undefined);
      }
    } catch (error) {
      if (toStore.length === 1) outcomes[toStore[0]!.index] = { status: 'rejected', reason: error };
      else alone.splice(0, alone.length, ...toStore.map((entry) => entry.index));
    }
    for (const index of alone) {
      outcomes[index] = await ingestAlone(pieces[index]!.input).then(
        (value) => ({ status: 'fulfilled', value }) as const,
        (reason: unknown) => ({ status: 'rejected', reason }) as const,
      );
    }
    return outcomes;
  }

  const group = createGroupCommit({
    maxPieces: GROUP_LETTERS,
    waitMs: GROUP_WAIT_MS,
    maxGroups: GROUPS_AT_ONCE,
    commit: ingestGroup,
  });

  /**
   * Each message is prepared as soon as it arrives and stored with those that arrive about the
   * same time, in one transaction; the promise settles once that has committed.
   */
  const ingest: MailIngest['ingest'] = (input: IngestInput): Promise<IngestResult> => {
    const prepared = prepare(input);
    // Its failure is the message's, answered when its group is: not an unhandled rejection now.
    prepared.catch(() => undefined);
    return group.add({ input, prepared });
  };

  /** A message the principal may see: its mailbox's unit is theirs, or they see its request. */
  async function visibleMessage(executor: Executor, ctx: ActionContext, id: string) {
    assertMayServe(ctx);
    const row = await findInboundMessage(executor, id);
    if (!row) throw notFound();
    const viewer = await requestAccess.viewerOf(executor, ctx.principal);
    const ofUnit =
      viewer.readAll || (row.mailbox_unit_id !== null && viewer.unitIds.has(row.mailbox_unit_id));
    if (!ofUnit) {
      if (!row.request_id) throw notFound();
      await requestAccess.visible(executor, ctx, row.request_id);
    }
    return row;
  }

  async function present(executor: Executor, row: InboundMessageRow): Promise<TInboundMessage> {
    const files = await findAttachmentDescriptions(executor, row.attachment_ids);
    return presentInboundMessage(
      row,
      files.map((file) => ({
        id: file.id,
        filename: file.filename,
        contentType: file.content_type,
        size: file.size,
      })),
    );
  }

  return {
    ingest,
    importInto,
    planFor,

    /** The letters received into a request, oldest first, for its page. */
    async ofRequest(ctx: ActionContext, requestId: string): Promise<TInboundMessageList> {
      assertMayServe(ctx);
      await requestAccess.visible(db, ctx, requestId);
      const rows = await findMessagesOfRequest(db, requestId);
      const files = new Map(
        (
          await findAttachmentDescriptions(
            db,
            rows.flatMap((row) => row.attachment_ids),
          )
        ).map((file) => [file.id, file] as const),
      );
      return {
        items: rows.map((row) =>
          presentInboundMessage(
            row,
            row.attachment_ids.flatMap((id) => {
              const file = files.get(id);
              return file
                ? [{ id, filename: file.filename, contentType: file.content_type, size: file.size }]
                : [];
            }),
          ),
        ),
      };
    },

    /** The quarantine or the flagged messages of the mailboxes of the principal's units. */
    async held(ctx: ActionContext, query: THeldMailQuery): Promise<TInboundMessagePage> {
      requirePermission(ctx.principal, 'requests.work');
      const viewer = await requestAccess.viewerOf(db, ctx.principal);
      const rows = await findHeldMessages(db, {
        state: query.state,
        unitIds: viewer.readAll ? null : [...viewer.unitIds],
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(
        rows.map((row) => ({ ...row, total: Number(row.total) })),
        query,
        presentInboundSummary,
      );
    },

    async get(ctx: ActionContext, id: string): Promise<TInboundMessage> {
      return present(db, await visibleMessage(db, ctx, id));
    },

    /** The message as received (.eml); fetching it is recorded, as it holds personal data. */
    async raw(ctx: ActionContext, id: string) {
      const row = await visibleMessage(db, ctx, id);
      const raw = await findRawMessage(db, id);
      if (!raw) throw notFound();
      await audit.recordRead(db, ctx, {
        entityType: 'inbound_message',
        entityId: id,
        context: { requestId: row.request_id },
      });
      return { filename: `${(row.subject || 'vestule').slice(0, 80)}.eml`, content: raw.raw };
    },

    /**
     * "Nav mēstule": a person lets a held message into the normal flow. It becomes a request (or
     * joins the one it answers), is acknowledged as any letter, and rspamd learns from it.
     */
    async release(ctx: ActionContext, id: string): Promise<TInboundMessage> {
      requirePermission(ctx.principal, 'requests.work');
      const row = await visibleMessage(db, ctx, id);
      if (row.state !== 'quarantined' && row.state !== 'flagged')
        throw new AppError('conflict', 'message_not_held');
      const stored = await findRawMessage(db, id);
      if (!stored) throw notFound();
      let read: ReadMessage;
      try {
        read = await readMessage(stored.raw);
      } catch {
        throw new AppError('conflict', 'message_without_sender');
      }
      if (!read.fromAddress || !row.mailbox_id)
        throw new AppError('conflict', 'message_without_sender');
      const mailbox = await mailboxes.byId(db, row.mailbox_id);
      if (!mailbox) throw notFound();
      const plan = await planFor(mailbox, {
        channel: row.channel,
        receivedAt: row.received_at,
        read,
      });
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const taken = await markReviewed(trx, {
          id,
          state: 'released',
          by: ctx.principal.staffId,
          at: now,
        });
        if (!taken) throw new AppError('conflict', 'message_not_held');
        const { requestId } = await importInto(
          trx,
          ctx,
          {
            inboundId: id,
            mailboxId: mailbox.id,
            channel: row.channel,
            receivedAt: row.received_at,
            read,
            autoSubmitted: row.auto_submitted,
            finalState: 'released',
          },
          plan,
        );
        await audit.record(trx, ctx, {
          action: 'release',
          entityType: 'inbound_message',
          entityId: id,
          before: { state: row.state },
          after: { state: 'released', requestId },
        });
      });
      if (row.state === 'quarantined') await spam.learnHam(stored.raw);
      return present(db, await visibleMessage(db, ctx, id));
    },

    /** A person confirms a held message is spam: it stays out, and is emptied with the quarantine. */
    async discard(ctx: ActionContext, id: string): Promise<TInboundMessage> {
      requirePermission(ctx.principal, 'requests.work');
      const row = await visibleMessage(db, ctx, id);
      await db.transaction().execute(async (trx) => {
        const taken = await markReviewed(trx, {
          id,
          state: 'discarded',
          by: ctx.principal.staffId,
          at: clock.now(),
        });
        if (!taken) throw new AppError('conflict', 'message_not_held');
        await audit.record(trx, ctx, {
          action: 'discard',
          entityType: 'inbound_message',
          entityId: id,
          before: { state: row.state },
          after: { state: 'discarded' },
        });
      });
      return present(db, await visibleMessage(db, ctx, id));
    },

    /** A clerk lets the letter's pictures from elsewhere load (the sender learns it was read). */
    async allowRemoteImages(ctx: ActionContext, id: string): Promise<TInboundMessage> {
      requirePermission(ctx.principal, 'requests.work');
      await visibleMessage(db, ctx, id);
      await db.transaction().execute(async (trx) => {
        await allowRemoteImages(trx, id, ctx.principal.staffId, clock.now());
        await audit.record(trx, ctx, {
          action: 'allow-remote-images',
          entityType: 'inbound_message',
          entityId: id,
        });
      });
      return present(db, await visibleMessage(db, ctx, id));
    },

    async blocklist(ctx: ActionContext, query: TBlocklistQuery): Promise<TBlocklistPage> {
      requirePermission(ctx.principal, 'mail.blocklist');
      const rows = await listBlocklist(db, { limit: query.pageSize, offset: offsetOf(query) });
      return pageFrom(
        rows.map((row) => ({ ...row, total: Number(row.total) })),
        query,
        presentBlocklistEntry,
      );
    },

    async block(ctx: ActionContext, body: TCreateBlocklistBody): Promise<TBlocklistEntry> {
      requirePermission(ctx.principal, 'mail.blocklist');
      return db.transaction().execute(async (trx) => {
        const id = await insertBlocklistEntry(trx, {
          entry: body.entry,
          note: body.note ?? null,
          created_by: ctx.principal.staffId,
          created_at: clock.now(),
        });
        if (!id) throw invalidField('entry', 'block_entry_taken');
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'mail_block',
          entityId: id,
          after: { entry: body.entry, note: body.note ?? null },
        });
        const row = (await listBlocklist(trx, { limit: 1000, offset: 0 })).find((r) => r.id === id);
        if (!row) throw notFound();
        return presentBlocklistEntry(row);
      });
    },

    async unblock(ctx: ActionContext, id: string): Promise<void> {
      requirePermission(ctx.principal, 'mail.blocklist');
      await db.transaction().execute(async (trx) => {
        const removed = await deleteBlocklistEntry(trx, id);
        if (!removed) throw notFound();
        await audit.record(trx, ctx, {
          action: 'delete',
          entityType: 'mail_block',
          entityId: id,
          before: { entry: removed.entry },
        });
      });
    },

    /** Empties the quarantine of what nobody released within the configured days. */
    async purgeQuarantine(): Promise<number> {
      const before = new Date(clock.now().getTime() - config.quarantineDays * 24 * 60 * 60 * 1000);
      return deleteQuarantinedBefore(db, before);
    },

    /** Where each mailbox's IMAP reader stands, and what it last reported (for /api/health). */
    imapProgress: {
      async load(mailboxId) {
        const row = await findMailboxState(db, mailboxId);
        return {
          uidValidity:
            typeof row?.uid_validity === 'number' ? row.uid_validity : toNumber(row?.uid_validity),
          lastUid: typeof row?.last_uid === 'number' ? row.last_uid : toNumber(row?.last_uid),
        };
      },
      async advance(mailboxId, { uidValidity, lastUid, at }) {
        await saveMailboxState(db, mailboxId, {
          uid_validity: uidValidity,
          last_uid: lastUid,
          last_message_at: at,
        });
      },
      async report(mailboxId, { connected, at, error }) {
        await saveMailboxState(db, mailboxId, {
          connected,
          checked_at: at,
          ...(error ? { last_error: error.slice(0, 1000), last_error_at: at } : {}),
        });
      },
    } satisfies ImapProgress,

    /**
     * The IMAP mailboxes that can be read now, with their passwords, for the IDLE watcher; one
     * that cannot (no password, a key that does not open it) is left to the poll to report.
     */
    async imapSettings(): Promise<ImapSettings[]> {
      const all: ImapSettings[] = [];
      for (const mailboxId of await mailboxes.imapMailboxIds(db)) {
        const settings = await mailboxes.imapSettingsFor(db, mailboxId).catch(() => null);
        if (settings?.password) all.push({ ...settings, mailboxId, password: settings.password });
      }
      return all;
    },

    /**
     * Reads every active IMAP mailbox once (the `read-imap` job, which runs in one place at a
     * time). A mailbox that fails is reported on its state and does not stop the others.
     */
    async readImapMailboxes(
      reader: ImapReader,
      log: (mailboxId: string, error: unknown) => void,
    ): Promise<number> {
      let imported = 0;
      for (const mailboxId of await mailboxes.imapMailboxIds(db)) {
        try {
          const settings = await mailboxes.imapSettingsFor(db, mailboxId);
          if (!settings) continue;
          if (settings.password === null) throw new Error('The mailbox has no IMAP password set.');
          imported += (await reader.poll({ ...settings, mailboxId, password: settings.password }))
            .imported;
        } catch (error) {
          await saveMailboxState(db, mailboxId, {
            connected: false,
            checked_at: clock.now(),
            last_error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
            last_error_at: clock.now(),
          });
          log(mailboxId, error);
        }
      }
      return imported;
    },

    /**
     * Takes the letters the e-address service holds for the municipality into the general
     * (catch-all) mailbox's unit, each confirmed to the service only once it is stored.
     */
    async readEAddress(gateway: EAddressGateway): Promise<number> {
      const mailbox = await mailboxes.forAddress(db, E_ADDRESS_RECIPIENT);
      if (!mailbox) return 0;
      let imported = 0;
      for (const incoming of await gateway.receive()) {
        const result = await ingest({
          mailboxId: mailbox.id,
          channel: 'e_address',
          source: 'e_address',
          sourceKey: incoming.id,
          raw: incoming.raw,
          receivedAt: clock.now(),
        });
        await gateway.confirm(incoming.id);
        if (!result.duplicate) imported += 1;
      }
      return imported;
    },

    /** The active mailbox on the SMTP receiver that takes mail for the address, if any. */
    smtpMailboxFor(address: string): Promise<{ id: string } | null> {
      return keptMailbox(`address:${address.toLowerCase()}`, () =>
        mailboxes.forAddress(db, address),
      );
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;

function duplicateOf(stored: {
  id: string;
  state: InboundState;
  request_id: string | null;
}): IngestResult {
  const state =
    stored.state === 'quarantined'
      ? 'quarantined'
      : stored.state === 'flagged'
        ? 'flagged'
        : 'imported';
  return { inboundId: stored.id, state, requestId: stored.request_id, duplicate: true };
}

import type { Kysely } from 'kysely';
import type {
  TCreateMailboxBody,
  TListMailboxesQuery,
  TMailbox,
  TMailboxPage,
  TUpdateMailboxBody,
} from '../../../contracts/mailboxes.contracts';
import type { Clock } from '../../adapters/clock';
import { createSecretBox } from '../../adapters/secret-box';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, notFound, versionConflict, type FieldError } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { UnitsService } from '../units/units.service';
import { offsetOf, pageFrom } from '../paging';
import { presentMailbox, presentRoute, type MailboxRoute } from './mailboxes.presenter';
import {
  findActiveStates,
  findCatchAllIds,
  findImapMailboxIds,
  findImapSettings,
  findMailboxById,
  findMailboxIdByAddress,
  findMailboxes,
  findRouteById,
  findSmtpRoute,
  insertMailbox,
  updateMailbox,
} from './mailboxes.repository';

/** The settings a mailbox is checked by, as they will stand after the change. */
interface Settings {
  address: string;
  unitId: string;
  policyCode: string | null;
  smtpEnabled: boolean;
  acceptAnyRecipient: boolean;
  imapHost: string | null;
  imapUser: string | null;
  ackEnabled: boolean;
  ackSubjectLv: string;
  ackBodyLv: string;
  active: boolean;
}

/** What the IMAP reader connects with; the password decrypted, for the connection alone. */
export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string | null;
  folder: string;
  doneFolder: string | null;
}

/** A mailbox's reader state as the public health check shows it: no address, no error text. */
export interface MailboxHealth {
  name: string;
  connected: boolean;
  checkedAt: string | null;
  lastMessageAt: string | null;
  lastErrorAt: string | null;
}

export class MailboxSecretError extends Error {}

const IMAPS_PORT = 993;
const IMAP_PORT = 143;

export function createMailboxesService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  units: UnitsService;
  calendar: CalendarService;
  /** The key mailbox passwords are sealed with; null: none can be stored. */
  secretKey: Buffer | null;
}) {
  const { db, audit, clock, units, calendar } = deps;
  const box = deps.secretKey ? createSecretBox(deps.secretKey) : null;

  async function load(executor: Executor, id: string): Promise<TMailbox> {
    const row = await findMailboxById(executor, id);
    if (!row) throw notFound();
    return presentMailbox(row);
  }

  /** The settings alone, for the audit log: the reader's state is not the administrator's change. */
  const audited = ({ state: _state, ...settings }: TMailbox) => settings;

  /**
   * Checks the settings as they will stand, every rule at once so the form shows each refused
   * field together. A new password is refused when the server has no key to seal it with.
   */
  async function assertSettings(
    trx: Executor,
    settings: Settings,
    { mailboxId, settingPassword }: { mailboxId?: string; settingPassword: boolean },
  ) {
    const refused: FieldError[] = [];
    const refuse = (field: string, code: FieldError['code']) =>
      refused.push({ field, in: 'body', code });
    const holder = await findMailboxIdByAddress(trx, settings.address);
    if (holder && holder.id !== mailboxId) refuse('address', 'address_taken');
    if (!(await units.existing(trx, [settings.unitId])).has(settings.unitId)) {
      refuse('unitId', 'unknown_reference');
    }
    if (settings.policyCode !== null && !(await calendar.policyExists(trx, settings.policyCode))) {
      refuse('policyCode', 'unknown_reference');
    }
    if (settings.imapHost !== null && settings.imapUser === null) refuse('imapUser', 'required');
    if (settingPassword && !box) refuse('imapPassword', 'no_secret_key');
    // Two catch-alls would make the receiver's choice of mailbox an accident.
    if (settings.active && settings.smtpEnabled && settings.acceptAnyRecipient) {
      const others = (await findCatchAllIds(trx)).filter((row) => row.id !== mailboxId);
      if (others.length > 0) refuse('acceptAnyRecipient', 'catch_all_taken');
    }
    // The Latvian text is the one every acknowledgement can fall back on.
    if (settings.ackEnabled) {
      if (settings.ackSubjectLv === '') refuse('ackSubjectLv', 'required');
      if (settings.ackBodyLv === '') refuse('ackBodyLv', 'required');
    }
    if (refused.length > 0) throw new AppError('validation', 'validation', {}, refused);
  }

  /** The password sealed for storage; only called once assertSettings has seen there is a key. */
  function sealed(password: string | null): Buffer | null {
    if (password === null) return null;
    if (!box) throw new MailboxSecretError('no key configured for mailbox passwords');
    return box.seal(password);
  }

  /**
   * The active SMTP mailbox a message for these recipients belongs to: the first recipient that
   * is a mailbox's address, else the catch-all; null when neither (the receiver refuses it).
   */
  async function forSmtpRecipients(
    executor: Executor,
    recipients: readonly string[],
  ): Promise<MailboxRoute | null> {
    const row = await findSmtpRoute(executor, recipients);
    return row ? presentRoute(row) : null;
  }

  return {
    async list(ctx: ActionContext, query: TListMailboxesQuery): Promise<TMailboxPage> {
      requirePermission(ctx.principal, 'mailboxes.manage');
      const rows = await findMailboxes(db, {
        terms: (query.q ?? '').split(/\s+/).filter((term) => term !== ''),
        active: query.active,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return { ...pageFrom(rows, query, presentMailbox), passwordsCanBeStored: box !== null };
    },

    get(ctx: ActionContext, id: string): Promise<TMailbox> {
      requirePermission(ctx.principal, 'mailboxes.manage');
      return load(db, id);
    },

    async create(ctx: ActionContext, body: TCreateMailboxBody): Promise<TMailbox> {
      requirePermission(ctx.principal, 'mailboxes.manage');
      return db.transaction().execute(async (trx) => {
        const policyCode = body.policyCode ?? null;
        const imapHost = body.imapHost ?? null;
        const imapUser = body.imapUser ?? null;
        await assertSettings(
          trx,
          { ...body, policyCode, imapHost, imapUser },
          { settingPassword: typeof body.imapPassword === 'string' },
        );
        const imapPassword = sealed(body.imapPassword ?? null);
        const now = clock.now();
        const id = await insertMailbox(trx, {
          name: body.name,
          address: body.address,
          unit_id: body.unitId,
          policy_code: policyCode,
          smtp_enabled: body.smtpEnabled,
          accept_any_recipient: body.acceptAnyRecipient,
          imap_host: imapHost,
          imap_port: imapHost === null ? null : (body.imapPort ?? defaultPort(body.imapTls)),
          imap_tls: body.imapTls,
          imap_user: imapUser,
          imap_password: imapPassword,
          imap_folder: body.imapFolder,
          imap_done_folder: body.imapDoneFolder ?? null,
          ack_enabled: body.ackEnabled,
          ack_subject_lv: body.ackSubjectLv,
          ack_body_lv: body.ackBodyLv,
          ack_subject_en: body.ackSubjectEn,
          ack_body_en: body.ackBodyEn,
          active: body.active,
          created_at: now,
          updated_at: now,
        });
        const created = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'mailbox',
          entityId: id,
          after: audited(created),
        });
        return created;
      });
    },

    async update(ctx: ActionContext, id: string, body: TUpdateMailboxBody): Promise<TMailbox> {
      requirePermission(ctx.principal, 'mailboxes.manage');
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.version !== body.version) throw versionConflict();
        // Absent fields keep their value; null clears what may be cleared.
        const or = <T>(value: T | undefined, current: T): T =>
          value !== undefined ? value : current;
        const merged = {
          name: body.name ?? before.name,
          address: body.address ?? before.address,
          unitId: body.unitId ?? before.unitId,
          policyCode: or(body.policyCode, before.policyCode),
          smtpEnabled: body.smtpEnabled ?? before.smtpEnabled,
          acceptAnyRecipient: body.acceptAnyRecipient ?? before.acceptAnyRecipient,
          imapHost: or(body.imapHost, before.imapHost),
          imapPort: or(body.imapPort, before.imapPort),
          imapTls: body.imapTls ?? before.imapTls,
          imapUser: or(body.imapUser, before.imapUser),
          imapFolder: body.imapFolder ?? before.imapFolder,
          imapDoneFolder: or(body.imapDoneFolder, before.imapDoneFolder),
          ackEnabled: body.ackEnabled ?? before.ackEnabled,
          ackSubjectLv: body.ackSubjectLv ?? before.ackSubjectLv,
          ackBodyLv: body.ackBodyLv ?? before.ackBodyLv,
          ackSubjectEn: body.ackSubjectEn ?? before.ackSubjectEn,
          ackBodyEn: body.ackBodyEn ?? before.ackBodyEn,
          active: body.active ?? before.active,
        };
        await assertSettings(trx, merged, {
          mailboxId: id,
          settingPassword: typeof body.imapPassword === 'string',
        });
        const imapPassword =
          body.imapPassword === undefined ? undefined : sealed(body.imapPassword);
        const updated = await updateMailbox(trx, {
          id,
          version: body.version,
          changes: {
            name: merged.name,
            address: merged.address,
            unit_id: merged.unitId,
            policy_code: merged.policyCode,
            smtp_enabled: merged.smtpEnabled,
            accept_any_recipient: merged.acceptAnyRecipient,
            imap_host: merged.imapHost,
            imap_port:
              merged.imapHost === null ? null : (merged.imapPort ?? defaultPort(merged.imapTls)),
            imap_tls: merged.imapTls,
            imap_user: merged.imapUser,
            ...(imapPassword !== undefined && { imap_password: imapPassword }),
            imap_folder: merged.imapFolder,
            imap_done_folder: merged.imapDoneFolder,
            ack_enabled: merged.ackEnabled,
            ack_subject_lv: merged.ackSubjectLv,
            ack_body_lv: merged.ackBodyLv,
            ack_subject_en: merged.ackSubjectEn,
            ack_body_en: merged.ackBodyEn,
            active: merged.active,
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const after = await load(trx, id);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'mailbox',
          entityId: id,
          before: audited(before),
          after: audited(after),
          // The password's bytes never reach the log; that it changed does.
          ...(imapPassword !== undefined && {
            context: { password: imapPassword === null ? 'removed' : 'set' },
          }),
        });
        return after;
      });
    },

    /** A mailbox's filing and acknowledgement settings, active or not; null when there is none. */
    async byId(executor: Executor, id: string): Promise<MailboxRoute | null> {
      const row = await findRouteById(executor, id);
      return row ? presentRoute(row) : null;
    },

    forSmtpRecipients,

    /** The active SMTP mailbox for one recipient (the receiver's RCPT TO), else the catch-all. */
    forAddress(executor: Executor, address: string): Promise<MailboxRoute | null> {
      return forSmtpRecipients(executor, [address]);
    },

    /** The active mailboxes read over IMAP, for the reader to poll. */
    imapMailboxIds(executor: Executor): Promise<string[]> {
      return findImapMailboxIds(executor);
    },

    /**
     * What the IMAP reader connects with, the password decrypted; null when the mailbox is gone,
     * inactive or not read over IMAP. Throws MailboxSecretError when the stored password cannot
     * be opened: no key configured, or not the key it was stored with.
     */
    async imapSettingsFor(executor: Executor, mailboxId: string): Promise<ImapSettings | null> {
      const row = await findImapSettings(executor, mailboxId);
      if (!row || !row.active || row.imap_host === null || row.imap_user === null) return null;
      let password: string | null = null;
      if (row.imap_password !== null) {
        if (!box) {
          throw new MailboxSecretError(
            'no key configured for mailbox passwords: set APKALPO_SECRET_KEY to the key the password was stored with',
          );
        }
        try {
          password = box.open(row.imap_password);
        } catch {
          throw new MailboxSecretError(
            'the mailbox password cannot be decrypted: APKALPO_SECRET_KEY is not the key it was stored with, or the stored value was changed',
          );
        }
      }
      return {
        host: row.imap_host,
        port: row.imap_port ?? defaultPort(row.imap_tls),
        tls: row.imap_tls,
        user: row.imap_user,
        password,
        folder: row.imap_folder,
        doneFolder: row.imap_done_folder,
      };
    },

    /** Each active mailbox's reader state, for the public health check. */
    async health(): Promise<MailboxHealth[]> {
      const rows = await findActiveStates(db);
      return rows.map((row) => ({
        name: row.name,
        connected: row.connected ?? false,
        checkedAt: row.checked_at?.toISOString() ?? null,
        lastMessageAt: row.last_message_at?.toISOString() ?? null,
        lastErrorAt: row.last_error_at?.toISOString() ?? null,
      }));
    },
  };
}
export type MailboxesService = ReturnType<typeof createMailboxesService>;

/** The IANA port for IMAP over TLS or in the clear (STARTTLS). */
function defaultPort(tls: boolean): number {
  return tls ? IMAPS_PORT : IMAP_PORT;
}

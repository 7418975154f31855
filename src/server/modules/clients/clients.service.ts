import type { Kysely } from 'kysely';
import { searchTermsOf } from '../../../domain/search-text';
import { phoneKeyOf } from '../../../domain/calls';
import { nameFromSender } from '../../../domain/mail-in';
import type {
  TClient,
  TClientAccessLog,
  TClientPage,
  TClientSummary,
  TCreateClientBody,
  TListClientsQuery,
  TMergeClientBody,
  TUpdateClientBody,
} from '../../../contracts/clients.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB, NewClientRow } from '../../db/schema';
import { hasPermission, requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { offsetOf, pageFrom } from '../paging';
import type { RequestsService } from '../requests/requests.service';
import type { StaffService } from '../staff/staff.service';
import {
  clientSearchTextOf,
  clientSortNameOf,
  displayNameOf,
  presentClient,
  presentClientSummary,
} from './clients.presenter';
import {
  findClientBy,
  findClientByEAddress,
  findClientByEmail,
  findClientsByEmails,
  findClientById,
  findClientIdsByPhoneKey,
  findClients,
  findClientSummaries,
  findMergedInto,
  insertClient,
  insertClients,
  updateClient,
  type ClientRow,
} from './clients.repository';

type ClientFields = Pick<
  NewClientRow,
  | 'given_name'
  | 'surname'
  | 'name'
  | 'personal_code'
  | 'registration_number'
  | 'phone'
  | 'email'
  | 'e_address'
>;

/** The stored fields of a person's or organisation's new record. */
function externalFieldsOf(
  body: Exclude<TCreateClientBody, { kind: 'internal' }>,
): ClientFields & Pick<NewClientRow, 'kind' | 'staff_id' | 'address'> {
  return {
    kind: body.kind,
    staff_id: null,
    given_name: body.kind === 'person' ? body.givenName : null,
    surname: body.kind === 'person' ? body.surname : null,
    name: body.kind === 'organisation' ? body.name : null,
    personal_code: body.kind === 'person' ? (body.personalCode ?? null) : null,
    registration_number: body.kind === 'organisation' ? (body.registrationNumber ?? null) : null,
    phone: body.phone ?? null,
    email: body.email ?? null,
    e_address: body.eAddress ?? null,
    address: body.address ?? null,
  };
}

/** A new record's row: its fields, with what is made of them and the client's preferences. */
function newRowOf(
  body: TCreateClientBody,
  fields: ClientFields & Pick<NewClientRow, 'kind' | 'staff_id' | 'address'>,
  now: Date,
): NewClientRow {
  return {
    ...fields,
    preferred_language: body.kind === 'internal' ? null : (body.preferredLanguage ?? null),
    preferred_channel: body.kind === 'internal' ? null : (body.preferredChannel ?? null),
    consent_notes: body.kind === 'internal' ? null : (body.consentNotes ?? null),
    search_text: clientSearchTextOf(fields),
    sort_name: clientSortNameOf(fields),
    created_at: now,
    updated_at: now,
  };
}

/** Those who serve clients, and those who see all requests, may look clients up. */
export function assertMayServe(ctx: ActionContext): void {
  if (
    !hasPermission(ctx.principal, 'requests.work') &&
    !hasPermission(ctx.principal, 'requests.read-all')
  ) {
    throw new AppError('forbidden');
  }
}

/** Moves a client's records of one kind to another client in the caller's transaction; how many moved. */
export type MoveToClient = (trx: Executor, move: { from: string; to: string }) => Promise<number>;

export function createClientsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  staff: StaffService;
  requests: RequestsService;
  /**
   * The owners' writes that move a merged client's contacts and requests. Passed in because
   * the contacts and requests modules use clients (its permission check, its records), so
   * clients cannot import theirs.
   */
  moveContacts: MoveToClient;
  moveRequests: MoveToClient;
}) {
  const { db, audit, clock, staff, requests, moveContacts, moveRequests } = deps;

  async function load(executor: Executor, id: string): Promise<ClientRow> {
    const row = await findClientById(executor, id);
    if (!row) throw notFound();
    return row;
  }

  async function assertCodeFree(
    trx: Executor,
    personalCode: string | null | undefined,
    options: { exceptId?: string; field?: string } = {},
  ) {
    if (!personalCode) return;
    const owner = await findClientBy(trx, { personalCode });
    if (owner && owner.id !== options.exceptId) {
      throw invalidField(options.field ?? 'personalCode', 'personal_code_taken');
    }
  }

  /**
   * Registers a client in the caller's transaction; a colleague is registered once only.
   * `fieldPrefix` names where the client sits in the caller's form (e.g. "newClient.").
   */
  async function createIn(
    trx: Executor,
    ctx: ActionContext,
    body: TCreateClientBody,
    fieldPrefix = '',
  ): Promise<string> {
    return (await createRowIn(trx, ctx, body, fieldPrefix)).id;
  }

  /** As createIn, with the client's row as stored (read once, for the audit record too). */
  async function createRowIn(
    trx: Executor,
    ctx: ActionContext,
    body: TCreateClientBody,
    fieldPrefix = '',
  ): Promise<ClientRow> {
    const now = clock.now();
    let fields: ClientFields & Pick<NewClientRow, 'kind' | 'staff_id' | 'address'>;
    if (body.kind === 'internal') {
      const existing = await findClientBy(trx, { staffId: body.staffId });
      if (existing) return load(trx, existing.id);
      const person = (await staff.contactsOf(trx, [body.staffId])).get(body.staffId);
      if (!person?.active) throw invalidField(`${fieldPrefix}staffId`, 'unknown_reference');
      fields = {
        kind: 'internal',
        staff_id: body.staffId,
        given_name: person.givenName,
        surname: person.surname,
        name: null,
        personal_code: null,
        registration_number: null,
        phone: person.phone,
        email: person.email,
        e_address: null,
        address: null,
      };
    } else {
      if (body.kind === 'person') {
        await assertCodeFree(trx, body.personalCode, { field: `${fieldPrefix}personalCode` });
      }
      fields = externalFieldsOf(body);
    }
    const id = await insertClient(trx, newRowOf(body, fields, now));
    const row = await load(trx, id);
    await audit.record(trx, ctx, {
      action: 'create',
      entityType: 'client',
      entityId: id,
      after: presentClient(row),
    });
    return row;
  }

  return {
    createIn,

    /** Clients as lists show them, by id, for other modules. */
    async summariesOf(
      executor: Executor,
      ids: readonly string[],
    ): Promise<Map<string, TClientSummary>> {
      const rows = await findClientSummaries(executor, [...new Set(ids)]);
      return new Map(rows.map((row) => [row.id, presentClientSummary(row)]));
    },

    /**
     * The live clients with this phone number, the most recently changed first, for a ringing
     * call; none for a number too short to tell a caller by.
     */
    async idsByPhone(executor: Executor, number: string, limit: number): Promise<string[]> {
      const key = phoneKeyOf(number);
      if (!key) return [];
      return (await findClientIdsByPhoneKey(executor, key, limit)).map((row) => row.id);
    },

    /**
     * Who wrote a letter, in the caller's transaction: a colleague by their staff address (an
     * internal client), a client known by the address, or a new person registered from it.
     */
    async forSender(
      trx: Executor,
      ctx: ActionContext,
      /** `staffId`: the colleague with the address, when the caller has looked it up already. */
      sender: {
        address: string;
        displayName: string | null;
        staffId: string | null;
        /** An e-address letter's sender is known, and answered, by their e-address. */
        channel?: 'email' | 'e_address';
      },
    ): Promise<{ id: string; kind: 'external' | 'internal'; name: string }> {
      const { staffId } = sender;
      if (staffId) {
        const row = await createRowIn(trx, ctx, { kind: 'internal', staffId });
        return { id: row.id, kind: 'internal', name: displayNameOf(row) };
      }
      const byEAddress = sender.channel === 'e_address';
      const known = byEAddress
        ? await findClientByEAddress(trx, sender.address)
        : await findClientByEmail(trx, sender.address);
      if (known) {
        return {
          id: known.id,
          kind: known.kind === 'internal' ? 'internal' : 'external',
          name: displayNameOf(known),
        };
      }
      const row = await createRowIn(trx, ctx, {
        kind: 'person',
        ...nameFromSender(sender.displayName, sender.address),
        ...(byEAddress ? { eAddress: sender.address } : { email: sender.address }),
      });
      return { id: row.id, kind: 'external', name: displayNameOf(row) };
    },

    /**
     * The clients who wrote letters that came together, in the caller's transaction: for each
     * sender's address (in lower case) the client known by it, or a new person registered from
     * it; as forSender does for one letter by email from outside, in two statements for them all.
     */
    async forSendersIn(
      trx: Executor,
      ctx: ActionContext,
      senders: ReadonlyArray<{ address: string; displayName: string | null }>,
    ): Promise<Map<string, { id: string; kind: 'external' | 'internal'; name: string }>> {
      const found = new Map<string, { id: string; kind: 'external' | 'internal'; name: string }>();
      for (const row of await findClientsByEmails(
        trx,
        senders.map((sender) => sender.address),
      )) {
        found.set((row.email as string).toLowerCase(), {
          id: row.id,
          kind: row.kind === 'internal' ? 'internal' : 'external',
          name: displayNameOf(row),
        });
      }
      const now = clock.now();
      const unknown = new Map<string, NewClientRow>();
      for (const sender of senders) {
        const address = sender.address.toLowerCase();
        if (found.has(address) || unknown.has(address)) continue;
        const body = {
          kind: 'person' as const,
          ...nameFromSender(sender.displayName, sender.address),
          email: sender.address,
        };
        unknown.set(address, newRowOf(body, externalFieldsOf(body), now));
      }
      const created = await insertClients(trx, [...unknown.values()]);
      for (const row of created) {
        found.set((row.email as string).toLowerCase(), {
          id: row.id,
          kind: 'external',
          name: displayNameOf(row),
        });
      }
      await audit.record(
        trx,
        ctx,
        ...created.map((row) => ({
          action: 'create',
          entityType: 'client',
          entityId: row.id,
          after: presentClient(row),
        })),
      );
      return found;
    },

    /** The client's kind, live record and name, to check a reference in the caller's transaction. */
    async referenced(executor: Executor, id: string) {
      const row = await findClientById(executor, id);
      if (!row || row.merged_into) return null;
      return { id: row.id, kind: row.kind, displayName: displayNameOf(row) };
    },

    async list(ctx: ActionContext, query: TListClientsQuery): Promise<TClientPage> {
      assertMayServe(ctx);
      const rows = await findClients(db, {
        terms: searchTermsOf(query.q ?? ''),
        kind: query.kind,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentClientSummary);
    },

    /** Opens a client record; who opened it, and when, is written to the audit log (clause 20). */
    async get(ctx: ActionContext, id: string): Promise<TClient> {
      assertMayServe(ctx);
      const row = await load(db, id);
      await audit.recordRead(db, ctx, { entityType: 'client', entityId: id });
      return presentClient(row);
    },

    async create(ctx: ActionContext, body: TCreateClientBody): Promise<TClient> {
      requirePermission(ctx.principal, 'requests.work');
      return db
        .transaction()
        .execute(async (trx) => presentClient(await createRowIn(trx, ctx, body)));
    },

    async update(ctx: ActionContext, id: string, body: TUpdateClientBody): Promise<TClient> {
      requirePermission(ctx.principal, 'requests.work');
      return db.transaction().execute(async (trx) => {
        const current = await load(trx, id);
        if (current.version !== body.version || current.merged_into) throw versionConflict();
        const person = current.kind === 'person';
        const organisation = current.kind === 'organisation';
        const keep = <T>(value: T | undefined, old: T): T => (value !== undefined ? value : old);
        const fields: ClientFields = {
          given_name: person ? (body.givenName ?? current.given_name) : current.given_name,
          surname: person ? (body.surname ?? current.surname) : current.surname,
          name: organisation ? (body.name ?? current.name) : current.name,
          personal_code: person ? keep(body.personalCode, current.personal_code) : null,
          registration_number: organisation
            ? keep(body.registrationNumber, current.registration_number)
            : null,
          phone: keep(body.phone, current.phone),
          email: keep(body.email, current.email),
          e_address: keep(body.eAddress, current.e_address),
        };
        if (fields.personal_code !== current.personal_code) {
          await assertCodeFree(trx, fields.personal_code, { exceptId: id });
        }
        const updated = await updateClient(trx, {
          id,
          version: body.version,
          changes: {
            ...fields,
            address: keep(body.address, current.address),
            preferred_language: keep(body.preferredLanguage, current.preferred_language),
            preferred_channel: keep(body.preferredChannel, current.preferred_channel),
            consent_notes: keep(body.consentNotes, current.consent_notes),
            search_text: clientSearchTextOf(fields),
            sort_name: clientSortNameOf(fields),
            updated_at: clock.now(),
          },
        });
        if (!updated) throw versionConflict();
        const after = presentClient(await load(trx, id));
        if (after.displayName !== presentClient(current).displayName) {
          await requests.refreshClientName(trx, id, after.displayName);
        }
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'client',
          entityId: id,
          before: presentClient(current),
          after,
        });
        return after;
      });
    },

    /** Merges a duplicate into the record that stays; its contacts and requests move along. */
    async merge(ctx: ActionContext, id: string, body: TMergeClientBody): Promise<TClient> {
      requirePermission(ctx.principal, 'clients.merge');
      if (body.intoId === id) throw invalidField('intoId', 'merge_into_itself');
      return db.transaction().execute(async (trx) => {
        const duplicate = await load(trx, id);
        if (duplicate.version !== body.version || duplicate.merged_into) throw versionConflict();
        const target = await findClientById(trx, body.intoId);
        if (!target || target.merged_into) throw invalidField('intoId', 'unknown_reference');
        // A person is one with a person, an organisation with an organisation.
        if (target.kind !== duplicate.kind) throw invalidField('intoId', 'merge_other_kind');
        const move = { from: id, to: body.intoId };
        const moved = {
          contacts: await moveContacts(trx, move),
          requests: await moveRequests(trx, move),
        };
        await requests.refreshClientName(trx, body.intoId, displayNameOf(target));
        const merged = await updateClient(trx, {
          id,
          version: body.version,
          changes: { merged_into: body.intoId, updated_at: clock.now() },
        });
        if (!merged) throw versionConflict();
        await audit.record(
          trx,
          ctx,
          {
            action: 'merge',
            entityType: 'client',
            entityId: id,
            before: presentClient(duplicate),
            context: { into: body.intoId, ...moved },
          },
          {
            action: 'merge-in',
            entityType: 'client',
            entityId: body.intoId,
            context: { from: id, ...moved },
          },
        );
        return presentClient(await load(trx, body.intoId));
      });
    },

    /** Who looked at the client's data and in which connection: a data subject's request. */
    async accessLog(ctx: ActionContext, id: string): Promise<TClientAccessLog> {
      requirePermission(ctx.principal, 'clients.access-log');
      await load(db, id);
      // Looks at records since merged into this one are looks at this person's data too.
      const ids = [id];
      for (let found = await findMergedInto(db, ids); found.length > 0;) {
        ids.push(...found);
        found = await findMergedInto(db, found);
      }
      const reads = await audit.readsOf('client', ids);
      return {
        clientId: id,
        entries: reads.map((read) => ({
          at: read.at.toISOString(),
          staffId: read.staffId,
          staffName: read.staffName,
          tokenId: read.tokenId,
          tokenName: read.tokenName,
          requestNumber: (read.context as { requestNumber?: string } | null)?.requestNumber ?? null,
        })),
      };
    },
  };
}
export type ClientsService = ReturnType<typeof createClientsService>;

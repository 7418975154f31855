import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import type {
  TCloseContactBody,
  TContact,
  TCreateContactBody,
  TCreateIncidentBody,
  TIncident,
} from '../../../contracts/contacts.contracts';
import { maySeeRequest } from '../../../domain/requests';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { assertMayServe, type ClientsService } from '../clients/clients.service';
import { offsetOf, pageFrom } from '../paging';
import type { QueueService } from '../queue/queue.service';
import type { PlannedRequest, RequestRow, RequestsService } from '../requests/requests.service';
import type { StaffService } from '../staff/staff.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import type { UnitsService } from '../units/units.service';
import { presentContact, presentIncident } from './contacts.presenter';
import {
  findContactById,
  findIncidents,
  findIncidentsOf,
  insertContact,
  insertContacts,
  insertIncident,
  moveContactsOfClient,
  setContactStaff as saveContactStaff,
  updateContact,
  type ContactRow,
} from './contacts.repository';

const IN_PERSON = 'in_person';

/** A contact that arrived by itself: a letter by email or e-address, a voicemail message. */
interface ArrivedContact {
  channel: 'email' | 'e_address' | 'voicemail';
  occurredAt: Date;
  client: { id: string; kind: 'external' | 'internal'; name: string | null } | null;
  unitId: string;
  reason: string;
}

export function createContactsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  calendar: CalendarService;
  clients: ClientsService;
  queue: QueueService;
  requests: RequestsService;
  staff: StaffService;
  units: UnitsService;
  catalogue: CatalogueService;
}) {
  const { db, audit, clock, calendar, clients, queue, requests, staff, units, catalogue } = deps;

  /** Who deals with a contact: its unit's people, whoever served it, and whoever owns one of its requests. */
  async function visibleContact(executor: Executor, ctx: ActionContext, id: string) {
    const row = await findContactById(executor, id);
    if (!row) throw notFound();
    const viewer = await requests.viewerOf(executor, ctx.principal);
    const requestList = await requests.ofContact(executor, viewer, id);
    const seen =
      maySeeRequest(viewer, { unitId: row.unit_id ?? '', ownerId: row.staff_id }) ||
      requestList.length > 0;
    if (!seen) throw notFound();
    return { row, requestList };
  }

  /** The contact as answered, with the requests of it its reader may see. */
  async function present(executor: Executor, row: ContactRow, requestList: TRequestSummary[]) {
    const [clients_, queueEntry, incidentRows] = [
      row.client_id ? await clients.summariesOf(executor, [row.client_id]) : null,
      await queue.entryOfContact(executor, row.id),
      await findIncidentsOf(executor, row.id),
    ];
    const peopleIds = [
      row.staff_id,
      queueEntry?.assigned_to,
      ...incidentRows.map((incident) => incident.recorded_by),
    ].filter((id): id is string => Boolean(id));
    const people = await staff.contactsOf(executor, peopleIds);
    return presentContact(row, {
      client: (row.client_id && clients_?.get(row.client_id)) || null,
      people,
      suggestedServices: await catalogue.suggestionsFor(
        executor,
        requestList.flatMap((request) => (request.serviceId ? [request.serviceId] : [])),
      ),
      requests: requestList,
      queueEntry: queueEntry ?? null,
      incidents: incidentRows,
    });
  }

  async function load(executor: Executor, id: string): Promise<ContactRow> {
    const row = await findContactById(executor, id);
    if (!row) throw notFound();
    return row;
  }

  /**
   * Contacts that arrived by themselves (letters that came together), each with its one request,
   * in the caller's transaction and a handful of statements for them all. Each one's contact id
   * and request as stored, in the order given.
   */
  async function registerManyIn(
    trx: Executor,
    ctx: ActionContext,
    arrived: ReadonlyArray<{ contact: ArrivedContact; planned: PlannedRequest }>,
  ): Promise<Array<{ contactId: string; request: RequestRow }>> {
    const now = clock.now();
    const rows = arrived.map(({ contact }) => ({
      id: randomUUID(),
      channel: contact.channel,
      occurred_at: contact.occurredAt,
      client_id: contact.client?.id ?? null,
      client_kind: contact.client?.kind ?? ('external' as const),
      staff_id: null,
      unit_id: contact.unitId,
      reason: contact.reason,
      created_at: now,
      updated_at: now,
    }));
    await insertContacts(trx, rows);
    const created = await requests.createManyIn(
      trx,
      ctx,
      arrived.map(({ contact, planned }, index) => ({
        contact: {
          id: rows[index]!.id,
          channel: contact.channel,
          clientId: contact.client?.id ?? null,
          clientKind: rows[index]!.client_kind,
          clientName: contact.client?.name ?? null,
          receivedAt: contact.occurredAt,
        },
        planned: [planned],
      })),
    );
    const registered = rows.map((row, index) => {
      const request = created[index]?.[0];
      if (!request) throw notFound();
      return { contactId: row.id, request };
    });
    await audit.record(
      trx,
      ctx,
      ...registered.map(({ contactId, request }, index) => ({
        action: 'create',
        entityType: 'contact',
        entityId: contactId,
        after: {
          channel: rows[index]!.channel,
          unitId: rows[index]!.unit_id,
          clientId: rows[index]!.client_id,
          reason: rows[index]!.reason,
          requestIds: [request.id],
        },
      })),
    );
    return registered;
  }

  return {
    /**
     * Registers a contact with every service asked for in one transaction: the new client (if
     * any), the contact, its requests with their due dates, and the queue place when asked.
     */
    async create(ctx: ActionContext, body: TCreateContactBody): Promise<TContact> {
      requirePermission(ctx.principal, 'requests.work');
      const occurredAt = body.occurredAt ? new Date(body.occurredAt) : clock.now();
      // Deadlines read the calendar, so they are worked out before the transaction opens.
      const existing = body.clientId ? await clients.referenced(db, body.clientId) : null;
      if (body.clientId && !existing) throw invalidField('clientId', 'unknown_reference');
      const clientKind =
        (existing?.kind ?? body.newClient?.kind) === 'internal' ? 'internal' : 'external';
      const planned: PlannedRequest[] = [];
      for (const input of body.requests) {
        const deadline = await calendar.deadlineFor(occurredAt, {
          channel: body.channel,
          clientKind,
          caseType: input.caseType ?? null,
        });
        planned.push({
          input,
          policyCode: deadline.policyCode,
          dueOn: deadline.due,
          dueAt: deadline.dueEnd,
        });
      }
      return db.transaction().execute(async (trx) => {
        if (!(await units.existing(trx, [body.unitId])).has(body.unitId)) {
          throw invalidField('unitId', 'unknown_reference');
        }
        let clientId: string | null = null;
        let clientName: string | null = null;
        if (body.clientId) {
          const client = await clients.referenced(trx, body.clientId);
          if (!client) throw invalidField('clientId', 'unknown_reference');
          clientId = client.id;
          clientName = client.displayName;
        } else if (body.newClient) {
          clientId = await clients.createIn(trx, ctx, body.newClient, 'newClient.');
          clientName = (await clients.referenced(trx, clientId))?.displayName ?? null;
        }
        const now = clock.now();
        const id = await insertContact(trx, {
          channel: body.channel,
          occurred_at: occurredAt,
          client_id: clientId,
          client_kind: clientKind,
          staff_id: body.queue ? null : ctx.principal.staffId,
          unit_id: body.unitId,
          reason: body.reason ?? null,
          created_at: now,
          updated_at: now,
        });
        await requests.createIn(
          trx,
          ctx,
          { id, channel: body.channel, clientId, clientKind, clientName, receivedAt: occurredAt },
          planned,
        );
        if (body.queue) {
          await queue.enqueueIn(trx, {
            contactId: id,
            unitId: body.unitId,
            external: clientKind === 'external',
            inPerson: body.channel === IN_PERSON,
            at: now,
          });
        }
        const viewer = await requests.viewerOf(trx, ctx.principal);
        const contact = await present(
          trx,
          await load(trx, id),
          await requests.ofContact(trx, viewer, id),
        );
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'contact',
          entityId: id,
          after: { ...contact, requests: contact.requests.map((r) => r.number) },
        });
        return contact;
      });
    },

    /**
     * A contact that arrived by itself (a letter by email or e-address, a voicemail message)
     * with its one request, in the caller's transaction; the deadline was planned before it.
     * Its ids.
     */
    async registerIn(
      trx: Executor,
      ctx: ActionContext,
      contact: ArrivedContact,
      planned: PlannedRequest,
    ): Promise<{ contactId: string; requestId: string }> {
      const [registered] = await registerManyIn(trx, ctx, [{ contact, planned }]);
      if (!registered) throw notFound();
      return { contactId: registered.contactId, requestId: registered.request.id };
    },

    registerManyIn,

    /** A contact's channel, client, unit and clerk, to check a reference in the caller's transaction. */
    async referenced(executor: Executor, id: string) {
      const row = await findContactById(executor, id);
      if (!row) return null;
      return {
        id: row.id,
        channel: row.channel,
        clientId: row.client_id,
        unitId: row.unit_id,
        staffId: row.staff_id,
      };
    },

    /** Opens a contact; looking at a person's data through it is written to the audit log. */
    async get(ctx: ActionContext, id: string): Promise<TContact> {
      assertMayServe(ctx);
      const { row, requestList } = await visibleContact(db, ctx, id);
      const contact = await present(db, row, requestList);
      if (row.client_id && contact.client?.kind !== 'organisation') {
        await audit.recordRead(db, ctx, {
          entityType: 'client',
          entityId: row.client_id,
          context: { contactId: id },
        });
      }
      return contact;
    },

    /** Ends a visit or call with its outcome, what the client was told, and what was offered. */
    async close(ctx: ActionContext, id: string, body: TCloseContactBody): Promise<TContact> {
      requirePermission(ctx.principal, 'requests.work');
      return db.transaction().execute(async (trx) => {
        const { row } = await visibleContact(trx, ctx, id);
        if (row.version !== body.version) throw versionConflict();
        if (row.closed_at) throw new AppError('conflict', 'contact_closed');
        const now = clock.now();
        const saved = await updateContact(trx, {
          id,
          version: body.version,
          changes: {
            outcome: body.outcome,
            next_steps: body.nextSteps ?? null,
            offered_services: body.offeredServices,
            closed_at: now,
            staff_id: row.staff_id ?? ctx.principal.staffId,
            updated_at: now,
          },
        });
        if (!saved) throw versionConflict();
        await queue.finishIn(trx, id, now);
        await requests.settleIn(trx, ctx, id, body.requests);
        const viewer = await requests.viewerOf(trx, ctx.principal);
        const after = await present(
          trx,
          await load(trx, id),
          await requests.ofContact(trx, viewer, id),
        );
        await audit.record(trx, ctx, {
          action: 'close',
          entityType: 'contact',
          entityId: id,
          before: { outcome: row.outcome, closedAt: null },
          after: {
            outcome: after.outcome,
            nextSteps: after.nextSteps,
            offeredServices: after.offeredServices,
            closedAt: after.closedAt,
            requests: body.requests,
          },
        });
        return after;
      });
    },

    /** Records an aggressive or abusive visit (clause 13.5). */
    async addIncident(
      ctx: ActionContext,
      id: string,
      body: TCreateIncidentBody,
    ): Promise<TIncident> {
      requirePermission(ctx.principal, 'requests.work');
      return db.transaction().execute(async (trx) => {
        const { row } = await visibleContact(trx, ctx, id);
        const incidentId = await insertIncident(trx, {
          contact_id: id,
          unit_id: row.unit_id,
          description: body.description,
          police_called: body.policeCalled,
          security_called: body.securityCalled,
          recorded_by: ctx.principal.staffId,
          recorded_at: clock.now(),
        });
        const incidentRow = (await findIncidentsOf(trx, id)).find((i) => i.id === incidentId);
        if (!incidentRow) throw notFound();
        const people = await staff.contactsOf(
          trx,
          incidentRow.recorded_by ? [incidentRow.recorded_by] : [],
        );
        const incident = presentIncident(incidentRow, people);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'incident',
          entityId: incidentId,
          after: incident,
        });
        return incident;
      });
    },

    /** Incidents of the units one heads (and below), or all of them for those who see everything. */
    async incidents(
      ctx: ActionContext,
      query: { unitId?: string | undefined; page: number; pageSize: number },
    ) {
      requirePermission(ctx.principal, 'incidents.read');
      const viewer = await requests.viewerOf(db, ctx.principal);
      const allowed = viewer.readAll ? null : [...viewer.unitIds];
      const unitIds =
        query.unitId === undefined
          ? allowed
          : allowed === null || allowed.includes(query.unitId)
            ? [query.unitId]
            : [];
      const rows = await findIncidents(db, {
        unitIds,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const people = await staff.contactsOf(
        db,
        rows.flatMap((row) => (row.recorded_by ? [row.recorded_by] : [])),
      );
      return pageFrom(rows, query, (row) => presentIncident(row, people));
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;

// Writes to contacts that other modules make in their own transactions. They need nothing of
// the service's dependencies, and the modules that use them (the queue, clients) are ones that
// contacts itself depends on: app.ts passes these functions in rather than the service.

/** The clerk who calls a person in from the queue serves their visit, in the caller's transaction. */
export async function setContactStaff(
  trx: Executor,
  contactId: string,
  staffId: string | null,
): Promise<void> {
  await saveContactStaff(trx, contactId, staffId);
}

/** Moves a merged client's contacts to the client that stays, in the merge's transaction. */
export async function moveContactsToClient(
  trx: Executor,
  move: { from: string; to: string },
): Promise<number> {
  return moveContactsOfClient(trx, move);
}

import type { Kysely } from 'kysely';
import type { Channel, ClientKind } from '../../../domain/channels';
import { DUE_SOON_HOURS } from '../../../domain/commitments';
import { extensionNotice, recipientFor } from '../../../domain/notices';
import {
  canMove,
  isOpen,
  maySeeRequest,
  nextStates,
  seesOnlyAsRegistrar,
  type RequestState,
  type RequestViewer,
} from '../../../domain/requests';
import { rigaDateOf } from '../../../domain/riga-time';
import { searchTermsOf, searchTextOf } from '../../../domain/search-text';
import type { TRequestSettlement } from '../../../contracts/contacts.contracts';
import type {
  TChangeStateBody,
  TCommitment,
  TCreateCommitmentBody,
  TDeliveryBody,
  TExtendBody,
  TReplyBody,
  TListRequestsQuery,
  TNewRequestInput,
  TOutOfSight,
  TReferBody,
  TRequestDetail,
  TRequestPage,
  TRequestSummary,
  TUpdateRequestBody,
} from '../../../contracts/requests.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import {
  hasPermission,
  requirePermission,
  type ActionContext,
  type Principal,
} from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { InstitutionsService } from '../institutions/institutions.service';
import { assertMayServe } from '../clients/clients.service';
import { offsetOf } from '../paging';
import type { StaffService } from '../staff/staff.service';
import type { UnitsService } from '../units/units.service';
import type { ArticlesService } from '../articles/articles.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import { presentCommitment, presentRequestSummary } from './requests.presenter';
import {
  countRequests,
  countWorkIn,
  countWorkOf,
  deleteLink,
  findAttachment,
  findAttachmentsOf,
  findCommitmentById,
  findCommitmentsDueIn,
  findCommitmentsKeptBy,
  findCommitmentsOf,
  findEvents,
  findLinked,
  findOutOfSight,
  findOutgoingMessage,
  findOutgoingMessagesOf,
  markMessageDelivered,
  findRequestById,
  findRequests,
  findRequestsOfContact,
  insertAttachment,
  insertCommitment,
  insertEvents,
  handOverCommitments,
  insertLink,
  insertOutgoingMessage,
  insertRequest,
  markCommitmentKept,
  nextRequestNumber,
  updateRequest,
  type RequestFilter,
  type RequestDetailRow,
  type RequestRow,
  type WorkScope,
  findSearchPartsOfClient,
  updateSearchText,
} from './requests.repository';

const OPEN_STATES: RequestState[] = ['new', 'in_progress', 'waiting_client', 'waiting_institution'];
const WAITING_STATES: RequestState[] = ['waiting_client', 'waiting_institution'];

/** An id no staff member has, for the own lists of a principal that is not a person. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Lists count up to this many; a number past it is shown as "10 000+". */
const COUNT_CAP = 10_000;

/** Attachments are documents, not archives: one file at most this large. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A request about to be created, its due date worked out before the transaction. */
export interface PlannedRequest {
  input: TNewRequestInput;
  policyCode: string | null;
  dueOn: string;
  dueAt: Date;
}

/** The contact a request is created in. */
export interface ContactOfRequests {
  id: string;
  channel: Channel;
  clientId: string | null;
  clientKind: ClientKind;
  clientName: string | null;
  receivedAt: Date;
}

/** The text a clerk may search a request by: number, service, tags and the client's name. */
const searchTextFor = (request: {
  number: string;
  service: string;
  tags: readonly string[];
  clientName: string | null;
}) => searchTextOf([request.number, request.service, ...request.tags, request.clientName]);

export function createRequestsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  calendar: CalendarService;
  institutions: InstitutionsService;
  staff: StaffService;
  units: UnitsService;
  catalogue: CatalogueService;
  articles: ArticlesService;
}) {
  const { db, audit, clock, calendar, institutions, staff, units, catalogue, articles } = deps;

  /** What the principal may see: a unit head their units and all below, others their own units. */
  async function viewerOf(executor: Executor, principal: Principal): Promise<RequestViewer> {
    const readAll = hasPermission(principal, 'requests.read-all');
    const unitIds = principal.roles.includes('unit_head')
      ? await units.subtreeOf(executor, principal.unitIds)
      : new Set(principal.unitIds);
    return { staffId: principal.staffId, readAll, unitIds };
  }

  const clockNow = () => {
    const now = clock.now();
    return { now, today: rigaDateOf(now) };
  };

  /**
   * The request if the principal may see it, with what they may see, for the caller to check
   * related requests by; a hidden request and a missing one answer alike.
   */
  async function seenBy(executor: Executor, ctx: ActionContext, id: string) {
    const row = await findRequestById(executor, id);
    if (!row) throw notFound();
    const viewer = await viewerOf(executor, ctx.principal);
    if (!maySeeRequest(viewer, { unitId: row.unit_id, ownerId: row.owner_id })) throw notFound();
    return { row, viewer };
  }

  async function visible(
    executor: Executor,
    ctx: ActionContext,
    id: string,
  ): Promise<RequestDetailRow> {
    return (await seenBy(executor, ctx, id)).row;
  }

  /** The request to change: visible to the principal, who must be one who serves clients. */
  async function forChange(
    trx: Executor,
    ctx: ActionContext,
    id: string,
    version?: number,
  ): Promise<RequestDetailRow> {
    requirePermission(ctx.principal, 'requests.work');
    const row = await visible(trx, ctx, id);
    if (version !== undefined && row.version !== version) throw versionConflict();
    return row;
  }

  async function summary(executor: Executor, id: string): Promise<TRequestSummary> {
    const row = await findRequestById(executor, id);
    if (!row) throw notFound();
    return presentRequestSummary(row, clockNow());
  }

  async function record(
    trx: Executor,
    ctx: ActionContext,
    requestId: string,
    kind: string,
    data: Record<string, unknown>,
  ) {
    await insertEvents(trx, [
      { request_id: requestId, at: clock.now(), actor_staff_id: ctx.principal.staffId, kind, data },
    ]);
  }

  /** Applies a change to a request with its timeline entry and audit record. */
  async function change(
    trx: Executor,
    ctx: ActionContext,
    row: RequestRow,
    changes: Parameters<typeof updateRequest>[1]['changes'],
    event: { kind: string; data: Record<string, unknown> },
  ): Promise<TRequestSummary> {
    const before = presentRequestSummary(row, clockNow());
    const updated = await updateRequest(trx, {
      id: row.id,
      version: row.version,
      changes: { ...changes, updated_at: clock.now() },
    });
    if (!updated) throw versionConflict();
    await record(trx, ctx, row.id, event.kind, event.data);
    const after = await summary(trx, row.id);
    await audit.record(trx, ctx, {
      action: event.kind,
      entityType: 'request',
      entityId: row.id,
      before,
      after,
      context: event.data,
    });
    return after;
  }

  async function assertActiveStaff(executor: Executor, staffId: string, field: string) {
    const person = (await staff.contactsOf(executor, [staffId])).get(staffId);
    if (!person?.active) throw invalidField(field, 'unknown_reference');
  }

  const service = {
    viewerOf,

    /**
     * A client's current name in the search text of their requests, in the caller's
     * transaction: after a new name, or a merge that moved requests to the record kept.
     */
    async refreshClientName(trx: Executor, clientId: string, clientName: string): Promise<void> {
      for (const row of await findSearchPartsOfClient(trx, clientId)) {
        await updateSearchText(trx, {
          id: row.id,
          searchText: searchTextFor({ ...row, clientName }),
        });
      }
    },

    /** Creates the contact's requests in the caller's transaction, each with its timeline start. */
    async createIn(
      trx: Executor,
      ctx: ActionContext,
      contact: ContactOfRequests,
      planned: readonly PlannedRequest[],
    ): Promise<string[]> {
      const unitIds = [...new Set(planned.map((p) => p.input.unitId))];
      const known = await units.existing(trx, unitIds);
      planned.forEach((p, index) => {
        if (!known.has(p.input.unitId))
          throw invalidField(`requests.${index}.unitId`, 'unknown_reference');
      });
      const ownerIds = [
        ...new Set(planned.flatMap((p) => (p.input.ownerId ? [p.input.ownerId] : []))),
      ];
      const owners = await staff.contactsOf(trx, ownerIds);
      planned.forEach((p, index) => {
        if (p.input.ownerId && !owners.get(p.input.ownerId)?.active) {
          throw invalidField(`requests.${index}.ownerId`, 'unknown_reference');
        }
      });
      for (const [index, p] of planned.entries()) {
        const institutionId = p.input.institutionId;
        if (institutionId && !(await institutions.exists(trx, institutionId))) {
          throw invalidField(`requests.${index}.institutionId`, 'unknown_reference');
        }
      }
      const catalogued = await catalogue.refsOf(
        trx,
        planned.flatMap((p) => (p.input.serviceId ? [p.input.serviceId] : [])),
      );
      planned.forEach((p, index) => {
        if (p.input.serviceId && !catalogued.get(p.input.serviceId)?.active)
          throw invalidField(`requests.${index}.serviceId`, 'unknown_reference');
      });
      const now = clock.now();
      const ids: string[] = [];
      for (const p of planned) {
        const number = await nextRequestNumber(trx, Number(rigaDateOf(now).slice(0, 4)));
        // A request made from the catalogue carries the catalogue's name, so it counts by it.
        const serviceName =
          (p.input.serviceId && catalogued.get(p.input.serviceId)?.name) || p.input.service;
        const tags = p.input.tags ?? [];
        const id = await insertRequest(trx, {
          number,
          contact_id: contact.id,
          client_id: contact.clientId,
          client_kind: contact.clientKind,
          channel: contact.channel,
          service: serviceName,
          service_id: p.input.serviceId ?? null,
          registered_by: ctx.principal.staffId,
          kind: p.input.kind,
          case_type: p.input.caseType ?? null,
          institution_id: p.input.institutionId ?? null,
          unit_id: p.input.unitId,
          owner_id: p.input.ownerId ?? null,
          state: 'new',
          policy_code: p.policyCode,
          received_at: contact.receivedAt,
          due_on: p.dueOn,
          due_at: p.dueAt,
          tags,
          search_text: searchTextFor({
            number,
            service: serviceName,
            tags,
            clientName: contact.clientName,
          }),
          created_at: now,
          updated_at: now,
        });
        await record(trx, ctx, id, 'created', { dueOn: p.dueOn, policy: p.policyCode });
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'request',
          entityId: id,
          after: await summary(trx, id),
        });
        ids.push(id);
      }
      return ids;
    },

    /**
     * Settles the open requests of a contact being closed, in the caller's transaction: each one
     * the closer sees is answered at the desk (closed, owned by the closer) or kept open with an
     * owner and a reason; one left undecided refuses the closing (decision 22).
     */
    async settleIn(
      trx: Executor,
      ctx: ActionContext,
      contactId: string,
      decisions: Readonly<Record<string, TRequestSettlement>>,
    ): Promise<void> {
      const viewer = await viewerOf(trx, ctx.principal);
      const seen = (await findRequestsOfContact(trx, contactId)).filter((row) =>
        maySeeRequest(viewer, { unitId: row.unit_id, ownerId: row.owner_id }),
      );
      for (const id of Object.keys(decisions)) {
        const row = seen.find((candidate) => candidate.id === id);
        if (!row) throw invalidField(`requests.${id}`, 'unknown_reference');
        if (!isOpen(row.state)) throw invalidField(`requests.${id}`, 'request_not_open');
      }
      const me = ctx.principal.staffId;
      const now = clock.now();
      for (const row of seen.filter((candidate) => isOpen(candidate.state))) {
        const field = `requests.${row.id}`;
        const decision = decisions[row.id];
        if (!decision) throw invalidField(field, 'request_undecided', { number: row.number });
        if (decision.decision === 'answered_at_desk') {
          await change(
            trx,
            ctx,
            row,
            {
              state: 'closed',
              answered_at: now,
              closed_at: now,
              owner_id: me ?? row.owner_id,
            },
            { kind: 'desk-answer', data: { from: row.state, contactId } },
          );
          continue;
        }
        if (!decision.reason) throw invalidField(`${field}.reason`, 'required');
        if (decision.ownerId) await assertActiveStaff(trx, decision.ownerId, `${field}.ownerId`);
        if (decision.unitId && !(await units.existing(trx, [decision.unitId])).has(decision.unitId))
          throw invalidField(`${field}.unitId`, 'unknown_reference');
        // Without a colleague or a unit named, the clerk who served keeps it.
        const ownerId = decision.ownerId ?? (decision.unitId ? null : me);
        if (!ownerId && !decision.unitId) throw invalidField(`${field}.ownerId`, 'required');
        let unitId = decision.unitId ?? row.unit_id;
        if (decision.ownerId && !decision.unitId) {
          // Kept for a colleague only: the request follows them to their main unit.
          const theirs = await staff.unitIdsOf(trx, decision.ownerId);
          if (theirs.length > 0 && !theirs.includes(unitId)) unitId = theirs[0] ?? unitId;
        }
        const handedOn = ownerId !== me || unitId !== row.unit_id;
        if (row.owner_id && ownerId && row.owner_id !== ownerId)
          await handOverCommitments(trx, { requestId: row.id, from: row.owner_id, to: ownerId });
        await change(
          trx,
          ctx,
          row,
          {
            owner_id: ownerId,
            unit_id: unitId,
            ...(handedOn ? { referred_at: now, referred_by: me } : {}),
          },
          {
            kind: 'kept-open',
            data: {
              contactId,
              fromOwner: row.owner_id,
              toOwner: ownerId,
              fromUnit: row.unit_id,
              toUnit: unitId,
              reason: decision.reason,
            },
          },
        );
      }
    },

    /** The contact's requests that the viewer may see. */
    async ofContact(
      executor: Executor,
      viewer: RequestViewer,
      contactId: string,
    ): Promise<TRequestSummary[]> {
      const moment = clockNow();
      return (await findRequestsOfContact(executor, contactId))
        .filter((row) => maySeeRequest(viewer, { unitId: row.unit_id, ownerId: row.owner_id }))
        .map((row) => presentRequestSummary(row, moment));
    },

    async list(ctx: ActionContext, query: TListRequestsQuery): Promise<TRequestPage> {
      assertMayServe(ctx);
      const viewer = await viewerOf(db, ctx.principal);
      const { now, today } = clockNow();
      const me = ctx.principal.staffId;
      const visibleTo: RequestFilter['visibleTo'] = viewer.readAll
        ? { all: true }
        : { all: false, unitIds: [...viewer.unitIds], staffId: me };
      const base = {
        visibleTo,
        clientId: query.clientId,
        serviceId: query.serviceId,
        terms: searchTermsOf(query.q ?? ''),
        sort: query.sort,
        order: query.order,
        limit: query.pageSize,
        offset: offsetOf(query),
      };
      // A unit asked for by name must be one of the viewer's, unless they see everything.
      const ownUnits =
        query.unitId === undefined
          ? [...viewer.unitIds]
          : viewer.readAll || viewer.unitIds.has(query.unitId)
            ? [query.unitId]
            : [];
      const states = query.state ? [query.state] : undefined;
      // A system token owns nothing: its own lists match no request.
      const ownedBy = me ?? NOBODY;
      const byList: Record<TListRequestsQuery['list'], Partial<RequestFilter>> = {
        mine: {
          ownerId: ownedBy,
          states: states ?? OPEN_STATES,
        },
        unit: { unitIds: ownUnits, states: states ?? OPEN_STATES },
        referred: {
          ownerId: ownedBy,
          referredOnly: true,
          states: states ?? OPEN_STATES,
        },
        'due-today': { dueOn: today, states: states ?? OPEN_STATES },
        overdue: { dueBefore: now, states: states ?? OPEN_STATES },
        waiting: { states: states ?? WAITING_STATES },
        all: { states },
      };
      // A unit chosen in the filter narrows whichever list is shown.
      const filter: RequestFilter = {
        ...base,
        ...byList[query.list],
        ...(query.unitId ? { unitIds: ownUnits } : {}),
      };
      const [rows, counted] = [
        await findRequests(db, filter),
        await countRequests(db, filter, COUNT_CAP + 1),
      ];
      return {
        items: rows.map((row) => presentRequestSummary(row, { now, today })),
        total: Math.min(counted, COUNT_CAP),
        totalIsLowerBound: counted > COUNT_CAP,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    /**
     * A client's or visit's requests the viewer may not open: the ones they registered by
     * number, service, unit and state (decision 22), and how many others there are.
     */
    async outOfSight(
      ctx: ActionContext,
      query: { clientId?: string | undefined; contactId?: string | undefined },
    ): Promise<TOutOfSight> {
      assertMayServe(ctx);
      const viewer = await viewerOf(db, ctx.principal);
      if (viewer.readAll) return { registeredByMe: [], others: 0 };
      const { mine, others } = await findOutOfSight(db, {
        ...query,
        unitIds: [...viewer.unitIds],
        staffId: viewer.staffId,
      });
      return {
        registeredByMe: mine
          .filter((row) =>
            seesOnlyAsRegistrar(viewer, {
              unitId: row.unit_id,
              ownerId: row.owner_id,
              registeredBy: row.registered_by,
            }),
          )
          .map((row) => ({
            id: row.id,
            number: row.number,
            service: row.service,
            unit: { id: row.unit_id, name: row.unit_name },
            state: row.state,
          })),
        others,
      };
    },

    /** Counts for the work lists' badges: how the new owner of a referred request is told. */
    async counts(ctx: ActionContext) {
      assertMayServe(ctx);
      const { now, today } = clockNow();
      if (!ctx.principal.staffId)
        return { mine: 0, referred: 0, dueToday: 0, overdue: 0, commitmentsDue: 0 };
      const counts = await countWorkOf(db, { staffId: ctx.principal.staffId, today, now });
      return {
        mine: counts.mine,
        referred: counts.referred,
        dueToday: counts.due_today,
        overdue: counts.overdue,
        commitmentsDue: counts.commitments_due,
      };
    },

    /**
     * The requests and promises of a start page: due today, overdue, referred, promises falling
     * due, each counted with its first few. A unit head sees their units' work (and the units
     * below), everyone else their own. Five statements, whatever the numbers.
     */
    async workOf(ctx: ActionContext, limit: number) {
      assertMayServe(ctx);
      const { now, today } = clockNow();
      const viewer = await viewerOf(db, ctx.principal);
      const scope: WorkScope = ctx.principal.roles.includes('unit_head')
        ? { kind: 'unit', unitIds: [...viewer.unitIds] }
        : { kind: 'mine', staffId: ctx.principal.staffId ?? NOBODY };
      const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);
      const base: RequestFilter = {
        visibleTo: { all: true },
        ...(scope.kind === 'mine' ? { ownerId: scope.staffId } : { unitIds: scope.unitIds }),
        states: OPEN_STATES,
        terms: [],
        sort: 'due',
        order: 'asc',
        limit,
        offset: 0,
      };
      const [counts, dueToday, overdue, referred, promises] = [
        await countWorkIn(db, { scope, today, now, soon }),
        await findRequests(db, { ...base, dueOn: today }),
        await findRequests(db, { ...base, dueBefore: now }),
        await findRequests(db, { ...base, referredOnly: true }),
        await findCommitmentsDueIn(db, { scope, soon, limit }),
      ];
      const summaries = (rows: RequestRow[]) =>
        rows.map((row) => presentRequestSummary(row, { now, today }));
      return {
        date: today,
        scope: scope.kind,
        dueToday: { count: counts.due_today, items: summaries(dueToday) },
        overdue: { count: counts.overdue, items: summaries(overdue) },
        referred: { count: counts.referred, items: summaries(referred) },
        commitments: {
          count: counts.commitments_due,
          items: promises.map((row) => presentCommitment(row, now)),
        },
      };
    },

    /** Opens a request; looking at a client's data through it is written to the audit log. */
    async get(ctx: ActionContext, id: string): Promise<TRequestDetail> {
      assertMayServe(ctx);
      const { row, viewer } = await seenBy(db, ctx, id);
      const moment = clockNow();
      if (row.client_id && row.client_record_kind !== 'organisation') {
        await audit.recordRead(db, ctx, {
          entityType: 'client',
          entityId: row.client_id,
          context: { requestId: row.id, requestNumber: row.number },
        });
      }
      const [events, commitments, attachments, linked, messages] = [
        await findEvents(db, id),
        await findCommitmentsOf(db, id),
        await findAttachmentsOf(db, id),
        await findLinked(db, id),
        await findOutgoingMessagesOf(db, id),
      ];
      return {
        ...presentRequestSummary(row, moment),
        contactId: row.contact_id,
        caseType: row.case_type,
        institution:
          row.institution_id && row.institution_name
            ? { id: row.institution_id, name: row.institution_name }
            : null,
        policyCode: row.policy_code,
        receivedAt: row.received_at.toISOString(),
        answeredAt: row.answered_at?.toISOString() ?? null,
        closedAt: row.closed_at?.toISOString() ?? null,
        tags: row.tags,
        nextStates: [...nextStates(row.state)],
        timeline: events.map((event) => ({
          id: event.id,
          at: event.at.toISOString(),
          actor:
            event.actor_staff_id && event.actor_name
              ? { id: event.actor_staff_id, name: event.actor_name }
              : null,
          kind: event.kind,
          data: event.data,
        })),
        commitments: commitments.map((c) => presentCommitment(c, moment.now)),
        attachments: attachments.map((a) => ({
          id: a.id,
          filename: a.filename,
          contentType: a.content_type,
          size: a.size,
          uploadedAt: a.uploaded_at.toISOString(),
          uploadedBy: a.uploaded_by_name,
        })),
        // A link to a request the viewer may not see shows nothing of it.
        links: linked
          .filter((l) => maySeeRequest(viewer, { unitId: l.unit_id, ownerId: l.owner_id }))
          .map((l) => ({ id: l.id, number: l.number, service: l.service, state: l.state })),
        outgoingMessages: messages.map((m) => ({
          id: m.id,
          channel: m.channel,
          recipient: m.recipient,
          subject: m.subject,
          body: m.body,
          attachmentIds: m.attachment_ids,
          dueAt: m.due_at.toISOString(),
          state: m.state,
          delivery:
            m.delivery && m.delivered_at
              ? {
                  method: m.delivery,
                  note: m.delivery_note,
                  by:
                    m.delivered_by && m.delivered_by_name
                      ? { id: m.delivered_by, name: m.delivered_by_name }
                      : null,
                  at: m.delivered_at.toISOString(),
                }
              : null,
        })),
      };
    },

    async update(
      ctx: ActionContext,
      id: string,
      body: TUpdateRequestBody,
    ): Promise<TRequestSummary> {
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        if (body.institutionId && !(await institutions.exists(trx, body.institutionId))) {
          throw invalidField('institutionId', 'unknown_reference');
        }
        const tags = body.tags ?? row.tags;
        const service = body.service ?? row.service;
        const clientName = presentRequestSummary(row, clockNow()).client?.displayName ?? null;
        return change(
          trx,
          ctx,
          row,
          {
            service,
            kind: body.kind ?? row.kind,
            case_type: body.caseType !== undefined ? body.caseType : row.case_type,
            institution_id:
              body.institutionId !== undefined ? body.institutionId : row.institution_id,
            tags,
            search_text: searchTextFor({ number: row.number, service, tags, clientName }),
          },
          {
            kind: 'updated',
            data: { fields: Object.keys(body).filter((key) => key !== 'version') },
          },
        );
      });
    },

    async changeState(
      ctx: ActionContext,
      id: string,
      body: TChangeStateBody,
    ): Promise<TRequestSummary> {
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        if (!canMove(row.state, body.state)) {
          throw invalidField('state', 'invalid_transition', { from: row.state, to: body.state });
        }
        const now = clock.now();
        return change(
          trx,
          ctx,
          row,
          {
            state: body.state,
            answered_at:
              body.state === 'answered' ? now : isOpen(body.state) ? null : row.answered_at,
            closed_at: body.state === 'closed' ? now : null,
            // Whoever takes up an unowned request owns it.
            owner_id: row.owner_id ?? (body.state === 'in_progress' ? ctx.principal.staffId : null),
          },
          { kind: 'state', data: { from: row.state, to: body.state, note: body.note ?? null } },
        );
      });
    },

    /** Refers a request to a competent colleague or unit; the deadline the client has stays. */
    async refer(ctx: ActionContext, id: string, body: TReferBody): Promise<TRequestSummary> {
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        if (!isOpen(row.state)) throw new AppError('conflict', 'request_not_open');
        if (body.ownerId) await assertActiveStaff(trx, body.ownerId, 'ownerId');
        let unitId = body.unitId ?? row.unit_id;
        if (body.unitId && !(await units.existing(trx, [body.unitId])).has(body.unitId)) {
          throw invalidField('unitId', 'unknown_reference');
        }
        if (body.ownerId && !body.unitId) {
          // Referred to a person only: the request follows them to their main unit.
          const theirs = await staff.unitIdsOf(trx, body.ownerId);
          if (theirs.length > 0 && !theirs.includes(unitId)) unitId = theirs[0] ?? unitId;
        }
        // What the previous owner promised the client, the new owner now keeps.
        const commitmentsHandedOver =
          row.owner_id && body.ownerId && row.owner_id !== body.ownerId
            ? await handOverCommitments(trx, {
                requestId: row.id,
                from: row.owner_id,
                to: body.ownerId,
              })
            : 0;
        return change(
          trx,
          ctx,
          row,
          {
            owner_id: body.ownerId ?? null,
            unit_id: unitId,
            referred_at: clock.now(),
            referred_by: ctx.principal.staffId,
          },
          {
            kind: 'referral',
            data: {
              fromOwner: row.owner_id,
              toOwner: body.ownerId ?? null,
              fromUnit: row.unit_id,
              toUnit: unitId,
              note: body.note,
              commitmentsHandedOver,
            },
          },
        );
      });
    },

    /**
     * Moves the due date with a reason (clauses 21.1, 23.2): the timeline shows it and the client
     * is owed an explanation through the contact's channel, due now.
     */
    async extend(ctx: ActionContext, id: string, body: TExtendBody): Promise<TRequestSummary> {
      // The client is told a date: one still ahead, on which the office works.
      if (body.dueOn < clockNow().today) throw invalidField('dueOn', 'date_in_past');
      if (!(await calendar.calendar()).isWorkingDay(body.dueOn)) {
        throw invalidField('dueOn', 'not_a_working_day');
      }
      const dueAt = await calendar.closingOf(body.dueOn);
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        if (!isOpen(row.state)) throw new AppError('conflict', 'request_not_open');
        if (body.dueOn <= row.due_on)
          throw invalidField('dueOn', 'due_not_later', { dueOn: row.due_on });
        const notice = extensionNotice({
          number: row.number,
          service: row.service,
          reason: body.reason,
          dueOn: body.dueOn,
          language: row.client_language === 'en' ? 'en' : 'lv',
        });
        const client = presentRequestSummary(row, clockNow()).client;
        await insertOutgoingMessage(trx, {
          request_id: row.id,
          channel: row.channel,
          recipient: recipientFor(
            row.channel,
            client && { email: client.email, phone: client.phone, eAddress: row.client_e_address },
          ),
          subject: notice.subject,
          body: notice.body,
          due_at: clock.now(),
          state: 'due',
          created_by: ctx.principal.staffId,
          created_at: clock.now(),
        });
        return change(
          trx,
          ctx,
          row,
          { due_on: body.dueOn, due_at: dueAt },
          { kind: 'extension', data: { from: row.due_on, to: body.dueOn, reason: body.reason } },
        );
      });
    },

    /**
     * A written answer to the client through the channel they came by, with articles attached
     * as PDF; it waits in the outbox for the mail channel. It may also mark the request answered.
     */
    async reply(ctx: ActionContext, id: string, body: TReplyBody): Promise<TRequestDetail> {
      requirePermission(ctx.principal, 'requests.work');
      const seen = await visible(db, ctx, id);
      // Laid out before the transaction: PDFs take a moment, and PGlite has one connection.
      // Internal articles may go to a colleague, never to a resident.
      const pdfs = await articles.pdfsFor([...new Set(body.pdfArticleIds)], {
        publicOnly: seen.client_kind === 'external',
      });
      await db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id, body.version);
        if (body.markAnswered && !canMove(row.state, 'answered'))
          throw invalidField('markAnswered', 'invalid_transition', {
            from: row.state,
            to: 'answered',
          });
        const now = clock.now();
        const attachmentIds: string[] = [];
        for (const pdf of pdfs)
          attachmentIds.push(
            await insertAttachment(trx, {
              request_id: row.id,
              filename: pdf.filename,
              content_type: 'application/pdf',
              size: pdf.content.length,
              content: pdf.content,
              uploaded_by: ctx.principal.staffId,
              uploaded_at: now,
            }),
          );
        const client = presentRequestSummary(row, clockNow()).client;
        const messageId = await insertOutgoingMessage(trx, {
          request_id: row.id,
          channel: row.channel,
          recipient: recipientFor(
            row.channel,
            client && { email: client.email, phone: client.phone, eAddress: row.client_e_address },
          ),
          subject: body.subject,
          body: body.body,
          attachment_ids: attachmentIds,
          due_at: now,
          state: 'due',
          created_by: ctx.principal.staffId,
          created_at: now,
        });
        const event = {
          kind: 'reply',
          data: {
            messageId,
            subject: body.subject,
            articles: pdfs.map((pdf) => ({ id: pdf.articleId, title: pdf.title })),
          },
        };
        if (body.markAnswered)
          await change(trx, ctx, row, { state: 'answered', answered_at: now }, event);
        else {
          await record(trx, ctx, row.id, event.kind, event.data);
          await audit.record(trx, ctx, {
            action: 'reply',
            entityType: 'request',
            entityId: row.id,
            context: event.data,
          });
        }
      });
      return service.get(ctx, id);
    },

    /**
     * A letter still waiting that left another way: handed to the client, printed, or sent by
     * other means. Who and when go on the letter, the timeline and the audit log.
     */
    async markDelivered(
      ctx: ActionContext,
      id: string,
      messageId: string,
      body: TDeliveryBody,
    ): Promise<TRequestDetail> {
      await db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id);
        const message = await findOutgoingMessage(trx, messageId, row.id);
        if (!message) throw notFound();
        const at = clock.now();
        const delivered = await markMessageDelivered(trx, {
          id: messageId,
          requestId: row.id,
          by: ctx.principal.staffId,
          at,
          method: body.method,
          note: body.note ?? null,
        });
        if (!delivered) throw new AppError('conflict', 'letter_not_due');
        const data = {
          messageId,
          subject: message.subject,
          method: body.method,
          note: body.note ?? null,
        };
        await record(trx, ctx, row.id, 'letter-delivered', data);
        await audit.record(trx, ctx, {
          action: 'deliver',
          entityType: 'outgoing_message',
          entityId: messageId,
          before: { state: message.state },
          after: { state: 'sent', delivery: body.method, deliveredAt: at.toISOString() },
          context: { requestId: row.id },
        });
      });
      return service.get(ctx, id);
    },

    async addNote(ctx: ActionContext, id: string, text: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id);
        await record(trx, ctx, row.id, 'note', { text });
        await audit.record(trx, ctx, { action: 'note', entityType: 'request', entityId: row.id });
      });
    },

    async addCommitment(
      ctx: ActionContext,
      id: string,
      body: TCreateCommitmentBody,
    ): Promise<TCommitment> {
      // Like an extension's date, a promise is for later: a day gone by, or an hour gone today.
      const { now, today } = clockNow();
      const dueAt = new Date(body.dueAt);
      if (rigaDateOf(dueAt) < today) throw invalidField('dueAt', 'date_in_past');
      if (dueAt < now) throw invalidField('dueAt', 'time_in_past');
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id);
        const keeperId = body.keeperId ?? row.owner_id ?? ctx.principal.staffId;
        if (!keeperId) throw invalidField('keeperId', 'required');
        await assertActiveStaff(trx, keeperId, 'keeperId');
        const commitmentId = await insertCommitment(trx, {
          request_id: row.id,
          what: body.what,
          due_at: dueAt,
          form: body.form,
          keeper_id: keeperId,
          created_by: ctx.principal.staffId,
          created_at: clock.now(),
        });
        await record(trx, ctx, row.id, 'commitment', {
          commitmentId,
          what: body.what,
          dueAt: body.dueAt,
          form: body.form,
          keeperId,
        });
        const created = await findCommitmentById(trx, commitmentId);
        if (!created) throw notFound();
        const presented = presentCommitment(created, clock.now());
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'commitment',
          entityId: commitmentId,
          after: presented,
        });
        return presented;
      });
    },

    async keepCommitment(
      ctx: ActionContext,
      commitmentId: string,
      version: number,
    ): Promise<TCommitment> {
      return db.transaction().execute(async (trx) => {
        const before = await findCommitmentById(trx, commitmentId);
        if (!before) throw notFound();
        // The keeper keeps their own promise even if the request has since moved out of sight.
        if (before.keeper_id === ctx.principal.staffId) {
          requirePermission(ctx.principal, 'requests.work');
        } else {
          await forChange(trx, ctx, before.request_id);
        }
        if (before.version !== version || before.kept_at) throw versionConflict();
        const now = clock.now();
        if (!(await markCommitmentKept(trx, { id: commitmentId, version, at: now })))
          throw versionConflict();
        await record(trx, ctx, before.request_id, 'commitment-kept', {
          commitmentId,
          what: before.what,
        });
        const after = await findCommitmentById(trx, commitmentId);
        if (!after) throw notFound();
        await audit.record(trx, ctx, {
          action: 'keep',
          entityType: 'commitment',
          entityId: commitmentId,
          before: presentCommitment(before, now),
          after: presentCommitment(after, now),
        });
        return presentCommitment(after, now);
      });
    },

    /** The signed-in person's promises, the most pressing first. */
    async myCommitments(
      ctx: ActionContext,
      query: { includeKept: boolean; page: number; pageSize: number },
    ) {
      assertMayServe(ctx);
      const now = clock.now();
      const rows = ctx.principal.staffId
        ? await findCommitmentsKeptBy(db, {
            keeperId: ctx.principal.staffId,
            includeKept: query.includeKept,
            limit: query.pageSize,
            offset: offsetOf(query),
          })
        : [];
      return {
        items: rows.map((row) => presentCommitment(row, now)),
        total: rows[0]?.total ?? 0,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async link(ctx: ActionContext, id: string, relatedId: string): Promise<void> {
      if (id === relatedId) throw invalidField('relatedId', 'link_to_itself');
      await db.transaction().execute(async (trx) => {
        requirePermission(ctx.principal, 'requests.work');
        const { row, viewer } = await seenBy(trx, ctx, id);
        const related = await findRequestById(trx, relatedId);
        if (
          !related ||
          !maySeeRequest(viewer, { unitId: related.unit_id, ownerId: related.owner_id })
        ) {
          throw invalidField('relatedId', 'unknown_reference');
        }
        if (!(await insertLink(trx, { a: row.id, b: relatedId, at: clock.now() }))) return;
        await record(trx, ctx, row.id, 'link', { relatedId, number: related.number });
        await record(trx, ctx, relatedId, 'link', { relatedId: row.id, number: row.number });
        await audit.record(trx, ctx, {
          action: 'link',
          entityType: 'request',
          entityId: row.id,
          context: { relatedId },
        });
      });
    },

    async unlink(ctx: ActionContext, id: string, relatedId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id);
        if (!(await deleteLink(trx, { a: row.id, b: relatedId }))) throw notFound();
        await record(trx, ctx, row.id, 'unlink', { relatedId });
        await audit.record(trx, ctx, {
          action: 'unlink',
          entityType: 'request',
          entityId: row.id,
          context: { relatedId },
        });
      });
    },

    async attach(
      ctx: ActionContext,
      id: string,
      file: { filename: string; contentType: string; content: Buffer },
    ) {
      if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large');
      return db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id);
        const attachmentId = await insertAttachment(trx, {
          request_id: row.id,
          filename: file.filename,
          content_type: file.contentType,
          size: file.content.length,
          content: file.content,
          uploaded_by: ctx.principal.staffId,
          uploaded_at: clock.now(),
        });
        await record(trx, ctx, row.id, 'attachment', { attachmentId, filename: file.filename });
        await audit.record(trx, ctx, {
          action: 'attach',
          entityType: 'request',
          entityId: row.id,
          context: { attachmentId, filename: file.filename, size: file.content.length },
        });
        return { id: attachmentId };
      });
    },

    /** Refuses before anything is read when the principal may not change the request. */
    async assertMayChange(ctx: ActionContext, id: string): Promise<void> {
      await forChange(db, ctx, id);
    },

    /** A document of the request; opening it is recorded, as it may hold personal data. */
    async attachment(ctx: ActionContext, id: string, attachmentId: string) {
      assertMayServe(ctx);
      const row = await visible(db, ctx, id);
      const file = await findAttachment(db, { id: attachmentId, requestId: row.id });
      if (!file) throw notFound();
      if (row.client_id && row.client_record_kind !== 'organisation') {
        await audit.recordRead(db, ctx, {
          entityType: 'client',
          entityId: row.client_id,
          context: { requestId: row.id, requestNumber: row.number, attachmentId },
        });
      }
      return { filename: file.filename, contentType: file.content_type, content: file.content };
    },
  };
  return service;
}
export type RequestsService = ReturnType<typeof createRequestsService>;

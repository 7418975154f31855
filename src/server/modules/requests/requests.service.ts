import type { Kysely } from 'kysely';
import type { Channel, ClientKind } from '../../../domain/channels';
import { extensionNotice } from '../../../domain/notices';
import {
  canMove,
  isOpen,
  maySeeRequest,
  seesOnlyAsRegistrar,
  type RequestState,
  type RequestViewer,
  type WorkScope,
} from '../../../domain/requests';
import { rigaDateOf } from '../../../domain/riga-time';
import { searchTermsOf, searchTextOf } from '../../../domain/search-text';
import type { TRequestSettlement } from '../../../contracts/contacts.contracts';
import type {
  TChangeStateBody,
  TExtendBody,
  TListRequestsQuery,
  TNewRequestInput,
  TOutOfSight,
  TReferBody,
  TRequestDetail,
  TRequestPage,
  TRequestSummary,
  TUpdateRequestBody,
  TWorkCounts,
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
import type { CommitmentsService } from '../commitments/commitments.service';
import type { CorrespondenceService } from '../correspondence/correspondence.service';
import type { InstitutionsService } from '../institutions/institutions.service';
import { assertMayServe } from '../clients/clients.service';
import { offsetOf } from '../paging';
import type { StaffService } from '../staff/staff.service';
import type { UnitsService } from '../units/units.service';
import type { CatalogueService } from '../catalogue/catalogue.service';
import {
  presentLimitedRequest,
  presentRequestDetail,
  presentRequestPage,
  presentRequestSummary,
  presentWork,
  presentWorkCounts,
} from './requests.presenter';
import {
  countWorkIn,
  deleteLink,
  findEvents,
  findLinked,
  findOutOfSight,
  findRequestById,
  findRequestPage,
  findRequests,
  findRequestsOfContact,
  insertEvents,
  insertLink,
  insertRequests,
  moveRequestsOfClient,
  nextRequestNumbers,
  findRequestsByIds,
  updateRequest,
  type RequestFilter,
  type RequestDetailRow,
  type RequestRow,
  findSearchPartsOfClient,
  updateSearchText,
} from './requests.repository';

const OPEN_STATES: RequestState[] = ['new', 'in_progress', 'waiting_client', 'waiting_institution'];
const WAITING_STATES: RequestState[] = ['waiting_client', 'waiting_institution'];

/** An id no staff member has, for the own lists of a principal that is not a person. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/** Lists count up to this many; a number past it is shown as "10 000+". */
const COUNT_CAP = 10_000;

/** A request about to be created, its due date worked out before the transaction. */
export interface PlannedRequest {
  input: TNewRequestInput;
  policyCode: string | null;
  dueOn: string;
  dueAt: Date;
  /** Timeline entries after "created", written with it (a letter's arrival on its new request). */
  events?: ReadonlyArray<{ kind: string; data: Record<string, unknown> }>;
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

/**
 * A request as its promises, files and letters work with it: who may see and change it, its
 * timeline, and a change with its new version and audit record. The modules hanging on a request
 * go through this; the requests service, above them, shows them on the request's page.
 */
export function createRequestAccess(deps: {
  audit: AuditService;
  clock: Clock;
  units: UnitsService;
}) {
  const { audit, clock, units } = deps;

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

  /** An entry on the request's timeline, by the principal, now. */
  async function recordEvent(
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
    await recordEvent(trx, ctx, row.id, event.kind, event.data);
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

  return { viewerOf, seenBy, visible, forChange, summary, recordEvent, change };
}
export type RequestAccess = ReturnType<typeof createRequestAccess>;
/** A request as its access check reads it, with what only its page shows. */
export type RequestRecord = RequestDetailRow;
/** A request's row as lists and new requests give it. */
export type { RequestRow };

export function createRequestsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  calendar: CalendarService;
  institutions: InstitutionsService;
  staff: StaffService;
  units: UnitsService;
  catalogue: CatalogueService;
  requestAccess: RequestAccess;
  commitments: CommitmentsService;
  correspondence: CorrespondenceService;
}) {
  const {
    db,
    audit,
    clock,
    calendar,
    institutions,
    staff,
    units,
    catalogue,
    requestAccess,
    commitments,
    correspondence,
  } = deps;
  const { viewerOf, seenBy, forChange, change } = requestAccess;
  const record = requestAccess.recordEvent;

  const clockNow = () => {
    const now = clock.now();
    return { now, today: rigaDateOf(now) };
  };

  async function assertActiveStaff(executor: Executor, staffId: string, field: string) {
    const person = (await staff.contactsOf(executor, [staffId])).get(staffId);
    if (!person?.active) throw invalidField(field, 'unknown_reference');
  }

  /**
   * Creates the requests of several contacts in the caller's transaction, each with its timeline
   * start, in a handful of statements whatever their number (a group of letters, decision 45).
   * The rows as stored, per contact in the order given. A bad reference is named by its place
   * among its contact's requests.
   */
  async function createManyIn(
    trx: Executor,
    ctx: ActionContext,
    entries: ReadonlyArray<{ contact: ContactOfRequests; planned: readonly PlannedRequest[] }>,
  ): Promise<RequestRow[][]> {
    const all = entries.flatMap((entry) => entry.planned);
    const known = await units.existing(trx, [...new Set(all.map((p) => p.input.unitId))]);
    const ownerIds = [...new Set(all.flatMap((p) => (p.input.ownerId ? [p.input.ownerId] : [])))];
    const owners = await staff.contactsOf(trx, ownerIds);
    const catalogued = await catalogue.refsOf(
      trx,
      all.flatMap((p) => (p.input.serviceId ? [p.input.serviceId] : [])),
    );
    // Checked one kind of reference at a time, as a form names its first wrong field.
    const each = (check: (p: PlannedRequest, index: number) => void) =>
      entries.forEach(({ planned }) => planned.forEach(check));
    each((p, index) => {
      if (!known.has(p.input.unitId))
        throw invalidField(`requests.${index}.unitId`, 'unknown_reference');
    });
    each((p, index) => {
      if (p.input.ownerId && !owners.get(p.input.ownerId)?.active)
        throw invalidField(`requests.${index}.ownerId`, 'unknown_reference');
    });
    for (const { planned } of entries) {
      for (const [index, p] of planned.entries()) {
        const institutionId = p.input.institutionId;
        if (institutionId && !(await institutions.exists(trx, institutionId)))
          throw invalidField(`requests.${index}.institutionId`, 'unknown_reference');
      }
    }
    each((p, index) => {
      if (p.input.serviceId && !catalogued.get(p.input.serviceId)?.active)
        throw invalidField(`requests.${index}.serviceId`, 'unknown_reference');
    });
    if (all.length === 0) return entries.map(() => []);
    const now = clock.now();
    const numbers = await nextRequestNumbers(trx, Number(rigaDateOf(now).slice(0, 4)), all.length);
    let next = 0;
    const rows = entries.flatMap(({ contact, planned }) =>
      planned.map((p) => {
        const number = numbers[next++] as string;
        // A request made from the catalogue carries the catalogue's name, so it counts by it.
        const serviceName =
          (p.input.serviceId && catalogued.get(p.input.serviceId)?.name) || p.input.service;
        const tags = p.input.tags ?? [];
        return {
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
          state: 'new' as const,
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
        };
      }),
    );
    const ids = await insertRequests(trx, rows);
    await insertEvents(
      trx,
      ids.flatMap((id, index) =>
        [
          { kind: 'created', data: { dueOn: all[index]?.dueOn, policy: all[index]?.policyCode } },
          ...(all[index]?.events ?? []),
        ].map((event) => ({
          request_id: id,
          at: now,
          actor_staff_id: ctx.principal.staffId,
          ...event,
        })),
      ),
    );
    const created = new Map(
      (await findRequestsByIds(trx, ids)).map((row) => [row.id, row] as const),
    );
    const stored = ids.map((id) => {
      const row = created.get(id);
      if (!row) throw notFound();
      return row;
    });
    await audit.record(
      trx,
      ctx,
      ...stored.map((row) => ({
        action: 'create',
        entityType: 'request',
        entityId: row.id,
        after: presentRequestSummary(row, clockNow()),
      })),
    );
    let from = 0;
    return entries.map(({ planned }) => stored.slice(from, (from += planned.length)));
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
      const [created] = await createManyIn(trx, ctx, [{ contact, planned }]);
      return created?.map((row) => row.id) ?? [];
    },

    createManyIn,

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
          await commitments.handOverIn(trx, { requestId: row.id, from: row.owner_id, to: ownerId });
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
      const { rows, counted } = await findRequestPage(db, filter, COUNT_CAP + 1);
      return presentRequestPage(rows, { counted, cap: COUNT_CAP }, query, { now, today });
    },

    /**
     * The open requests of these clients that the viewer may see, the soonest due first: what a
     * ringing caller's card shows. One statement whatever the number of clients.
     */
    async openOfClients(
      ctx: ActionContext,
      clientIds: readonly string[],
      limit: number,
    ): Promise<TRequestSummary[]> {
      assertMayServe(ctx);
      if (clientIds.length === 0) return [];
      const viewer = await viewerOf(db, ctx.principal);
      const rows = await findRequests(db, {
        visibleTo: viewer.readAll
          ? { all: true }
          : { all: false, unitIds: [...viewer.unitIds], staffId: ctx.principal.staffId },
        clientIds,
        states: OPEN_STATES,
        terms: [],
        sort: 'due',
        order: 'asc',
        limit,
        offset: 0,
      });
      const moment = clockNow();
      return rows.map((row) => presentRequestSummary(row, moment));
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
          .map(presentLimitedRequest),
        others,
      };
    },
    /** Counts for the work lists' badges: how the new owner of a referred request is told. */
    async counts(ctx: ActionContext): Promise<TWorkCounts> {
      assertMayServe(ctx);
      const { now, today } = clockNow();
      if (!ctx.principal.staffId)
        return { mine: 0, referred: 0, dueToday: 0, overdue: 0, commitmentsDue: 0 };
      const staffId = ctx.principal.staffId;
      return presentWorkCounts(
        await countWorkIn(db, { scope: { kind: 'mine', staffId }, today, now, withOpen: true }),
        await commitments.dueCountIn(db, { kind: 'mine', staffId }, now),
      );
    },
    /**
     * The requests and promises of a start page: due today, overdue, referred, promises falling
     * due, each counted with its first few. A unit head sees their units' work (and the units
     * below), everyone else their own. Six statements, whatever the numbers.
     */
    async workOf(ctx: ActionContext, limit: number) {
      assertMayServe(ctx);
      const { now, today } = clockNow();
      const viewer = await viewerOf(db, ctx.principal);
      const scope: WorkScope = ctx.principal.roles.includes('unit_head')
        ? { kind: 'unit', unitIds: [...viewer.unitIds] }
        : { kind: 'mine', staffId: ctx.principal.staffId ?? NOBODY };
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
        await countWorkIn(db, { scope, today, now }),
        await findRequests(db, { ...base, dueOn: today }),
        await findRequests(db, { ...base, dueBefore: now }),
        await findRequests(db, { ...base, referredOnly: true }),
        await commitments.dueIn(db, { scope, now, limit }),
      ];
      return presentWork({ scope, counts, dueToday, overdue, referred, promises }, { now, today });
    },
    /** Opens a request; looking at a client's data through it is written to the audit log. */
    async get(ctx: ActionContext, id: string): Promise<TRequestDetail> {
      assertMayServe(ctx);
      const { row, viewer } = await seenBy(db, ctx, id);
      const moment = clockNow();
      // Independent reads, each on a connection of its own: the page waits for the slowest, not
      // for their sum. Looking at a person's data is recorded, or the page is not shown.
      const [events, promises, linked, letters] = await Promise.all([
        findEvents(db, id),
        commitments.ofRequest(db, id, moment.now),
        findLinked(db, id),
        correspondence.ofRequest(db, id),
        row.client_id && row.client_record_kind !== 'organisation'
          ? audit.recordRead(db, ctx, {
              entityType: 'client',
              entityId: row.client_id,
              context: { requestId: row.id, requestNumber: row.number },
            })
          : undefined,
      ]);
      return presentRequestDetail(
        {
          row,
          events,
          commitments: promises,
          // A link to a request the viewer may not see shows nothing of it.
          links: linked.filter((l) =>
            maySeeRequest(viewer, { unitId: l.unit_id, ownerId: l.owner_id }),
          ),
          ...letters,
        },
        moment,
      );
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
            ? await commitments.handOverIn(trx, {
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
        const language = row.client_language === 'en' ? 'en' : 'lv';
        const notice = extensionNotice({
          number: row.number,
          service: row.service,
          reason: body.reason,
          dueOn: body.dueOn,
          language,
        });
        await correspondence.queueLetterIn(trx, ctx, row, {
          subject: notice.subject,
          body: notice.body,
          kind: 'interim',
          signedIn: language,
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

    async addNote(ctx: ActionContext, id: string, text: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await forChange(trx, ctx, id);
        await record(trx, ctx, row.id, 'note', { text });
        await audit.record(trx, ctx, { action: 'note', entityType: 'request', entityId: row.id });
      });
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
  };
  return service;
}
export type RequestsService = ReturnType<typeof createRequestsService>;

// The clients module moves a merged client's requests in its own transaction. This needs
// nothing of the service's dependencies, and requests already imports from clients, so app.ts
// passes the function to the clients service rather than clients importing it.
/** Moves a merged client's requests to the client that stays, in the merge's transaction. */
export async function moveRequestsToClient(
  trx: Executor,
  move: { from: string; to: string },
): Promise<number> {
  return moveRequestsOfClient(trx, move);
}

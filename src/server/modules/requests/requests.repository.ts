import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { RequestState, WorkScope } from '../../../domain/requests';
import type { Executor } from '../../db/database';
import type { DB, ServiceRequestsTable } from '../../db/schema';

const OPEN_STATES = ['new', 'in_progress', 'waiting_client', 'waiting_institution'] as const;

/** The next request number: the year and a running number, e.g. 2026-000123. */
/** The next request numbers of the year, in order. */
export async function nextRequestNumbers(
  db: Executor,
  year: number,
  count: number,
): Promise<string[]> {
  const { rows } = await sql<{ n: number }>`
    select nextval('service_request_number') as n from generate_series(1, ${count})`.execute(db);
  return rows
    .map((row) => row.n)
    .sort((a, b) => a - b)
    .map((n) => `${year}-${String(n).padStart(6, '0')}`);
}

/** Inserts the requests; their ids in the order given. */
export async function insertRequests(
  db: Executor,
  rows: ReadonlyArray<Insertable<ServiceRequestsTable>>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('service_requests')
    .values([...rows])
    .returning(['id', 'number'])
    .execute();
  const idOf = new Map(inserted.map((row) => [row.number, row.id] as const));
  return rows.map((row) => idOf.get(row.number) as string);
}

export async function insertEvents(
  db: Executor,
  events: ReadonlyArray<{
    request_id: string;
    at: Date;
    actor_staff_id: string | null;
    kind: string;
    data: Record<string, unknown>;
  }>,
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('request_events')
    .values(events.map((event) => ({ ...event, data: JSON.stringify(event.data) })))
    .execute();
}

/** A request's columns as lists and the detail show them, with client, unit and owner. */
function selectRequests(db: Executor) {
  return db
    .selectFrom('service_requests as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('staff as o', 'o.id', 'r.owner_id')
    .select([
      'r.id',
      'r.number',
      'r.contact_id',
      'r.service',
      'r.service_id',
      'r.kind',
      'r.case_type',
      'r.state',
      'r.client_id',
      'r.client_kind',
      'r.channel',
      'r.unit_id',
      'u.name as unit_name',
      'r.owner_id',
      'o.given_name as owner_given_name',
      'o.surname as owner_surname',
      'o.position as owner_position',
      'o.phone as owner_phone',
      'o.email as owner_email',
      'r.institution_id',
      'r.policy_code',
      'r.received_at',
      'r.due_on',
      'r.due_at',
      'r.answered_at',
      'r.closed_at',
      'r.referred_at',
      'r.tags',
      'r.version',
      'r.updated_at',
      'c.kind as client_record_kind',
      'c.given_name as client_given_name',
      'c.surname as client_surname',
      'c.name as client_name',
      'c.personal_code as client_personal_code',
      'c.registration_number as client_registration_number',
      'c.phone as client_phone',
      'c.email as client_email',
    ]);
}

export interface RequestFilter {
  /** What the viewer may see: everything, or their units' requests and their own. */
  visibleTo: { all: true } | { all: false; unitIds: readonly string[]; staffId: string | null };
  ownerId?: string | undefined;
  referredOnly?: boolean | undefined;
  unitIds?: readonly string[] | undefined;
  /** Only the states listed; the work lists show requests still owed to the client. */
  states?: readonly RequestState[] | undefined;
  dueOn?: string | undefined;
  dueBefore?: Date | undefined;
  clientId?: string | undefined;
  /** Any of these clients' requests (a caller recognised by number may be several records). */
  clientIds?: readonly string[] | undefined;
  serviceId?: string | undefined;
  terms: string[];
  sort: 'due' | 'updated' | 'number';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

type RequestScope = ExpressionBuilder<DB & { r: ServiceRequestsTable }, 'r'>;

/** The filter as one condition on the request table, for the page and for its count alike. */
function matching(filter: RequestFilter) {
  return (eb: RequestScope) => {
    const conditions: Array<Expression<SqlBool>> = [];
    const visible = filter.visibleTo;
    if (!visible.all) {
      conditions.push(
        eb.or([
          ...(visible.unitIds.length > 0 ? [eb('r.unit_id', 'in', [...visible.unitIds])] : []),
          ...(visible.staffId ? [eb('r.owner_id', '=', visible.staffId)] : []),
        ]),
      );
    }
    if (filter.ownerId) conditions.push(eb('r.owner_id', '=', filter.ownerId));
    if (filter.referredOnly) conditions.push(eb('r.referred_at', 'is not', null));
    if (filter.unitIds) {
      conditions.push(
        filter.unitIds.length > 0
          ? eb('r.unit_id', 'in', [...filter.unitIds])
          : sql<SqlBool>`false`,
      );
    }
    if (filter.states) {
      conditions.push(eb('r.state', 'in', [...filter.states]));
    }
    if (filter.dueOn) conditions.push(eb('r.due_on', '=', filter.dueOn));
    if (filter.dueBefore) conditions.push(eb('r.due_at', '<', filter.dueBefore));
    if (filter.clientId) conditions.push(eb('r.client_id', '=', filter.clientId));
    if (filter.clientIds) {
      conditions.push(
        filter.clientIds.length > 0
          ? eb('r.client_id', 'in', [...filter.clientIds])
          : sql<SqlBool>`false`,
      );
    }
    if (filter.serviceId) conditions.push(eb('r.service_id', '=', filter.serviceId));
    for (const term of filter.terms) conditions.push(eb('r.search_text', 'like', `%${term}%`));
    return eb.and(conditions);
  };
}

// Numbers sort by their padded form: "2026-1000000" comes after "2026-999999".
const SORT_COLUMNS = {
  due: 'r.due_at',
  updated: 'r.updated_at',
  number: 'r.number_order',
} as const;

/**
 * One page of a work list; the ordering uses the partial indexes on open requests. The page's
 * ids are chosen first from the request table alone, and only those rows are joined to their
 * unit, client and owner: a search that matches thousands of requests joins twenty-five.
 */
export async function findRequests(db: Executor, filter: RequestFilter) {
  return selectRequests(db)
    .where('r.id', 'in', pageOf(db, filter))
    .orderBy(SORT_COLUMNS[filter.sort], filter.order)
    .orderBy('r.id')
    .execute();
}

function pageOf(db: Executor, filter: RequestFilter) {
  return db
    .selectFrom('service_requests as r')
    .select('r.id')
    .where(matching(filter))
    .orderBy(SORT_COLUMNS[filter.sort], filter.order)
    .orderBy('r.id')
    .limit(filter.limit)
    .offset(filter.offset);
}

/**
 * A page of the list and how many requests the list has, counted up to a cap (counting every
 * overdue request of a big municipality on each page view would cost more than the page itself).
 * One round trip: the count rides on the page's rows, computed once; only a page past the end
 * asks for it apart.
 */
export async function findRequestPage(db: Executor, filter: RequestFilter, cap: number) {
  const rows = await selectRequests(db)
    .select(
      sql<number>`(select count(*)::int from (${capped(db, filter, cap)}) as capped)`.as('counted'),
    )
    .where('r.id', 'in', pageOf(db, filter))
    .orderBy(SORT_COLUMNS[filter.sort], filter.order)
    .orderBy('r.id')
    .execute();
  const first = rows[0];
  if (first) return { rows, counted: first.counted };
  if (filter.offset === 0) return { rows, counted: 0 };
  return { rows, counted: await countRequests(db, filter, cap) };
}

function capped(db: Executor, filter: RequestFilter, cap: number) {
  return db.selectFrom('service_requests as r').select('r.id').where(matching(filter)).limit(cap);
}

/** How many requests the list has, counted up to the cap. */
async function countRequests(db: Executor, filter: RequestFilter, cap: number): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from (${capped(db, filter, cap)}) as capped`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * A client's or contact's requests the viewer may not see: those they registered, row by row,
 * and how many others.
 */
export async function findOutOfSight(
  db: Executor,
  filter: {
    clientId?: string | undefined;
    contactId?: string | undefined;
    unitIds: readonly string[];
    staffId: string | null;
  },
) {
  const hidden = (eb: RequestScope) =>
    eb.and([
      filter.clientId
        ? eb('r.client_id', '=', filter.clientId)
        : eb('r.contact_id', '=', filter.contactId ?? null),
      ...(filter.unitIds.length > 0 ? [eb('r.unit_id', 'not in', [...filter.unitIds])] : []),
      eb('r.owner_id', 'is distinct from', filter.staffId),
    ]);
  const mine = filter.staffId
    ? await db
        .selectFrom('service_requests as r')
        .innerJoin('units as u', 'u.id', 'r.unit_id')
        .select([
          'r.id',
          'r.number',
          'r.service',
          'r.unit_id',
          'u.name as unit_name',
          'r.state',
          'r.owner_id',
          'r.registered_by',
        ])
        .where(hidden)
        .where('r.registered_by', '=', filter.staffId)
        .orderBy('r.number_order', 'desc')
        .limit(100)
        .execute()
    : [];
  const others = await db
    .selectFrom('service_requests as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(hidden)
    .where('r.registered_by', 'is distinct from', filter.staffId)
    .executeTakeFirst();
  return { mine, others: Number(others?.n ?? 0) };
}

/** A request's row as lists show it. */
export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];
/** A request's row with what only its detail shows. */
export type RequestDetailRow = Awaited<ReturnType<typeof findRequestById>> & object;

/** Requests as the lists show them. */
export async function findRequestsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return selectRequests(db)
    .where('r.id', 'in', [...ids])
    .execute();
}

export async function findRequestById(db: Executor, id: string) {
  return selectRequests(db)
    .leftJoin('institutions as i', 'i.id', 'r.institution_id')
    .select([
      'i.name as institution_name',
      'c.preferred_language as client_language',
      'c.e_address as client_e_address',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function findRequestsOfContact(db: Executor, contactId: string) {
  return selectRequests(db)
    .where('r.contact_id', '=', contactId)
    .orderBy('r.number_order')
    .execute();
}

/** What a client's requests are searched by, apart from the client's name. */
export async function findSearchPartsOfClient(db: Executor, clientId: string) {
  return db
    .selectFrom('service_requests')
    .select(['id', 'number', 'service', 'tags'])
    .where('client_id', '=', clientId)
    .execute();
}

export async function updateSearchText(
  db: Executor,
  { id, searchText }: { id: string; searchText: string },
): Promise<void> {
  await db
    .updateTable('service_requests')
    .set({ search_text: searchText })
    .where('id', '=', id)
    .execute();
}

/** Applies the changes only when the row still has the version the client read. */
export async function updateRequest(
  db: Executor,
  {
    id,
    version,
    changes,
  }: { id: string; version: number; changes: Updateable<ServiceRequestsTable> },
): Promise<boolean> {
  const result = await db
    .updateTable('service_requests')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findEvents(db: Executor, requestId: string) {
  return db
    .selectFrom('request_events as e')
    .leftJoin('staff as s', 's.id', 'e.actor_staff_id')
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.data',
      'e.actor_staff_id',
      sql<string | null>`s.given_name || ' ' || s.surname`.as('actor_name'),
    ])
    .where('e.request_id', '=', requestId)
    .orderBy('e.id')
    .execute();
}

export async function insertLink(
  db: Executor,
  { a, b, at }: { a: string; b: string; at: Date },
): Promise<boolean> {
  // Stored once per pair, the smaller id first, so a link has one row whichever side made it.
  const [request_id, related_id] = a < b ? [a, b] : [b, a];
  const inserted = await db
    .insertInto('request_links')
    .values({ request_id, related_id, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('request_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteLink(
  db: Executor,
  { a, b }: { a: string; b: string },
): Promise<boolean> {
  const [request_id, related_id] = a < b ? [a, b] : [b, a];
  const result = await db
    .deleteFrom('request_links')
    .where('request_id', '=', request_id)
    .where('related_id', '=', related_id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The requests linked to this one, whichever side the link was made from. */
export async function findLinked(db: Executor, requestId: string) {
  return db
    .selectFrom('request_links as l')
    .innerJoin('service_requests as r', (join) =>
      join.on(
        sql<SqlBool>`r.id = case when l.request_id = ${requestId} then l.related_id else l.request_id end`,
      ),
    )
    .select(['r.id', 'r.number', 'r.service', 'r.state', 'r.unit_id', 'r.owner_id'])
    .where((eb) => eb.or([eb('l.request_id', '=', requestId), eb('l.related_id', '=', requestId)]))
    .execute();
}

/** The scope as a condition on a request: its owner's, or its unit's. */
function inScope(scope: WorkScope) {
  if (scope.kind === 'mine') return sql<SqlBool>`owner_id = ${scope.staffId}`;
  if (scope.unitIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`unit_id in (${sql.join([...scope.unitIds])})`;
}

/**
 * The request counts of a start page or the work lists' badges in one statement: open requests
 * due today, overdue and referred, and with `withOpen` all open ones. Each count runs on a
 * partial index of open requests.
 */
export async function countWorkIn(
  db: Executor,
  {
    scope,
    today,
    now,
    withOpen = false,
  }: { scope: WorkScope; today: string; now: Date; withOpen?: boolean },
) {
  const open = sql.raw(`('${OPEN_STATES.join("','")}')`);
  const requests = inScope(scope);
  // All open requests in scope only when asked: the badges show it, the start page does not.
  const allOpen = withOpen
    ? sql<number>`(select count(*)::int from service_requests where ${requests} and state in ${open})`
    : sql<number>`0`;
  const { rows } = await sql<{
    open: number;
    due_today: number;
    overdue: number;
    referred: number;
  }>`
    select
      ${allOpen} as open,
      (select count(*)::int from service_requests
        where ${requests} and due_on = ${today} and state in ${open}) as due_today,
      (select count(*)::int from service_requests
        where ${requests} and due_at < ${now} and state in ${open}) as overdue,
      (select count(*)::int from service_requests
        where ${requests} and referred_at is not null and state in ${open}) as referred
  `.execute(db);
  return rows[0] ?? { open: 0, due_today: 0, overdue: 0, referred: 0 };
}

// A client merge (the clients module, through the requests service).

/** Moves a merged client's requests to the client that stays; how many moved. */
export async function moveRequestsOfClient(
  db: Executor,
  { from, to }: { from: string; to: string },
): Promise<number> {
  const result = await db
    .updateTable('service_requests')
    .set({ client_id: to })
    .where('client_id', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

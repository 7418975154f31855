import { sql } from 'kysely';
import type { CallbackState, Rotation } from '../../../domain/calls';
import type { RotationCandidate } from '../../../domain/rotation';
import type { Executor } from '../../db/database';
import type { CallbacksTable, CallsTable, DB } from '../../db/schema';
import type { Insertable, Updateable } from 'kysely';

// ── Exchanges ──

export async function insertExchange(
  db: Executor,
  row: Insertable<DB['telephony_exchanges']>,
): Promise<string> {
  return (
    await db.insertInto('telephony_exchanges').values(row).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export function findExchangeById(db: Executor, id: string) {
  return db.selectFrom('telephony_exchanges').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findExchanges(
  db: Executor,
  { includeRevoked, limit, offset }: { includeRevoked: boolean; limit: number; offset: number },
) {
  let query = db
    .selectFrom('telephony_exchanges')
    .selectAll()
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .offset(offset);
  if (!includeRevoked) query = query.where('revoked_at', 'is', null);
  return query.execute();
}

export function findUsableExchange(db: Executor, tokenHash: string) {
  return db
    .selectFrom('telephony_exchanges')
    .select(['id', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchExchange(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .updateTable('telephony_exchanges')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .execute();
}

export async function revokeExchange(
  db: Executor,
  { id, by, now }: { id: string; by: string | null; now: Date },
): Promise<void> {
  await db
    .updateTable('telephony_exchanges')
    .set({ revoked_at: now, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

// ── Lines and extensions ──

function selectLines(db: Executor) {
  return db
    .selectFrom('telephony_lines as l')
    .innerJoin('units as u', 'u.id', 'l.unit_id')
    .select([
      'l.unit_id',
      'u.name as unit_name',
      'l.number',
      'l.rotation',
      'l.menu_key',
      'l.information_line',
      'l.version',
    ]);
}
export type LineRow = Awaited<ReturnType<typeof findLineOfUnit>> & object;

export function findLineOfUnit(db: Executor, unitId: string) {
  return selectLines(db).where('l.unit_id', '=', unitId).executeTakeFirst();
}

export function findLineByNumber(db: Executor, number: string) {
  return selectLines(db).where('l.number', '=', number).executeTakeFirst();
}

export function findLineForVoicemail(db: Executor, menuKey: string | null) {
  return selectLines(db)
    .where((eb) =>
      menuKey === null
        ? eb('l.information_line', '=', true)
        : eb.or([eb('l.menu_key', '=', menuKey), eb('l.information_line', '=', true)]),
    )
    .orderBy('l.information_line', 'asc')
    .limit(1)
    .executeTakeFirst();
}

export function findLines(db: Executor, { limit, offset }: { limit: number; offset: number }) {
  return selectLines(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('u.name')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** The first owner of a number, menu key or the information line other than the unit. */
export function findLineClash(
  db: Executor,
  line: { unitId: string; number: string; menuKey: string | null; informationLine: boolean },
) {
  return db
    .selectFrom('telephony_lines')
    .select(['number', 'menu_key', 'information_line'])
    .where('unit_id', '<>', line.unitId)
    .where((eb) =>
      eb.or([
        eb('number', '=', line.number),
        ...(line.menuKey ? [eb('menu_key', '=', line.menuKey)] : []),
        ...(line.informationLine ? [eb('information_line', '=', true)] : []),
      ]),
    )
    .executeTakeFirst();
}

export async function upsertLine(
  db: Executor,
  line: Insertable<DB['telephony_lines']>,
  version: number | undefined,
): Promise<boolean> {
  const result = await db
    .insertInto('telephony_lines')
    .values(line)
    .onConflict((oc) =>
      oc
        .column('unit_id')
        .doUpdateSet((eb) => ({
          number: eb.ref('excluded.number'),
          rotation: eb.ref('excluded.rotation'),
          menu_key: eb.ref('excluded.menu_key'),
          information_line: eb.ref('excluded.information_line'),
          updated_at: eb.ref('excluded.updated_at'),
          version: sql<number>`telephony_lines.version + 1`,
        }))
        .where('telephony_lines.version', '=', version ?? -1),
    )
    .executeTakeFirst();
  // The round robin's place is made by the line's first call (see routeCall).
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export function findExtensionsOfUnit(
  db: Executor,
  { unitId, limit, offset }: { unitId: string; limit: number; offset: number },
) {
  return db
    .selectFrom('staff_units as su')
    .innerJoin('staff as s', 's.id', 'su.staff_id')
    .leftJoin('telephony_extensions as e', 'e.staff_id', 's.id')
    .select([
      's.id',
      's.given_name',
      's.surname',
      's.position',
      's.phone',
      's.email',
      'e.extension',
    ])
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('su.unit_id', '=', unitId)
    .where('s.active', '=', true)
    .orderBy('s.sort_name')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findExtensionOwner(db: Executor, extension: string) {
  return db
    .selectFrom('telephony_extensions')
    .select('staff_id')
    .where('extension', '=', extension)
    .executeTakeFirst();
}

export async function setExtension(
  db: Executor,
  { staffId, extension, now }: { staffId: string; extension: string | null; now: Date },
): Promise<void> {
  if (extension === null) {
    await db.deleteFrom('telephony_extensions').where('staff_id', '=', staffId).execute();
    return;
  }
  await db
    .insertInto('telephony_extensions')
    .values({ staff_id: staffId, extension, updated_at: now })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet({ extension, updated_at: now }))
    .execute();
}

export async function markCallEnded(db: Executor, staffId: string, at: Date): Promise<void> {
  await db
    .updateTable('telephony_extensions')
    .set({ last_call_ended_at: sql<Date>`greatest(last_call_ended_at, ${at})` })
    .where('staff_id', '=', staffId)
    .execute();
}

interface RouteRow {
  unit_id: string;
  rotation: Rotation;
  first_staff_id: string | null;
  staff_id: string | null;
  extension: string | null;
  member: boolean | null;
  sort_key: string | null;
  last_call_ended_at: Date | null;
  absent: boolean | null;
  on_call: boolean | null;
  serving_visitor: boolean | null;
}

/**
 * A call to the number, routed in one statement (the exchange waits on it for every call): the
 * line, the people it may ring (its unit's members and the stand-ins of those absent today,
 * each with an extension, whether absent, on a call or serving a visitor), and for round robin
 * the member whose turn the call is, written as the line's place (telephony_turns).
 *
 * The turn: the first free member after the one rung first last time, in the list's order (sort
 * name, id, compared as JavaScript compares strings, hence "C", as routeOrder in
 * src/domain/rotation.ts orders the answer from it), even when that one is away or busy now;
 * else, and when the place names nobody in the unit any more, the first free member. When no
 * member is free the place is kept, and the stand-ins are rung.
 *
 * Calls at once to one line must each take the next turn: none skipped, none given twice. The
 * place is read in the upsert's conflict arm, which locks the row and reads its newest version,
 * so a call waiting for another's turn computes its own from it. Everything else (the people and
 * whether they are free) is read before, unlocked: the lock is held only for the write and the
 * commit, and calls to one line queue for no more than that. The place is unlogged (migration
 * 0023): its write does not wait for the disk, and a crash, which empties it, starts the line at
 * the top of its list; a line without a place takes it in the upsert's insert arm. Longest idle
 * keeps no turn and locks nothing.
 */
export async function routeCall(
  db: Executor,
  { number, today }: { number: string; today: string },
): Promise<{
  line: { unitId: string; rotation: Rotation; first: string | null } | null;
  candidates: RotationCandidate[];
}> {
  const { rows } = await sql<RouteRow>`
    with line as (
      select l.unit_id, l.rotation from telephony_lines l where l.number = ${number}
    ),
    people as (
      select su.staff_id, true as member
      from line join staff_units su on su.unit_id = line.unit_id
      union
      select a.substitute_id, false
      from line
      join staff_units su on su.unit_id = line.unit_id
      join absences a on a.staff_id = su.staff_id
      where a.substitute_id is not null and a.starts_on <= ${today} and a.ends_on >= ${today}
    ),
    candidates as (
      select s.id as staff_id, e.extension, p.member, s.sort_name as sort_key,
        e.last_call_ended_at,
        exists (select 1 from absences a where a.staff_id = s.id
          and a.starts_on <= ${today} and a.ends_on >= ${today}) as absent,
        on_call.staff_id is not null as on_call,
        exists (select 1 from queue_entries q where q.assigned_to = s.id
          and q.state = 'serving') as serving_visitor
      from people p
      join staff s on s.id = p.staff_id
      join telephony_extensions e on e.staff_id = s.id
      -- A probe of each person's own calls_on_call_idx entries, not one scan of the whole
      -- index: a hung-up call leaves its entry there, dead, until vacuum, and a probe marks
      -- the dead ones it meets so that the next call's probe skips them.
      left join lateral (select c.staff_id from calls c
        where c.staff_id = s.id and c.state = 'answered' limit 1) on_call on true
      where s.active
    ),
    free as (
      select c.staff_id, c.sort_key
      from candidates c
      where c.member and not (c.absent or c.on_call or c.serving_visitor)
    ),
    turn as (
      insert into telephony_turns as t (unit_id, last_routed_staff_id)
      select line.unit_id,
        (select f.staff_id from free f order by f.sort_key collate "C", f.staff_id limit 1)
      from line
      where line.rotation = 'round_robin' and exists (select 1 from free)
      on conflict (unit_id) do update set last_routed_staff_id = (
        select f.staff_id
        from free f
        left join candidates last on last.member and last.staff_id = t.last_routed_staff_id
        order by
          (f.sort_key collate "C", f.staff_id) > (last.sort_key collate "C", last.staff_id) desc nulls last,
          f.sort_key collate "C", f.staff_id
        limit 1
      )
      returning t.last_routed_staff_id
    )
    select line.unit_id, line.rotation, (select last_routed_staff_id from turn) as first_staff_id, c.*
    from line left join candidates c on true`.execute(db);
  const [first] = rows;
  if (!first) return { line: null, candidates: [] };
  return {
    line: {
      unitId: first.unit_id,
      rotation: first.rotation,
      first: first.first_staff_id,
    },
    candidates: rows.flatMap((row) =>
      row.staff_id === null
        ? []
        : [
            {
              staffId: row.staff_id,
              extension: row.extension ?? '',
              member: row.member ?? false,
              sortKey: row.sort_key ?? '',
              lastCallEndedAt: row.last_call_ended_at,
              absent: row.absent ?? false,
              onCall: row.on_call ?? false,
              servingVisitor: row.serving_visitor ?? false,
            },
          ],
    ),
  };
}

/**
 * Writes the lines' round robin places as a process that keeps the lines' answers has taken them
 * (decision 51); a line deleted meanwhile is passed over.
 */
export async function saveTurns(
  db: Executor,
  turns: ReadonlyArray<{ unitId: string; staffId: string }>,
): Promise<void> {
  await sql`
    insert into telephony_turns as t (unit_id, last_routed_staff_id)
    select l.unit_id, turn.staff_id
    from unnest(${turns.map((turn) => turn.unitId)}::uuid[], ${turns.map((turn) => turn.staffId)}::uuid[])
      as turn (unit_id, staff_id)
    join telephony_lines l on l.unit_id = turn.unit_id
    on conflict (unit_id) do update set last_routed_staff_id = excluded.last_routed_staff_id`.execute(
    db,
  );
}

// ── Calls ──

export function findCallByExternal(db: Executor, exchangeId: string, externalId: string) {
  return db
    .selectFrom('calls')
    .selectAll()
    .where('exchange_id', '=', exchangeId)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts the call unless the exchange's id is already there (two events racing). */
export async function insertCall(db: Executor, row: Insertable<CallsTable>): Promise<void> {
  await db
    .insertInto('calls')
    .values(row)
    .onConflict((oc) => oc.columns(['exchange_id', 'external_id']).doNothing())
    .execute();
}

export async function updateCall(db: Executor, id: string, set: Updateable<CallsTable>) {
  await db.updateTable('calls').set(set).where('id', '=', id).execute();
}

/** Records the event once; false when this (call, event) had arrived before. */
export async function insertCallEvent(
  db: Executor,
  row: Insertable<DB['call_events']>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('call_events')
    .values(row)
    .onConflict((oc) => oc.columns(['call_id', 'event_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertRecording(
  db: Executor,
  row: Insertable<DB['call_recordings']>,
): Promise<void> {
  await db
    .insertInto('call_recordings')
    .values(row)
    .onConflict((oc) => oc.column('call_id').doNothing())
    .execute();
}

/** Names the call or exchange on the channel when the transaction commits (nothing if it rolls back). */
export async function notifyChannel(db: Executor, channel: string, id: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${id})`.execute(db);
}

export async function insertRecordingFetch(
  db: Executor,
  row: Insertable<DB['call_recording_fetches']>,
): Promise<void> {
  await db
    .insertInto('call_recording_fetches')
    .values(row)
    .onConflict((oc) => oc.column('call_id').doNothing())
    .execute();
}

/** The recordings owed whose next try is due, the longest waiting first. */
export function findDueRecordingFetches(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('call_recording_fetches')
    .select(['call_id', 'url'])
    .where('next_attempt_at', 'is not', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

export function findRecordingFetch(db: Executor, callId: string) {
  return db
    .selectFrom('call_recording_fetches')
    .selectAll()
    .where('call_id', '=', callId)
    .executeTakeFirst();
}

/** The fetch still owed, locked: a second fetcher of the same recording waits, then leaves it. */
export function lockRecordingFetch(db: Executor, callId: string) {
  return db
    .selectFrom('call_recording_fetches')
    .selectAll()
    .where('call_id', '=', callId)
    .where('fetched_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateRecordingFetch(
  db: Executor,
  callId: string,
  set: Updateable<DB['call_recording_fetches']>,
): Promise<void> {
  await db.updateTable('call_recording_fetches').set(set).where('call_id', '=', callId).execute();
}

export function findRecording(db: Executor, callId: string) {
  return db
    .selectFrom('call_recordings')
    .select(['content_type', 'size', 'content'])
    .where('call_id', '=', callId)
    .executeTakeFirst();
}

function selectCalls(db: Executor) {
  return db
    .selectFrom('calls as c')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('callbacks as cb', 'cb.call_id', 'c.id')
    .leftJoin('call_recordings as r', 'r.call_id', 'c.id')
    .selectAll('c')
    .select([
      'u.name as unit_name',
      'cb.id as callback_id',
      sql<boolean>`r.call_id is not null`.as('has_recording'),
    ]);
}
export type CallRow = Awaited<ReturnType<typeof findCallById>> & object;

export function findCallById(db: Executor, id: string) {
  return selectCalls(db).where('c.id', '=', id).executeTakeFirst();
}

export function findCalls(
  db: Executor,
  filter: {
    clientId?: string | undefined;
    unitIds?: readonly string[] | undefined;
    requestId?: string | undefined;
    state?: CallsTable['state'] | undefined;
    limit: number;
    offset: number;
  },
) {
  let query = selectCalls(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy('c.started_at', 'desc')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.clientId) query = query.where('c.client_id', '=', filter.clientId);
  if (filter.unitIds) {
    // Nobody's units: nothing (an empty `in ()` is not SQL).
    if (filter.unitIds.length === 0) return Promise.resolve([]);
    query = query.where('c.unit_id', 'in', filter.unitIds);
  }
  if (filter.requestId) query = query.where('c.request_id', '=', filter.requestId);
  if (filter.state) query = query.where('c.state', '=', filter.state);
  return query.execute();
}

// ── Callbacks ──

export async function insertCallback(db: Executor, row: Insertable<CallbacksTable>): Promise<void> {
  await db
    .insertInto('callbacks')
    .values(row)
    .onConflict((oc) => oc.column('call_id').doNothing())
    .execute();
}

export function findOwedCallback(db: Executor, number: string, unitId: string) {
  return db
    .selectFrom('callbacks')
    .select('id')
    .where('number', '=', number)
    .where('unit_id', '=', unitId)
    .where('state', '<>', 'closed')
    .executeTakeFirst();
}

/** Closes what a caller was owed in the unit once they got through themselves. */
export async function closeOwedCallbacks(
  db: Executor,
  { number, unitId, now }: { number: string; unitId: string; now: Date },
): Promise<void> {
  await db
    .updateTable('callbacks')
    .set({
      state: 'closed',
      closing: 'caller_got_through',
      closed_at: now,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('number', '=', number)
    .where('unit_id', '=', unitId)
    .where('state', '<>', 'closed')
    .where('kind', '=', 'missed_call')
    .execute();
}

function selectCallbacks(db: Executor) {
  return db
    .selectFrom('callbacks as cb')
    .innerJoin('units as u', 'u.id', 'cb.unit_id')
    .leftJoin('call_recordings as r', 'r.call_id', 'cb.call_id')
    .selectAll('cb')
    .select(['u.name as unit_name', sql<boolean>`r.call_id is not null`.as('has_recording')]);
}
export type CallbackRow = Awaited<ReturnType<typeof findCallbackById>> & object;

export function findCallbackById(db: Executor, id: string) {
  return selectCallbacks(db).where('cb.id', '=', id).executeTakeFirst();
}

export function findCallbacks(
  db: Executor,
  filter: {
    unitIds: readonly string[] | null;
    states: readonly CallbackState[];
    claimedBy: string | null;
    now: Date;
    limit: number;
    offset: number;
  },
) {
  let query = selectCallbacks(db)
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('cb.state', 'in', filter.states)
    .where('cb.visible_from', '<=', filter.now)
    .orderBy('cb.due_at')
    .orderBy('cb.id')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return Promise.resolve([]);
    query = query.where('cb.unit_id', 'in', filter.unitIds);
  }
  if (filter.claimedBy) query = query.where('cb.claimed_by', '=', filter.claimedBy);
  return query.execute();
}

/**
 * Claims the callback for one person: the update succeeds only while it is open, so of two
 * simultaneous claims the database lets exactly one through.
 */
export async function claimCallback(
  db: Executor,
  { id, staffId, now }: { id: string; staffId: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('callbacks')
    .set({
      state: 'claimed',
      claimed_by: staffId,
      claimed_at: now,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateCallback(db: Executor, id: string, set: Updateable<CallbacksTable>) {
  await db
    .updateTable('callbacks')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function insertAttempt(
  db: Executor,
  row: Insertable<DB['callback_attempts']>,
): Promise<void> {
  await db.insertInto('callback_attempts').values(row).execute();
}

/** Voicemail whose working day has begun and that is not yet a request, the oldest first. */
export function findUnreleasedVoicemail(db: Executor, now: Date, limit: number) {
  return db
    .selectFrom('callbacks')
    .select('id')
    .where('kind', '=', 'voicemail')
    .where('request_id', 'is', null)
    .where('visible_from', '<=', now)
    .orderBy('visible_from')
    .limit(limit)
    .execute();
}

/**
 * The voicemail's callback, locked, while it is still not a request: of two runs at once the
 * second waits, then finds it released and leaves it.
 */
export function lockUnreleasedVoicemail(db: Executor, id: string) {
  return db
    .selectFrom('callbacks')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'voicemail')
    .where('request_id', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export function findAttemptsOf(db: Executor, callbackIds: readonly string[]) {
  if (callbackIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('callback_attempts')
    .selectAll()
    .where('callback_id', 'in', callbackIds)
    .orderBy('at')
    .execute();
}

// ── Load ──

/**
 * Incoming calls per unit, weekday (1 Monday) and hour of Riga's clock over the instants, in one
 * aggregate: answered, missed, missed and called back (reached) by the callback's due time, and
 * voicemail. `unitIds` null: every unit.
 */
export function findLoad(
  db: Executor,
  { unitIds, since, until }: { unitIds: readonly string[] | null; since: Date; until: Date },
) {
  const local = sql`(c.started_at at time zone 'Europe/Riga')`;
  const weekday = sql<number>`extract(isodow from ${local})::int`;
  const hour = sql<number>`extract(hour from ${local})::int`;
  let query = db
    .selectFrom('calls as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('callbacks as cb', (join) =>
      join.onRef('cb.call_id', '=', 'c.id').on('cb.kind', '=', 'missed_call'),
    )
    .select([
      'u.id as unitId',
      'u.name as unitName',
      weekday.as('weekday'),
      hour.as('hour'),
      sql<number>`(count(*) filter (where c.answered_at is not null))::int`.as('answered'),
      sql<number>`(count(*) filter (where c.state = 'missed'))::int`.as('missed'),
      sql<number>`(count(*) filter (where c.state = 'missed' and cb.closing = 'reached'
        and cb.closed_at <= cb.due_at))::int`.as('calledBackInTime'),
      sql<number>`(count(*) filter (where c.state = 'voicemail'))::int`.as('voicemail'),
    ])
    .where('c.direction', '=', 'in')
    .where('c.started_at', '>=', since)
    .where('c.started_at', '<', until)
    .groupBy(['u.id', 'u.name', weekday, hour])
    .orderBy('u.name')
    .orderBy('u.id')
    .orderBy(weekday)
    .orderBy(hour);
  if (unitIds) {
    if (unitIds.length === 0) return Promise.resolve([]);
    query = query.where('c.unit_id', 'in', unitIds);
  }
  return query.execute();
}

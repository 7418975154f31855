import type { Kysely } from 'kysely';
import type {
  TCall,
  TCallEventAnswer,
  TCallEventBody,
  TCallback,
  TCallbackAttemptBody,
  TCallStreamMessage,
  TCallerCard,
  TCloseCallbackBody,
  TCreateExchangeBody,
  TCreatedExchange,
  TExchange,
  TListCallbacksQuery,
  TListCallsQuery,
  TListExchangesQuery,
  TLinkCallContactBody,
  TLoad,
  TLoadQuery,
  TPhoneLine,
  TPutExtensionBody,
  TPutPhoneLineBody,
  TRouteAnswer,
} from '../../../contracts/telephony.contracts';
import {
  afterAttempt,
  callStateOf,
  LOAD_MAX_DAYS,
  loadPeriodOf,
  normalisePhone,
  owesCallback,
  recordingRetryAt,
  type CallbackState,
} from '../../../domain/calls';
import { addCalendarDays, rigaDateOf, rigaInstantOf } from '../../../domain/riga-time';
import type { Clock } from '../../adapters/clock';
import type { ChannelListener, Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import {
  hasPermission,
  requirePermission,
  systemContext,
  type ActionContext,
  type Principal,
} from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import { digestOf, newSecret } from '../../http/secrets';
import type { AuditService } from '../audit/audit.service';
import { createSessionCache } from '../auth/session-cache';
import type { CalendarService } from '../calendar/calendar.service';
import type { ClientsService } from '../clients/clients.service';
import type { CommitmentsService } from '../commitments/commitments.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { RequestsService } from '../requests/requests.service';
import type { StaffService } from '../staff/staff.service';
import { offsetOf, pageFrom } from '../paging';
import { presentCall, presentCallback, presentExchange, presentLine } from './telephony.presenter';
import * as repo from './telephony.repository';
import { fetchRecording, RecordingFetchError } from './telephony.recordings';
import { createLineRouting } from './telephony.routing';
import { createCallListeners } from './telephony.stream';

const EXCHANGE_PREFIX = 'apx_';
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long this process trusts an exchange's token without asking the database: the exchange
 * asks on every call. A revoke is announced to every process at once; one that is not heard
 * (the LISTEN connection down, a revoke written straight into the database) takes effect here
 * within this time at the latest (decision 46).
 */
const EXCHANGE_KEEP_MS = 5_000;
/** A caller card is a glance while the phone rings: the first few of each, the rest on the record. */
const CARD_CLIENTS = 5;
const CARD_REQUESTS = 10;
/** Voicemail released, or recordings fetched, per run of their job; the next run takes the rest. */
const JOB_BATCH = 100;
/** The request a voicemail becomes, in the words the centres use. */
const VOICEMAIL_SERVICE = 'Balss pasta ziņa';
/** PostgreSQL's channel on which a committed call event names its call, for every process. */
export const CALLS_CHANNEL = 'apkalpo_calls';
/** PostgreSQL's channel on which a committed revoke names its exchange, for every process. */
export const EXCHANGES_CHANNEL = 'apkalpo_exchanges';
/** PostgreSQL's channel on which a change that may alter whom a line rings is announced. */
export const ROUTING_CHANNEL = 'apkalpo_routing';

/** Who is on the call, if it is in progress: they are not rung for another. */
const onCallOf = (call: { state: string; staff_id: string | null }) =>
  call.state === 'answered' ? call.staff_id : null;

/** An exchange's principal as this process keeps it between the exchange's questions. */
interface KeptExchange {
  principal: Principal;
  exchangeId: string;
  /** The last use this process knows of: never later than the database's. */
  lastUsedAt: Date | null;
}

export function createTelephonyService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  calendar: CalendarService;
  clients: ClientsService;
  commitments: CommitmentsService;
  contacts: ContactsService;
  requests: RequestsService;
  staff: StaffService;
  /** The database's notifications, where it has them (PostgreSQL): calls reach every process. */
  listen?: ((channel: string, listener: ChannelListener) => void) | undefined;
  /** Where a caller card or a recording that could not be had is reported (the server's log). */
  warn?: ((fields: { err: unknown }, message: string) => void) | undefined;
}) {
  const { db, audit, clock, calendar, clients, commitments, contacts, requests, staff } = deps;

  async function loadExchange(executor: Executor, id: string): Promise<TExchange> {
    const row = await repo.findExchangeById(executor, id);
    if (!row) throw notFound();
    return presentExchange(row);
  }

  async function loadLine(executor: Executor, unitId: string): Promise<TPhoneLine> {
    const row = await repo.findLineOfUnit(executor, unitId);
    if (!row) throw notFound();
    return presentLine(row);
  }

  async function presentCalls(executor: Executor, rows: repo.CallRow[]): Promise<TCall[]> {
    const clientMap = await clients.summariesOf(
      executor,
      rows.flatMap((row) => (row.client_id ? [row.client_id] : [])),
    );
    const people = await staff.contactsOf(
      executor,
      rows.flatMap((row) => (row.staff_id ? [row.staff_id] : [])),
    );
    return rows.map((row) => presentCall(row, { clients: clientMap, people }));
  }

  async function presentCallbacks(
    executor: Executor,
    rows: repo.CallbackRow[],
  ): Promise<TCallback[]> {
    const attempts = await repo.findAttemptsOf(
      executor,
      rows.map((row) => row.id),
    );
    const clientMap = await clients.summariesOf(
      executor,
      rows.flatMap((row) => (row.client_id ? [row.client_id] : [])),
    );
    const people = await staff.contactsOf(executor, [
      ...rows.flatMap((row) => (row.claimed_by ? [row.claimed_by] : [])),
      ...attempts.flatMap((attempt) => (attempt.staff_id ? [attempt.staff_id] : [])),
    ]);
    const now = clock.now();
    return rows.map((row) => presentCallback(row, { clients: clientMap, people, attempts, now }));
  }

  async function loadCallback(executor: Executor, id: string): Promise<TCallback> {
    const row = await repo.findCallbackById(executor, id);
    if (!row) throw notFound();
    const [callback] = await presentCallbacks(executor, [row]);
    if (!callback) throw notFound();
    return callback;
  }

  /** Those who serve clients in the callback's unit, or see every unit's work. */
  function assertMayWorkOn(principal: Principal, unitId: string) {
    requirePermission(principal, 'requests.work');
    if (!principal.unitIds.includes(unitId) && !hasPermission(principal, 'requests.read-all')) {
      throw notFound();
    }
  }

  // The caller card reaches the streams of whichever process the clerk's browser is connected
  // to. With one process (PGlite, or one worker) the event's own process announces the call once
  // its transaction has committed. With several workers or instances on PostgreSQL, the event's
  // transaction sends NOTIFY with the call's id on commit and every process, this one included,
  // announces it to its own streams on hearing it. While the LISTEN connection is down, this
  // process announces its own events itself: those of other processes are missed, which costs a
  // card but never a call (the call log and the callbacks are in the database).
  const listeners = createCallListeners();
  let hearing = false;
  deps.listen?.(CALLS_CHANNEL, {
    message: (callId) => publish(callId),
    listening: (active) => {
      hearing = active;
    },
  });

  // Lines' answers are kept while changes to them are heard (decision 51); with PGlite there is
  // nothing to hear, and every question reads the database.
  const routing = createLineRouting({
    read: (number, today) => repo.routeCall(db, { number, today }),
    saveTurns: (turns) => repo.saveTurns(db, turns),
    now: () => clock.now().getTime(),
    warn: (error) => deps.warn?.({ err: error }, 'the round robin turns could not be written'),
  });
  deps.listen?.(ROUTING_CHANNEL, {
    message: () => routing.forget(),
    listening: (active) => routing.hearing(active),
  });

  // Without notifications (PGlite) the database is this process's own, and every revoke goes
  // through revokeExchange below, which forgets the exchange here.
  const exchanges = createSessionCache<KeptExchange>(Date.now, EXCHANGE_KEEP_MS);
  if (deps.listen) {
    deps.listen(EXCHANGES_CHANNEL, {
      message: (exchangeId) => exchanges.forgetExchange(exchangeId),
      listening: (active) => exchanges.hearing(active),
    });
  } else {
    exchanges.hearing(true);
  }

  function publish(callId: string): void {
    announce(callId).catch((error: unknown) => {
      deps.warn?.({ err: error }, `the call ${callId} could not be announced to its streams`);
    });
  }

  /**
   * Sends the call as it stands to the streams of those it concerns: its unit's people and the
   * person whose extension it rings. While it rings, each gets the caller card as they may see
   * it (their own units' requests). The number of streams reached.
   */
  async function announce(callId: string): Promise<number> {
    const row = await repo.findCallById(db, callId);
    if (!row) return 0;
    const targets = listeners.of({ unitId: row.unit_id, staffId: row.staff_id });
    if (targets.length === 0) return 0;
    const [call] = await presentCalls(db, [row]);
    if (!call) return 0;
    for (const target of targets) {
      const card = call.state === 'ringing' ? await callerCardFor(target.ctx, call.number) : null;
      target.send({ call, card });
    }
    return targets.length;
  }

  /**
   * One try at fetching the call's recording, if it is still owed: fetched outside any
   * transaction, then stored (or the failure and the next try written down) in one, where a
   * second fetcher of the same recording finds it done. Whether it was stored.
   */
  async function fetchOwedRecording(callId: string, now: Date): Promise<boolean> {
    const owed = await repo.findRecordingFetch(db, callId);
    if (!owed?.next_attempt_at) return false;
    let fetched: Awaited<ReturnType<typeof fetchRecording>> | null = null;
    let failure: string | null = null;
    try {
      fetched = await fetchRecording(owed.url);
    } catch (error) {
      if (!(error instanceof RecordingFetchError)) throw error;
      failure = error.message;
    }
    return db.transaction().execute(async (trx) => {
      const still = await repo.lockRecordingFetch(trx, callId);
      if (!still?.next_attempt_at) return false;
      const attempts = still.attempts + 1;
      if (fetched) {
        await repo.insertRecording(trx, {
          call_id: callId,
          content_type: fetched.contentType,
          size: fetched.content.length,
          content: fetched.content,
          source_url: still.url,
          stored_at: now,
        });
        await repo.updateRecordingFetch(trx, callId, {
          attempts,
          fetched_at: now,
          next_attempt_at: null,
          last_error: null,
        });
      } else {
        await repo.updateRecordingFetch(trx, callId, {
          attempts,
          next_attempt_at: recordingRetryAt(attempts, now),
          last_error: failure,
        });
      }
      await audit.record(trx, systemContext('fetch-recording'), {
        action: fetched ? 'fetch_recording' : 'fetch_recording_failed',
        entityType: 'call',
        entityId: callId,
        after: { url: still.url, attempts, error: failure },
      });
      return fetched !== null;
    });
  }

  async function callerCardFor(ctx: ActionContext, number: string): Promise<TCallerCard> {
    requirePermission(ctx.principal, 'requests.work');
    const clientIds = await clients.idsByPhone(db, number, CARD_CLIENTS);
    const summaries = await clients.summariesOf(db, clientIds);
    const openRequests = await requests.openOfClients(ctx, clientIds, CARD_REQUESTS);
    const promises = await commitments.openOf(
      db,
      openRequests.map((request) => request.id),
      clock.now(),
    );
    return {
      number: normalisePhone(number),
      clients: clientIds.flatMap((clientId) => summaries.get(clientId) ?? []),
      openRequests,
      promises,
    };
  }

  function exchangeOf(ctx: ActionContext): string {
    requirePermission(ctx.principal, 'telephony.exchange');
    if (!ctx.principal.exchangeId) throw new AppError('forbidden');
    return ctx.principal.exchangeId;
  }

  return {
    // ── Exchanges ──

    async listExchanges(ctx: ActionContext, query: TListExchangesQuery) {
      requirePermission(ctx.principal, 'telephony.manage');
      const rows = await repo.findExchanges(db, {
        includeRevoked: query.includeRevoked,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, presentExchange);
    },

    async createExchange(ctx: ActionContext, body: TCreateExchangeBody): Promise<TCreatedExchange> {
      requirePermission(ctx.principal, 'telephony.manage');
      const secret = newSecret(EXCHANGE_PREFIX);
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertExchange(trx, {
          name: body.name,
          token_hash: digestOf(secret),
          token_prefix: secret.slice(0, EXCHANGE_PREFIX.length + 6),
          created_by: ctx.principal.staffId,
          created_at: clock.now(),
        });
        const exchange = await loadExchange(trx, id);
        await audit.record(trx, ctx, {
          action: 'create',
          entityType: 'telephony_exchange',
          entityId: id,
          after: exchange,
        });
        return { ...exchange, token: secret };
      });
    },

    async revokeExchange(ctx: ActionContext, id: string): Promise<TExchange> {
      requirePermission(ctx.principal, 'telephony.manage');
      const revoked = await db.transaction().execute(async (trx) => {
        const before = await loadExchange(trx, id);
        if (before.revokedAt) return before;
        await repo.revokeExchange(trx, { id, by: ctx.principal.staffId, now: clock.now() });
        if (deps.listen) await repo.notifyChannel(trx, EXCHANGES_CHANNEL, id);
        const after = await loadExchange(trx, id);
        await audit.record(trx, ctx, {
          action: 'revoke',
          entityType: 'telephony_exchange',
          entityId: id,
          before,
          after,
        });
        return after;
      });
      // This process forgets at once, not when its own notification comes back.
      exchanges.forgetExchange(id);
      return revoked;
    },

    /**
     * The principal of an exchange's token: it may report events and ask for routes only. Kept
     * for a few seconds, so that a call's questions do not each ask the database who asks.
     */
    async authenticateExchange(secret: string): Promise<Principal | null> {
      if (!secret.startsWith(EXCHANGE_PREFIX)) return null;
      const tokenHash = digestOf(secret);
      const now = clock.now();
      const touchDue = (lastUsedAt: Date | null) =>
        !lastUsedAt || now.getTime() - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS;
      const kept = exchanges.get(tokenHash);
      if (kept) {
        if (touchDue(kept.lastUsedAt)) {
          await repo.touchExchange(db, kept.exchangeId, now);
          kept.lastUsedAt = now;
        }
        return kept.principal;
      }
      const mark = exchanges.mark();
      const exchange = await repo.findUsableExchange(db, tokenHash);
      if (!exchange) return null;
      let lastUsedAt = exchange.last_used_at;
      if (touchDue(lastUsedAt)) {
        await repo.touchExchange(db, exchange.id, now);
        lastUsedAt = now;
      }
      // Shared by every request that finds it kept: none may change it.
      const principal: Principal = Object.freeze({
        kind: 'system',
        staffId: null,
        tokenId: null,
        sessionId: null,
        csrfToken: null,
        roles: Object.freeze([]),
        permissions: new Set(['telephony.exchange'] as const),
        unitIds: Object.freeze([]),
        exchangeId: exchange.id,
      });
      exchanges.keep(tokenHash, { principal, exchangeId: exchange.id, lastUsedAt }, mark);
      return principal;
    },

    isExchangeToken: (secret: string) => secret.startsWith(EXCHANGE_PREFIX),

    /** Whether this process answers lines from what it kept of them (decision 51). */
    keepsLines: () => routing.keeping(),

    /** Writes the round robin turns this process has taken and not yet written. */
    settleTurns: () => routing.settle(),

    // ── Events ──

    /**
     * One event of a call, in one transaction. The call row is found or made by the exchange's
     * id and locked; the event is recorded once per (call, event), so a repeat changes nothing;
     * the call's moments are merged and its state worked out again, so the order of arrival
     * does not matter. The call_events rows are the record of what the exchange said (decision 46).
     */
    async event(ctx: ActionContext, body: TCallEventBody): Promise<TCallEventAnswer> {
      const exchangeId = exchangeOf(ctx);
      const at = new Date(body.at);
      // Deadlines read the calendar before the transaction opens (decision 29).
      const missedDeadline = await calendar.deadlineFor(at, {
        channel: 'phone',
        clientKind: 'external',
        caseType: 'missed-call',
      });
      const voicemailDeadline = await calendar.deadlineFor(at, {
        channel: 'voicemail',
        clientKind: 'external',
        caseType: null,
      });
      const voicemailVisible = await calendar.nextOpening(at);
      const recording =
        body.event === 'voicemail' && body.recording ? Buffer.from(body.recording, 'base64') : null;

      // Someone's starting or ending a call changes whom the lines ring: this process forgets
      // its lines at once, the others on hearing the calls table's announcement.
      let busyChanged = false;
      const answer = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        let call = await repo.findCallByExternal(trx, exchangeId, body.callId);
        if (!call) {
          const from = body.event === 'new_call' ? body.from : '';
          const to = body.event === 'new_call' ? body.to : '';
          const direction = body.event === 'new_call' ? body.direction : 'in';
          const number = normalisePhone(direction === 'in' ? from : to);
          const line = to ? await repo.findLineByNumber(trx, normalisePhone(to)) : undefined;
          const [clientId] = number ? await clients.idsByPhone(trx, number, 1) : [];
          await repo.insertCall(trx, {
            exchange_id: exchangeId,
            external_id: body.callId,
            direction,
            from_number: from,
            to_number: to,
            number,
            unit_id: line?.unit_id ?? null,
            client_id: clientId ?? null,
            state: 'ringing',
            started_at: at,
            created_at: now,
            updated_at: now,
          });
          call = await repo.findCallByExternal(trx, exchangeId, body.callId);
          if (!call) throw notFound();
        }
        const eventKey = body.event === 'transfer' ? `transfer:${body.to}` : body.event;
        const applied = await repo.insertCallEvent(trx, {
          call_id: call.id,
          event: body.event,
          event_key: eventKey,
          at,
          payload: JSON.stringify({ ...body, recording: undefined }),
          received_at: now,
        });
        if (!applied) return { id: call.id, state: call.state, applied: false };

        const next = { ...call };
        if (body.event === 'new_call') {
          // A new_call that arrives after another event of the call fills in what it tells.
          const number = normalisePhone(body.direction === 'in' ? body.from : body.to);
          const line = await repo.findLineByNumber(trx, normalisePhone(body.to));
          next.direction = body.direction;
          next.from_number = body.from;
          next.to_number = body.to;
          next.number = number;
          next.unit_id = call.unit_id ?? line?.unit_id ?? null;
          next.client_id = call.client_id ?? (await clients.idsByPhone(trx, number, 1))[0] ?? null;
          next.started_at = at < call.started_at ? at : call.started_at;
          if (body.extension) next.extension = call.extension ?? body.extension;
        } else if (body.event === 'answer') {
          next.answered_at = at;
          if (body.extension) next.extension = body.extension;
        } else if (body.event === 'hangup') {
          next.ended_at = at;
          next.hangup_cause = body.cause;
        } else if (body.event === 'transfer') {
          next.transferred_to = body.to;
        } else {
          next.voicemail_at = at;
          next.menu_key = body.menuKey ?? null;
          if (!next.ended_at) next.ended_at = at;
        }
        if (next.started_at > at) next.started_at = at;
        if (next.extension && !next.staff_id) {
          next.staff_id = (await repo.findExtensionOwner(trx, next.extension))?.staff_id ?? null;
        }
        const facts = {
          direction: next.direction,
          answeredAt: next.answered_at,
          endedAt: next.ended_at,
          hangupCause: next.hangup_cause,
          voicemailAt: next.voicemail_at,
        };
        next.state = callStateOf(facts);
        await repo.updateCall(trx, call.id, {
          direction: next.direction,
          from_number: next.from_number,
          to_number: next.to_number,
          number: next.number,
          unit_id: next.unit_id,
          client_id: next.client_id,
          staff_id: next.staff_id,
          extension: next.extension,
          state: next.state,
          started_at: next.started_at,
          answered_at: next.answered_at,
          ended_at: next.ended_at,
          hangup_cause: next.hangup_cause,
          transferred_to: next.transferred_to,
          voicemail_at: next.voicemail_at,
          menu_key: next.menu_key,
          updated_at: now,
        });

        if (next.state === 'ended' && next.staff_id && next.ended_at) {
          await repo.markCallEnded(trx, next.staff_id, next.ended_at);
        }
        if (next.answered_at && next.direction === 'in' && next.unit_id && next.number) {
          // The caller got through after all: what they were owed in the unit is settled, also
          // a callback made for this very call when its answer arrived after its hangup. A
          // withheld number (none) settles nothing: it is not the same caller as another's.
          await repo.closeOwedCallbacks(trx, { number: next.number, unitId: next.unit_id, now });
        }
        if (owesCallback(facts, next.number) && next.unit_id) {
          const owed = await repo.findOwedCallback(trx, next.number, next.unit_id);
          if (!owed) {
            await repo.insertCallback(trx, {
              kind: 'missed_call',
              call_id: call.id,
              unit_id: next.unit_id,
              client_id: next.client_id,
              number: next.number,
              called_at: next.started_at,
              visible_from: next.started_at,
              due_at: missedDeadline.dueEnd,
              policy_code: missedDeadline.policyCode,
              state: 'open',
              created_at: now,
              updated_at: now,
            });
          }
        }
        if (body.event === 'voicemail') {
          const line = await repo.findLineForVoicemail(trx, next.menu_key);
          const unitId = line?.unit_id ?? next.unit_id;
          if (body.recordingUrl) {
            await repo.insertRecordingFetch(trx, {
              call_id: call.id,
              url: body.recordingUrl,
              next_attempt_at: now,
              created_at: now,
            });
          }
          if (recording) {
            await repo.insertRecording(trx, {
              call_id: call.id,
              content_type: body.contentType,
              size: recording.length,
              content: recording,
              source_url: null,
              stored_at: now,
            });
          }
          if (unitId) {
            await repo.updateCall(trx, call.id, { unit_id: unitId });
            await repo.insertCallback(trx, {
              kind: 'voicemail',
              call_id: call.id,
              unit_id: unitId,
              client_id: next.client_id,
              number: next.number,
              called_at: at,
              visible_from: voicemailVisible,
              due_at: voicemailDeadline.dueEnd,
              policy_code: voicemailDeadline.policyCode,
              state: 'open',
              created_at: now,
              updated_at: now,
            });
          }
        }
        if (deps.listen) await repo.notifyChannel(trx, CALLS_CHANNEL, call.id);
        busyChanged = onCallOf(call) !== onCallOf(next);
        return { id: call.id, state: next.state, applied: true };
      });
      if (busyChanged) routing.forget();
      // After the commit, so a card never shows a call that was rolled back.
      if (answer.applied && !hearing) publish(answer.id);
      // The recording is fetched after the commit and not awaited: the exchange is answered at
      // once, and a failure is written down for the fetch-recordings job to try again.
      if (answer.applied && body.event === 'voicemail' && body.recordingUrl) {
        fetchOwedRecording(answer.id, clock.now()).catch((error: unknown) => {
          deps.warn?.(
            { err: error },
            `the recording of the call ${answer.id} could not be fetched`,
          );
        });
      }
      return answer;
    },

    // ── Routing ──

    /** The extensions a call to the number rings, in the order of the unit's rotation. */
    async route(ctx: ActionContext, number: string): Promise<TRouteAnswer> {
      exchangeOf(ctx);
      const line = await routing.route(normalisePhone(number), rigaDateOf(clock.now()));
      if (!line) return { unitId: null, rotation: null, extensions: [], dial: '' };
      return {
        ...line,
        dial: line.extensions.map((target) => target.extension).join(','),
      };
    },

    // ── Lines and extensions ──

    async listLines(ctx: ActionContext, query: { page: number; pageSize: number }) {
      requirePermission(ctx.principal, 'requests.work');
      const rows = await repo.findLines(db, { limit: query.pageSize, offset: offsetOf(query) });
      return pageFrom(rows, query, presentLine);
    },

    getLine: (_ctx: ActionContext, unitId: string) => loadLine(db, unitId),

    async putLine(
      ctx: ActionContext,
      unitId: string,
      body: TPutPhoneLineBody,
    ): Promise<TPhoneLine> {
      requirePermission(ctx.principal, 'telephony.manage');
      const number = normalisePhone(body.number);
      const saved = await db.transaction().execute(async (trx) => {
        const before = await repo.findLineOfUnit(trx, unitId);
        if (before && body.version === undefined) throw versionConflict();
        const clash = await repo.findLineClash(trx, {
          unitId,
          number,
          menuKey: body.menuKey,
          informationLine: body.informationLine,
        });
        if (clash?.number === number) throw invalidField('number', 'number_taken');
        if (clash && body.menuKey && clash.menu_key === body.menuKey) {
          throw invalidField('menuKey', 'menu_key_taken');
        }
        if (clash) throw invalidField('informationLine', 'information_line_taken');
        const now = clock.now();
        try {
          const written = await repo.upsertLine(
            trx,
            {
              unit_id: unitId,
              number,
              rotation: body.rotation,
              menu_key: body.menuKey,
              information_line: body.informationLine,
              created_at: now,
              updated_at: now,
            },
            body.version,
          );
          if (!written) throw versionConflict();
        } catch (error) {
          if (error instanceof AppError) throw error;
          throw invalidField('unitId', 'unknown_reference', {}, 'path');
        }
        const after = await loadLine(trx, unitId);
        await audit.record(trx, ctx, {
          action: before ? 'update' : 'create',
          entityType: 'telephony_line',
          entityId: unitId,
          before: before ? presentLine(before) : null,
          after,
        });
        return after;
      });
      routing.forget();
      return saved;
    },

    async listExtensions(
      ctx: ActionContext,
      query: { unitId: string; page: number; pageSize: number },
    ) {
      requirePermission(ctx.principal, 'requests.work');
      const rows = await repo.findExtensionsOfUnit(db, {
        unitId: query.unitId,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      return pageFrom(rows, query, (row) => ({
        staff: {
          id: row.id,
          givenName: row.given_name,
          surname: row.surname,
          position: row.position,
          phone: row.phone,
          email: row.email,
        },
        extension: row.extension,
      }));
    },

    async putExtension(ctx: ActionContext, staffId: string, body: TPutExtensionBody) {
      requirePermission(ctx.principal, 'telephony.manage');
      const saved = await db.transaction().execute(async (trx) => {
        const person = (await staff.contactsOf(trx, [staffId])).get(staffId);
        if (!person) throw notFound();
        if (body.extension) {
          const owner = await repo.findExtensionOwner(trx, body.extension);
          if (owner && owner.staff_id !== staffId) {
            throw invalidField('extension', 'extension_taken');
          }
        }
        await repo.setExtension(trx, { staffId, extension: body.extension, now: clock.now() });
        const after = {
          staff: {
            id: person.id,
            givenName: person.givenName,
            surname: person.surname,
            position: person.position,
            phone: person.phone,
            email: person.email,
          },
          extension: body.extension,
        };
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'telephony_extension',
          entityId: staffId,
          after,
        });
        return after;
      });
      routing.forget();
      return saved;
    },

    // ── Calls ──

    async listCalls(ctx: ActionContext, query: TListCallsQuery) {
      requirePermission(ctx.principal, 'requests.work');
      const all = hasPermission(ctx.principal, 'requests.read-all');
      if (query.unitId && !all && !ctx.principal.unitIds.includes(query.unitId)) {
        throw new AppError('forbidden');
      }
      // A client's calls are seen by whoever serves clients (as their record); a unit's by its
      // members and those who see every unit.
      const unitIds = query.unitId
        ? [query.unitId]
        : query.clientId || query.requestId || all
          ? undefined
          : ctx.principal.unitIds;
      const rows = await repo.findCalls(db, {
        clientId: query.clientId,
        requestId: query.requestId,
        unitIds,
        state: query.state,
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const items = await presentCalls(db, rows);
      return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
    },

    async getCall(ctx: ActionContext, id: string): Promise<TCall> {
      requirePermission(ctx.principal, 'requests.work');
      const row = await repo.findCallById(db, id);
      if (!row) throw notFound();
      const [call] = await presentCalls(db, [row]);
      if (!call) throw notFound();
      return call;
    },

    /**
     * Ties the call to the contact logged for it (reason, answer, agreed actions), by a clerk who
     * serves clients in the call's unit, or the one who took a call that reached no unit. The
     * contact's client becomes the call's: the clerk has identified the caller, which the number
     * alone only guesses. Linking the same contact again changes nothing.
     */
    async linkContact(ctx: ActionContext, id: string, body: TLinkCallContactBody): Promise<TCall> {
      return db.transaction().execute(async (trx) => {
        const row = await repo.findCallById(trx, id);
        if (!row) throw notFound();
        if (row.unit_id) {
          assertMayWorkOn(ctx.principal, row.unit_id);
        } else {
          requirePermission(ctx.principal, 'requests.work');
          const own = row.staff_id !== null && row.staff_id === ctx.principal.staffId;
          if (!own && !hasPermission(ctx.principal, 'requests.read-all')) throw notFound();
        }
        const contact = await contacts.referenced(trx, body.contactId);
        if (!contact) throw invalidField('contactId', 'unknown_reference');
        if (contact.channel !== 'phone') throw invalidField('contactId', 'not_a_phone_contact');
        const [before] = await presentCalls(trx, [row]);
        if (!before) throw notFound();
        if (row.contact_id === contact.id) return before;
        if (row.contact_id) throw new AppError('conflict', 'call_has_contact');
        await repo.updateCall(trx, id, {
          contact_id: contact.id,
          client_id: contact.clientId ?? row.client_id,
          updated_at: clock.now(),
        });
        const updated = await repo.findCallById(trx, id);
        if (!updated) throw notFound();
        const [after] = await presentCalls(trx, [updated]);
        if (!after) throw notFound();
        await audit.record(trx, ctx, {
          action: 'link_contact',
          entityType: 'call',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /**
     * Who is calling: the clients with the number, the open requests of theirs the clerk may see
     * and those requests' promises not yet kept. A fixed handful of statements, whatever the
     * number of clients or requests.
     */
    callerCard: (ctx: ActionContext, number: string) => callerCardFor(ctx, number),

    /**
     * Opens a stream of the calls that concern the person (see `announce`); the function
     * returned closes it. Those who serve clients only: they are the ones the phone rings for.
     */
    subscribe(ctx: ActionContext, send: (message: TCallStreamMessage) => void): () => void {
      requirePermission(ctx.principal, 'requests.work');
      if (!ctx.principal.staffId) throw new AppError('forbidden');
      return listeners.add({ ctx, send });
    },

    announce,

    async recording(ctx: ActionContext, id: string) {
      requirePermission(ctx.principal, 'requests.work');
      const row = await repo.findRecording(db, id);
      if (!row) throw notFound();
      return { contentType: row.content_type, content: row.content };
    },

    /**
     * The load chart: incoming calls per unit, weekday and hour. For those who see their units'
     * reports as they see their incidents: the heads (a unit head their units and those below),
     * and whoever sees every unit.
     */
    async load(ctx: ActionContext, query: TLoadQuery): Promise<TLoad> {
      requirePermission(ctx.principal, 'incidents.read');
      const { from, to } = loadPeriodOf(query, rigaDateOf(clock.now()));
      if (from > to) throw invalidField('to', 'range_reversed', {}, 'query');
      if (from < addCalendarDays(to, 1 - LOAD_MAX_DAYS)) {
        throw invalidField('from', 'range_too_long', {}, 'query');
      }
      const viewer = await requests.viewerOf(db, ctx.principal);
      const allowed = viewer.readAll ? null : [...viewer.unitIds];
      const unitIds =
        query.unitId === undefined
          ? allowed
          : allowed === null || allowed.includes(query.unitId)
            ? [query.unitId]
            : [];
      const rows = await repo.findLoad(db, {
        unitIds,
        since: rigaInstantOf(from),
        until: rigaInstantOf(addCalendarDays(to, 1)),
      });
      const units = new Map(rows.map((row) => [row.unitId, row.unitName]));
      return {
        from,
        to,
        units: [...units].map(([id, name]) => ({ id, name })),
        cells: rows.map(({ unitName: _name, ...cell }) => cell),
      };
    },

    /**
     * Voicemail left after hours becomes a request at the start of the next working day (clause
     * 17): in the unit of the topic chosen in the phone menu (client service's information line
     * triages the rest), channel voicemail, due when the message's callback is (the voicemail
     * policy), the recording on the call the request links to. One transaction per message with
     * its audit record; a message already released is left alone, so a second run, here or on
     * another instance, makes nothing twice. The number released.
     */
    async releaseVoicemail(now: Date = clock.now()): Promise<number> {
      const ctx = systemContext('release-voicemail');
      const due = await repo.findUnreleasedVoicemail(db, now, JOB_BATCH);
      let released = 0;
      for (const { id } of due) {
        const done = await db.transaction().execute(async (trx) => {
          const callback = await repo.lockUnreleasedVoicemail(trx, id);
          if (!callback) return false;
          const client = callback.client_id
            ? await clients.referenced(trx, callback.client_id)
            : null;
          const { requestId } = await contacts.registerIn(
            trx,
            ctx,
            {
              channel: 'voicemail',
              occurredAt: callback.called_at,
              client: client && {
                id: client.id,
                kind: client.kind === 'internal' ? 'internal' : 'external',
                name: client.displayName,
              },
              unitId: callback.unit_id,
              reason: `${VOICEMAIL_SERVICE}: ${callback.number}`,
            },
            {
              input: { service: VOICEMAIL_SERVICE, kind: 'consultation', unitId: callback.unit_id },
              policyCode: callback.policy_code,
              dueOn: rigaDateOf(callback.due_at),
              dueAt: callback.due_at,
            },
          );
          await repo.updateCallback(trx, id, { request_id: requestId, updated_at: now });
          await repo.updateCall(trx, callback.call_id, { request_id: requestId, updated_at: now });
          await audit.record(trx, ctx, {
            action: 'release',
            entityType: 'callback',
            entityId: id,
            after: { requestId, unitId: callback.unit_id, callId: callback.call_id },
          });
          return true;
        });
        if (done) released += 1;
      }
      return released;
    },

    /** The recordings whose next try is due, fetched one by one; how many were stored. */
    async fetchDueRecordings(now: Date = clock.now()): Promise<number> {
      let stored = 0;
      for (const { call_id } of await repo.findDueRecordingFetches(db, now, JOB_BATCH)) {
        if (await fetchOwedRecording(call_id, now)) stored += 1;
      }
      return stored;
    },

    // ── Callbacks ──

    async listCallbacks(ctx: ActionContext, query: TListCallbacksQuery) {
      requirePermission(ctx.principal, 'requests.work');
      const all = hasPermission(ctx.principal, 'requests.read-all');
      if (query.unitId && !all && !ctx.principal.unitIds.includes(query.unitId)) {
        throw new AppError('forbidden');
      }
      const states: CallbackState[] = query.state === 'owed' ? ['open', 'claimed'] : [query.state];
      const rows = await repo.findCallbacks(db, {
        unitIds: query.unitId ? [query.unitId] : all ? null : ctx.principal.unitIds,
        states,
        claimedBy: query.mine ? ctx.principal.staffId : null,
        now: clock.now(),
        limit: query.pageSize,
        offset: offsetOf(query),
      });
      const items = await presentCallbacks(db, rows);
      return { items, total: rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
    },

    async getCallback(ctx: ActionContext, id: string): Promise<TCallback> {
      const callback = await loadCallback(db, id);
      assertMayWorkOn(ctx.principal, callback.unit.id);
      return callback;
    },

    /** Takes the callback for oneself; of two simultaneous claims exactly one wins (409 else). */
    async claim(ctx: ActionContext, id: string): Promise<TCallback> {
      const staffId = ctx.principal.staffId;
      if (!staffId) throw new AppError('forbidden');
      return db.transaction().execute(async (trx) => {
        const before = await loadCallback(trx, id);
        assertMayWorkOn(ctx.principal, before.unit.id);
        if (before.state === 'closed') throw new AppError('conflict', 'callback_closed');
        if (before.claimedBy?.id === staffId) return before;
        if (!(await repo.claimCallback(trx, { id, staffId, now: clock.now() }))) {
          throw new AppError('conflict', 'callback_claimed');
        }
        const after = await loadCallback(trx, id);
        await audit.record(trx, ctx, {
          action: 'claim',
          entityType: 'callback',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async release(ctx: ActionContext, id: string): Promise<TCallback> {
      return db.transaction().execute(async (trx) => {
        const before = await loadCallback(trx, id);
        assertMayWorkOn(ctx.principal, before.unit.id);
        if (before.state !== 'claimed' || before.claimedBy?.id !== ctx.principal.staffId) {
          throw new AppError('conflict', 'callback_not_yours');
        }
        await repo.updateCallback(trx, id, {
          state: 'open',
          claimed_by: null,
          claimed_at: null,
          updated_at: clock.now(),
        });
        const after = await loadCallback(trx, id);
        await audit.record(trx, ctx, {
          action: 'release',
          entityType: 'callback',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    /** One try at calling back and its outcome; closes when reached or the tries are used up. */
    async attempt(ctx: ActionContext, id: string, body: TCallbackAttemptBody): Promise<TCallback> {
      return db.transaction().execute(async (trx) => {
        const before = await loadCallback(trx, id);
        assertMayWorkOn(ctx.principal, before.unit.id);
        if (before.state === 'closed') throw new AppError('conflict', 'callback_closed');
        if (before.state !== 'claimed' || before.claimedBy?.id !== ctx.principal.staffId) {
          throw new AppError('conflict', 'callback_not_yours');
        }
        const now = clock.now();
        const { attempts, closing } = afterAttempt(before.attempts.length, body.outcome);
        await repo.insertAttempt(trx, {
          callback_id: id,
          staff_id: ctx.principal.staffId,
          at: now,
          outcome: body.outcome,
          note: body.note ?? null,
        });
        await repo.updateCallback(trx, id, {
          attempt_count: attempts,
          updated_at: now,
          ...(closing ? { state: 'closed' as const, closing, closed_at: now } : {}),
        });
        const after = await loadCallback(trx, id);
        await audit.record(trx, ctx, {
          action: 'attempt',
          entityType: 'callback',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },

    async close(ctx: ActionContext, id: string, body: TCloseCallbackBody): Promise<TCallback> {
      return db.transaction().execute(async (trx) => {
        const before = await loadCallback(trx, id);
        assertMayWorkOn(ctx.principal, before.unit.id);
        if (before.version !== body.version) throw versionConflict();
        if (before.state === 'closed') throw new AppError('conflict', 'callback_closed');
        const now = clock.now();
        await repo.updateCallback(trx, id, {
          state: 'closed',
          closing: 'closed_by_staff',
          closed_at: now,
          updated_at: now,
        });
        const after = await loadCallback(trx, id);
        await audit.record(trx, ctx, {
          action: 'close',
          entityType: 'callback',
          entityId: id,
          before,
          after,
          context: { note: body.note ?? null },
        });
        return after;
      });
    },
  };
}
export type TelephonyService = ReturnType<typeof createTelephonyService>;

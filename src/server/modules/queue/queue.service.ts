import type { Kysely } from 'kysely';
import type { TQueue, TQueueEntry } from '../../../contracts/queue.contracts';
import { queueOrder } from '../../../domain/queue';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { assertMayServe, type ClientsService } from '../clients/clients.service';
import type { RequestsService } from '../requests/requests.service';
import type { StaffService } from '../staff/staff.service';
import { presentQueueEntry } from './queue.presenter';
import {
  claimEntry,
  findEntryById,
  findEntryOfContact,
  findOpenEntries,
  findServicesOf,
  findWaitingAt,
  finishEntriesOf,
  insertEntry,
  updateWaitingEntry,
  type QueueEntryRow,
} from './queue.repository';

interface Entry extends QueueEntryRow {
  arrivedAt: Date;
  inPerson: boolean;
}

const asEntry = (row: QueueEntryRow): Entry => ({
  ...row,
  arrivedAt: row.arrived_at,
  inPerson: row.in_person,
});

export function createQueueService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  clients: ClientsService;
  requests: RequestsService;
  staff: StaffService;
  /**
   * The contacts module's write that makes the clerk who calls a person in the one serving
   * their visit, in the caller's transaction. Passed in because contacts already depends on
   * the queue (a visit takes its place in it), so the queue cannot depend on contacts.
   */
  setContactStaff: (trx: Executor, contactId: string, staffId: string | null) => Promise<void>;
}) {
  const { db, audit, clock, clients, requests, staff, setContactStaff } = deps;

  /** The queue of a unit is seen by its people (a head's by the units below too) and by those who see all. */
  async function assertMaySeeUnit(executor: Executor, ctx: ActionContext, unitId: string) {
    const viewer = await requests.viewerOf(executor, ctx.principal);
    if (!viewer.readAll && !viewer.unitIds.has(unitId)) throw new AppError('forbidden');
  }

  async function present(executor: Executor, rows: readonly QueueEntryRow[]) {
    const now = clock.now();
    const contactIds = rows.map((row) => row.contact_id);
    const [clientMap, services, people] = [
      await clients.summariesOf(
        executor,
        rows.flatMap((row) => (row.client_id ? [row.client_id] : [])),
      ),
      await findServicesOf(executor, contactIds),
      await staff.contactsOf(
        executor,
        rows.flatMap((row) => (row.assigned_to ? [row.assigned_to] : [])),
      ),
    ];
    return rows.map((row) => presentQueueEntry(row, { clients: clientMap, services, people, now }));
  }

  async function presentOne(executor: Executor, id: string): Promise<TQueueEntry> {
    const row = await findEntryById(executor, id);
    if (!row) throw notFound();
    const [entry] = await present(executor, [row]);
    if (!entry) throw notFound();
    return entry;
  }

  /** A waiting entry the principal may act on, at the version they read. */
  async function waitingEntry(trx: Executor, ctx: ActionContext, id: string, version: number) {
    requirePermission(ctx.principal, 'requests.work');
    const row = await findEntryById(trx, id);
    if (!row) throw notFound();
    await assertMaySeeUnit(trx, ctx, row.unit_id);
    if (row.version !== version) throw versionConflict();
    if (row.state !== 'waiting') throw new AppError('conflict', 'queue_entry_not_waiting');
    return row;
  }

  return {
    /** Puts a contact's visitor in the unit's queue, in the caller's transaction. */
    async enqueueIn(
      trx: Executor,
      entry: { contactId: string; unitId: string; external: boolean; inPerson: boolean; at: Date },
    ): Promise<void> {
      await insertEntry(trx, {
        contact_id: entry.contactId,
        unit_id: entry.unitId,
        external: entry.external,
        in_person: entry.inPerson,
        arrived_at: entry.at,
        state: 'waiting',
      });
    },

    /** Takes the visitor of a contact that ends out of the queue, in the caller's transaction. */
    async finishIn(trx: Executor, contactId: string, at: Date): Promise<void> {
      await finishEntriesOf(trx, contactId, at);
    },

    /** A contact's place in the queue (its latest entry), if it queued. */
    async entryOfContact(executor: Executor, contactId: string) {
      return findEntryOfContact(executor, contactId);
    },

    /** The unit's queue: those waiting in the order they are served (clause 11.10), and those being served. */
    async list(ctx: ActionContext, unitId: string): Promise<TQueue> {
      assertMayServe(ctx);
      await assertMaySeeUnit(db, ctx, unitId);
      const rows = await findOpenEntries(db, unitId);
      const waiting = queueOrder(rows.filter((row) => row.state === 'waiting').map(asEntry));
      const serving = rows
        .filter((row) => row.state === 'serving')
        .sort((a, b) => (a.called_at?.getTime() ?? 0) - (b.called_at?.getTime() ?? 0));
      return {
        unitId,
        waiting: await present(db, waiting),
        serving: await present(db, serving),
      };
    },

    /**
     * Who waits at the person's units (a head's and the units below), in the order they are
     * served: how many, and the first few.
     */
    async waitingFor(ctx: ActionContext, limit: number) {
      assertMayServe(ctx);
      const viewer = await requests.viewerOf(db, ctx.principal);
      const waiting = queueOrder((await findWaitingAt(db, [...viewer.unitIds])).map(asEntry));
      return { count: waiting.length, items: await present(db, waiting.slice(0, limit)) };
    },

    /**
     * Calls the next person for the signed-in clerk: first anyone a colleague moved to them,
     * then the queue's order; people moved to another colleague are left for them.
     */
    async callNext(ctx: ActionContext, unitId: string): Promise<TQueueEntry> {
      requirePermission(ctx.principal, 'requests.work');
      const me = ctx.principal.staffId;
      return db.transaction().execute(async (trx) => {
        await assertMaySeeUnit(trx, ctx, unitId);
        const waiting = (await findOpenEntries(trx, unitId)).filter(
          (row) => row.state === 'waiting' && (row.assigned_to === null || row.assigned_to === me),
        );
        const ordered = queueOrder(waiting.map(asEntry));
        const candidates = [
          ...ordered.filter((row) => row.assigned_to === me),
          ...ordered.filter((row) => row.assigned_to === null),
        ];
        const now = clock.now();
        for (const candidate of candidates) {
          if (await claimEntry(trx, { id: candidate.id, staffId: me, at: now })) {
            await setContactStaff(trx, candidate.contact_id, me);
            const entry = await presentOne(trx, candidate.id);
            await audit.record(trx, ctx, {
              action: 'call',
              entityType: 'queue_entry',
              entityId: candidate.id,
              before: { state: 'waiting' },
              after: { state: 'serving', assignedTo: me },
            });
            return entry;
          }
        }
        throw new AppError('conflict', 'queue_empty');
      });
    },

    /** Moves a waiting person to a colleague, who calls them next. */
    async assign(
      ctx: ActionContext,
      id: string,
      body: { staffId: string; version: number },
    ): Promise<TQueueEntry> {
      return db.transaction().execute(async (trx) => {
        const row = await waitingEntry(trx, ctx, id, body.version);
        const colleague = (await staff.contactsOf(trx, [body.staffId])).get(body.staffId);
        if (!colleague?.active) throw invalidField('staffId', 'unknown_reference');
        // Only someone who works at this queue's unit can call the person.
        if (!(await staff.unitIdsOf(trx, body.staffId)).includes(row.unit_id)) {
          throw invalidField('staffId', 'not_in_unit');
        }
        const saved = await updateWaitingEntry(trx, {
          id,
          version: body.version,
          changes: { assigned_to: body.staffId },
        });
        if (!saved) throw versionConflict();
        await audit.record(trx, ctx, {
          action: 'assign',
          entityType: 'queue_entry',
          entityId: id,
          before: { assignedTo: row.assigned_to },
          after: { assignedTo: body.staffId },
        });
        return presentOne(trx, id);
      });
    },

    /** Records that a waiting person left without being served. */
    async leave(ctx: ActionContext, id: string, version: number): Promise<TQueueEntry> {
      return db.transaction().execute(async (trx) => {
        await waitingEntry(trx, ctx, id, version);
        const saved = await updateWaitingEntry(trx, {
          id,
          version,
          changes: { state: 'left', finished_at: clock.now() },
        });
        if (!saved) throw versionConflict();
        await audit.record(trx, ctx, {
          action: 'leave',
          entityType: 'queue_entry',
          entityId: id,
          before: { state: 'waiting' },
          after: { state: 'left' },
        });
        return presentOne(trx, id);
      });
    },
  };
}
export type QueueService = ReturnType<typeof createQueueService>;

import type { Kysely } from 'kysely';
import { DUE_SOON_HOURS } from '../../../domain/commitments';
import type { WorkScope } from '../../../domain/requests';
import { rigaDateOf } from '../../../domain/riga-time';
import type {
  TCommitment,
  TCommitmentPage,
  TCreateCommitmentBody,
} from '../../../contracts/commitments.contracts';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { invalidField, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { assertMayServe } from '../clients/clients.service';
import { offsetOf } from '../paging';
import type { RequestAccess } from '../requests/requests.service';
import type { StaffService } from '../staff/staff.service';
import { presentCommitment, presentCommitmentPage } from './commitments.presenter';
import {
  countCommitmentsDueIn,
  findCommitmentById,
  findCommitmentsDueIn,
  findCommitmentsKeptBy,
  findCommitmentsOf,
  findOpenCommitmentsOf,
  handOverCommitments,
  insertCommitment,
  markCommitmentKept,
} from './commitments.repository';

/**
 * What was promised to a client, by when and in which form (clauses 11.9, 15.5.1). A promise
 * hangs on a request: it is made and kept through the request's access rules and shows on its
 * timeline.
 */
export function createCommitmentsService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
  staff: StaffService;
  requestAccess: RequestAccess;
}) {
  const { db, audit, clock, staff, requestAccess } = deps;

  /** Promises turn red this long before they are due. */
  const soonAfter = (now: Date) => new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000);

  async function assertActiveStaff(executor: Executor, staffId: string, field: string) {
    const person = (await staff.contactsOf(executor, [staffId])).get(staffId);
    if (!person?.active) throw invalidField(field, 'unknown_reference');
  }

  return {
    async add(
      ctx: ActionContext,
      requestId: string,
      body: TCreateCommitmentBody,
    ): Promise<TCommitment> {
      // Like an extension's date, a promise is for later: a day gone by, or an hour gone today.
      const now = clock.now();
      const dueAt = new Date(body.dueAt);
      if (rigaDateOf(dueAt) < rigaDateOf(now)) throw invalidField('dueAt', 'date_in_past');
      if (dueAt < now) throw invalidField('dueAt', 'time_in_past');
      return db.transaction().execute(async (trx) => {
        const row = await requestAccess.forChange(trx, ctx, requestId);
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
        await requestAccess.recordEvent(trx, ctx, row.id, 'commitment', {
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

    async keep(ctx: ActionContext, commitmentId: string, version: number): Promise<TCommitment> {
      return db.transaction().execute(async (trx) => {
        const before = await findCommitmentById(trx, commitmentId);
        if (!before) throw notFound();
        // The keeper keeps their own promise even if the request has since moved out of sight.
        if (before.keeper_id === ctx.principal.staffId) {
          requirePermission(ctx.principal, 'requests.work');
        } else {
          await requestAccess.forChange(trx, ctx, before.request_id);
        }
        if (before.version !== version || before.kept_at) throw versionConflict();
        const now = clock.now();
        if (!(await markCommitmentKept(trx, { id: commitmentId, version, at: now })))
          throw versionConflict();
        await requestAccess.recordEvent(trx, ctx, before.request_id, 'commitment-kept', {
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
    async mine(
      ctx: ActionContext,
      query: { includeKept: boolean; page: number; pageSize: number },
    ): Promise<TCommitmentPage> {
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
      return presentCommitmentPage(rows, now, query);
    },

    /** A request's promises, for its page; the caller has checked that the viewer sees it. */
    async ofRequest(executor: Executor, requestId: string, now: Date): Promise<TCommitment[]> {
      return (await findCommitmentsOf(executor, requestId)).map((row) =>
        presentCommitment(row, now),
      );
    },

    /**
     * The promises still to keep of these requests, in one statement; the caller has checked
     * that the viewer sees the requests.
     */
    async openOf(executor: Executor, requestIds: readonly string[], now: Date) {
      return (await findOpenCommitmentsOf(executor, requestIds)).map((row) =>
        presentCommitment(row, now),
      );
    },

    /**
     * In the caller's transaction, a request's open promises pass from its previous owner to its
     * new one: what was promised the client, the new owner now keeps. The number handed over.
     */
    handOverIn(
      trx: Executor,
      handover: { requestId: string; from: string; to: string },
    ): Promise<number> {
      return handOverCommitments(trx, handover);
    },

    /** How many open promises in the scope fall due within a day (or are overdue). */
    dueCountIn(executor: Executor, scope: WorkScope, now: Date): Promise<number> {
      return countCommitmentsDueIn(executor, { scope, soon: soonAfter(now) });
    },

    /** The open promises of a start page falling due within a day: how many, and the first few. */
    async dueIn(
      executor: Executor,
      { scope, now, limit }: { scope: WorkScope; now: Date; limit: number },
    ): Promise<{ count: number; items: TCommitment[] }> {
      const soon = soonAfter(now);
      const count = await countCommitmentsDueIn(executor, { scope, soon });
      const rows = await findCommitmentsDueIn(executor, { scope, soon, limit });
      return { count, items: rows.map((row) => presentCommitment(row, now)) };
    },
  };
}
export type CommitmentsService = ReturnType<typeof createCommitmentsService>;
